namespace DocGen.Core.Diagnostics;

public static partial class DiagnosticIds
{
    // DG01xx — extraction and doc comments
    public static readonly DiagnosticDescriptor MalformedDocComment = Warning("DG0101", "Malformed doc comment",
        "The XML doc comment of '{0}' is not well-formed XML and is shown as raw text: {1}");
    public static readonly DiagnosticDescriptor XmlDocFileUnreadable = Warning("DG0102", "XML documentation file unreadable",
        "The XML documentation file '{0}' could not be read ({1}); members are shown as undocumented");
    public static readonly DiagnosticDescriptor InheritDocCycle = Warning("DG0103", "inheritdoc cycle",
        "<inheritdoc> on '{0}' leads back to itself ({1}); nothing is inherited");
    public static readonly DiagnosticDescriptor InheritDocNotFound = Info("DG0104", "inheritdoc source not found",
        "<inheritdoc> on '{0}' found no documentation to inherit{1}");
    public static readonly DiagnosticDescriptor CompilerUnresolvedCref = Info("DG0105", "Unresolved cref",
        "The doc comment of '{0}' refers to '{1}', which the compiler could not resolve");
    public static readonly DiagnosticDescriptor ReferencesNotFound = Warning("DG0106", "References not found",
        "{0}; types from other assemblies are shown by name only and inherited members may be missing");
    public static readonly DiagnosticDescriptor AssemblyUnreadable = Error("DG0107", "Assembly unreadable",
        "'{0}' could not be read as a .NET assembly: {1}");
    public static readonly DiagnosticDescriptor CodeSourceNotFound = Warning("DG0109", "Code source not found",
        "The <code source> in the docs of '{0}' {1}; that code is left out of the page");
    public static readonly DiagnosticDescriptor MalformedDocComments = Warning("DG0110", "Malformed doc comments",
        "{0} doc comments are not well-formed XML and were dropped by the compiler (the first: '{1}'); they are shown as undocumented. report.json lists each as DG0101 (info); --verbose prints them");
    public static readonly DiagnosticDescriptor SourceFileUnreadable = Warning("DG0108", "Source file unreadable",
        "Source file '{0}' could not be read ({1}); its declarations have no source links");
}
