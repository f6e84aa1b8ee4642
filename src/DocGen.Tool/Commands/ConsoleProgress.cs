using DocGen.Core.Pipeline;

namespace DocGen.Tool.Commands;

/// <summary>
/// Shows progress on stderr: one self-overwriting status line on a terminal, plain lines when stderr is
/// redirected (logs, CI, the MSBuild task), so neither gets carriage-return noise.
/// </summary>
internal sealed class ConsoleProgress(TextWriter stderr) : IProgress<PipelineProgress>
{
    private readonly bool _interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
    private readonly Lock _gate = new();
    private int _width;

    public void Report(PipelineProgress value) => Line($"{value.Message}…");

    public void Line(string text)
    {
        lock (_gate)
        {
            if (!_interactive)
            {
                stderr.WriteLine(text);
                return;
            }
            var padded = text.Length < _width ? text.PadRight(_width) : text;
            stderr.Write("\r" + padded);
            _width = text.Length;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            if (_interactive && _width > 0) stderr.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
        }
    }
}
