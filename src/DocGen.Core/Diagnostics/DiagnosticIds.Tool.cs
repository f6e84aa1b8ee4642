namespace DocGen.Core.Diagnostics;

public static partial class DiagnosticIds
{
    // DG002x–DG003x — the docgen command's own verbs (fill, serve, init, cache) and CI checks. A block of its own in
    // the DG00xx range, so ids added for inputs (DG0011…) never collide with these.
    public static readonly DiagnosticDescriptor NoSingleProject = Error("DG0020", "No single project", "{0}");
    public static readonly DiagnosticDescriptor CoverageBelowMinimum = Error("DG0021", "Coverage below the minimum", "{0:0.#}% of the API is documented, below the minimum of {1:0.#}% (--min-coverage / DocGenMinCoverage); {2} members and types lack docs");
    public static readonly DiagnosticDescriptor FillSkipped = Warning("DG0022", "Declaration not filled", "'{0}' has generated docs but its declaration cannot take a doc comment here ({1}); add the comment by hand");
    public static readonly DiagnosticDescriptor FillCheckFailed = Error("DG0023", "Members lack docs", "{0} members and types have no docs written in the sources; run 'docgen fill --apply' and review the change, or write them");
    public static readonly DiagnosticDescriptor SourceNotWritable = Error("DG0024", "Source file not written", "'{0}' could not be written: {1}");
    public static readonly DiagnosticDescriptor UserFileKept = Error("DG0025", "File left alone", "DocGen leaves '{0}' alone: {1}");
    public static readonly DiagnosticDescriptor ServeFailed = Error("DG0026", "Cannot serve", "Cannot listen on {0}: {1}");
    public static readonly DiagnosticDescriptor CacheNotAccessible = Error("DG0027", "Cache not accessible", "The cache folder '{0}' could not be read or changed: {1}");
}
