using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Generation.Continuation;
using DocGen.Core.Generation.Providers;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Generation;

/// <summary>One engine run over one model: cache lookups, requests, inheritance, fallback, report.</summary>
internal sealed partial class GenerationRun(
    DocGenerationEngine engine, EngineSettings settings, UseCaseRegistry registry, ApiModel model, GenerationContext ctx)
{
    /// <summary>A request to send and what to do with its validated answer.</summary>
    private sealed record WorkUnit(GenerationRequest Request, int Members, int Types, int EstimatedOutput, Action<JsonNode, string> Apply);

    private readonly GenerationPlanner _planner = new(model);
    private readonly ConcurrentDictionary<string, (DocComment Docs, Provenance Provenance)> _memberDocs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DocComment Docs, Provenance Provenance)> _typeDocs = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentBag<Task> _pendingPuts = [];
    private readonly Lock _budgetLock = new();
    private int _requests, _cacheHits, _cacheMisses, _remoteHits, _continuations, _repaired, _errors, _deferredMembers, _deferredTypes, _completed, _total;
    private long _inputTokens, _outputTokens, _spent, _reserved;
    private bool _budgetExhausted;
    private volatile bool _stopAll;
    private int _authReported, _unreachableReported, _cacheWriteFailed;
    private ILanguageModel? _lm;
    private LocalCacheStore? _local;
    private RemoteCacheStore? _remote;

    private DocGenOptions Options => ctx.Options;

    public async Task<GenerationResult> ExecuteAsync()
    {
        var members = _planner.Members.Values.ToList();
        var types = _planner.Types.Values.ToList();

        // <inheritdoc/> semantics first: an override or implementation of a documented member costs no tokens.
        foreach (var m in members.Where(m => GenerationPlanner.NeedsDocs(m.Provenance)))
            if (_planner.InheritedDocs(m, HumanDocs) is { } inherited) _memberDocs[m.Id] = inherited;

        var askMembers = members.Where(m => GenerationPlanner.NeedsDocs(m.Provenance) && !_memberDocs.ContainsKey(m.Id)
            && !m.ImplementedMemberIds.Any(_planner.Members.ContainsKey)).ToList();
        var askTypes = types.Where(t => GenerationPlanner.NeedsDocs(t.Provenance)).ToList();

        if (Options.Provider == ProviderKind.OpenAI && Options.FillMissingDocs && (askMembers.Count > 0 || askTypes.Count > 0))
        {
            _lm = CreateProvider(askMembers.Count, askTypes.Count);
            if (_lm is not null)
            {
                try { await AskModelAsync(askMembers, askTypes).ConfigureAwait(false); }
                finally { _remote?.Dispose(); }
            }
        }

        // Second pass: overrides of members that were just generated inherit the generated text.
        foreach (var m in members.Where(m => GenerationPlanner.NeedsDocs(m.Provenance) && !_memberDocs.ContainsKey(m.Id)))
            if (_planner.InheritedDocs(m, CurrentDocs) is { } inherited) _memberDocs[m.Id] = inherited;

        var fallbacks = ApplyFallback(members, types);
        var result = Rewrite();
        return new GenerationResult(result, BuildReport(result, fallbacks));
    }

    private (DocComment, Provenance)? HumanDocs(string id) =>
        _planner.Members.TryGetValue(id, out var m) && GenerationPlanner.IsHumanDocs(m.Provenance) ? (m.Docs, m.Provenance) : null;

    private (DocComment, Provenance)? CurrentDocs(string id) =>
        _memberDocs.TryGetValue(id, out var d) ? d : _planner.Members.TryGetValue(id, out var m) ? (m.Docs, m.Provenance) : null;

    private ILanguageModel? CreateProvider(int memberCount, int typeCount)
    {
        var lm = LanguageModelFactory.Create(settings, Options, out var problem);
        if (problem == ProviderProblem.InvalidEndpoint)
            ctx.Diagnostics.Report(DiagnosticIds.InvalidOption, null, null, $"endpoint '{Options.Endpoint}' is not an absolute URL");
        else if (problem == ProviderProblem.NoApiKey)
            ctx.Diagnostics.Report(DiagnosticIds.ApiKeyMissing, null, null, memberCount, typeCount);
        return lm;
    }

    private async Task AskModelAsync(List<MemberModel> askMembers, List<TypeModel> askTypes)
    {
        var ct = ctx.CancellationToken;
        var cacheDir = Options.CacheDirectory ?? engine.DefaultCacheDirectory(ctx.Writer.Root);
        _local = new LocalCacheStore(cacheDir);
        if (Options.RemoteCacheUrl is not null) _remote = new RemoteCacheStore(Options.RemoteCacheUrl, settings.RemoteCacheTimeout);

        var keyOptions = new JsonObject { ["maxOutputTokens"] = settings.MaxOutputTokens };
        var memberUseCase = registry.Get(UseCaseId.MemberDocs);
        var typeUseCase = registry.Get(UseCaseId.TypeOverview);
        var memberKeyBase = GenerationPlanner.KeyBase(memberUseCase, _lm!.ModelId, _lm.EndpointKind, keyOptions);
        var typeKeyBase = GenerationPlanner.KeyBase(typeUseCase, _lm.ModelId, _lm.EndpointKind, keyOptions);

        var memberPlans = askMembers.Select(m =>
        {
            var called = _planner.CalledMembers(m);
            return (M: m, Item: _planner.Item(m), Called: called, Key: _planner.MemberKey(memberKeyBase, m, called));
        }).ToList();
        var typePlans = askTypes.Select(t => { var args = _planner.TypeArgs(t); return (T: t, Args: args, Key: GenerationPlanner.TypeKey(typeKeyBase, t, args)); }).ToList();

        var cached = new ConcurrentDictionary<string, JsonNode>(StringComparer.Ordinal);
        var keys = memberPlans.Select(p => p.Key).Concat(typePlans.Select(p => p.Key)).Distinct().ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (key, token) =>
        {
            if (await LookupAsync(key, token).ConfigureAwait(false) is { } answer) cached[key] = answer;
        }).ConfigureAwait(false);

        var units = new List<WorkUnit>();
        foreach (var group in memberPlans.GroupBy(p => p.M.ContainingTypeId))
        {
            var misses = new List<(MemberModel M, MemberPromptItem Item, ImmutableArray<ContextDoc> Called, string Key)>();
            foreach (var plan in group)
            {
                if (cached.TryGetValue(plan.Key, out var entry) && entry is JsonObject o && o["summary"] is not null)
                {
                    _cacheHits++;
                    _memberDocs[plan.M.Id] = (MemberDocsUseCase.ToDocComment(o, plan.Item), Provenance.Generated(o["model"]?.GetValue<string>() ?? _lm.ModelId));
                }
                else
                {
                    _cacheMisses++;
                    misses.Add(plan);
                }
            }
            var typeLabel = _planner.Types.TryGetValue(group.Key, out var owner) ? owner.Namespace.Length > 0 ? owner.Namespace + "." + owner.QualifiedName : owner.QualifiedName : group.Key;
            var chunks = misses.Chunk(Math.Max(1, settings.BatchSize)).ToList();
            for (var i = 0; i < chunks.Count; i++)
            {
                var chunk = chunks[i];
                var args = new MemberDocsArgs(group.Key, owner?.Signature ?? group.Key, _planner.TypeSummary(group.Key), [.. chunk.Select(c => c.Item)],
                    [.. chunk.SelectMany(c => c.Called).DistinctBy(c => c.Id).OrderBy(c => c.Id, StringComparer.Ordinal)]);
                var name = chunks.Count == 1 ? $"member_docs {typeLabel}" : $"member_docs {typeLabel} #{i + 1}";
                var byId = chunk.ToDictionary(c => c.Item.Id, StringComparer.Ordinal);
                units.Add(new WorkUnit(new GenerationRequest(Intent.Documentation, UseCaseId.MemberDocs, args, name), chunk.Length, 0,
                    chunk.Length * settings.EstimatedOutputTokensPerItem,
                    (answer, modelId) =>
                    {
                        foreach (var entry in ((JsonArray)answer["members"]!).OfType<JsonObject>())
                        {
                            var plan = byId[entry["id"]!.GetValue<string>()];
                            var stored = (JsonObject)entry.DeepClone();
                            stored["model"] = modelId;
                            Store(plan.Key, memberUseCase, stored);
                            _memberDocs[plan.Item.Id] = (MemberDocsUseCase.ToDocComment(entry, plan.Item), Provenance.Generated(modelId));
                        }
                    }));
            }
        }
        foreach (var plan in typePlans)
        {
            if (cached.TryGetValue(plan.Key, out var answer) && answer is JsonObject o && o["summary"] is not null)
            {
                _cacheHits++;
                _typeDocs[plan.T.Id] = (TypeOverviewUseCase.ToDocComment(o, plan.Args), Provenance.Generated(o["model"]?.GetValue<string>() ?? _lm.ModelId));
                continue;
            }
            _cacheMisses++;
            units.Add(new WorkUnit(new GenerationRequest(Intent.Documentation, UseCaseId.TypeOverview, plan.Args, $"type_overview {plan.T.Id[2..]}"), 0, 1,
                settings.EstimatedOutputTokensPerItem,
                (validated, modelId) =>
                {
                    var stored = (JsonObject)validated.DeepClone();
                    stored["model"] = modelId;
                    Store(plan.Key, typeUseCase, stored);
                    _typeDocs[plan.T.Id] = (TypeOverviewUseCase.ToDocComment((JsonObject)validated, plan.Args), Provenance.Generated(modelId));
                }));
        }

        _total = units.Count;
        engine.Progress?.Report(new GenerationProgress(GenerationProgressKind.Planned, null, 0, 0, 0, _total));
        using var gate = new SemaphoreSlim(Options.MaxConcurrency is > 0 and <= 64 ? Options.MaxConcurrency : 4);
        var running = new List<Task>();
        foreach (var unit in units)
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            UseCase useCase;
            try { useCase = registry.Resolve(unit.Request); }
            catch (GenerationRequestException ex)
            {
                ctx.Diagnostics.Report(DiagnosticIds.InvalidGenerationRequest, null, null, ex.Message);
                gate.Release();
                continue;
            }
            var prompt = useCase.BuildPrompt(unit.Request.Args);
            var estimate = prompt.Length / 4 + unit.EstimatedOutput;
            if (_stopAll || !TryReserve(estimate))
            {
                if (!_stopAll) { Interlocked.Add(ref _deferredMembers, unit.Members); Interlocked.Add(ref _deferredTypes, unit.Types); }
                gate.Release();
                continue;
            }
            running.Add(Task.Run(async () =>
            {
                try { await RunUnitAsync(unit, useCase, prompt, estimate).ConfigureAwait(false); }
                finally { gate.Release(); }
            }, ct));
        }
        await Task.WhenAll(running).ConfigureAwait(false);
        await Task.WhenAll(_pendingPuts).ConfigureAwait(false);

        if (_deferredMembers + _deferredTypes > 0)
            ctx.Diagnostics.Report(DiagnosticIds.TokenBudgetExhausted, null, null, Options.TokenBudget, _deferredMembers, _deferredTypes);
        if (_remote is { Available: false })
            ctx.Diagnostics.Report(DiagnosticIds.RemoteCacheUnavailable, null, null, Options.RemoteCacheUrl, _remote.Failure);
        if (_local.Corrupt > 0)
            ctx.Diagnostics.Report(DiagnosticIds.CacheEntryCorrupt, null, null, _local.Corrupt, _local.Directory);
        if (_local.Blocked > 0)
            ctx.Diagnostics.Report(DiagnosticIds.CacheEntryBlocked, null, null, _local.Blocked, _local.Directory);
    }

    private bool TryReserve(long estimate)
    {
        if (Options.TokenBudget is not { } budget) return true;
        lock (_budgetLock)
        {
            // Once one request would overflow, every later one is deferred too: the run stops spending, it does not skip around.
            if (_budgetExhausted || _spent + _reserved + estimate > budget) { _budgetExhausted = true; return false; }
            _reserved += estimate;
            return true;
        }
    }

    private void Settle(long estimate, long actual)
    {
        lock (_budgetLock)
        {
            _reserved -= estimate;
            _spent += actual;
        }
    }

    private async Task<JsonNode?> LookupAsync(string key, CancellationToken ct)
    {
        if (_local!.TryGet(key) is { } local) return local;
        if (_remote is null) return null;
        var bytes = await _remote.GetAsync(key, ct).ConfigureAwait(false);
        if (bytes is null || LocalCacheStore.ParseEntry(bytes, key) is not { } answer) return null;
        Interlocked.Increment(ref _remoteHits);
        TryPutLocal(key, bytes);
        return answer;
    }

    private void Store(string key, UseCase useCase, JsonObject answer)
    {
        var bytes = LocalCacheStore.CreateEntry(key, useCase.Id.Value, _lm!.ModelId, answer);
        TryPutLocal(key, bytes);
        if (_remote is not null) _pendingPuts.Add(_remote.PutAsync(key, bytes, ctx.CancellationToken));
    }

    private void TryPutLocal(string key, byte[] bytes)
    {
        try { _local!.Put(key, bytes); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _cacheWriteFailed, 1) == 0)
                ctx.Diagnostics.Report(DiagnosticIds.CacheUnavailable, null, null, _local!.Directory, ex.Message);
        }
    }
}
