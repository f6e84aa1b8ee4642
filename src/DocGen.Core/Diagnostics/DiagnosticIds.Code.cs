namespace DocGen.Core.Diagnostics;

public static partial class DiagnosticIds
{
    // DG070x — user templates (DocGenTemplate items, docgen render)
    public static readonly DiagnosticDescriptor UserTemplateNotFound = Error("DG0701", "Template not found",
        "The template '{0}' does not exist");
    public static readonly DiagnosticDescriptor UserTemplateSyntaxError = Error("DG0702", "Template syntax error",
        "The template '{0}' does not compile: {1}");
    public static readonly DiagnosticDescriptor UserTemplateRenderError = Error("DG0703", "Template render error",
        "Rendering the template '{0}' failed: {1}");
    public static readonly DiagnosticDescriptor UserTemplateOutputRejected = Error("DG0704", "Template output path rejected",
        "The output '{0}' of the template '{1}' is rejected: {2}");
    public static readonly DiagnosticDescriptor UserTemplateOutputMissing = Error("DG0705", "Template output not given",
        "The template '{0}' has no output path (set OutputPath=\"…\" on the DocGenTemplate item, or --output)");
    public static readonly DiagnosticDescriptor UserTemplateIsHandlebars = Error("DG0706", "Handlebars user template",
        "The template '{0}' is a Handlebars template, but DocGen's templates are Scriban now; convert it to a .sbn file (docs/templates-and-code.md, \"Migrating from Handlebars\")");

    // DG071x — code units (DocGenCode items, docgen generate-code)
    public static readonly DiagnosticDescriptor CodeSpecNotFound = Error("DG0710", "Code spec not found",
        "The code spec '{0}' does not exist");
    public static readonly DiagnosticDescriptor CodeSpecInvalid = Error("DG0711", "Code spec invalid",
        "The code spec '{0}' is invalid: {1}");
    public static readonly DiagnosticDescriptor CodeStructureInvalid = Error("DG0712", "Code structure answer invalid",
        "The code structure for '{0}' is invalid: {1}");
    public static readonly DiagnosticDescriptor CodeFileNameRejected = Error("DG0713", "Generated file name rejected",
        "The code unit '{0}' names a file that is rejected: {1}");
    public static readonly DiagnosticDescriptor CodeDependencyCycle = Warning("DG0714", "Dependency cycle in a code unit",
        "The files of '{0}' depend on each other in a cycle ({1}); '{2}' is generated without seeing '{3}' (that dependency is ignored to order them)");
    public static readonly DiagnosticDescriptor CodeUnknownDependency = Warning("DG0715", "Unknown file dependency",
        "In '{0}', file '{1}' depends on '{2}', which is not a file of the unit; the dependency is ignored");
    public static readonly DiagnosticDescriptor CodeMissingPackage = Warning("DG0716", "Package reference missing",
        "The generated code of '{0}' imports '{1}', which needs the package '{2}' that the project does not reference: add <PackageReference Include=\"{2}\" Version=\"…\" />");
    public static readonly DiagnosticDescriptor CodeSyntaxErrors = Error("DG0717", "Generated C# does not parse",
        "The generated file '{1}' of '{0}' still has syntax errors after one retry:\n{2}");
    public static readonly DiagnosticDescriptor CodeNoProvider = Error("DG0718", "No model and no cached answer for a code unit",
        "The code unit '{0}' is not in the cache and no language model is configured (set DocGenProvider, share the cache folder, or set DocGenCodeOptional=true)");
    public static readonly DiagnosticDescriptor CodeNoProviderOptional = Warning("DG0719", "Optional code unit skipped",
        "The code unit '{0}' is not in the cache and no language model is configured; no files are generated for it (DocGenCodeOptional=true)");
    public static readonly DiagnosticDescriptor CodeStructureTruncated = Error("DG0720", "Code structure answer truncated",
        "The code structure answer for '{0}' was cut off and could not be completed: {1}");
    public static readonly DiagnosticDescriptor CodeRequestFailed = Error("DG0721", "Code unit request failed",
        "The model request '{1}' for the code unit '{0}' failed: {2}");
    public static readonly DiagnosticDescriptor CodeContentInvalid = Error("DG0722", "Code content answer invalid",
        "The model's answer for the file '{1}' of '{0}' is unusable: {2}");
    public static readonly DiagnosticDescriptor CodeManifestImportRejected = Warning("DG0723", "Import left out of a manifest",
        "The code unit '{0}' imports '{1}', which is not a valid package name; it is left out of {2}");
}
