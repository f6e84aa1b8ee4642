using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Budget;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Generation.Continuation;
using DocGen.Core.Generation.Providers;
using DocGen.Core.Options;

namespace DocGen.Core.Generation;

/// <summary>
/// One run's access to the language model, shared by doc generation and code units so that neither has its own
/// copy: the provider (behind the run's circuit breaker), the answer cache (local folder, optionally a shared
/// folder, and an HTTP remote), the token budget and context window (<see cref="RequestMeter"/>), and the metrics
/// that become a section of <c>report.json</c>. Thread-safe: doc generation asks from several workers at once.
/// </summary>
internal sealed class ModelService : IDisposable
{
    private readonly EngineSettings _settings;
    private readonly DocGenOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly LocalCacheStore _local;
    private readonly RemoteCacheStore? _remote;
    private readonly ConcurrentBag<Task> _pendingPuts = [];
    private readonly ConcurrentDictionary<string, UseCaseCounter> _byUseCase = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _latencies = [];
    private int _requests, _continuations, _streamRetries, _toolRounds, _toolCalls, _remoteHits, _cacheWriteFailed;
    private long _inputTokens, _outputTokens;

    private sealed class UseCaseCounter
    {
        public int Requests;
        public long Input, Output;
    }

    /// <param name="settings">Transport, retry and cache settings.</param>
    /// <param name="options">The run's options: provider, model, endpoint, cache folders, token budget.</param>
    /// <param name="outputRoot">The output root (the default cache folder is derived from it).</param>
    /// <param name="diagnostics">Receives the cache's own diagnostics.</param>
    public ModelService(EngineSettings settings, DocGenOptions options, string outputRoot, DiagnosticBag diagnostics)
    {
        _settings = settings;
        _options = options;
        _diagnostics = diagnostics;
        _local = new LocalCacheStore(options.CacheDirectory ?? DocGenerationEngine.DefaultCacheDirectory(settings, outputRoot));
        if (options.RemoteCacheUrl is not null) _remote = new RemoteCacheStore(options.RemoteCacheUrl, settings.RemoteCacheTimeout);
        Breaker = new CircuitBreaker(settings.CircuitBreakerThreshold);
    }

    /// <summary>The run's circuit breaker: after consecutive failures no further request is sent.</summary>
    public CircuitBreaker Breaker { get; }

    /// <summary>The provider, once <see cref="Connect"/> made one.</summary>
    public ILanguageModel? Model { get; private set; }

    /// <summary>The token budget and context window of <see cref="Model"/>, once connected.</summary>
    public RequestMeter? Meter { get; private set; }

    /// <summary>
    /// Makes the provider the options describe (null when the provider is <c>none</c>, or with the reason in
    /// <paramref name="problem"/>: each caller reports that with its own diagnostic) and its meter, which loads the
    /// model's tokenizer tables: a run that never connects never pays for them.
    /// </summary>
    public ILanguageModel? Connect(out ProviderProblem problem, Action<RetryNotice>? onRetry = null)
    {
        problem = ProviderProblem.None;
        if (_options.Provider != ProviderKind.OpenAI) return null;
        Model = LanguageModelFactory.Create(_settings, _options, out problem, Breaker, onRetry);
        if (Model is not null)
            Meter = new RequestMeter(TokenCounter.ForModel(Model.ModelId), new TokenBudget(_options.TokenBudget), _options.ContextWindow ?? ContextWindow.DefaultFor(Model.ModelId));
        return Model;
    }

    /// <summary>The model id answers are stored under: the live provider's, else the configured one.</summary>
    public string ModelId => Model?.ModelId ?? _options.Model ?? "";

    /// <summary>An answer from the local cache, else the remote one (copied into the local cache); null for a miss.</summary>
    public async Task<JsonNode?> LookupAsync(string key, CancellationToken cancellationToken)
    {
        if (_local.TryGet(key) is { } local) return local;
        if (_remote is null) return null;
        var bytes = await _remote.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (bytes is null || LocalCacheStore.ParseEntry(bytes, key) is not { } answer) return null;
        Interlocked.Increment(ref _remoteHits);
        PutLocal(key, bytes);
        return answer;
    }

