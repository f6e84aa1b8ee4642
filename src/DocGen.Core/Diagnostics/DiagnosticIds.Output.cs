namespace DocGen.Core.Diagnostics;

public static partial class DiagnosticIds
{
    // DG03xx — output folder: ownership, faults of the file system. Every message says what was left as it was.
    public static readonly DiagnosticDescriptor OutputPathRejected = Error("DG0301", "Output path rejected", "Output path '{0}' rejected: {1}");
    public static readonly DiagnosticDescriptor OutputFolderNotOwned = Error("DG0302", "Output folder not DocGen's",
        "{0}. Nothing was written. Choose an empty or new folder, or pass --force-output (MSBuild: DocGenOutputForce=true) to let DocGen write into it; files it did not write are never deleted");
    public static readonly DiagnosticDescriptor OutputFileNotOwned = Warning("DG0303", "File not written by DocGen",
        "'{0}' was not written by DocGen, so it was left as it is and DocGen's version of it was not written. Move or delete it (or pass --force-output, MSBuild: DocGenOutputForce=true, to let DocGen replace it)");
    public static readonly DiagnosticDescriptor OutputFileModified = Warning("DG0304", "File changed since DocGen wrote it",
        "'{0}' was changed since DocGen wrote it, so it was {1}. Delete it to let DocGen write it again, or move your version out of the output folder");
    public static readonly DiagnosticDescriptor OutputIsAFile = Error("DG0305", "Output path is a file",
        "The output path {0}. Nothing was written. Pass a folder (it may not exist yet) with --output or DocGenOutputPath");
    public static readonly DiagnosticDescriptor OutputAccessDenied = Error("DG0306", "Output folder not writable",
        "The output folder cannot be written at '{0}' ({1}). The files already there were left as they were; make the folder writable or choose another one");
    public static readonly DiagnosticDescriptor OutputDiskFull = Error("DG0307", "Disk full",
        "The disk is full writing '{0}' ({1}). DocGen stopped writing; every file is either its previous or its new version, and the file list is kept. Free some space and build again");
    public static readonly DiagnosticDescriptor OutputBlocked = Error("DG0308", "Something is in DocGen's way",
        "'{0}' is {1}, where DocGen needs {2}; it was left as it is and nothing under it was written. Move it away and build again");
    public static readonly DiagnosticDescriptor OutputLinkNotFollowed = Error("DG0309", "Symbolic link in the output folder",
        "'{0}' is a symbolic link; DocGen never writes through a link, so nothing under it was written. Replace the link with a real folder (or remove it) and build again");
    public static readonly DiagnosticDescriptor OutputWriteFailed = Error("DG0310", "Output write failed",
        "Writing '{0}' failed: {1}. Every file is either its previous or its new version; build again, and check the folder if it persists");
    public static readonly DiagnosticDescriptor OutputListTampered = Warning("DG0311", "File list has unsafe lines",
        "{0} line(s) of '{1}' are not paths inside the output folder (rooted, '..', or malformed) and were ignored; nothing outside the folder is touched. The next run rewrites the list");
    public static readonly DiagnosticDescriptor OutputOrphansRemoved = Info("DG0312", "Interrupted run repaired",
        "{0} temp file(s) left by an interrupted DocGen run were removed from '{1}'");
    public static readonly DiagnosticDescriptor OutputAdopted = Info("DG0313", "Output folder adopted",
        "{0} file(s) listed by an earlier DocGen version in '{1}' are now tracked with their content hashes");
    public static readonly DiagnosticDescriptor OutputReplacedForced = Info("DG0314", "File replaced (forced)",
        "'{0}' was not DocGen's (or was changed) and was replaced because --force-output (DocGenOutputForce) is set");
}
