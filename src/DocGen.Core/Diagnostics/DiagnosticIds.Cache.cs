namespace DocGen.Core.Diagnostics;

public static partial class DiagnosticIds
{
    // DG04xx (cache faults, numbered apart from the engine's own ids)
    public static readonly DiagnosticDescriptor CacheEntryBlocked = Warning("DG0425", "Cache entry path taken",
        "{0} cache entr(y/ies) in '{1}' are folders (or something else that is not a file) where an answer file belongs; they were left alone, not read and not written, so those answers are asked again every run. Remove them");
}
