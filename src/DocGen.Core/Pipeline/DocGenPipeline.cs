using System.Diagnostics;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Emission.Manifest;
using DocGen.Core.Extraction;
using DocGen.Core.Generation;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Output;

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
}

/// <summary>
/// Inputs → extraction → generation → emitters → report. Each stage gets the previous stage's immutable
/// output; all files go through one <see cref="OutputWriter"/>.
/// </summary>
public sealed class DocGenPipeline(IApiExtractor extractor, IDocGenerator generator, IReadOnlyList<IEmitter> emitters)
{
    /// <summary>The pipeline with the built-in stages.</summary>
    /// <param name="generationProgress">Receives the engine's per-request progress (from worker threads).</param>
    public static DocGenPipeline CreateDefault(IProgress<GenerationProgress>? generationProgress = null) => new(
        new RoslynApiExtractor(),
        new DocGenerationEngine(progress: generationProgress),
        [new HtmlSiteEmitter(), new MarkdownEmitter(), new ManifestEmitter()]);

    /// <summary>Runs every stage. <paramref name="options"/>.<see cref="DocGenOptions.OutputPath"/> must be set.</summary>
    /// <exception cref="OperationCanceledException">When cancelled; files written so far are whole (each write is atomic) and the previous file list is kept.</exception>
    public async Task<PipelineResult> RunAsync(
        ProjectInputs inputs,
        DocGenOptions options,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.OutputPath);
        var diagnostics = new DiagnosticBag();
        var timings = new Dictionary<string, TimeSpan>();
        var writer = new OutputWriter(options.OutputPath);

        if (!File.Exists(inputs.AssemblyPath))
        {
            diagnostics.Report(DiagnosticIds.InputNotFound, inputs.AssemblyPath, null, inputs.AssemblyPath);
            return new PipelineResult(null, RunReport.Create(inputs, null, null, diagnostics.ToList(), null), diagnostics.ToList(), null, timings);
        }

        progress?.Report(new PipelineProgress("extract", $"Reading {Path.GetFileName(inputs.AssemblyPath)}"));
        var model = Time("extract", () => extractor.Extract(inputs, options, diagnostics, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        // A file that is no .NET assembly has no API: writing a site for it would claim an empty, fully documented library.
        if (diagnostics.ToList().Any(d => d.Id == DiagnosticIds.AssemblyUnreadable.Id))
            return new PipelineResult(null, RunReport.Create(inputs, null, null, diagnostics.ToList(), options), diagnostics.ToList(), null, timings);

        progress?.Report(new PipelineProgress("generate", "Completing docs"));
        var sw = Stopwatch.StartNew();
        var generation = await generator.GenerateAsync(model, new GenerationContext(inputs, options, writer, diagnostics, cancellationToken)).ConfigureAwait(false);
        timings["generate"] = sw.Elapsed;
        model = generation.Model;

        var dependencies = inputs.ProjectAssetsFile is null ? null : Time("dependencies", () => AssetsFileReader.Read(inputs).WithStampedVersion(model));
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

        var report = RunReport.Create(inputs, model, generation.Report, diagnostics.ToList(), options);
        writer.WriteText(RunReport.FileName, report.ToJson());
        var summary = diagnostics.HasErrors ? writer.Abandon() : writer.Complete();
        return new PipelineResult(model, report, diagnostics.ToList(), summary, timings);

        T Time<T>(string stage, Func<T> action)
        {
            var watch = Stopwatch.StartNew();
            try { return action(); }
            finally { timings[stage] = watch.Elapsed; }
        }
    }
}
