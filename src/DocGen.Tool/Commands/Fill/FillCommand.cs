using System.CommandLine;
using DocGen.Core.Diagnostics;
using DocGen.Core.Extraction;
using DocGen.Core.Generation;
using DocGen.Core.Pipeline;
using DocGen.Core;

namespace DocGen.Tool.Commands.Fill;

/// <summary>
/// <c>docgen fill [PATH] [--apply] [--check] [--include-fallback]</c>: writes the generated docs back into the sources
/// as <c>///</c> comments. Prints a unified diff by default (stdout holds only the diff, so it can be saved and applied);
/// <c>--apply</c> writes the files; <c>--check</c> fails when declarations lack docs written in the sources.
/// </summary>
internal static class FillCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = CommandInputs.PathArgument("A .csproj or a folder holding one (its sources are what fill edits).");
        var apply = new Option<bool>("--apply") { Description = "Write the doc comments into the source files instead of printing the diff." };
        var check = new Option<bool>("--check") { Description = "Exit with 1 (DG0023) when public API lacks docs written in the sources (for CI); prints the diff too." };
        var includeFallback = new Option<bool>("--include-fallback") { Description = "Also write deterministic fallback docs (made from the names) where no model answered." };
        var verbose = new Option<bool>("--verbose") { Description = "Also list every declaration that lacks docs, and informational messages." };
        var command = new Command("fill", "Write generated docs back into the sources as /// comments (a unified diff unless --apply).");
        command.Arguments.Add(path);
        foreach (var option in new Option[] { apply, check, includeFallback, verbose }) command.Options.Add(option);
        var engineOptions = new EngineOptions(command, EngineOptions.ModelFlags);

        command.SetAction(async (parse, cancellationToken) => await new FillRun(stdout, stderr, parse.GetValue(verbose)).RunAsync(
            parse.GetValue(path), engineOptions.Given(parse), parse.GetValue(apply), parse.GetValue(check), parse.GetValue(includeFallback),
            cancellationToken).ConfigureAwait(false));
        return command;
    }
}

/// <summary>The work behind <c>docgen fill</c>: the pipeline without emitters, then one <see cref="SourceFiller"/> pass per file.</summary>
internal sealed class FillRun(TextWriter stdout, TextWriter stderr, bool verbose)
{
    private string _projectDir = "";

