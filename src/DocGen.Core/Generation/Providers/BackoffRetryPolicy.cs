using System.ClientModel.Primitives;
using System.Globalization;

namespace DocGen.Core.Generation.Providers;

/// <summary>
/// The SDK's retry policy with real backoff: its default retries 408/429/5xx and timeouts at once
/// (only a <c>Retry-After</c> adds a wait), which hammers a rate-limited server. Here each retry waits
/// <c>base·2^(n-1)</c>, or the server's <c>Retry-After</c> when that is longer (capped), and is counted.
/// </summary>
internal sealed class BackoffRetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay) : ClientRetryPolicy(maxRetries)
{
    private int _retries;

    public int Retries => Volatile.Read(ref _retries);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        Interlocked.Increment(ref _retries);
        var backoff = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, baseDelay.Ticks * (1L << Math.Clamp(tryCount - 1, 0, 16))));
        var retryAfter = RetryAfter(message.Response);
        var delay = retryAfter is { } r && r > backoff ? r : backoff;
        return delay > maxDelay ? maxDelay : delay;
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
