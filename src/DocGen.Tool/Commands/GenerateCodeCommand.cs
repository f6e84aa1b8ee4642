using System.Collections.Immutable;
using System.CommandLine;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Code;
using DocGen.Core.Inputs;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Core.Pipeline;
using DocGen.Core;

namespace DocGen.Tool.Commands;

/// <summary><c>docgen generate-code SPEC [--project X.csproj] [--output DIR] [options]</c>: one code unit from its spec.</summary>
internal static class GenerateCodeCommand
{
    /// <summary>The engine flags a code unit uses (its --help lists only these).</summary>
    private static readonly string[] Flags =
    [
        "--output", "--configuration", "--framework", "--debug", "--provider", "--model", "--endpoint", "--max-concurrency",
        "--token-budget", "--cache-dir", "--remote-cache", "--fail-on-provider-error", "--code-optional", "--cache-max-size",
    ];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var specs = new Argument<string[]>("spec")
        {
            Description = "One or more code specs (Markdown with optional front matter; docs/templates-and-code.md).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var project = new Option<string?>("--project") { Description = "The .csproj the code is for: its RootNamespace, LangVersion, DefineConstants and package references are used (it is evaluated, not built)." };
        var request = new Option<string?>("--request") { Description = "Run a request file written by the DocGen.Build targets (internal).", Hidden = true };
        var verbose = new Option<bool>("--verbose") { Description = "Also list the files of each unit." };
        var command = new Command("generate-code", "Generate code units from specs through the language model (cached; offline when the cache has them).");
        command.Arguments.Add(specs);
        command.Options.Add(project);
        command.Options.Add(request);
        command.Options.Add(verbose);

        var engineOptions = new EngineOptions(command, Flags);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var values = engineOptions.Given(parse);
            var run = new GenerateCodeRun(stdout, stderr, parse.GetValue(verbose));
            if (parse.GetValue(request) is { } requestFile) return await run.RunRequestAsync(requestFile, cancellationToken).ConfigureAwait(false);
            var given = parse.GetValue(specs) ?? [];
            if (given.Length == 0)
            {
                CommandInputs.Print(stderr, DiagnosticIds.InvalidOption.Create("give at least one spec: docgen generate-code SPEC"));
                return ExitCodes.Usage;
            }
            return await run.RunAsync(given, parse.GetValue(project), values, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

/// <summary>The work behind <c>docgen generate-code</c>.</summary>
internal sealed class GenerateCodeRun(TextWriter stdout, TextWriter stderr, bool verbose)
{
    /// <summary>The command line: the same request a build writes, built from the flags (and the project's evaluation).</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> specPaths, string? projectPath, IReadOnlyList<KeyValuePair<string, string?>> values, CancellationToken cancellationToken)
    {
        var request = new EngineRequest
        {
            Kind = RequestKind.Code,
            Inputs = new ProjectInputs { AssemblyPath = "" },
            Specs = [.. specPaths],
            Properties = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase),
        };
        var defaultOutput = projectPath is not null ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(projectPath))!, "obj", "docgen") : "docgen";
        var (loaded, problems) = RequestLoader.Bind(request, defaultOutput);
        if (loaded is null) return Usage(problems);

        if (projectPath is not null)
        {
            if (!File.Exists(projectPath))
            {
                Print(DiagnosticIds.InputNotFound.Create(projectPath));
                return ExitCodes.Usage;
            }
            try
            {
                var inputs = await EvaluateAsync(Path.GetFullPath(projectPath), loaded.Options, cancellationToken).ConfigureAwait(false);
                loaded = loaded with { Request = request with { Inputs = inputs } };
            }
            catch (ProjectInputsException ex)
            {
                Print(ex.Diagnostic);
                return ExitCodes.Errors;
            }
        }
        return await GenerateAsync(loaded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a request file of the DocGen.Build targets (kind <c>code</c>; <see cref="RequestLoader"/>).</summary>
    public async Task<int> RunRequestAsync(string requestFile, CancellationToken cancellationToken)
    {
        var (loaded, problems) = await RequestLoader.LoadAsync(requestFile, RequestKind.Code, cancellationToken).ConfigureAwait(false);
        return loaded is null ? Usage(problems) : await GenerateAsync(loaded, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> GenerateAsync(LoadedRequest loaded, CancellationToken cancellationToken)
    {
        var (specPaths, options, listFile) = (loaded.Request.Specs, loaded.Options, loaded.Request.FileList);
        var project = CodeProject.From(loaded.Request.Inputs);
        var missing = specPaths.Where(s => !File.Exists(s)).ToList();
        foreach (var spec in missing) Print(DiagnosticIds.CodeSpecNotFound.Create(spec, null, spec));
        if (missing.Count > 0) return ExitCodes.Usage;
        var preflight = new DiagnosticBag();
        if (!RunPreflight.Check(options, preflight))
        {
            foreach (var diagnostic in preflight.ToList()) Print(diagnostic);
            return ExitCodes.Errors;
        }

        var output = options.OutputPath!;
        var runDiagnostics = new DiagnosticBag();
        var failed = false;
        var run = await new CodeUnitGenerator().GenerateAllAsync(specPaths, new CodeUnitContext(options, output, project, runDiagnostics, cancellationToken), result =>
        {
            var all = result.Diagnostics;
            foreach (var diagnostic in all)
                if (diagnostic.Severity != DiagnosticSeverity.Info || verbose) Print(diagnostic);
            if (verbose)
                foreach (var file in result.Files) stdout.WriteLine("  " + file);
            var errorCount = all.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warningCount = all.Count(d => d.Severity == DiagnosticSeverity.Warning);
            var line = $"DocGen: code unit {Path.GetFileName(result.SpecPath)}: {result.Files.Length} files, {result.Requests} requests, {result.CacheHits} cached";
            if (errorCount + warningCount > 0) line += $"; {errorCount} errors, {warningCount} warnings";
            stdout.WriteLine(line + (result.UnitFolder is { } folder ? " → " + folder : ""));
            failed |= !result.Succeeded || errorCount > 0;
        }).ConfigureAwait(false);
        foreach (var diagnostic in runDiagnostics.ToList())
            if (diagnostic.Severity != DiagnosticSeverity.Info || verbose) Print(diagnostic);
        failed |= runDiagnostics.HasErrors;
        var files = run.Units.SelectMany(u => u.Files).ToList();
        var units = new HashSet<string>(run.Units.Select(u => u.UnitFolder).OfType<string>(), StringComparer.Ordinal);
        WriteReport(output, run.Report);
        if (listFile is not null)
        {
            RemoveStaleUnits(output, units);
            // Written only when different, so the build's item list does not look changed when nothing changed.
            var full = Path.GetFullPath(listFile);
            using var listWriter = new OutputWriter(Path.GetDirectoryName(full)!, new System.IO.Abstractions.FileSystem(), OutputWriterOptions.Untracked);
            listWriter.WriteText(Path.GetFileName(full), string.Concat(files.Select(f => f + "\n")));
        }
        return failed ? ExitCodes.Errors : ExitCodes.Ok;
    }

    /// <summary>
    /// In a build the request names every unit of the project, so a unit folder under <c>code/</c> that it
    /// does not name belongs to a removed <c>DocGenCode</c> item: its listed files are deleted (only those).
    /// </summary>
    private static void RemoveStaleUnits(string output, IReadOnlySet<string> units)
    {
        var codeRoot = Path.Combine(output, "code");
        if (!Directory.Exists(codeRoot)) return;
        foreach (var folder in Directory.GetDirectories(codeRoot).Select(Path.GetFullPath))
        {
            if (units.Contains(folder) || !OutputWriter.IsOwnedFolder(folder)) continue;
            try
            {
                using var writer = new OutputWriter(folder);
                writer.Retire();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for 'dotnet clean'; a stale unit is not compiled, as it is not in the list of files.
            }
        }
    }

    /// <summary>
    /// The run's <c>code</c> section, beside the units; the next docs run puts it into <c>report.json</c>. A report that
    /// cannot be written costs nothing but the section.
    /// </summary>
    private static void WriteReport(string output, CodeReport report)
    {
        try
        {
            // Tracked (code/ gets its own ownership list), so the docs run, which writes into the same root, knows the
            // folder for DocGen's, and `dotnet clean` removes the report with the rest.
            using var writer = new OutputWriter(Path.Combine(output, "code"));
            writer.WriteText(Path.GetFileName(CodeReport.FileName), RunReport.SectionJson(report));
            writer.Complete();
        }
        catch (Exception ex) when (ex is OutputException or IOException or UnauthorizedAccessException)
        {
        }
    }

    private int Usage(IEnumerable<Diagnostic> problems)
    {
        foreach (var problem in problems) Print(problem);
        return ExitCodes.Usage;
    }

    /// <summary>
    /// Reads what the code path needs from an evaluation of the project. It is not built: before its code
    /// is generated it may not compile.
    /// </summary>
    private static async Task<ProjectInputs> EvaluateAsync(string projectPath, DocGenOptions options, CancellationToken cancellationToken)
    {
        var json = await new ProjectEvaluator().EvaluateWithoutBuildAsync(projectPath, options.Configuration, options.Framework,
            ["RootNamespace", "LangVersion", "DefineConstants", "ProjectAssetsFile"], ["FrameworkReference"], cancellationToken).ConfigureAwait(false);
        var props = json.GetProperty("Properties");
        string? Prop(string name) => props.TryGetProperty(name, out var v) && v.GetString() is { Length: > 0 } s ? s : null;
        var frameworks = new List<string>();
        if (json.TryGetProperty("Items", out var items) && items.TryGetProperty("FrameworkReference", out var references))
            foreach (var framework in references.EnumerateArray())
                if (framework.TryGetProperty("Identity", out var id) && id.GetString() is { Length: > 0 } name) frameworks.Add(name);
        return new ProjectInputs
        {
            AssemblyPath = "",
            ProjectPath = projectPath,
            RootNamespace = Prop("RootNamespace"),
            LangVersion = Prop("LangVersion"),
            DefineConstants = [.. (Prop("DefineConstants") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            ProjectAssetsFile = Prop("ProjectAssetsFile"),
            FrameworkReferences = [.. frameworks],
        };
    }

    private void Print(Diagnostic diagnostic) => CommandInputs.Print(stderr, diagnostic);
}
