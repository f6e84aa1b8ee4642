using System.Collections.Immutable;
using System.CommandLine;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Code;
using DocGen.Core.Inputs;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Core.Pipeline;

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
    public async Task<int> RunAsync(IReadOnlyList<string> specPaths, string? projectPath, IReadOnlyList<KeyValuePair<string, string?>> values, CancellationToken cancellationToken)
    {
        var (options, errors) = OptionBinder.Bind(new DocGenOptions(), values);
        if (!errors.IsEmpty) return UsageErrors(errors);

        var project = new CodeProject();
        if (projectPath is not null)
        {
            if (!File.Exists(projectPath))
            {
                Print(DiagnosticIds.InputNotFound.Create(projectPath));
                return ExitCodes.Usage;
            }
            try
            {
                project = await EvaluateAsync(Path.GetFullPath(projectPath), options, cancellationToken).ConfigureAwait(false);
            }
            catch (ProjectInputsException ex)
            {
                Print(ex.Diagnostic);
                return ExitCodes.Errors;
            }
        }

        var output = Path.GetFullPath(options.OutputPath ?? (projectPath is not null
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(projectPath))!, "obj", "docgen")
            : "docgen"));
        return await GenerateAsync(specPaths, options with { OutputPath = output }, project, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a request file of the DocGen.Build targets: one <c>key=value</c> per line, with keys <c>spec</c>
    /// (repeated), <c>list</c> (where to write the list of generated files), <c>property:DocGenX</c> (the
    /// MSBuild properties, bound like <c>docgen build</c>'s) and <c>project:X</c> (<c>RootNamespace</c>,
    /// <c>LangVersion</c>, <c>DefineConstants</c>, <c>ProjectAssetsFile</c>, <c>FrameworkReference</c>).
    /// A line file, not flags: values such as Windows paths ending in a backslash survive no shell quoting.
    /// </summary>
    public async Task<int> RunRequestAsync(string requestFile, CancellationToken cancellationToken)
    {
        string[] lines;
        try { lines = await File.ReadAllLinesAsync(requestFile, cancellationToken).ConfigureAwait(false); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Print(DiagnosticIds.InvalidRequest.Create(requestFile, null, requestFile, ex.Message));
            return ExitCodes.Usage;
        }
        var specs = new List<string>();
        var properties = new List<KeyValuePair<string, string?>>();
        var projectValues = new Dictionary<string, string>(StringComparer.Ordinal);
        string? listFile = null;
        foreach (var line in lines)
        {
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var (key, value) = (line[..eq].Trim(), line[(eq + 1)..].Trim());
            if (key == "spec") specs.Add(value);
            else if (key == "list") listFile = value;
            else if (key.StartsWith("property:", StringComparison.Ordinal)) properties.Add(new(key["property:".Length..], value));
            else if (key.StartsWith("project:", StringComparison.Ordinal)) projectValues[key["project:".Length..]] = value;
        }
        var (options, errors) = OptionBinder.Bind(new DocGenOptions(), properties);
        if (!errors.IsEmpty) return UsageErrors(errors);
        options = options with
        {
            OutputPath = Path.GetFullPath(options.OutputPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(requestFile))!, "docgen")),
        };
        string? Value(string name) => projectValues.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        var inputs = new ProjectInputs
        {
            AssemblyPath = "",
            LangVersion = Value("LangVersion"),
            DefineConstants = [.. (Value("DefineConstants") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            ProjectAssetsFile = Value("ProjectAssetsFile"),
        };
        var referenced = new HashSet<string>(CSharpPackages.ReferencedPackages(inputs), StringComparer.OrdinalIgnoreCase);
        foreach (var framework in (Value("FrameworkReference") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            referenced.Add(framework);
        var project = new CodeProject(Value("RootNamespace"), inputs.LangVersion, inputs.DefineConstants, referenced);
        return await GenerateAsync(specs, options, project, listFile, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> GenerateAsync(IReadOnlyList<string> specPaths, DocGenOptions options, CodeProject project, string? listFile, CancellationToken cancellationToken)
    {
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
        var generator = new CodeUnitGenerator();
        var files = new List<string>();
        var units = new HashSet<string>(StringComparer.Ordinal);
        var failed = false;
        foreach (var specPath in specPaths)
        {
            var diagnostics = new DiagnosticBag();
            var result = await generator.GenerateAsync(specPath, new CodeUnitContext(options, output, project, diagnostics, cancellationToken)).ConfigureAwait(false);
            files.AddRange(result.Files);
            if (result.UnitFolder is not null) units.Add(result.UnitFolder);
            var all = diagnostics.ToList();
            foreach (var diagnostic in all)
                if (diagnostic.Severity != DiagnosticSeverity.Info || verbose) Print(diagnostic);
            if (verbose)
                foreach (var file in result.Files) stdout.WriteLine("  " + file);
            var errorCount = all.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warningCount = all.Count(d => d.Severity == DiagnosticSeverity.Warning);
            var line = $"DocGen: code unit {Path.GetFileName(specPath)}: {result.Files.Length} files, {result.Requests} requests, {result.CacheHits} cached";
            if (errorCount + warningCount > 0) line += $"; {errorCount} errors, {warningCount} warnings";
            stdout.WriteLine(line + (result.UnitFolder is { } folder ? " → " + folder : ""));
            failed |= !result.Succeeded || errorCount > 0;
        }
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

    private int UsageErrors(IEnumerable<string> errors)
    {
        foreach (var error in errors) Print(DiagnosticIds.InvalidOption.Create(error));
        return ExitCodes.Usage;
    }

    /// <summary>
    /// Reads what the code path needs from an evaluation of the project. It is not built: before its code
    /// is generated it may not compile.
    /// </summary>
    private static async Task<CodeProject> EvaluateAsync(string projectPath, DocGenOptions options, CancellationToken cancellationToken)
    {
        var json = await new ProjectEvaluator().EvaluateWithoutBuildAsync(projectPath, options.Configuration, options.Framework,
            ["RootNamespace", "LangVersion", "DefineConstants", "ProjectAssetsFile"], ["FrameworkReference"], cancellationToken).ConfigureAwait(false);
        var props = json.GetProperty("Properties");
        string? Prop(string name) => props.TryGetProperty(name, out var v) && v.GetString() is { Length: > 0 } s ? s : null;
        var inputs = new ProjectInputs
        {
            AssemblyPath = "",
            ProjectPath = projectPath,
            LangVersion = Prop("LangVersion"),
            DefineConstants = [.. (Prop("DefineConstants") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            ProjectAssetsFile = Prop("ProjectAssetsFile"),
        };
        var referenced = new HashSet<string>(CSharpPackages.ReferencedPackages(inputs), StringComparer.OrdinalIgnoreCase);
        if (json.TryGetProperty("Items", out var items) && items.TryGetProperty("FrameworkReference", out var frameworks))
            foreach (var framework in frameworks.EnumerateArray())
                if (framework.TryGetProperty("Identity", out var id) && id.GetString() is { Length: > 0 } name) referenced.Add(name);
        return new CodeProject(Prop("RootNamespace"), inputs.LangVersion, inputs.DefineConstants, referenced);
    }

    private void Print(Diagnostic diagnostic) => CommandInputs.Print(stderr, diagnostic);
}
