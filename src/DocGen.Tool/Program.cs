namespace DocGen.Tool;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Ctrl+C cancels the run (the engine leaves every file whole) instead of killing the process mid-write.
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        return await Cli.RunAsync(args, Console.Out, Console.Error, cts.Token).ConfigureAwait(false);
    }
}