    public async Task<int> RunAsync(string? path, IReadOnlyList<KeyValuePair<string, string?>> values, bool apply, bool check, bool includeFallback, CancellationToken cancellationToken)
    {
        // The pipeline's own lines (diagnostics, the fallback note) go to stderr: stdout is the diff.
        var build = new BuildRun(stderr, stderr, verbose);
        var (prepared, exitCode) = await build.PrepareAsync(path, values, cancellationToken).ConfigureAwait(false);
        if (prepared is null) return exitCode;
        var inputs = prepared.Inputs;
        if (inputs.ProjectPath is null || inputs.SourceFiles.IsDefaultOrEmpty)
        {
            Print(DiagnosticIds.InvalidOption.Create($"fill needs a project (its sources are what it edits), not '{prepared.InputPath}'"));
            return ExitCodes.Usage;
        }

        // The model comes from the ordinary pipeline (same extraction, cache and generation as a build), written into a
        // scratch folder: a fill must not replace the site of the last build with a report-only output.
        var scratch = Path.Combine(Path.GetTempPath(), "docgen-fill-" + Guid.NewGuid().ToString("N")[..10]);
        PipelineResult result;
        try
        {
            var options = prepared.Options with
            {
                OutputPath = scratch,
                CacheDirectory = prepared.Options.CacheDirectory ?? new DocGenerationEngine().DefaultCacheDirectory(prepared.Options.OutputPath!),
            };
            var pipeline = new DocGenPipeline(new RoslynApiExtractor(), new DocGenerationEngine(progress: build.Progress), []);
            result = await build.RunPipelineAsync(inputs, options, pipeline, cancellationToken).ConfigureAwait(false);
            if (build.Report(result, options, summary: false) != ExitCodes.Ok || result.Model is null) return ExitCodes.Errors;
        }
        finally
        {
            try { if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }

        _projectDir = Path.GetDirectoryName(inputs.ProjectPath)!;
        var diagnostics = new DiagnosticBag();
        var filler = SourceFiller.Create(inputs.DefineConstants, inputs.LangVersion);
        var fills = new List<FileFill>();
        foreach (var file in FillPlanner.Items(result.Model).Where(i => IsEditable(i.Source.Path, inputs)).GroupBy(i => i.Source.Path, StringComparer.Ordinal))
        {
            try { fills.Add(filler.Fill(file.Key, [.. file], includeFallback, diagnostics)); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Report(DiagnosticIds.SourceFileUnreadable, file.Key, null, file.Key, ex.Message);
            }
        }

        var edits = fills.Where(f => f.Edit is not null).ToList();
        var comments = edits.Sum(f => f.Written.Count);
        var failed = false;
        if (apply)
        {
            foreach (var fill in edits)
            {
                try { SourceWriter.Write(fill.Edit!.Path, fill.Edit.NewText()); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Report(DiagnosticIds.SourceNotWritable, fill.Edit!.Path, null, fill.Edit.Path, ex.Message);
                    failed = true;
                }
            }
        }
        else
        {
            foreach (var fill in edits) stdout.Write(fill.Edit!.UnifiedDiff(DisplayPath(fill.Edit.Path)));
        }

        var lacking = fills.SelectMany(f => apply ? f.Lacking.Except(f.Written) : f.Lacking).ToList();
        foreach (var diagnostic in diagnostics.ToList()) Print(diagnostic);
        if (verbose)
            foreach (var item in lacking) stderr.WriteLine($"  lacks docs: {item.Id} ({DisplayPath(item.Source.Path)}:{item.Source.Line}, {item.Provenance.Label})");

        // With a diff on stdout the summary goes to stderr, so the output stays a patch `git apply` takes.
        var summary = apply ? stdout : stderr;
        var files = edits.Count == 1 ? "1 file" : $"{edits.Count} files";
        summary.WriteLine(comments == 0
            ? $"DocGen: nothing to fill; {lacking.Count} declarations lack docs in the sources" + (lacking.Count > 0 && !includeFallback ? " and have no generated docs (run with a provider, or --include-fallback)" : "")
            : apply ? $"DocGen: wrote {comments} doc comments into {files}; review them like any change"
            : $"DocGen: {comments} doc comments for {files} (the diff above); 'docgen fill --apply' writes them");
        if (check && lacking.Count > 0)
        {
            Print(DiagnosticIds.FillCheckFailed.Create(lacking.Count));
            failed = true;
        }
        return failed ? ExitCodes.Errors : ExitCodes.Ok;
    }

    /// <summary>
    /// Only the project's own sources: never generated files (obj/, bin/, source generators, <c>*.g.cs</c>, files that
    /// say <c>&lt;auto-generated</c>), which a build would overwrite anyway.
    /// </summary>
    private static bool IsEditable(string path, Core.Inputs.ProjectInputs inputs)
    {
        var full = Path.GetFullPath(path);
        var projectDir = Path.GetDirectoryName(inputs.ProjectPath!)!;
        if (!inputs.SourceFiles.Contains(full, StringComparer.Ordinal) && !inputs.SourceFiles.Contains(path, StringComparer.Ordinal)) return false;
        if (inputs.IntermediateOutputPath is { } obj && full.StartsWith(Path.TrimEndingDirectorySeparator(obj) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return false;
        var relative = Path.GetRelativePath(projectDir, full).Replace('\\', '/');
        if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)) return false;
        var name = Path.GetFileName(full);
        if (name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            using var reader = new StreamReader(full);
            var head = new char[512];
            var read = reader.ReadBlock(head);
            return !new string(head, 0, read).Contains("<auto-generated", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Paths in the diff, with forward slashes: relative to the current folder when the file is under it (apply the diff
    /// from there), else relative to the project folder (apply it from there); <c>git apply</c> and <c>patch -p1</c> take both.
    /// </summary>
    private string DisplayPath(string path)
    {
        var cwd = Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory()) + Path.DirectorySeparatorChar;
        var baseDir = path.StartsWith(cwd, StringComparison.Ordinal) ? cwd : _projectDir;
        return Path.GetRelativePath(baseDir, path).Replace('\\', '/');
    }

    private void Print(Diagnostic diagnostic) => CommandInputs.Print(stderr, diagnostic);
}
