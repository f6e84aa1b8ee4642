namespace DocGen.Core.Generation;

/// <summary>
/// Engine tuning that is not a user option: transport, batching and continuation limits. The defaults
/// suit real servers; tests shorten the waits.
/// </summary>
public sealed record EngineSettings
{
    /// <summary>Time allowed for one HTTP try. Default 10 minutes: a reply cut by the timeout is re-sent and billed twice.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>Retries of 408/429/5xx and network failures. Default 3.</summary>
    public int MaxRetries { get; init; } = 3;
    /// <summary>First backoff delay, doubled on each retry. Default 1 s.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Longest single wait, <c>Retry-After</c> included. Default 60 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Most members per <c>member_docs</c> request (members of several types share one request; the context window may make it fewer). Default 8.</summary>
    public int BatchSize { get; init; } = 8;
    /// <summary>Output cap of one answer. Default 2048 tokens.</summary>
    public int MaxOutputTokens { get; init; } = 2048;
    /// <summary>Continuation rounds after a cut answer. Default 4.</summary>
    public int MaxContinuations { get; init; } = 4;
    /// <summary>Output tokens one request may spend over all its rounds. Default 8192.</summary>
    public int MaxTotalOutputTokens { get; init; } = 8192;
    /// <summary>Stream answers (progress, and no timeout on a slow but live generation). Default true.</summary>
    public bool Stream { get; init; } = true;
    /// <summary>Output tokens a member is expected to cost: the least output cap a request is sent with when the token budget runs low. Default 200.</summary>
    public int EstimatedOutputTokensPerItem { get; init; } = 200;
    /// <summary>Timeout of one remote cache request. Default 10 s.</summary>
    public TimeSpan RemoteCacheTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Reads environment variables (the API key). Tests inject keys here instead of changing the process environment.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
    /// <summary>Creates the provider; null uses <see cref="Providers.OpenAILanguageModel"/>. Lets hosts plug another implementation.</summary>
    public Func<Options.DocGenOptions, string, Providers.ILanguageModel>? ProviderFactory { get; init; }

    /// <summary>Tokens of a member's declaration a prompt shows; a longer one is cut to its signature and a marked excerpt. Default 1500.</summary>
    public int MaxDeclarationTokens { get; init; } = 1500;
    /// <summary>Documented sibling members whose summaries a prompt shows for context. Default 12.</summary>
    public int MaxSiblingSummaries { get; init; } = 12;
    /// <summary>Offer the model <c>get_symbol</c>, <c>get_source</c> and <c>find_usages</c>. Default true; a server that rejects tools is asked again without them.</summary>
    public bool UseTools { get; init; } = true;
    /// <summary>Tool rounds one request may make before the model must answer. Default 3.</summary>
    public int MaxToolRounds { get; init; } = 3;
    /// <summary>Consecutive failed requests after which the run stops asking (the circuit breaker opens). Default 3; 0 disables it.</summary>
    public int CircuitBreakerThreshold { get; init; } = 3;

    internal Continuation.LoopLimits LoopLimits => new(MaxContinuations, MaxOutputTokens, MaxTotalOutputTokens, Stream)
    {
        StreamRetries = MaxRetries,
        BackoffBase = BackoffBase,
        MaxDelay = MaxDelay,
        MaxToolRounds = MaxToolRounds,
    };
}
