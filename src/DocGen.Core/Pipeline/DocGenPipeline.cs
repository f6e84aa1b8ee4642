using System.Diagnostics;
using System.IO.Abstractions;
using System.Text.Json.Nodes;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Emission.Manifest;
using DocGen.Core.Extraction;
using DocGen.Core.Generation;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Core.Emission.Html;
using DocGen.Core.Emission.Markdown;

namespace DocGen.Core.Pipeline;

/// <summary>Progress of a run, for the CLI's live display.</summary>
public sealed record PipelineProgress(string Stage, string Message);

/// <summary>The outcome of one run.</summary>
public sealed record PipelineResult(
    ApiModel? Model,
    RunReport Report,
    IReadOnlyList<Diagnostic> Diagnostics,
    OutputSummary? Output,
    IReadOnlyDictionary<string, TimeSpan> Timings)
{
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// The run succeeded but its output is not final: model requests failed and their members got fallback docs,
    /// or a file in DocGen's way kept one of its files from being written. A build must not record such a run as
    /// up to date, so the next build asks (and writes) again.
    /// </summary>
    public bool Incomplete =>
        Report.Generation is GenerationReport { Errors: > 0 } || Diagnostics.Any(d => RetryIds.Contains(d.Id));

    // The request failed, the answer was unusable or cut off (each member fell back), or a file in DocGen's way was
    // left alone. A fallback by design (no provider, a token budget) is final: the next build would do the same.
    private static readonly HashSet<string> RetryIds =
    [
        DiagnosticIds.ProviderRequestFailed.Id, DiagnosticIds.ProviderAnswerInvalid.Id, DiagnosticIds.AnswerTruncated.Id,
        DiagnosticIds.ProviderCircuitOpen.Id,
        DiagnosticIds.OutputFileNotOwned.Id, DiagnosticIds.OutputFileModified.Id,
    ];
}

/// <summary>
/// Inputs → extraction → generation → emitters → report. Each stage gets the previous stage's immutable
/// output; all files go through one <see cref="OutputWriter"/>.
/// </summary>
/// <param name="extractor">Reads the API model.</param>
/// <param name="generator">Completes docs.</param>
/// <param name="emitters">Write the outputs.</param>
/// <param name="fileSystem">The file system the output goes to; null for the real one (tests inject faults).</param>
public sealed class DocGenPipeline(IApiExtractor extractor, IDocGenerator generator, IReadOnlyList<IEmitter> emitters, IFileSystem? fileSystem = null)
{
    /// <summary>The pipeline with the built-in stages.</summary>
    /// <param name="generationProgress">Receives the engine's per-request progress (from worker threads).</param>
    public static DocGenPipeline CreateDefault(IProgress<GenerationProgress>? generationProgress = null) => new(
        new RoslynApiExtractor(),
        new DocGenerationEngine(progress: generationProgress),
        [new HtmlSiteEmitter(), new MarkdownEmitter(), new ManifestEmitter()]);

    /// <summary>Runs every stage. <paramref name="options"/>.<see cref="DocGenOptions.OutputPath"/> must be set.</summary>
    /// <remarks>
    /// A fault of the output folder (not DocGen's, read-only, full…) ends the run with its DG03xx error; the files
    /// already there stay whole (every write is atomic) and the file list keeps everything DocGen wrote.
    /// </remarks>
    /// <exception cref="OperationCanceledException">When cancelled; files written so far are whole and recorded in the file list.</exception>
    public async Task<PipelineResult> RunAsync(
        ProjectInputs inputs,
        DocGenOptions options,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.OutputPath);
        var diagnostics = new DiagnosticBag();
        var timings = new Dictionary<string, TimeSpan>();
        using var writer = new OutputWriter(options.OutputPath, fileSystem ?? new FileSystem(), new OutputWriterOptions { Force = options.OutputForce });

        if (!File.Exists(inputs.AssemblyPath))
        {
            diagnostics.Report(DiagnosticIds.InputNotFound, inputs.AssemblyPath, null, inputs.AssemblyPath);
            return Failed(null);
        }
        if (!RunPreflight.Check(options, diagnostics)) return Failed(null);
        try
        {
            // Opened first: a folder that is not DocGen's (or is a file) fails before minutes of extraction.
            writer.Open();
        }
        catch (OutputException)
        {
            OutputDiagnostics.Report(writer, diagnostics);
            return Failed(null);
        }

