namespace DocGen.Tool;

/// <summary>Command-line entry. (Stub: filled in by the CLI work.)</summary>
public static class Cli
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("docgen: not implemented yet");
        return Task.FromResult(2);
    }
}
