namespace DocGen.Core.Diagnostics;

public static partial class DiagnosticIds
{
    // DG04xx — generation engine and language model providers
    public static readonly DiagnosticDescriptor InvalidGenerationRequest = Error("DG0401", "Invalid generation request", "{0}");
    public static readonly DiagnosticDescriptor ProviderAuthenticationFailed = Error("DG0402", "Provider authentication failed", "{0}");
    public static readonly DiagnosticDescriptor ProviderRejectedRequest = Error("DG0403", "Provider rejected the request", "{0}");
    public static readonly DiagnosticDescriptor ProviderRequestFailed = Warning("DG0404", "Provider request failed", "{0}; its {1} member(s) get fallback docs");
    public static readonly DiagnosticDescriptor ProviderAnswerInvalid = Warning("DG0405", "Model answer unusable", "The answer to request '{0}' is not valid JSON of the expected shape ({1}); its {2} member(s) get fallback docs");
    public static readonly DiagnosticDescriptor TokenBudgetExhausted = Warning("DG0406", "Token budget exhausted", "The token budget of {0} would be exceeded; {1} member(s) and {2} type(s) were deferred and get fallback docs");
    public static readonly DiagnosticDescriptor RemoteCacheUnavailable = Warning("DG0407", "Remote cache unavailable", "The remote cache '{0}' failed ({1}); using the local cache only for the rest of this run");
    public static readonly DiagnosticDescriptor ApiKeyMissing = Warning("DG0408", "API key missing", "Provider openai needs a key in OPENAI_API_KEY or DOCGEN_API_KEY; {0} member(s) and {1} type(s) get fallback docs");
    public static readonly DiagnosticDescriptor AnswerTruncated = Warning("DG0409", "Answer truncated", "The answer to request '{0}' was cut off and could not be completed ({1}); {2} member(s) get fallback docs");
    public static readonly DiagnosticDescriptor FallbackDocsUsed = Info("DG0410", "Fallback docs", "{0} member(s) and {1} type(s) have no docs; they get deterministic fallback text (marked Fallback)");
    public static readonly DiagnosticDescriptor CacheUnavailable = Warning("DG0411", "Cache folder unavailable", "The cache folder '{0}' cannot be written ({1}); answers of this run are not cached");
    public static readonly DiagnosticDescriptor CacheEntryCorrupt = Info("DG0412", "Corrupt cache entries", "{0} corrupt cache entr(y/ies) in '{1}' were removed and asked again");
    public static readonly DiagnosticDescriptor ProviderCircuitOpen = Warning("DG0413", "Provider circuit open", "The model server failed {0} request(s) in a row (last: {1}); DocGen stops asking for the rest of this run and the remaining members and types get fallback docs (never cached, so a later run asks again)");
    public static readonly DiagnosticDescriptor RequestExceedsContextWindow = Warning("DG0414", "Request exceeds the context window", "Request '{0}' does not fit the context window of {1} tokens even with its declarations cut; its {2} member(s) get fallback docs (raise --context-window / DocGenContextWindow if the model allows more)");
    public static readonly DiagnosticDescriptor ToolsRejected = Info("DG0415", "Tools rejected", "The model server rejected the tool definitions (get_symbol, get_source, find_usages); requests were sent without them");
}
