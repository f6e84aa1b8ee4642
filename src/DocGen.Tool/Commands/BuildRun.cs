using DocGen.Core.Diagnostics;
using DocGen.Core.Generation;
using DocGen.Core.Inputs;
using DocGen.Core.Options;
using DocGen.Core.Pipeline;
using DocGen.Tool.Commands.Cache;
using DocGen.Core;

namespace DocGen.Tool.Commands;

/// <summary>A resolved input with its bound options, ready for the pipeline.</summary>
internal sealed record PreparedRun(string InputPath, ProjectInputs Inputs, DocGenOptions Options);

/// <summary>
/// The work behind <c>docgen build</c> (and the MSBuild task's request file), reused by <c>serve</c> and <c>fill</c>:
/// resolve inputs and options, run the pipeline, check coverage, maintain the cache, report.
/// </summary>
internal sealed class BuildRun(TextWriter stdout, TextWriter stderr, bool verbose)
{
    public ConsoleProgress Progress { get; } = new(stderr);

    public async Task<int> RunPathAsync(string? path, IReadOnlyList<KeyValuePair<string, string?>> values, CancellationToken cancellationToken)
    {
        var (prepared, exitCode) = await PrepareAsync(path, values, cancellationToken).ConfigureAwait(false);
        if (prepared is null) return exitCode;
        // The same request a build writes, from the flags and the evaluated project.
        var request = new EngineRequest { Kind = RequestKind.Docs, Inputs = prepared.Inputs, Properties = new(values, StringComparer.OrdinalIgnoreCase) };
        return await RunAsync(new LoadedRequest(request, prepared.Options), fromBuild: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Binds the flags, finds the input (a file, or the one project of a folder) and loads it (building a stale project).</summary>
    public async Task<(PreparedRun? Run, int ExitCode)> PrepareAsync(string? path, IReadOnlyList<KeyValuePair<string, string?>> values, CancellationToken cancellationToken)
    {
        var (options, errors) = OptionBinder.Bind(new DocGenOptions(), values);
        if (!errors.IsEmpty) return (null, UsageErrors(errors));
        if (path is not null && path.StartsWith('-')) return (null, UsageErrors([$"unknown option '{path}'"]));

        var (input, problem) = CommandInputs.Resolve(path);
        if (problem is not null)
        {
            Print(problem);
            return (null, ExitCodes.Usage);
        }
        var (loaded, exitCode) = await CommandInputs.LoadAsync(input!, options, Progress, stderr, cancellationToken).ConfigureAwait(false);
        if (loaded is not { } inputs) return (null, exitCode);
        options = options with { OutputPath = Path.GetFullPath(options.OutputPath ?? CommandInputs.DefaultOutput(inputs)) };
        return (new PreparedRun(input!, inputs, options), ExitCodes.Ok);
    }

    /// <summary>Runs a request file of the DocGen.Build targets (kind <c>docs</c>; <see cref="RequestLoader"/>).</summary>
    public async Task<int> RunRequestAsync(string requestFile, CancellationToken cancellationToken)
    {
        var (loaded, problems) = await RequestLoader.LoadAsync(requestFile, RequestKind.Docs, cancellationToken).ConfigureAwait(false);
        if (loaded is null)
        {
            foreach (var problem in problems) Print(problem);
            return ExitCodes.Usage;
        }
        return await RunAsync(loaded, fromBuild: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> RunAsync(LoadedRequest loaded, bool fromBuild, CancellationToken cancellationToken)
    {
        var result = await RunPipelineAsync(loaded.Request.Inputs, loaded.Options, null, cancellationToken).ConfigureAwait(false);
        var exitCode = Report(result, loaded.Options);
        // Only the MSBuild task asks for "incomplete" (it then leaves the stamp, so the next build retries); a person at
        // the command line sees the warnings and a normal exit code.
        return fromBuild && exitCode == ExitCodes.Ok && result.Incomplete ? ExitCodes.Incomplete : exitCode;
    }

    /// <summary>Runs the pipeline (the default one when <paramref name="pipeline"/> is null), then the cache's upkeep.</summary>
    public async Task<PipelineResult> RunPipelineAsync(ProjectInputs inputs, DocGenOptions options, DocGenPipeline? pipeline, CancellationToken cancellationToken)
    {
        pipeline ??= DocGenPipeline.CreateDefault(Progress);
        var result = await pipeline.RunAsync(inputs, options, Progress, cancellationToken).ConfigureAwait(false);
        Progress.Clear();
        var cacheDirectory = options.CacheDirectory ?? new DocGenerationEngine().DefaultCacheDirectory(options.OutputPath!);
        if (result.Report.Generation is GenerationReport { CacheHits: var hits, CacheMisses: var misses } && hits + misses > 0)
            CacheRunLog.Append(cacheDirectory, inputs.ProjectName ?? Path.GetFileNameWithoutExtension(inputs.AssemblyPath), hits, misses);
        if (options.CacheMaxSize is { } maxSize && CachePruning.Run(cacheDirectory, maxSize, stderr) is { } pruned)
            stdout.WriteLine(pruned);
        return result;
    }

    /// <summary>Prints the diagnostics, the fallback and coverage lines and the summary; returns the exit code.</summary>
    public int Report(PipelineResult result, DocGenOptions options, bool summary = true)
    {
        foreach (var diagnostic in result.Diagnostics)
            if (diagnostic.Severity != DiagnosticSeverity.Info || verbose) Print(diagnostic);
        var failed = !result.Succeeded;
        if (options.MinCoverage is { } minimum && result.Report.Counts is { } counts && counts.CoveragePercent < minimum)
        {
            Print(DiagnosticIds.CoverageBelowMinimum.Create(counts.CoveragePercent, minimum, counts.Total - counts.Documented));
            failed = true;
        }
        if (verbose)
        {
            stdout.WriteLine("DocGen timings: " + string.Join(", ", result.Timings.Select(t => $"{t.Key} {t.Value.TotalMilliseconds:F0} ms")));
            stdout.WriteLine(FormattableString.Invariant(
                $"DocGen memory: {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB allocated, GC gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms"));
        }
        if (result.Report.Generation is GenerationReport generation && options.Provider != ProviderKind.None)
            stdout.WriteLine(generation.ToSummaryLine());
        // DG0410 is informational (a model-less build is normal), but a reader should still learn without --verbose that
        // the site shows made-up text: one line, before the summary (the MSBuild task keeps the last "DocGen:" line).
        if (result.Diagnostics.FirstOrDefault(d => d.Id == DiagnosticIds.FallbackDocsUsed.Id) is { } fallback)
            stdout.WriteLine($"DocGen: {fallback.Message}. {fallback.Id}: write them, or have a provider generate them (docs/generation.md)");
        if (summary) stdout.WriteLine(SummaryLine.Format(result, options));
        return failed ? ExitCodes.Errors : ExitCodes.Ok;
    }

    private int UsageErrors(IEnumerable<string> errors)
    {
        foreach (var error in errors) Print(DiagnosticIds.InvalidOption.Create(error));
        return ExitCodes.Usage;
    }

    private void Print(Diagnostic diagnostic) => CommandInputs.Print(stderr, diagnostic);
}
