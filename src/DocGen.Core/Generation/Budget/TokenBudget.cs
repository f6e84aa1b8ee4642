namespace DocGen.Core.Generation.Budget;

/// <summary>
/// The tokens (in + out) one run may spend, shared by every request and round of the run. A round
/// reserves its prompt and its whole <c>max_tokens</c> before it is sent and settles with the usage
/// the server reports, so concurrent requests and continuations together never pass the limit (as long
/// as the server honours <c>max_tokens</c>). Thread-safe.
/// </summary>
public sealed class TokenBudget(long? limit)
{
    private readonly Lock _lock = new();
    private long _spent, _reserved;
    private bool _closed;

    /// <summary>The limit, or null for none.</summary>
    public long? Limit => limit;

    /// <summary>Tokens settled so far.</summary>
    public long Spent { get { lock (_lock) return _spent; } }

    /// <summary>True once a new request was refused: every later one is refused too, so a run stops spending instead of skipping around.</summary>
    public bool Closed { get { lock (_lock) return _closed; } }

    /// <summary>
    /// Reserves <paramref name="promptTokens"/> plus an output cap of at most <paramref name="wantedOutput"/>,
    /// lowered to what is left but never below <paramref name="minimumOutput"/>. Returns the cap, or null
    /// when even the minimum does not fit.
    /// </summary>
    /// <param name="promptTokens">Tokens of the round's prompt.</param>
    /// <param name="wantedOutput">The output cap the round would like.</param>
    /// <param name="minimumOutput">The least cap worth sending the round for.</param>
    /// <param name="newRequest">The first round of a request; a refusal closes the budget for new requests.</param>
    public int? Reserve(int promptTokens, int wantedOutput, int minimumOutput, bool newRequest)
    {
        if (limit is not { } max) return wantedOutput;
        lock (_lock)
        {
            if (newRequest && _closed) return null;
            var left = max - _spent - _reserved - promptTokens;
            var granted = (int)Math.Min(wantedOutput, Math.Max(0, left));
            if (granted < Math.Max(1, minimumOutput))
            {
                if (newRequest) _closed = true;
                return null;
            }
            _reserved += promptTokens + granted;
            return granted;
        }
    }

    /// <summary>Replaces a reservation by what the round really cost.</summary>
    public void Settle(long reserved, long actual)
    {
        if (limit is null)
        {
            lock (_lock) _spent += actual;
            return;
        }
        lock (_lock)
        {
            _reserved -= reserved;
            _spent += actual;
        }
    }
}
