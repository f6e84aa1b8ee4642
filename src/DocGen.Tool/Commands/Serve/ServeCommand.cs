using System.CommandLine;
using System.Net;
using DocGen.Core.Diagnostics;
using DocGen.Core.Options;
using DocGen.Core;

namespace DocGen.Tool.Commands.Serve;

/// <summary>
/// <c>docgen serve [PATH] [--port N]</c>: builds the site, serves it on 127.0.0.1, and rebuilds and reloads the open
/// pages whenever a source, project file or template changes. Ctrl+C stops it (exit code 0).
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 8080;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = CommandInputs.PathArgument("A .csproj, a folder holding one, or a .dll.");
        var port = new Option<int>("--port") { Description = $"Port on 127.0.0.1 (default {DefaultPort}; 0 picks a free one).", DefaultValueFactory = _ => DefaultPort };
        var verbose = new Option<bool>("--verbose") { Description = "Print every rebuild's diagnostics in full, timings and informational messages." };
        var command = new Command("serve", "Build the site, serve it on 127.0.0.1 and rebuild and reload the page when sources or templates change.");
        command.Arguments.Add(path);
        command.Options.Add(port);
        command.Options.Add(verbose);
        var engineOptions = new EngineOptions(command);

        command.SetAction(async (parse, cancellationToken) => await new ServeRun(stdout, stderr, parse.GetValue(verbose))
            .RunAsync(parse.GetValue(path), parse.GetValue(port), engineOptions.Given(parse), cancellationToken).ConfigureAwait(false));
        return command;
    }
}

/// <summary>The work behind <c>docgen serve</c>: build, serve, then watch → rebuild → reload until cancelled.</summary>
internal sealed class ServeRun(TextWriter stdout, TextWriter stderr, bool verbose)
{
    public async Task<int> RunAsync(string? path, int port, IReadOnlyList<KeyValuePair<string, string?>> values, CancellationToken cancellationToken)
    {
        if (port is < 0 or > 65535)
        {
            CommandInputs.Print(stderr, DiagnosticIds.InvalidOption.Create($"--port: {port} is not a port number (1-65535, or 0 for a free one)"));
            return ExitCodes.Usage;
        }
        try
        {
            var (prepared, exitCode) = await BuildAsync(path, values, cancellationToken).ConfigureAwait(false);
            if (prepared is null) return exitCode;
            var options = prepared.Options;
            var site = Path.Combine(options.OutputPath!, "site");

            SiteServer server;
            try { server = SiteServer.Start(site, port); }
            catch (HttpListenerException ex)
            {
                CommandInputs.Print(stderr, DiagnosticIds.ServeFailed.Create($"http://127.0.0.1:{port}/", ex.Message));
                return ExitCodes.Errors;
            }
            await using (server.ConfigureAwait(false))
            {
                var projectDir = Path.GetDirectoryName(Path.GetFullPath(prepared.Inputs.ProjectPath ?? prepared.InputPath))!;
                using var watcher = new ChangeWatcher(projectDir, options.TemplatesDirectory, options.OutputPath!);
                stdout.WriteLine($"DocGen: serving {server.Url} from {site}; rebuilding when sources or templates change (Ctrl+C stops)");
                await WatchAsync(server, watcher, prepared.InputPath, values, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how a server is meant to stop: files are whole (every write is atomic), the port is released.
        }
        stdout.WriteLine("DocGen: stopped serving");
        return ExitCodes.Ok;
    }

    private async Task WatchAsync(SiteServer server, ChangeWatcher watcher, string input, IReadOnlyList<KeyValuePair<string, string?>> values, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = await watcher.WaitAsync(cancellationToken).ConfigureAwait(false);
            stdout.WriteLine($"DocGen: {Path.GetFileName(changed)} changed, rebuilding");
            if (await BuildAsync(input, values, cancellationToken).ConfigureAwait(false) is { Run: not null, ExitCode: ExitCodes.Ok })
            {
                server.Reload();
                stdout.WriteLine($"DocGen: reloaded {server.Clients} open page(s)");
            }
        }
    }

    /// <summary>
    /// One build of the site. The input is prepared afresh each time, so a project whose sources are newer than its
    /// assembly is rebuilt first; a served site needs its HTML, whatever <c>--formats</c> says.
    /// </summary>
    /// <returns>The prepared run (null when the input could not be loaded) and the exit code of the build.</returns>
    private async Task<(PreparedRun? Run, int ExitCode)> BuildAsync(string? input, IReadOnlyList<KeyValuePair<string, string?>> values, CancellationToken cancellationToken)
    {
        var build = new BuildRun(stdout, stderr, verbose);
        var (prepared, exitCode) = await build.PrepareAsync(input, values, cancellationToken).ConfigureAwait(false);
        if (prepared is null) return (null, exitCode);
        prepared = prepared with { Options = prepared.Options with { Formats = prepared.Options.Formats | OutputFormats.Html } };
        var result = await build.RunPipelineAsync(prepared.Inputs, prepared.Options, null, cancellationToken).ConfigureAwait(false);
        return (prepared, build.Report(result, prepared.Options));
    }
}
