namespace DocGen.Core.Diagnostics;

public static partial class DiagnosticIds
{
    // DG02xx — site, Markdown and templates
    public static readonly DiagnosticDescriptor TemplateCompileError = Error("DG0201", "Template error", "Template '{0}' has an error: {1}");
    public static readonly DiagnosticDescriptor TemplateRenderError = Error("DG0202", "Template failed while rendering", "Template '{0}' failed while rendering '{1}': {2}");
    public static readonly DiagnosticDescriptor UnresolvedCref = Warning("DG0203", "Unresolved cref", "Reference '{0}' in the docs of '{1}' is not in the documented API nor in .NET; it is shown as text");
    public static readonly DiagnosticDescriptor UnsafeHref = Warning("DG0204", "Link dropped", "Link '{0}' in the docs of '{1}' is not http, https, mailto or relative; it is shown as text");
    public static readonly DiagnosticDescriptor TemplatesDirectoryNotFound = Error("DG0205", "Templates folder not found", "Templates folder '{0}' does not exist");
    public static readonly DiagnosticDescriptor PageNotWritten = Error("DG0207", "Page not written", "The page '{0}' (of '{1}') could not be written: {2}; every other page and the assets were written");
    public static readonly DiagnosticDescriptor UnknownTemplateOverride = Warning("DG0206", "Template override matches nothing", "'{0}' in the templates folder does not override any template (known: {1})");
    public static readonly DiagnosticDescriptor HandlebarsTemplateOverride = Error("DG0208", "Handlebars template override",
        "'{0}' is a Handlebars template, but DocGen's templates are Scriban now, so it overrides nothing; convert it to '{1}' (docs/templates.md, \"Migrating from Handlebars\")");
}
