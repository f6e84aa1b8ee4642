using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Code;
using DocGen.Core.Inputs;
using DocGen.Core.Options;

namespace DocGen.Tool.Commands;

/// <summary><c>docgen generate-code SPEC [--project X.csproj] [--output DIR] [options]</c>: one code unit from its spec.</summary>
internal static class GenerateCodeCommand
{
    public static Command Create(TextWriter stdout)
    {
        var spec = new Argument<string>("spec") { Description = "A code spec (Markdown with optional front matter; docs/templates-and-code.md)." };
        var project = new Option<string?>("--project") { Description = "The .csproj the code is for: its RootNamespace, LangVersion, DefineConstants and package references are used (it is evaluated, not built)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list the files of the unit." };
        var command = new Command("generate-code", "Generate a code unit from a spec through the language model (cached; offline when the cache has it).");
        command.Arguments.Add(spec);
        command.Options.Add(project);
        command.Options.Add(verbose);

        // The same option table as 'docgen build' and the MSBuild properties.
        var engineOptions = new List<(OptionDefinition Definition, Option Option)>();
        foreach (var def in OptionBinder.Definitions)
        {
            Option option = def.IsSwitch
                ? new Option<bool>(def.Flag) { Description = def.Description }
                : new Option<string>(def.Flag) { Description = $"{def.Description} (MSBuild: {def.Property})" };
            command.Options.Add(option);
            engineOptions.Add((def, option));
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var values = new List<KeyValuePair<string, string?>>();
            foreach (var (def, option) in engineOptions)
            {
                if (parse.GetResult(option) is null) continue;
                var value = option is Option<bool> b ? (parse.GetValue(b) ? "true" : "false") : parse.GetValue((Option<string>)option);
                values.Add(new(def.Flag, value));
            }
            var run = new GenerateCodeRun(stdout, parse.GetValue(verbose));
            return await run.RunAsync(parse.GetValue(spec)!, parse.GetValue(project), values, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

/// <summary>The work behind <c>docgen generate-code</c>.</summary>
internal sealed class GenerateCodeRun(TextWriter stdout, bool verbose)
{
    public async Task<int> RunAsync(string specPath, string? projectPath, IReadOnlyList<KeyValuePair<string, string?>> values, CancellationToken cancellationToken)
    {
        var (options, errors) = OptionBinder.Bind(new DocGenOptions(), values);
        if (!errors.IsEmpty)
        {
            foreach (var error in errors) Print(DiagnosticIds.InvalidOption.Create(error));
            return ExitCodes.Usage;
        }
        if (!File.Exists(specPath))
        {
            Print(DiagnosticIds.CodeSpecNotFound.Create(specPath, null, specPath));
            return ExitCodes.Usage;
        }

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
        var diagnostics = new DiagnosticBag();
        var result = await new CodeUnitGenerator().GenerateAsync(specPath, new CodeUnitContext(options, output, project, diagnostics, cancellationToken)).ConfigureAwait(false);

        foreach (var diagnostic in diagnostics.ToList())
            if (diagnostic.Severity != DiagnosticSeverity.Info || verbose) Print(diagnostic);
        if (verbose)
            foreach (var file in result.Files) stdout.WriteLine("  " + file);
        var all = diagnostics.ToList();
        var errorCount = all.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warningCount = all.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var line = $"DocGen: code unit {Path.GetFileName(specPath)}: {result.Files.Length} files, {result.Requests} requests, {result.CacheHits} cached";
        if (errorCount + warningCount > 0) line += $"; {errorCount} errors, {warningCount} warnings";
        stdout.WriteLine(line + (result.UnitFolder is { } folder ? " → " + folder : ""));
        return result.Succeeded && errorCount == 0 ? ExitCodes.Ok : ExitCodes.Errors;
    }

    /// <summary>
    /// Reads what the code path needs from an evaluation of the project. It is not built: before its code
    /// is generated it may not compile.
    /// </summary>
    private static async Task<CodeProject> EvaluateAsync(string projectPath, DocGenOptions options, CancellationToken cancellationToken)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "msbuild", projectPath, "-nologo", "-nodeReuse:false", $"-p:Configuration={options.Configuration}" }) psi.ArgumentList.Add(arg);
        if (options.Framework is { Length: > 0 } tfm) psi.ArgumentList.Add($"-p:TargetFramework={tfm}");
        foreach (var p in new[] { "RootNamespace", "LangVersion", "DefineConstants", "ProjectAssetsFile" }) psi.ArgumentList.Add("-getProperty:" + p);
        psi.ArgumentList.Add("-getItem:FrameworkReference");
        using var process = Process.Start(psi)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderrTask = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var text = await stdoutTask.ConfigureAwait(false);
        var start = text.IndexOf('{');
        if (process.ExitCode != 0 || start < 0)
            throw new ProjectInputsException(DiagnosticIds.ProjectEvaluationFailed.Create(projectPath, null, Path.GetFileName(projectPath), (text + await stderrTask.ConfigureAwait(false)).Trim()));
        try
        {
            using var doc = JsonDocument.Parse(text[start..]);
            var props = doc.RootElement.GetProperty("Properties");
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
            if (doc.RootElement.TryGetProperty("Items", out var items) && items.TryGetProperty("FrameworkReference", out var frameworks))
                foreach (var framework in frameworks.EnumerateArray())
                    if (framework.TryGetProperty("Identity", out var id) && id.GetString() is { Length: > 0 } name) referenced.Add(name);
            return new CodeProject(Prop("RootNamespace"), inputs.LangVersion, inputs.DefineConstants, referenced);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ProjectInputsException(DiagnosticIds.ProjectEvaluationFailed.Create(projectPath, null, Path.GetFileName(projectPath), ex.Message));
        }
    }

    private void Print(Diagnostic diagnostic) => stdout.WriteLine(diagnostic.ToCanonicalString().Replace("\n", "\n    "));
}