    /// <summary>Looks up many keys at once (bounded parallelism); returns the hits by key.</summary>
    public async Task<ConcurrentDictionary<string, JsonNode>> LookupAllAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var cached = new ConcurrentDictionary<string, JsonNode>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(keys.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (key, token) =>
        {
            if (await LookupAsync(key, token).ConfigureAwait(false) is { } answer) cached[key] = answer;
        }).ConfigureAwait(false);
        return cached;
    }

    /// <summary>
    /// Stores a validated answer locally and, in the background, remotely; <see cref="FinishAsync"/> waits for the
    /// remote writes (each bounded by the remote's timeout: a failed PUT only costs a later request).
    /// </summary>
    public void Store(string key, string useCaseId, JsonNode answer, CancellationToken cancellationToken)
    {
        var bytes = LocalCacheStore.CreateEntry(key, useCaseId, ModelId, answer);
        PutLocal(key, bytes);
        if (_remote is not null) _pendingPuts.Add(_remote.PutAsync(key, bytes, cancellationToken));
    }

    /// <summary>Counts one request through the continuation loop (every HTTP request it sent, its tokens and latencies).</summary>
    public void Record(string useCaseId, LoopResult loop)
    {
        // A failed request was sent (and counts) unless the circuit breaker kept it back.
        Interlocked.Add(ref _requests, loop.LatenciesMs.Count + (loop.Failure is { Kind: not ModelErrorKind.CircuitOpen } ? 1 : 0));
        Interlocked.Add(ref _continuations, Math.Max(0, loop.Requests - 1));
        Interlocked.Add(ref _inputTokens, loop.InputTokens);
        Interlocked.Add(ref _outputTokens, loop.OutputTokens);
        Interlocked.Add(ref _streamRetries, loop.StreamRetries);
        Interlocked.Add(ref _toolRounds, loop.ToolRounds);
        Interlocked.Add(ref _toolCalls, loop.ToolUses.Count);
        var counter = _byUseCase.GetOrAdd(useCaseId, _ => new UseCaseCounter());
        Interlocked.Add(ref counter.Requests, loop.LatenciesMs.Count);
        Interlocked.Add(ref counter.Input, loop.InputTokens);
        Interlocked.Add(ref counter.Output, loop.OutputTokens);
        foreach (var latency in loop.LatenciesMs) _latencies.Add(latency);
    }

    /// <summary>Waits for the remote writes and reports the cache's health once: an unreachable remote, corrupt or blocked entries.</summary>
    public async Task FinishAsync()
    {
        await Task.WhenAll(_pendingPuts).ConfigureAwait(false);
        if (_remote is { Available: false })
            _diagnostics.Report(DiagnosticIds.RemoteCacheUnavailable, null, null, _options.RemoteCacheUrl, _remote.Failure);
        if (_local.Corrupt > 0)
            _diagnostics.Report(DiagnosticIds.CacheEntryCorrupt, null, null, _local.Corrupt, _local.Directory);
        if (_local.Blocked > 0)
            _diagnostics.Report(DiagnosticIds.CacheEntryBlocked, null, null, _local.Blocked, _local.Directory);
    }

    /// <summary>What the run cost, for its section of <c>report.json</c>.</summary>
    public ModelMetrics Metrics()
    {
        var latencies = _latencies.ToList();
        return Idle(_options, Model) with
        {
            Requests = _requests,
            RemoteCacheHits = _remoteHits,
            InputTokens = _inputTokens,
            OutputTokens = _outputTokens,
            Continuations = _continuations,
            Retries = (Model?.Retries ?? 0) + _streamRetries,
            LatencyP50Ms = GenerationReport.Percentile(latencies, 50),
            LatencyP95Ms = GenerationReport.Percentile(latencies, 95),
            TokensByUseCase = new SortedDictionary<string, UseCaseTokens>(
                _byUseCase.ToDictionary(p => p.Key, p => new UseCaseTokens(p.Value.Requests, p.Value.Input, p.Value.Output)), StringComparer.Ordinal),
            ToolRounds = _toolRounds,
            ToolCalls = _toolCalls,
        };
    }

    /// <summary>The metrics of a run that asked nothing: the provider the options name, and zeros.</summary>
    public static ModelMetrics Idle(DocGenOptions options, ILanguageModel? model = null)
    {
        var openAI = options.Provider == ProviderKind.OpenAI;
        return new ModelMetrics(
            Provider: openAI ? "openai" : "none",
            Model: model?.ModelId ?? (openAI ? options.Model : null),
            Endpoint: model?.EndpointKind ?? (openAI ? OpenAILanguageModel.KindOf(Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var u) ? u : null) : null),
            Requests: 0, RemoteCacheHits: 0, InputTokens: 0, OutputTokens: 0, Continuations: 0, Retries: 0, LatencyP50Ms: null, LatencyP95Ms: null,
            TokensByUseCase: new SortedDictionary<string, UseCaseTokens>(StringComparer.Ordinal), ToolRounds: 0, ToolCalls: 0);
    }

    public void Dispose() => _remote?.Dispose();

    private void PutLocal(string key, byte[] bytes)
    {
        try { _local.Put(key, bytes); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Once per run: every answer would fail the same way.
            if (Interlocked.Exchange(ref _cacheWriteFailed, 1) == 0)
                _diagnostics.Report(DiagnosticIds.CacheUnavailable, null, null, _local.Directory, ex.Message);
        }
    }
}

/// <summary>What a run's model use cost: the part of a report section that doc generation and code units share.</summary>
internal sealed record ModelMetrics(
    string Provider, string? Model, string? Endpoint, int Requests, int RemoteCacheHits, long InputTokens, long OutputTokens,
    int Continuations, int Retries, long? LatencyP50Ms, long? LatencyP95Ms, IReadOnlyDictionary<string, UseCaseTokens> TokensByUseCase,
    int ToolRounds, int ToolCalls);
