using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DocGen.Core.Diagnostics;

namespace DocGen.Core.Inputs;

/// <summary>Thrown when a project cannot be evaluated or built; carries the diagnostic to show.</summary>
public sealed class ProjectInputsException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}

/// <summary>
/// Turns a <c>.csproj</c> or a <c>.dll</c> into <see cref="ProjectInputs"/> for the CLI. A project is
/// evaluated with <c>dotnet msbuild -getProperty/-getItem</c> (the SDK's own evaluation, so DocGen never
/// bundles MSBuild), built first when its assembly is missing or older than its sources, and its
/// resolved references are read by running <c>ResolveReferences</c>.
/// </summary>
public sealed class ProjectEvaluator
{
    private static readonly string[] Properties =
    [
        "TargetPath", "DocumentationFile", "TargetFramework", "TargetFrameworks", "ProjectAssetsFile",
        "NuGetPackageRoot", "DefineConstants", "LangVersion", "AssemblyName", "MSBuildProjectName",
        "IntermediateOutputPath",
    ];

    private readonly string _dotnet;
    private readonly Action<string>? _log;

    /// <param name="dotnetPath">The <c>dotnet</c> host to run; default <c>DOTNET_HOST_PATH</c>, else <c>dotnet</c> on PATH.</param>
    /// <param name="log">Receives progress lines (e.g. "Building Foo.csproj").</param>
    public ProjectEvaluator(string? dotnetPath = null, Action<string>? log = null)
    {
        _dotnet = dotnetPath ?? (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet");
        _log = log;
    }

    /// <summary>Inputs for a lone assembly: its XML doc file is taken from beside it when present.</summary>
    public static ProjectInputs FromAssembly(string assemblyPath)
    {
        var full = Path.GetFullPath(assemblyPath);
        var xml = Path.ChangeExtension(full, ".xml");
        return new ProjectInputs
        {
            AssemblyPath = full,
            XmlDocPath = File.Exists(xml) ? xml : null,
            ProjectName = Path.GetFileNameWithoutExtension(full),
        };
    }

    /// <summary>Evaluates (and if needed builds) a project.</summary>
    /// <exception cref="ProjectInputsException">Evaluation or build failed, or the framework is ambiguous.</exception>
    public async Task<ProjectInputs> EvaluateAsync(string projectPath, string configuration, string? framework, CancellationToken cancellationToken)
    {
        var project = Path.GetFullPath(projectPath);
        var globalProps = new List<string> { $"-p:Configuration={configuration}" };

        var first = await EvaluateJsonAsync(project, globalProps, ["-getItem:Compile"], cancellationToken).ConfigureAwait(false);
        var tfm = Prop(first, "TargetFramework");
        if (string.IsNullOrEmpty(tfm))
        {
            var all = Prop(first, "TargetFrameworks").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (framework is null && all.Length != 1)
                throw new ProjectInputsException(DiagnosticIds.MultipleFrameworks.Create(project, null, Path.GetFileName(project), string.Join(", ", all)));
            tfm = framework ?? all[0];
        }
        else if (framework is not null && !string.Equals(framework, tfm, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProjectInputsException(DiagnosticIds.InvalidOption.Create(project, null, $"--framework: '{Path.GetFileName(project)}' targets {tfm}, not {framework}"));
        }
        globalProps.Add($"-p:TargetFramework={tfm}");
        if (Prop(first, "TargetFramework").Length == 0)
            first = await EvaluateJsonAsync(project, globalProps, ["-getItem:Compile"], cancellationToken).ConfigureAwait(false);

        var assembly = Prop(first, "TargetPath");
        if (IsStale(project, assembly, Items(first, "Compile")))
        {
            _log?.Invoke($"Building {Path.GetFileName(project)} ({configuration}, {tfm})");
            var build = await RunAsync(["build", project, "-nologo", "-v:q", "-nodeReuse:false", "-c", configuration, "-f", tfm], cancellationToken).ConfigureAwait(false);
            if (build.ExitCode != 0)
                throw new ProjectInputsException(DiagnosticIds.ProjectBuildFailed.Create(project, null, Path.GetFileName(project), build.ExitCode, Tail(build.Output, 40)));
        }

        // ReferencePath only exists once ResolveReferences ran; after a build it is cheap.
        var resolved = await EvaluateJsonAsync(project, globalProps, ["-t:ResolveReferences", "-getItem:Compile", "-getItem:ReferencePath"], cancellationToken).ConfigureAwait(false);
        var projectDir = Path.GetDirectoryName(project)!;
        assembly = Prop(resolved, "TargetPath");
        var xml = Path.ChangeExtension(assembly, ".xml");
        if (!File.Exists(xml) && Prop(resolved, "DocumentationFile") is { Length: > 0 } docFile)
            xml = Path.GetFullPath(Path.Combine(projectDir, docFile.Replace('\\', '/')));

        return new ProjectInputs
        {
            AssemblyPath = assembly,
            XmlDocPath = File.Exists(xml) ? xml : null,
            ProjectPath = project,
            ProjectName = Prop(resolved, "MSBuildProjectName") is { Length: > 0 } name ? name : Path.GetFileNameWithoutExtension(project),
            SourceFiles = [.. Items(resolved, "Compile")],
            ReferencePaths = [.. Items(resolved, "ReferencePath")],
            DefineConstants = [.. Prop(resolved, "DefineConstants").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            LangVersion = Prop(resolved, "LangVersion") is { Length: > 0 } lang ? lang : null,
            TargetFramework = tfm,
            ProjectAssetsFile = Prop(resolved, "ProjectAssetsFile") is { Length: > 0 } assets ? assets : null,
            NuGetPackageRoot = Prop(resolved, "NuGetPackageRoot") is { Length: > 0 } root ? root : null,
            IntermediateOutputPath = Prop(resolved, "IntermediateOutputPath") is { Length: > 0 } obj
                ? Path.GetFullPath(Path.Combine(projectDir, obj.Replace('\\', '/')))
                : null,
        };
    }

    private static bool IsStale(string project, string assembly, IEnumerable<string> sources)
    {
        if (string.IsNullOrEmpty(assembly) || !File.Exists(assembly)) return true;
        var built = File.GetLastWriteTimeUtc(assembly);
        return sources.Append(project).Any(s => File.Exists(s) && File.GetLastWriteTimeUtc(s) > built);
    }

    /// <summary>
    /// Evaluates a project without building it (for a project whose code is not generated yet and may not
    /// compile) and returns MSBuild's <c>-getProperty/-getItem</c> JSON, with <c>Properties</c> and <c>Items</c>.
    /// </summary>
    /// <exception cref="ProjectInputsException">Evaluation failed.</exception>
    public Task<JsonElement> EvaluateWithoutBuildAsync(string projectPath, string configuration, string? framework,
        IEnumerable<string> properties, IEnumerable<string> items, CancellationToken cancellationToken)
    {
        var globalProps = new List<string> { $"-p:Configuration={configuration}" };
        if (framework is { Length: > 0 }) globalProps.Add($"-p:TargetFramework={framework}");
        // MSBuildProjectName too: with a single -getProperty MSBuild prints the bare value, not JSON.
        return EvaluateJsonAsync(Path.GetFullPath(projectPath), globalProps, properties.Append("MSBuildProjectName").Distinct(StringComparer.Ordinal),
            items.Select(i => "-getItem:" + i), cancellationToken);
    }

    private Task<JsonElement> EvaluateJsonAsync(string project, IEnumerable<string> globalProps, IEnumerable<string> extra, CancellationToken cancellationToken) =>
        EvaluateJsonAsync(project, globalProps, Properties, extra, cancellationToken);

    private async Task<JsonElement> EvaluateJsonAsync(string project, IEnumerable<string> globalProps, IEnumerable<string> properties, IEnumerable<string> extra, CancellationToken cancellationToken)
    {
        var args = new List<string> { "msbuild", project, "-nologo", "-nodeReuse:false" };
        args.AddRange(globalProps);
        args.AddRange(properties.Select(p => "-getProperty:" + p));
        args.AddRange(extra);
        var result = await RunAsync(args, cancellationToken).ConfigureAwait(false);
        var start = result.StdOut.IndexOf('{');
        if (result.ExitCode != 0 || start < 0)
            throw new ProjectInputsException(DiagnosticIds.ProjectEvaluationFailed.Create(project, null, Path.GetFileName(project), Tail(result.Output, 20)));
        try
        {
            using var doc = JsonDocument.Parse(result.StdOut[start..]);
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ProjectInputsException(DiagnosticIds.ProjectEvaluationFailed.Create(project, null, Path.GetFileName(project), ex.Message));
        }
    }

    private static string Prop(JsonElement json, string name) =>
        json.TryGetProperty("Properties", out var props) && props.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static ImmutableArray<string> Items(JsonElement json, string name)
    {
        if (!json.TryGetProperty("Items", out var items) || !items.TryGetProperty(name, out var list)) return [];
        return [.. list.EnumerateArray().Select(i => i.GetProperty("FullPath").GetString()!).Where(p => !string.IsNullOrEmpty(p))];
    }

    private static string Tail(string text, int lines)
    {
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines))).Trim();
    }

    private sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string Output => StdOut + StdErr;
    }

    private async Task<Result> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(_dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        return new Result(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
