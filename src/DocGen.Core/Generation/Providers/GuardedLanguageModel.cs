using System.Runtime.CompilerServices;

namespace DocGen.Core.Generation.Providers;

/// <summary>
/// Puts a <see cref="CircuitBreaker"/> in front of any <see cref="ILanguageModel"/>: a request is not sent
/// while the breaker is open, and each answer or final failure is recorded with it.
/// </summary>
internal sealed class GuardedLanguageModel(ILanguageModel inner, CircuitBreaker breaker) : ILanguageModel
{
    public string ModelId => inner.ModelId;
    public string EndpointKind => inner.EndpointKind;
    public int Retries => inner.Retries;
    public CircuitBreaker Breaker => breaker;

    public async Task<ModelResponse> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        if (breaker.IsOpen) throw breaker.Rejection(request.Name);
        try
        {
            var response = await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
            breaker.RecordSuccess();
            return response;
        }
        catch (ModelException ex)
        {
            breaker.RecordFailure(ex);
            throw;
        }
    }

    public async IAsyncEnumerable<ModelStreamEvent> StreamAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (breaker.IsOpen) throw breaker.Rejection(request.Name);
        IAsyncEnumerator<ModelStreamEvent> events;
        ModelStreamEvent? first;
        try
        {
            events = inner.StreamAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
            first = await events.MoveNextAsync().ConfigureAwait(false) ? events.Current : null;
        }
        catch (ModelException ex)
        {
            breaker.RecordFailure(ex);
            throw;
        }
        await using (events.ConfigureAwait(false))
        {
            for (var evt = first; evt is not null; evt = await events.MoveNextAsync().ConfigureAwait(false) ? events.Current : null)
            {
                if (evt is Finish) breaker.RecordSuccess();
                else if (evt is Error error) breaker.RecordFailure(error.Exception);
                yield return evt;
            }
        }
    }
}
