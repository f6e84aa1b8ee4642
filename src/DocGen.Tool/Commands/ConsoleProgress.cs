using System.Diagnostics;
using DocGen.Core.Generation;
using DocGen.Core.Pipeline;

namespace DocGen.Tool.Commands;

/// <summary>
/// Shows progress on stderr: one self-overwriting status line on a terminal, plain lines when stderr is
/// redirected (logs, CI, the MSBuild task), so neither gets carriage-return noise.
/// </summary>
internal sealed class ConsoleProgress(TextWriter stderr) : IProgress<PipelineProgress>, IProgress<GenerationProgress>
{
    private readonly bool _interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
    private readonly Lock _gate = new();
    private readonly Stopwatch _sinceLastLine = Stopwatch.StartNew();
    private int _width;

    public void Report(PipelineProgress value) => Line($"{value.Message}…");

    /// <summary>Model requests: a live counter on a terminal; when redirected, one line per finished request at most every 2 s.</summary>
    public void Report(GenerationProgress value)
    {
        switch (value.Kind)
        {
            case GenerationProgressKind.Planned:
                if (value.Total > 0) Line($"Asking the model: {value.Total} requests…");
                break;
            case GenerationProgressKind.Receiving when _interactive:
                if (_sinceLastLine.ElapsedMilliseconds >= 100)
                    Line($"Asking the model: {value.Completed}/{value.Total} done, receiving {value.Request} ({value.ReceivedChars:N0} chars)…");
                break;
            case GenerationProgressKind.RetryWaiting when value.Wait is { } wait:
                Line($"Asking the model: {value.Request ?? "a request"} failed ({value.Detail}); retrying in {wait.TotalSeconds:0.0} s…");
                break;
            case GenerationProgressKind.ToolCall when _interactive:
                Line($"Asking the model: {value.Request} looks up {value.Detail}…");
                break;
            case GenerationProgressKind.Notice:
                // Said at once (the circuit breaker opened), on its own line so the live line does not overwrite it.
                Clear();
                stderr.WriteLine(value.Detail);
                break;
            case GenerationProgressKind.RequestFinished:
                if (_interactive || _sinceLastLine.ElapsedMilliseconds >= 2000 || value.Completed == value.Total)
                    Line($"Asking the model: {value.Completed}/{value.Total} done");
                break;
        }
    }

    public void Line(string text)
    {
        lock (_gate)
        {
            _sinceLastLine.Restart();
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
