namespace DocGen.Core.Generation.Cache;

/// <summary>
/// An HTTP cache speaking the plain protocol of build-cache servers: <c>GET {base}/{key}.json</c>
/// (200 hit, 404 miss) and <c>PUT {base}/{key}.json</c>. Any failure disables it for the rest of the
/// run; the caller reports one warning and carries on with the local cache.
/// </summary>
public sealed class RemoteCacheStore : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _base;
    private int _failed;

    public RemoteCacheStore(string baseUrl, TimeSpan timeout)
    {
        _base = baseUrl.TrimEnd('/');
        _http = new HttpClient { Timeout = timeout };
    }

    /// <summary>The first failure's description, once one happened.</summary>
    public string? Failure { get; private set; }

    /// <summary>True until a request failed.</summary>
    public bool Available => Volatile.Read(ref _failed) == 0;

    private Uri UriOf(string key) => new($"{_base}/{key}.json");

    /// <summary>The entry bytes, or null on a miss or a failure.</summary>
    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!Available) return null;
        try
        {
            using var response = await _http.GetAsync(UriOf(key), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode) { Fail($"GET returned HTTP {(int)response.StatusCode}"); return null; }
            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Fail(ex.Message);
            return null;
        }
    }

    /// <summary>Uploads an entry; failures only disable the remote cache.</summary>
    public async Task PutAsync(string key, byte[] entry, CancellationToken cancellationToken)
    {
        if (!Available) return;
        try
        {
            using var content = new ByteArrayContent(entry);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await _http.PutAsync(UriOf(key), content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) Fail($"PUT returned HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Fail(ex.Message);
        }
    }

    private void Fail(string reason)
    {
        if (Interlocked.Exchange(ref _failed, 1) == 0) Failure = reason;
    }

    public void Dispose() => _http.Dispose();
}
