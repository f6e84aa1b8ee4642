using System.CommandLine;
using System.Text.Json;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation;
using DocGen.Core.Inputs;
using DocGen.Core.Options;
using DocGen.Core.Pipeline;

namespace DocGen.Tool.Commands;

/// <summary><c>docgen build [PATH] [options]</c>: one run of the pipeline over a project or an assembly.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string?>("path")
        {
            Description = "A .csproj or a .dll (with its .xml beside it). Default: the only project in the current folder.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var request = new Option<string?>("--request") { Description = "Run a request file written by the DocGen.Build MSBuild task (internal).", Hidden = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print stage timings and informational messages." };
        var command = new Command("build", "Extract the API, complete docs and write the site, Markdown, manifests and report.json.");
        command.Arguments.Add(path);
        command.Options.Add(request);
        command.Options.Add(verbose);

        var engineOptions = new EngineOptions(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var values = engineOptions.Given(parse);
            var run = new BuildRun(stdout, stderr, parse.GetValue(verbose));
            var requestFile = parse.GetValue(request);
            return requestFile is not null
                ? await run.RunRequestAsync(requestFile, cancellationToken).ConfigureAwait(false)
                : await run.RunPathAsync(parse.GetValue(path), values, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

/// <summary>The work behind <c>docgen build</c>: resolve inputs and options, run the pipeline, report.</summary>
internal sealed class BuildRun(TextWriter stdout, TextWriter stderr, bool verbose)
{
    private readonly ConsoleProgress _progress = new(stderr);

    public async Task<int> RunPathAsync(string? path, IReadOnlyList<KeyValuePair<string, string?>> values, CancellationToken cancellationToken)
    {
        var (options, errors) = OptionBinder.Bind(new DocGenOptions(), values);
        if (!errors.IsEmpty) return UsageErrors(errors);

        if (path is not null && path.StartsWith('-')) return UsageErrors([$"unknown option '{path}'"]);
        path ??= CommandInputs.FindProject(Directory.GetCurrentDirectory());
        if (path is null) return UsageErrors(["no path given and the current folder has no single .csproj; run 'docgen build PATH'"]);
        var (loaded, exitCode) = await CommandInputs.LoadAsync(path, options, _progress, stdout, cancellationToken).ConfigureAwait(false);
        if (loaded is not { } inputs) return exitCode;

        options = options with { OutputPath = Path.GetFullPath(options.OutputPath ?? DefaultOutput(inputs)) };
        return await RunPipelineAsync(inputs, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RunRequestAsync(string requestFile, CancellationToken cancellationToken)
    {
        BuildRequest request;
        try
        {
            request = BuildRequest.FromJson(await File.ReadAllTextAsync(requestFile, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            Print(DiagnosticIds.InvalidRequest.Create(requestFile, null, requestFile, ex.Message));
            return ExitCodes.Usage;
        }
        var (options, errors) = OptionBinder.Bind(new DocGenOptions(), request.Properties);
        if (!errors.IsEmpty) return UsageErrors(errors);
        options = options with
        {
            OutputPath = Path.GetFullPath(options.OutputPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(requestFile))!, "docgen")),
        };
        return await RunPipelineAsync(request.Inputs, options, cancellationToken, forBuild: true).ConfigureAwait(false);
    }

    private async Task<int> RunPipelineAsync(ProjectInputs inputs, DocGenOptions options, CancellationToken cancellationToken, bool forBuild = false)
    {
        var pipeline = DocGenPipeline.CreateDefault(_progress);
        var result = await pipeline.RunAsync(inputs, options, _progress, cancellationToken).ConfigureAwait(false);
        _progress.Clear();

        foreach (var diagnostic in result.Diagnostics)
            if (diagnostic.Severity != DiagnosticSeverity.Info || verbose) Print(diagnostic);
        if (verbose)
        {
            stdout.WriteLine("DocGen timings: " + string.Join(", ", result.Timings.Select(t => $"{t.Key} {t.Value.TotalMilliseconds:F0} ms")));
            stdout.WriteLine(FormattableString.Invariant(
                $"DocGen memory: {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB allocated, GC gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms"));
        }
        if (result.Report.Generation is GenerationReport generation && options.Provider != ProviderKind.None)
            stdout.WriteLine(generation.ToSummaryLine());
        stdout.WriteLine(SummaryLine.Format(result, options));
        if (!result.Succeeded) return ExitCodes.Errors;
        return forBuild && result.Incomplete ? ExitCodes.Incomplete : ExitCodes.Ok;
    }

    private int UsageErrors(IEnumerable<string> errors)
    {
        foreach (var error in errors) Print(DiagnosticIds.InvalidOption.Create(error));
        return ExitCodes.Usage;
    }

    private void Print(Diagnostic diagnostic) => CommandInputs.Print(stdout, diagnostic);

    private static string DefaultOutput(ProjectInputs inputs) => inputs.ProjectPath is { } project
        ? Path.Combine(Path.GetDirectoryName(project)!, "obj", "docgen")
        : Path.Combine(Path.GetDirectoryName(inputs.AssemblyPath)!, "docgen");
}
