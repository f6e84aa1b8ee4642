using System.Collections.Immutable;
using DocGen.Core.Diagnostics;

namespace DocGen.Core.Generation.Code;

/// <summary>
/// Turns a validated <c>code_structure</c> answer into the list of files to generate, in order: every
/// file name is checked (a rejected file is reported and dropped, and so are dependencies on it), the
/// answer is held to the spec's project type, and the rest is ordered by <see cref="DependencyOrder"/>.
/// </summary>
public static class CodeUnitPlanner
{
    /// <summary>Plans the files of <paramref name="spec"/>'s unit; reports DG0713, DG0714, DG0715 and DG0712 at the spec's path.</summary>
    /// <returns>The files to generate, dependencies first; empty when nothing usable is left.</returns>
    public static ImmutableArray<CodeFilePlan> Plan(CodeSpec spec, CodeStructure structure, DiagnosticBag diagnostics)
    {
        if (spec.ProjectType == CodeProjectType.SingleFile && structure.Files.Length > 1)
        {
            diagnostics.Report(DiagnosticIds.CodeStructureInvalid, spec.Path, null, spec.Path,
                $"the spec asks for a single file but the answer has {structure.Files.Length}");
            return [];
        }

        var accepted = new List<CodeFilePlan>();
        var rejectedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in structure.Files)
        {
            var error = FileNameValidator.Validate(file.FileName, spec.Language);
            if (error is null)
            {
                accepted.Add(file with { FileName = FileNameValidator.Normalize(file.FileName) });
                continue;
            }
            rejectedIds.Add(file.Id);
            diagnostics.Report(DiagnosticIds.CodeFileNameRejected, spec.Path, null, spec.Path, $"file '{file.Id}': {error}");
        }
        // DG0713 already names a rejected file; a second warning for each file that depended on it says nothing new.
        var cleaned = accepted
            .Select(f => f.Dependencies.Any(rejectedIds.Contains) ? f with { Dependencies = [.. f.Dependencies.Where(d => !rejectedIds.Contains(d))] } : f)
            .ToList();
        return DependencyOrder.Sort(cleaned, spec.Path, diagnostics);
    }
}
