namespace DocGen.Core.Diagnostics;

/// <summary>
/// Every diagnostic DocGen reports. Ranges: DG00xx inputs, options and CLI; DG01xx extraction and doc
/// comments; DG02xx emission and templates; DG03xx output; DG04xx generation engine and providers;
/// DG05xx manifests; DG06xx build integration; DG07xx generated code. Each id is listed in
/// <c>docs/diagnostics.md</c>; ids are never reused.
/// </summary>
public static partial class DiagnosticIds
{
    private static DiagnosticDescriptor Error(string id, string title, string format) => new(id, DiagnosticSeverity.Error, title, format);
    private static DiagnosticDescriptor Warning(string id, string title, string format) => new(id, DiagnosticSeverity.Warning, title, format);
    private static DiagnosticDescriptor Info(string id, string title, string format) => new(id, DiagnosticSeverity.Info, title, format);

    // DG00xx — inputs, options, CLI
    public static readonly DiagnosticDescriptor InvalidOption = Error("DG0001", "Invalid option", "{0}");
    public static readonly DiagnosticDescriptor InputNotFound = Error("DG0002", "Input not found", "Input '{0}' does not exist");
    public static readonly DiagnosticDescriptor UnsupportedInput = Error("DG0003", "Unsupported input", "'{0}' is neither a .csproj nor a .dll");
    public static readonly DiagnosticDescriptor ProjectBuildFailed = Error("DG0004", "Project build failed", "Building '{0}' failed (exit code {1}):\n{2}");
    public static readonly DiagnosticDescriptor ProjectEvaluationFailed = Error("DG0005", "Project evaluation failed", "Evaluating '{0}' with 'dotnet msbuild' failed: {1}");
    public static readonly DiagnosticDescriptor XmlDocFileMissing = Warning("DG0006", "XML documentation file missing", "No XML documentation file beside '{0}'; every member is shown as undocumented. Set <GenerateDocumentationFile>true</GenerateDocumentationFile> in the library's project (or put its .xml next to the .dll)");
    public static readonly DiagnosticDescriptor MultipleFrameworks = Error("DG0007", "Several target frameworks", "'{0}' targets {1}; choose one with --framework");
    public static readonly DiagnosticDescriptor Cancelled = Error("DG0008", "Cancelled", "Cancelled");
    public static readonly DiagnosticDescriptor InternalError = Error("DG0009", "Internal error", "Internal error: {0}");
    public static readonly DiagnosticDescriptor InvalidRequest = Error("DG0010", "Invalid request file", "Request file {0} is invalid: {1}");
    public static readonly DiagnosticDescriptor UnsupportedUrlScheme = Error("DG0011", "Not an HTTP URL", "{0} '{1}' is not an http:// or https:// URL; DocGen talks to model servers and caches over HTTP only (a local model server is http://localhost:PORT/v1)");
}

