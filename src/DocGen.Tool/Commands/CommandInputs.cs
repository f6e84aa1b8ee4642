using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;
using DocGen.Core.Options;

namespace DocGen.Tool.Commands;

/// <summary>What <c>docgen build</c> and <c>docgen render</c> share: finding the input and printing diagnostics.</summary>
internal static class CommandInputs
{
    /// <summary>Prints a diagnostic in its canonical form, continuation lines indented.</summary>
    public static void Print(TextWriter stdout, Diagnostic diagnostic) =>
        stdout.WriteLine(diagnostic.ToCanonicalString().Replace("\n", "\n    "));

    /// <summary>The only .csproj of <paramref name="folder"/>, or null when there is none or several.</summary>
    public static string? FindProject(string folder)
    {
        var projects = Directory.GetFiles(folder, "*.csproj");
        return projects.Length == 1 ? projects[0] : null;
    }

    /// <summary>
    /// Reads the inputs of a .dll/.exe or evaluates (and builds when stale) a .csproj. On failure the
    /// diagnostic is printed and the exit code returned: a project that fails to build is an error, a
    /// wrong path a usage error.
    /// </summary>
    public static async Task<(ProjectInputs? Inputs, int ExitCode)> LoadAsync(
        string path, DocGenOptions options, ConsoleProgress progress, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            Print(stdout, DiagnosticIds.InputNotFound.Create(path));
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
            Print(stdout, ex.Diagnostic);
            return (null, ex.Diagnostic.Id is "DG0004" or "DG0005" ? ExitCodes.Errors : ExitCodes.Usage);
        }
        finally
        {
            progress.Clear();
        }
    }
}
