using System.CommandLine;
using DocGen.Tool.Commands;
using DocGen.Tool.Commands.Fill;
using DocGen.Tool.Commands.Init;
using DocGen.Tool.Commands.Serve;

namespace DocGen.Tool;

/// <summary>Exit codes of the <c>docgen</c> command (a contract for scripts and the MSBuild task).</summary>
public static class ExitCodes
{
    /// <summary>Success, possibly with warnings.</summary>
    public const int Ok = 0;
    /// <summary>The run reported errors.</summary>
    public const int Errors = 1;
    /// <summary>Bad command line, options, properties or input path.</summary>
    public const int Usage = 2;
    /// <summary>
    /// Only with <c>--request</c> (the MSBuild task): the run succeeded, but its output is not final (model requests
    /// failed and fell back, or a file in DocGen's way kept one of its files from being written), so the build must
    /// not record it as up to date. Without <c>--request</c> such a run exits with <see cref="Ok"/> and its warnings.
    /// </summary>
    public const int Incomplete = 3;
    /// <summary>Cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}

/// <summary>Builds the command tree and runs it.</summary>
public static class Cli
{
    /// <summary>The command tree: every verb with its flags (the documentation test walks it too).</summary>
    internal static RootCommand CreateRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("DocGen: API documentation sites, package manifests and generated code from .NET builds.");
        root.Subcommands.Add(BuildCommand.Create(stdout, stderr));
        root.Subcommands.Add(RenderCommand.Create(stdout, stderr));
        root.Subcommands.Add(GenerateCodeCommand.Create(stdout, stderr));
        root.Subcommands.Add(FillCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));
        root.Subcommands.Add(InitCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.Cache.CacheCommand.Create(stdout, stderr));
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen verb.</summary>
    /// <returns>One of <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var parse = CreateRoot(stdout, stderr).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                stderr.WriteLine($"docgen: error DG0001: {error.Message}");
            stderr.WriteLine("Run 'docgen --help' for usage.");
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("docgen: error DG0008: Cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            // A bug, not a user error: say so with the stack so it can be reported, never crash silently.
            stderr.WriteLine($"docgen: error DG0009: Internal error: {ex.GetType().Name}: {ex.Message}");
            stderr.WriteLine(ex);
            return ExitCodes.Errors;
        }
    }
}
