using System.CommandLine;
using DocGen.Core;
using DocGen.Tool.Commands;
using DocGen.Tool.Commands.Fill;
using DocGen.Tool.Commands.Init;
using DocGen.Tool.Commands.Serve;

namespace DocGen.Tool;

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