        ApiModel? model = null;
        object? generationReport = null;
        try
        {
            progress?.Report(new PipelineProgress("extract", $"Reading {Path.GetFileName(inputs.AssemblyPath)}"));
            model = Time("extract", () => extractor.Extract(inputs, options, diagnostics, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            // A file that is no .NET assembly has no API: writing a site for it would claim an empty, fully documented library.
            if (diagnostics.ToList().Any(d => d.Id == DiagnosticIds.AssemblyUnreadable.Id))
            {
                writer.Abandon();
                return Failed(null);
            }

            progress?.Report(new PipelineProgress("generate", "Completing docs"));
            var sw = Stopwatch.StartNew();
            var generation = await generator.GenerateAsync(model, new GenerationContext(inputs, options, writer, diagnostics, cancellationToken)).ConfigureAwait(false);
            timings["generate"] = sw.Elapsed;
            model = generation.Model;
            generationReport = generation.Report;

            await EmitAsync(model, inputs, options, writer, diagnostics, timings, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            writer.Abandon();
            throw;
        }
        catch (OutputException)
        {
            // Reported below from writer.Fault, once, however many stages hit it.
        }

        var reported = writer.Problems;
        OutputDiagnostics.Report(writer, diagnostics);
        var report = RunReport.Create(inputs, model, generationReport, diagnostics.ToList(), options) with { Code = CodeSection(options.OutputPath) };
        OutputSummary summary;
        try
        {
            if (writer.Fault is not null) throw writer.Fault;
            writer.WriteText(RunReport.FileName, report.ToJson());
            summary = diagnostics.HasErrors ? writer.Abandon() : writer.Complete();
        }
        catch (OutputException ex)
        {
            if (!diagnostics.ToList().Any(d => d.Id == OutputDiagnostics.For(ex).Id)) diagnostics.Add(OutputDiagnostics.For(ex));
            summary = writer.Abandon();
        }
        foreach (var problem in writer.Problems.Except(reported)) diagnostics.Add(OutputDiagnostics.For(problem));
        return new PipelineResult(model, report, diagnostics.ToList(), summary, timings);

        PipelineResult Failed(ApiModel? failedModel) =>
            new(failedModel, RunReport.Create(inputs, failedModel, null, diagnostics.ToList(), null), diagnostics.ToList(), null, timings);

        T Time<T>(string stage, Func<T> action)
        {
            var watch = Stopwatch.StartNew();
            try { return action(); }
            finally { timings[stage] = watch.Elapsed; }
        }
    }

    private async Task EmitAsync(ApiModel model, ProjectInputs inputs, DocGenOptions options, OutputWriter writer, DiagnosticBag diagnostics,
        Dictionary<string, TimeSpan> timings, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var dependencies = inputs.ProjectAssetsFile is null ? null : AssetsFileReader.Read(inputs).WithStampedVersion(model);
        if (dependencies is not null) timings["dependencies"] = watch.Elapsed;
        foreach (var diagnostic in dependencies?.Diagnostics ?? []) diagnostics.Add(diagnostic);
        // The emitters are independent (each writes its own folder through the thread-safe writer), so they run side by
        // side: one's serial parts (template compilation, the search index, a large coverage page) overlap the other's
        // page rendering. Each reports into its own bag; the bags are merged in emitter order, so the log is stable.
        var enabled = emitters.Where(e => e.IsEnabled(options)).ToList();
        var bags = enabled.Select(_ => new DiagnosticBag()).ToList();
        var watches = enabled.Select(_ => new Stopwatch()).ToList();
        var emitting = enabled.Select((emitter, i) => Task.Run(() =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new PipelineProgress(emitter.Name, $"Writing {emitter.Name}"));
            watches[i].Start();
            try
            {
                emitter.Emit(new EmissionContext(model, inputs, options, writer, bags[i], cancellationToken) { Dependencies = dependencies });
            }
            catch (OutputPathException ex)
            {
                bags[i].Report(DiagnosticIds.OutputPathRejected, null, null, ex.Path, ex.Message);
            }
            catch (OutputException)
            {
                // The writer keeps the fault; the pipeline reports it once.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                bags[i].Report(DiagnosticIds.InternalError, null, null, $"{emitter.Name} emitter: {ex}");
            }
            finally
            {
                watches[i].Stop();
            }
        }, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(emitting).ConfigureAwait(false);
        }
        finally
        {
            for (var i = 0; i < enabled.Count; i++)
            {
                foreach (var diagnostic in bags[i].ToList()) diagnostics.Add(diagnostic);
                if (emitting[i].IsCompleted) timings["emit-" + enabled[i].Name] = watches[i].Elapsed;
            }
        }
    }

    /// <summary>
    /// The <c>code</c> section that the code units' run (before the compiler, in a build) left beside its units; null
    /// when there was none or it is not JSON (the section is a report, not an input: it never fails a run).
    /// </summary>
    private JsonNode? CodeSection(string outputRoot)
    {
        var fs = fileSystem ?? new FileSystem();
        var path = fs.Path.Combine(outputRoot, Generation.Code.CodeReport.FileName);
        try { return fs.File.Exists(path) ? JsonNode.Parse(fs.File.ReadAllText(path)) : null; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException) { return null; }
    }
}
