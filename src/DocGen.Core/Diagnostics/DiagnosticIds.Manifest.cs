namespace DocGen.Core.Diagnostics;

public static partial class DiagnosticIds
{
    // DG05xx — package manifests
    public static readonly DiagnosticDescriptor AssetsFileMissing = Warning("DG0501", "Assets file missing",
        "The project assets file '{0}' does not exist; the package manifest lists no packages and is marked incomplete (restore the project first)");
    public static readonly DiagnosticDescriptor AssetsFileUnreadable = Warning("DG0502", "Assets file unreadable",
        "The project assets file '{0}' could not be read ({1}); the package manifest is marked incomplete");
    public static readonly DiagnosticDescriptor AssetsTargetMissing = Warning("DG0503", "Target framework not restored",
        "The project assets file '{0}' has no target for '{1}' (it has: {2}); the package manifest is marked incomplete");
    public static readonly DiagnosticDescriptor PackageNotInPackagesFolder = Warning("DG0504", "Package missing from the packages folder",
        "Package '{0} {1}' was not found at '{2}'; its license and metadata are marked unresolved in the manifest (restore the project)");
    public static readonly DiagnosticDescriptor NuspecUnreadable = Warning("DG0505", "Nuspec unreadable",
        "The nuspec '{0}' could not be read ({1}); the package's license and metadata are marked unresolved in the manifest");
    public static readonly DiagnosticDescriptor NoAssetsFile = Info("DG0506", "No assets file",
        "No project assets file is known (the input is not a restored project); the package manifest lists only the project");
    public static readonly DiagnosticDescriptor PreviousSbomUnreadable = Info("DG0507", "Previous SBOM unreadable",
        "The previous SBOM '{0}' could not be read ({1}); a new serial number and timestamp are used");
}
