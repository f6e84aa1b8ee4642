using System.ClientModel.Primitives;
using System.Globalization;

namespace DocGen.Core.Generation.Providers;

/// <summary>A retry about to wait: which request, which retry, how long, and why.</summary>
/// <param name="Request">The request's name, or null when not known.</param>
/// <param name="Attempt">1 for the first retry.</param>
/// <param name="Wait">The wait before it is sent again.</param>
/// <param name="Reason">E.g. <c>HTTP 429</c> or <c>the stream broke</c>.</param>
public sealed record RetryNotice(string? Request, int Attempt, TimeSpan Wait, string Reason);

/// <summary>Backoff waits shared by the transport's retries and the engine's retries of broken streams.</summary>
public static class RetryTiming
{
    /// <summary>
    /// <c>base·2^(attempt-1)</c>, capped, with "equal jitter": a random point in its upper half, so concurrent
    /// requests that failed together do not all come back at the same instant.
    /// </summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, TimeSpan maxDelay, int attempt, Random? random = null)
    {
        var full = Math.Min(maxDelay.Ticks, baseDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 16)));
        var jitter = (random ?? Random.Shared).NextDouble();
        return TimeSpan.FromTicks((long)(full * (0.5 + 0.5 * jitter)));
    }
}

/// <summary>
/// The SDK's retry policy with real backoff: its default retries 408/429/5xx and timeouts at once
/// (only a <c>Retry-After</c> adds a wait), which hammers a rate-limited server. Here each retry waits a
/// jittered <c>base·2^(n-1)</c>, or the server's <c>Retry-After</c> when that is longer (capped), is
/// counted and announced; once <c>stop</c> says so (the circuit breaker opened) no retry is made.
/// </summary>
internal sealed class BackoffRetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, Func<bool>? stop = null, Action<RetryNotice>? onRetry = null)
    : ClientRetryPolicy(maxRetries)
{
    private static readonly AsyncLocal<string?> CurrentRequest = new();
    private int _retries;

    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Names the request sent on this async flow, for retry notices.</summary>
    public static void SetCurrentRequest(string? name) => CurrentRequest.Value = name;

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        stop?.Invoke() != true && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        stop?.Invoke() == true ? ValueTask.FromResult(false) : base.ShouldRetryAsync(message, exception);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        Interlocked.Increment(ref _retries);
        var backoff = RetryTiming.Backoff(baseDelay, maxDelay, tryCount);
        var retryAfter = RetryAfter(message.Response);
        var delay = retryAfter is { } r && r > backoff ? r : backoff;
        if (delay > maxDelay) delay = maxDelay;
        var status = message.Response?.Status is { } s and > 0 ? $"HTTP {s}" : "a network failure";
        onRetry?.Invoke(new RetryNotice(CurrentRequest.Value, tryCount, delay, status));
        return delay;
    }

    /// <summary>Reads <c>Retry-After</c> as seconds or an HTTP date, and OpenAI's <c>retry-after-ms</c>.</summary>
    internal static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
