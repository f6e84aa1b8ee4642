using DocGen.Core.Diagnostics;

namespace DocGen.Core.Output;

/// <summary>Turns what an <see cref="OutputWriter"/> left alone, repaired or stopped on into diagnostics (DG03xx).</summary>
public static class OutputDiagnostics
{
    /// <summary>Reports every problem of <paramref name="writer"/>, and its fault if one stopped it.</summary>
    public static void Report(OutputWriter writer, DiagnosticBag diagnostics)
    {
        foreach (var problem in writer.Problems) diagnostics.Add(For(problem));
        if (writer.Fault is { } fault) diagnostics.Add(For(fault));
    }

    /// <summary>The diagnostic for a fault that stopped writing.</summary>
    public static Diagnostic For(OutputException fault) => fault.Fault switch
    {
        OutputFault.RootIsFile => DiagnosticIds.OutputIsAFile.Create(fault.Path, null, $"'{fault.Path}' names an existing file"),
        OutputFault.NotOwned => DiagnosticIds.OutputFolderNotOwned.Create(fault.Path, null, fault.Message),
        OutputFault.AccessDenied => DiagnosticIds.OutputAccessDenied.Create(fault.Path, null, fault.Path, Reason(fault)),
        OutputFault.DiskFull => DiagnosticIds.OutputDiskFull.Create(fault.Path, null, fault.Path, Reason(fault)),
        _ => DiagnosticIds.OutputWriteFailed.Create(fault.Path, null, fault.Path, Reason(fault)),
    };

    /// <summary>The diagnostic for a problem.</summary>
    public static Diagnostic For(OutputProblem problem) => problem.Kind switch
    {
        OutputProblemKind.NotOwned => DiagnosticIds.OutputFileNotOwned.Create(problem.Path, null, problem.Path),
        OutputProblemKind.Modified => DiagnosticIds.OutputFileModified.Create(problem.Path, null, problem.Path, "not replaced with the new version"),
        OutputProblemKind.ModifiedReleased => DiagnosticIds.OutputFileModified.Create(problem.Path, null, problem.Path,
            "kept although DocGen no longer writes it, and it is no longer DocGen's"),
        OutputProblemKind.FolderInTheWay => DiagnosticIds.OutputBlocked.Create(problem.Path, null, problem.Path, "a folder", "a file"),
        OutputProblemKind.FileInTheWay => DiagnosticIds.OutputBlocked.Create(problem.Path, null, problem.Path, "a file", "a folder"),
        OutputProblemKind.Link => DiagnosticIds.OutputLinkNotFollowed.Create(problem.Path, null, problem.Path),
        OutputProblemKind.Replaced => DiagnosticIds.OutputReplacedForced.Create(problem.Path, null, problem.Path),
        OutputProblemKind.ListRejected => DiagnosticIds.OutputListTampered.Create(problem.Path, null, problem.Count, problem.Path),
        OutputProblemKind.OrphansRemoved => DiagnosticIds.OutputOrphansRemoved.Create(null, null, problem.Count, problem.Path),
        _ => DiagnosticIds.OutputAdopted.Create(null, null, problem.Count, problem.Path),
    };

    private static string Reason(OutputException fault) =>
        fault.InnerException?.Message ?? fault.Message;
}
