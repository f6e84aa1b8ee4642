using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Budget;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Generation.Continuation;
using DocGen.Core.Generation.Providers;
using DocGen.Core.Generation.Tools;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Generation;

/// <summary>One engine run over one model: cache lookups, requests, inheritance, fallback, report.</summary>
internal sealed partial class GenerationRun(
    DocGenerationEngine engine, EngineSettings settings, UseCaseRegistry registry, ApiModel model, GenerationContext ctx)
{
    /// <summary>A request to send and what to do with its validated answer.</summary>
    private sealed record WorkUnit(GenerationRequest Request, int Members, int Types, Action<JsonNode, string, LoopResult> Apply);

    private readonly GenerationPlanner _planner = new(model);
    private readonly ConcurrentDictionary<string, (DocComment Docs, Provenance Provenance)> _memberDocs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DocComment Docs, Provenance Provenance)> _typeDocs = new(StringComparer.Ordinal);
    private int _cacheHits, _cacheMisses, _repaired, _errors, _deferredMembers, _deferredTypes, _completed, _total;
    private int _partsGenerated, _partsFallback;
    private volatile bool _stopAll;
    private int _authReported, _unreachableReported, _toolsRejectedReported;
    // The provider, cache, budget and metrics: the service the code units use too. Set while the model is asked.
    private ModelService? _service;
    private ILanguageModel? _lm;
    private CircuitBreaker? _breaker;
    private RequestMeter? _meter;
    private ModelTools? _tools;

    private DocGenOptions Options => ctx.Options;

    public async Task<GenerationResult> ExecuteAsync()
    {
        var members = _planner.Members.Values.ToList();
        var types = _planner.Types.Values.ToList();

        // <inheritdoc/> semantics first: an override or implementation of a documented member costs no tokens.
        foreach (var m in members.Where(m => GenerationPlanner.NeedsDocs(m.Provenance)))
            if (_planner.InheritedDocs(m, HumanDocs) is { } inherited) _memberDocs[m.Id] = inherited;

        // A constructor the compiler wrote has no declaration to show: fixed text, no request.
        foreach (var m in members.Where(m => GenerationPlanner.NeedsDocs(m.Provenance) && IsImplicitConstructor(m) && !_memberDocs.ContainsKey(m.Id)))
            _memberDocs[m.Id] = (FallbackDocs(m), Provenance.Fallback);

        var askMembers = members.Where(m => (GenerationPlanner.NeedsDocs(m.Provenance) || GenerationPlanner.IsPartialCandidate(m)) && !_memberDocs.ContainsKey(m.Id)
            && !m.ImplementedMemberIds.Any(_planner.Members.ContainsKey)).ToList();
        var askTypes = types.Where(t => GenerationPlanner.NeedsDocs(t.Provenance)).ToList();

        if (Options.Provider == ProviderKind.OpenAI && Options.FillMissingDocs && (askMembers.Count > 0 || askTypes.Count > 0))
        {
            using var service = new ModelService(settings, Options, ctx.Writer.Root, ctx.Diagnostics);
            _service = service;
            _lm = CreateProvider(service, askMembers.Count, askTypes.Count);
            if (_lm is not null) await AskModelAsync(askMembers, askTypes).ConfigureAwait(false);
        }

        // Second pass: overrides of members that were just generated inherit the generated text.
        foreach (var m in members.Where(m => GenerationPlanner.NeedsDocs(m.Provenance) && !_memberDocs.ContainsKey(m.Id)))
            if (_planner.InheritedDocs(m, CurrentDocs) is { } inherited) _memberDocs[m.Id] = inherited;

        var fallbacks = ApplyFallback(members, types);
        var result = Rewrite();
        return new GenerationResult(result, BuildReport(result, fallbacks));
    }

    private static bool IsImplicitConstructor(MemberModel m) =>
        m.Kind == ApiMemberKind.Constructor && m.Parameters.IsEmpty && m.DeclarationText is null && !m.IsStatic;

    private (DocComment, Provenance)? HumanDocs(string id) =>
        _planner.Members.TryGetValue(id, out var m) && GenerationPlanner.IsHumanDocs(m.Provenance) ? (m.Docs, m.Provenance) : null;

    private (DocComment Docs, Provenance Provenance)? CurrentDocs(string id) =>
        _memberDocs.TryGetValue(id, out var d) ? d : _planner.Members.TryGetValue(id, out var m) ? (m.Docs, m.Provenance) : null;

    private ILanguageModel? CreateProvider(ModelService service, int memberCount, int typeCount)
    {
        _breaker = service.Breaker;
        _breaker.Opened += failure =>
        {
            // An unreachable endpoint has its own warning (DG0404, "no further requests"); the breaker only stops the retries in flight.
            if (failure.Kind == ModelErrorKind.Unreachable) return;
            // Said the moment it happens: a long run should not keep the user waiting to learn of an outage.
            var diagnostic = DiagnosticIds.ProviderCircuitOpen.Create(null, null, Math.Max(1, settings.CircuitBreakerThreshold), failure.Message);
            ctx.Diagnostics.Add(Options.FailOnProviderError ? diagnostic with { Severity = DiagnosticSeverity.Error } : diagnostic);
            engine.Progress?.Report(new GenerationProgress(GenerationProgressKind.Notice, null, 0, 0, Volatile.Read(ref _completed), _total, diagnostic.ToCanonicalString()));
        };
        var lm = service.Connect(out var problem, notice =>
            engine.Progress?.Report(new GenerationProgress(GenerationProgressKind.RetryWaiting, notice.Request, notice.Attempt, 0, Volatile.Read(ref _completed), _total, notice.Reason, notice.Wait)));
        if (problem == ProviderProblem.InvalidEndpoint)
            ctx.Diagnostics.Report(DiagnosticIds.InvalidOption, null, null, $"endpoint '{Options.Endpoint}' is not an absolute URL");
        else if (problem == ProviderProblem.NoApiKey)
            ctx.Diagnostics.Report(DiagnosticIds.ApiKeyMissing, null, null, memberCount, typeCount);
        return lm;
    }

    private async Task AskModelAsync(List<MemberModel> askMembers, List<TypeModel> askTypes)
    {
        _meter = _service!.Meter;
        _tools = settings.UseTools ? new ModelTools(_planner, text => Excerpt(text, settings.MaxDeclarationTokens)) : null;

        // Members first, then the types, whose overview prompts show their members' summaries (human or just generated).
        var memberUnits = await PlanMemberUnitsAsync(askMembers).ConfigureAwait(false);
        _total = memberUnits.Count;
        engine.Progress?.Report(new GenerationProgress(GenerationProgressKind.Planned, null, 0, 0, 0, _total));
        await RunUnitsAsync(memberUnits).ConfigureAwait(false);

        var typeUnits = await PlanTypeUnitsAsync(askTypes).ConfigureAwait(false);
        if (typeUnits.Count > 0)
        {
            Interlocked.Add(ref _total, typeUnits.Count);
            engine.Progress?.Report(new GenerationProgress(GenerationProgressKind.Planned, null, 0, 0, Volatile.Read(ref _completed), _total));
            await RunUnitsAsync(typeUnits).ConfigureAwait(false);
        }
        if (_deferredMembers + _deferredTypes > 0)
            ctx.Diagnostics.Report(DiagnosticIds.TokenBudgetExhausted, null, null, Options.TokenBudget, _deferredMembers, _deferredTypes);
        await _service.FinishAsync().ConfigureAwait(false);
    }

    private async Task RunUnitsAsync(List<WorkUnit> units)
    {
        var ct = ctx.CancellationToken;
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
            if (_stopAll || _breaker?.IsOpen == true || _meter!.Budget.Closed)
            {
                if (_meter!.Budget.Closed && !_stopAll && _breaker?.IsOpen != true) Defer(unit);
                gate.Release();
                continue;
            }
            running.Add(Task.Run(async () =>
            {
                try { await RunUnitAsync(unit, useCase, useCase.BuildPrompt(unit.Request.Args)).ConfigureAwait(false); }
                finally { gate.Release(); }
            }, ct));
        }
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private void Defer(WorkUnit unit)
    {
        Interlocked.Add(ref _deferredMembers, unit.Members);
        Interlocked.Add(ref _deferredTypes, unit.Types);
    }

    private Task<ConcurrentDictionary<string, JsonNode>> LookupAllAsync(IEnumerable<string> keys) =>
        _service!.LookupAllAsync(keys, ctx.CancellationToken);

    /// <summary>
    /// True when every tool call the cached answer used still returns what it returned then: the tool
    /// results are part of what the answer depends on, so a changed one makes the entry a miss.
    /// </summary>
    private bool ToolResultsUnchanged(JsonObject entry)
    {
        if (entry["tools"] is not JsonArray uses || uses.Count == 0) return true;
        if (_tools is null) return false;
        return uses.OfType<JsonObject>().All(u =>
            DocTextSanitizer.StringOf(u["name"]) is { } name && DocTextSanitizer.StringOf(u["arguments"]) is { } args
            && DocTextSanitizer.StringOf(u["hash"]) == _tools.OutputHash(name, args));
    }

    private static JsonArray? ToolRecord(LoopResult loop) =>
        loop.ToolUses.Count == 0 ? null : new JsonArray([.. loop.ToolUses.Select(u => (JsonNode)new JsonObject
        {
            ["name"] = u.Name,
            ["arguments"] = u.Arguments,
            ["hash"] = CacheKey.Hash(u.Output),
        })]);

    private void Store(string key, UseCase useCase, JsonObject answer) => _service!.Store(key, useCase.Id.Value, answer, ctx.CancellationToken);
}
