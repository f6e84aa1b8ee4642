namespace DocGen.Core.Diagnostics;

public static partial class DiagnosticIds
{
    // DG06xx — build integration. The MSBuild task reports these itself (it cannot reference DocGen.Core,
    // so src/DocGen.Build/BuildDiagnostics.cs repeats the ids); they are listed here so that every id
    // lives in one table.
    public static readonly DiagnosticDescriptor UnknownBuildProperty = Error("DG0601", "Unknown DocGen property", "{0}: unknown DocGen property ({1})");
    public static readonly DiagnosticDescriptor EngineNotFound = Error("DG0602", "DocGen engine not found", "The DocGen engine was not found at '{0}'");
    public static readonly DiagnosticDescriptor EngineHostNotStarted = Error("DG0603", "dotnet host not started", "Could not start '{0}' to run the DocGen engine: {1}");
    public static readonly DiagnosticDescriptor EngineFailedSilently = Error("DG0604", "DocGen engine failed", "The DocGen engine failed (exit code {0}) without reporting an error");
    public static readonly DiagnosticDescriptor EngineCrashed = Error("DG0605", "DocGen engine crashed", "The DocGen engine stopped unexpectedly (exit code {0})");
    public static readonly DiagnosticDescriptor CleanFailed = Warning("DG0606", "Clean could not delete a file", "'{0}' could not be deleted: {1}");
}
