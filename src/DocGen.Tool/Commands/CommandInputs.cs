using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;
using DocGen.Core.Options;
using DocGen.Core;

namespace DocGen.Tool.Commands;

/// <summary>What the verbs share: finding the input, loading it, and printing diagnostics.</summary>
internal static class CommandInputs
{
    /// <summary>
    /// Prints a diagnostic in its canonical form, continuation lines indented. Diagnostics always go to stderr
    /// (stdout carries what a verb produces: summaries, diffs, statistics), so <c>docgen fill &gt; change.diff</c> holds
    /// only the diff and a script sees every error on the stream meant for errors.
    /// </summary>
    public static void Print(TextWriter stderr, Diagnostic diagnostic) =>
        stderr.WriteLine(diagnostic.ToCanonicalString().Replace("\n", "\n    "));

    /// <summary>The optional <c>PATH</c> argument of the verbs that work on a project.</summary>
    public static System.CommandLine.Argument<string?> PathArgument(string description) => new("path")
    {
        Description = description + " Default: the only project in the current folder.",
        Arity = System.CommandLine.ArgumentArity.ZeroOrOne,
    };

    /// <summary>
    /// The input a verb works on: <paramref name="path"/> itself when it is a file, the one .csproj of a folder
    /// (the current folder when <paramref name="path"/> is null), or a diagnostic naming the candidates.
    /// </summary>
    public static (string? Path, Diagnostic? Problem) Resolve(string? path)
    {
        if (path is not null && File.Exists(path)) return (path, null);
        var folder = path ?? Directory.GetCurrentDirectory();
        if (!Directory.Exists(folder)) return (null, DiagnosticIds.InputNotFound.Create(path));
        var projects = Directory.GetFiles(folder, "*.csproj").Order(StringComparer.Ordinal).ToList();
        if (projects.Count == 1) return (projects[0], null);
        var where = path is null ? "the current folder" : $"'{folder}'";
        var message = projects.Count == 0
            ? $"{where} has no .csproj; pass a project file or an assembly: docgen VERB path/to/Project.csproj"
            : $"{where} has {projects.Count} projects; pass one of them: {string.Join(", ", projects.Select(Path.GetFileName))}";
        return (null, DiagnosticIds.NoSingleProject.Create(message));
    }

    /// <summary>
    /// Reads the inputs of a .dll/.exe or evaluates (and builds when stale) a .csproj. On failure the
    /// diagnostic is printed and the exit code returned: a project that fails to build is an error, a
    /// wrong path a usage error.
    /// </summary>
    public static async Task<(ProjectInputs? Inputs, int ExitCode)> LoadAsync(
        string path, DocGenOptions options, ConsoleProgress progress, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            Print(stderr, DiagnosticIds.InputNotFound.Create(path));
            return (null, ExitCodes.Usage);
        }
        try
        {
            var inputs = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".dll" or ".exe" => ProjectEvaluator.FromAssembly(path),
                ".csproj" => await new ProjectEvaluator(log: progress.Line)
                    .EvaluateAsync(path, options.Configuration, options.Framework, cancellationToken).ConfigureAwait(false),
                _ => throw new ProjectInputsException(DiagnosticIds.UnsupportedInput.Create(path, null, path)),
            };
            return (inputs, ExitCodes.Ok);
        }
        catch (ProjectInputsException ex)
        {
            Print(stderr, ex.Diagnostic);
            return (null, ex.Diagnostic.Id is "DG0004" or "DG0005" ? ExitCodes.Errors : ExitCodes.Usage);
        }
        finally
        {
            progress.Clear();
        }
    }

    /// <summary>
    /// Where a verb writes by default: for a project, <c>docgen/</c> in its <c>$(IntermediateOutputPath)</c>
    /// (<c>obj/Debug/net10.0/docgen/</c>), the folder a build with the DocGen.Build package writes and <c>dotnet clean</c>
    /// empties; for a lone assembly, <c>docgen/</c> beside it. Every run's summary line names the folder.
    /// </summary>
    public static string DefaultOutput(ProjectInputs inputs) =>
        inputs.IntermediateOutputPath is { } obj ? Path.Combine(obj, "docgen")
        : inputs.ProjectPath is { } project ? Path.Combine(Path.GetDirectoryName(project)!, "obj", "docgen")
        : Path.Combine(Path.GetDirectoryName(inputs.AssemblyPath)!, "docgen");
}
