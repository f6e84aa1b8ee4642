namespace DocGen.Core.Generation.Providers;

/// <summary>
/// Stops a run from asking a provider that keeps failing: after <c>threshold</c> consecutive requests
/// that failed for good (429/5xx/timeouts after their retries, broken streams, bodies that are not chat
/// completions), or at once when the endpoint is unreachable, it opens; from then on no request is sent,
/// retries in flight stop, and every remaining member gets fallback docs. <see cref="Opened"/> fires once,
/// at the moment it opens, so the user hears of it then and not at the end. Thread-safe; one per run.
/// </summary>
public sealed class CircuitBreaker(int threshold)
{
    private int _consecutive;
    private int _open;
    private string _reason = "";

    /// <summary>Called once when the breaker opens, with the failure that opened it.</summary>
    public event Action<ModelException>? Opened;

    /// <summary>Consecutive failures that open the breaker. 0 disables it.</summary>
    public int Threshold => threshold;

    /// <summary>True once it opened; it stays open for the rest of the run.</summary>
    public bool IsOpen => Volatile.Read(ref _open) == 1;

    /// <summary>Times it opened this run (0 or 1).</summary>
    public int Trips => Volatile.Read(ref _open);

    /// <summary>Why it opened, or empty.</summary>
    public string Reason => Volatile.Read(ref _reason);

    /// <summary>An answer arrived: the failures so far were not consecutive.</summary>
    public void RecordSuccess() => Interlocked.Exchange(ref _consecutive, 0);

    /// <summary>Counts a failure that ended a request; opens at the threshold, or at once for an unreachable endpoint.</summary>
    public void RecordFailure(ModelException failure)
    {
        if (!Counts(failure.Kind)) return;
        var count = Interlocked.Increment(ref _consecutive);
        if (failure.Kind == ModelErrorKind.Unreachable || (threshold > 0 && count >= threshold)) Open(failure);
    }

    private void Open(ModelException failure)
    {
        Volatile.Write(ref _reason, failure.Message);
        if (Interlocked.CompareExchange(ref _open, 1, 0) == 0) Opened?.Invoke(failure);
    }

    /// <summary>The failure a request gets instead of being sent once the breaker is open.</summary>
    public ModelException Rejection(string requestName) =>
        new(ModelErrorKind.CircuitOpen, null, $"Request '{requestName}' was not sent: the provider failed {threshold} times in a row");

    // Authentication and rejected requests already stop or name themselves; they say nothing about an outage.
    private static bool Counts(ModelErrorKind kind) =>
        kind is ModelErrorKind.Transient or ModelErrorKind.Timeout or ModelErrorKind.Unreachable or ModelErrorKind.InvalidResponse;
}
