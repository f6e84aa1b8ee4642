using System.Globalization;

namespace DocGen.Core.Generation;

/// <summary>
/// The <c>generation</c> section of <c>report.json</c>. Holds no timestamps; latency figures are null
/// when no request was made, so an unchanged (fully cached) rebuild writes the same bytes.
/// </summary>
public sealed record GenerationReport
{
    /// <summary><c>none</c> or <c>openai</c>.</summary>
    public required string Provider { get; init; }
    /// <summary>Model id, or null without a provider.</summary>
    public string? Model { get; init; }
    /// <summary><c>openai</c>, <c>azure</c> or <c>compatible</c>, or null without a provider.</summary>
    public string? Endpoint { get; init; }
    /// <summary>HTTP requests sent, continuations included.</summary>
    public int Requests { get; init; }
    /// <summary>Members and types answered from the cache (local or remote).</summary>
    public int CacheHits { get; init; }
    /// <summary>Members and types looked up and not found.</summary>
    public int CacheMisses { get; init; }
    /// <summary>Of <see cref="CacheHits"/>, those served by the remote cache.</summary>
    public int RemoteCacheHits { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    /// <summary>Continuation requests (rounds after a cut-off answer).</summary>
    public int Continuations { get; init; }
    /// <summary>Truncated answers used after a repair that validated.</summary>
    public int Repaired { get; init; }
    /// <summary>Transport retries (429, 5xx, timeouts).</summary>
    public int Retries { get; init; }
    /// <summary>Members and types that got deterministic fallback docs.</summary>
    public int Fallbacks { get; init; }
    /// <summary>Members and types not asked because the token budget would have been exceeded.</summary>
    public int Deferred { get; init; }
    /// <summary>Requests that failed (HTTP errors, unusable or truncated answers).</summary>
    public int Errors { get; init; }
    /// <summary>Median latency of one HTTP request in milliseconds; null when none was made.</summary>
    public long? LatencyP50Ms { get; init; }
    /// <summary>95th percentile latency in milliseconds; null when none was made.</summary>
    public long? LatencyP95Ms { get; init; }
    /// <summary>Requests and tokens per use case (<c>member_docs</c>, <c>type_overview</c>), for the use cases that sent any.</summary>
    public IReadOnlyDictionary<string, UseCaseTokens> TokensByUseCase { get; init; } = new SortedDictionary<string, UseCaseTokens>(StringComparer.Ordinal);
    /// <summary>Answers that called tools (each round of tool calls counts once).</summary>
    public int ToolRounds { get; init; }
    /// <summary>Tool calls answered.</summary>
    public int ToolCalls { get; init; }
    /// <summary>Times the circuit breaker opened (0 or 1): the run stopped asking after consecutive failures.</summary>
    public int CircuitBreakerTrips { get; init; }
    /// <summary>Members a person documented in part: completed by a model or fallback text, or still missing parts.</summary>
    public int PartialMembers { get; init; }
    /// <summary>Documented members with every part (summary, params, type params, returns) from one provenance.</summary>
    public int CompleteMembers { get; init; }
    /// <summary>Parts of partial members written by the model.</summary>
    public int PartsGenerated { get; init; }
    /// <summary>Parts of partial members given fallback text.</summary>
    public int PartsFallback { get; init; }
    /// <summary>Members by provenance label (<c>source</c>, <c>inherited</c>, <c>generated</c>, <c>fallback</c>, <c>missing</c>).</summary>
    public required IReadOnlyDictionary<string, int> Members { get; init; }
    /// <summary>Types by provenance label.</summary>
    public required IReadOnlyDictionary<string, int> Types { get; init; }

    /// <summary>The one-line summary the build prints.</summary>
    public string ToSummaryLine()
    {
        var inv = CultureInfo.InvariantCulture;
        var provider = Model is null ? "provider none" : $"{Model} ({Endpoint})";
        var latency = LatencyP50Ms is null ? "" : string.Format(inv, ", p50 {0} ms, p95 {1} ms", LatencyP50Ms, LatencyP95Ms);
        return string.Format(inv,
            "docgen generation: {0}: {1} requests, {2} cache hits, {3} misses, {4} in / {5} out tokens, {6} continuations, {7} retries, {8} fallbacks, {9} errors{10}; members {11} generated, {12} fallback, {13} partial{14}",
            provider, Requests, CacheHits, CacheMisses, InputTokens, OutputTokens, Continuations, Retries, Fallbacks, Errors, latency,
            Members.GetValueOrDefault("generated"), Members.GetValueOrDefault("fallback"), PartialMembers,
            CircuitBreakerTrips > 0 ? "; circuit breaker opened" : "");
    }

    /// <summary>Nearest-rank percentile of <paramref name="values"/>, rounded to whole milliseconds.</summary>
    public static long? Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return (long)Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }
}

/// <summary>What one use case cost.</summary>
public sealed record UseCaseTokens(int Requests, long InputTokens, long OutputTokens);

/// <summary>Progress of the engine, for live displays.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Request">Request name (e.g. <c>member_docs Ns.Type #1</c>), or null for run-level events.</param>
/// <param name="Round">0 for a first answer, then continuation rounds; for <see cref="GenerationProgressKind.RetryWaiting"/> from the transport, the retry's number (1 for the first).</param>
/// <param name="ReceivedChars">Characters of the current answer received so far (streaming).</param>
/// <param name="Completed">Requests finished so far.</param>
/// <param name="Total">Requests planned (after cache lookups).</param>
/// <param name="Detail">For tool calls, retries and notices: what to show (a tool call, <c>HTTP 429</c>, a sentence).</param>
/// <param name="Wait">For <see cref="GenerationProgressKind.RetryWaiting"/>: how long until the request is sent again.</param>
public sealed record GenerationProgress(GenerationProgressKind Kind, string? Request, int Round, int ReceivedChars, int Completed, int Total, string? Detail = null, TimeSpan? Wait = null);

/// <summary>Kinds of <see cref="GenerationProgress"/>.</summary>
public enum GenerationProgressKind
{
    /// <summary>Cache lookups are done; <see cref="GenerationProgress.Total"/> requests will be sent.</summary>
    Planned,
    /// <summary>A request (or a continuation round) was sent.</summary>
    RequestStarted,
    /// <summary>Text arrived on a streamed answer.</summary>
    Receiving,
    /// <summary>A request finished (successfully or not).</summary>
    RequestFinished,
    /// <summary>The model called a tool; <see cref="GenerationProgress.Detail"/> shows the call.</summary>
    ToolCall,
    /// <summary>DocGen answered a tool call; <see cref="GenerationProgress.ReceivedChars"/> is the output's length.</summary>
    ToolOutput,
    /// <summary>A request failed and will be sent again after <see cref="GenerationProgress.Wait"/>; <see cref="GenerationProgress.Detail"/> says why.</summary>
    RetryWaiting,
    /// <summary>Something the user should hear of at once (the circuit breaker opened); <see cref="GenerationProgress.Detail"/> says it.</summary>
    Notice,
}
