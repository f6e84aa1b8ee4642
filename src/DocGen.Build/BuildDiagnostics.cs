namespace DocGen.Build
{
    /// <summary>
    /// Ids of the diagnostics the task itself reports (DG06xx). They mirror
    /// <c>DocGen.Core.Diagnostics.DiagnosticIds</c> (file <c>DiagnosticIds.Build.cs</c>), which this thin
    /// task cannot reference; <c>docs/diagnostics.md</c> lists them.
    /// </summary>
    internal static class BuildDiagnostics
    {
        public const string UnknownProperty = "DG0601";
        public const string EngineNotFound = "DG0602";
        public const string HostNotStarted = "DG0603";
        public const string EngineFailed = "DG0604";
        public const string EngineCrashed = "DG0605";
        public const string CleanFailed = "DG0606";
        public const string OutputFileModified = "DG0304";
        public const string OutputListTampered = "DG0311";
    }
}
