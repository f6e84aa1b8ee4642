using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Generation.Continuation;
using DocGen.Core.Generation.Fallback;
using DocGen.Core.Generation.Providers;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Generation;

internal sealed partial class GenerationRun
{
    [GeneratedRegex(@"[^A-Za-z0-9._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeFileChars();

    private async Task RunUnitAsync(WorkUnit unit, UseCase useCase, string prompt)
    {
        var ct = ctx.CancellationToken;
        var name = unit.Request.Name;
        var limits = settings.LoopLimits with { MaxOutputTokens = OutputCap, MinimumFirstOutput = Math.Min(OutputCap, Math.Max(1, (unit.Members + unit.Types) * settings.EstimatedOutputTokensPerItem)) };
        var progress = engine.Progress;
        var loop = await ContinuationLoop.RunAsync(_lm!, name, prompt, useCase.Template, useCase.RepairDepth, limits,
            progress is null ? null : p => progress.Report(new GenerationProgress(KindOf(p.Kind), name, p.Round, p.ReceivedChars, Volatile.Read(ref _completed), _total, p.Detail, p.Wait)),
            ct, _meter, _tools).ConfigureAwait(false);

        _service!.Record(useCase.Id.Value, loop);
        var items = unit.Members + unit.Types;
        if (loop.ToolsRejected && Interlocked.Exchange(ref _toolsRejectedReported, 1) == 0)
            ctx.Diagnostics.Report(DiagnosticIds.ToolsRejected, null, null);

        JsonNode? validated = null;
        if (loop.Failure is { } failure)
        {
            ReportFailure(failure, items);
        }
        else if (loop.Stop == LoopStop.Budget && loop.Json is null)
        {
            Defer(unit);
        }
        else if (loop.Stop == LoopStop.ContextWindow && loop.Json is null)
        {
            Interlocked.Increment(ref _errors);
            ReportEscalated(DiagnosticIds.RequestExceedsContextWindow, name, _meter!.ContextWindow, items);
        }
        else if (loop.Json is null)
        {
            Interlocked.Increment(ref _errors);
            if (loop.Stop == LoopStop.Garbage)
                ReportEscalated(DiagnosticIds.ProviderAnswerInvalid, name, "not JSON", items);
            else
                ReportEscalated(DiagnosticIds.AnswerTruncated, name, loop.Stop.Describe(), items);
        }
        else
        {
            JsonNode? parsed = null;
            try { parsed = JsonNode.Parse(loop.Json); }
            catch (System.Text.Json.JsonException) { }
            validated = parsed is null ? null : useCase.Validate(parsed, unit.Request.Args);
            if (validated is null)
            {
                Interlocked.Increment(ref _errors);
                ReportEscalated(DiagnosticIds.ProviderAnswerInvalid, name, loop.Repaired ? "truncated, and the repaired part does not validate" : "wrong shape", items);
            }
            else
            {
                if (loop.Repaired)
                {
                    Interlocked.Increment(ref _repaired);
                    var kept = validated["members"] is JsonArray a ? a.Count : 1;
                    ReportEscalated(DiagnosticIds.AnswerTruncated, name, loop.Stop.Describe() + $"; {kept} whole entr(y/ies) kept", Math.Max(0, items - kept));
                }
                unit.Apply(validated, _lm!.ModelId, loop);
            }
        }
        if (Options.Debug) Dump(useCase, name, loop, validated);
        var done = Interlocked.Increment(ref _completed);
        progress?.Report(new GenerationProgress(GenerationProgressKind.RequestFinished, name, loop.Requests - 1, 0, done, _total));
    }

    private static GenerationProgressKind KindOf(RequestProgressKind kind) => kind switch
    {
        RequestProgressKind.Started => GenerationProgressKind.RequestStarted,
        RequestProgressKind.ToolCall => GenerationProgressKind.ToolCall,
        RequestProgressKind.ToolOutput => GenerationProgressKind.ToolOutput,
        RequestProgressKind.Retrying => GenerationProgressKind.RetryWaiting,
        RequestProgressKind.Notice => GenerationProgressKind.Notice,
        _ => GenerationProgressKind.Receiving,
    };

    private void ReportFailure(ModelException failure, int items)
    {
        Interlocked.Increment(ref _errors);
        switch (failure.Kind)
        {
            case ModelErrorKind.Authentication:
                _stopAll = true;
                if (Interlocked.Exchange(ref _authReported, 1) == 0)
                    ctx.Diagnostics.Report(DiagnosticIds.ProviderAuthenticationFailed, null, null, failure.Message);
                break;
            case ModelErrorKind.Unreachable:
                _stopAll = true;
                if (Interlocked.Exchange(ref _unreachableReported, 1) == 0)
                    ReportEscalated(DiagnosticIds.ProviderRequestFailed, failure.Message + " (the endpoint is unreachable: no further requests this run)", items);
                break;
            case ModelErrorKind.CircuitOpen:
                // Not sent: the breaker's own warning already said why, once.
                Interlocked.Decrement(ref _errors);
                break;
            case ModelErrorKind.BadRequest:
                ctx.Diagnostics.Report(DiagnosticIds.ProviderRejectedRequest, null, null, failure.Message);
                break;
            default:
                ReportEscalated(DiagnosticIds.ProviderRequestFailed, failure.Message, items);
                break;
        }
    }

    /// <summary>Reports a warning, or an error when the user asked provider failures to fail the build.</summary>
    private void ReportEscalated(DiagnosticDescriptor descriptor, params object?[] args)
    {
        var diagnostic = descriptor.Create(null, null, args);
        ctx.Diagnostics.Add(Options.FailOnProviderError ? diagnostic with { Severity = DiagnosticSeverity.Error } : diagnostic);
    }

    private void Dump(UseCase useCase, string name, LoopResult loop, JsonNode? validated)
    {
        var slug = UnsafeFileChars().Replace(name, "-").Trim('-');
        if (slug.Length > 60) slug = slug[..60];
        var folder = $"debug/generation/{useCase.Id.Value}/{slug}-{CacheKey.Hash(name)[..8]}";
        for (var i = 0; i < loop.Prompts.Count; i++) ctx.Writer.WriteText($"{folder}/round-{i}-prompt.txt", loop.Prompts[i]);
        for (var i = 0; i < loop.Fragments.Count; i++) ctx.Writer.WriteText($"{folder}/round-{i}-answer.txt", loop.Fragments[i]);
        var summary = new JsonObject
        {
            ["request"] = name,
            ["stop"] = loop.Stop.ToString(),
            ["repaired"] = loop.Repaired,
            ["merges"] = new JsonArray([.. loop.Merges.Select(m => (JsonNode)m.ToString())]),
            ["failure"] = loop.Failure?.Message,
            ["tools"] = new JsonArray([.. loop.ToolUses.Select(u => (JsonNode)new JsonObject { ["name"] = u.Name, ["arguments"] = u.Arguments, ["output"] = u.Output })]),
            ["answer"] = validated?.DeepClone(),
        };
        ctx.Writer.WriteText($"{folder}/result.json", summary.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Deterministic docs for every type and member still without any. Returns how many got them.</summary>
    private int ApplyFallback(List<MemberModel> members, List<TypeModel> types)
    {
        var memberUseCase = registry.Get(UseCaseId.MemberDocs);
        var typeUseCase = registry.Get(UseCaseId.TypeOverview);
        int memberCount = 0, typeCount = 0;
        foreach (var t in types.Where(t => GenerationPlanner.NeedsDocs(t.Provenance) && !_typeDocs.ContainsKey(t.Id)))
        {
            var args = _planner.TypeArgs(t);
            _typeDocs[t.Id] = (TypeOverviewUseCase.ToDocComment((JsonObject)typeUseCase.Fallback(args), args), Provenance.Fallback);
            typeCount++;
        }
        foreach (var m in members.Where(m => GenerationPlanner.NeedsDocs(m.Provenance) && !_memberDocs.ContainsKey(m.Id)))
        {
            var item = _planner.Item(m);
            var answer = memberUseCase.Fallback(new MemberDocsArgs([], [item], []));
            _memberDocs[m.Id] = (MemberDocsUseCase.ToDocComment((JsonObject)answer["members"]![0]!, item), Provenance.Fallback);
            memberCount++;
        }
        // A person's partial docs keep every part they wrote; what neither they nor the model wrote gets fallback text, marked per part.
        foreach (var m in members.Where(GenerationPlanner.IsPartialCandidate))
        {
            var (docs, provenance) = CurrentDocs(m.Id)!.Value;
            var missing = DocCompleteness.MissingParts(m, docs);
            if (missing.IsEmpty) continue;
            var completed = PartialDocs.Complete(m, docs, provenance, FallbackDocs(m), missing, DocSource.Fallback, null);
            _partsFallback += completed.Provenance.Parts.Length - provenance.Parts.Length;
            _memberDocs[m.Id] = completed;
        }
        if (memberCount + typeCount > 0) ctx.Diagnostics.Report(DiagnosticIds.FallbackDocsUsed, null, null, memberCount, typeCount);
        return memberCount + typeCount;
    }

    private ApiModel Rewrite() => model with
    {
        Assemblies = [.. model.Assemblies.Select(a => a with
        {
            Namespaces = [.. a.Namespaces.Select(n => n with { Types = [.. n.Types.Select(RewriteType)] })],
        })],
    };

    private TypeModel RewriteType(TypeModel t)
    {
        var result = _typeDocs.TryGetValue(t.Id, out var td) ? t with { Docs = td.Docs, Provenance = td.Provenance } : t;
        if (t.Members.Any(m => _memberDocs.ContainsKey(m.Id)))
            result = result with { Members = [.. t.Members.Select(m => _memberDocs.TryGetValue(m.Id, out var md) ? m with { Docs = md.Docs, Provenance = md.Provenance } : m)] };
        return result;
    }

    private GenerationReport BuildReport(ApiModel result, int fallbacks)
    {
        var metrics = _service?.Metrics() ?? ModelService.Idle(Options);
        return new GenerationReport
        {
            Provider = metrics.Provider,
            Model = metrics.Model,
            Endpoint = metrics.Endpoint,
            Requests = metrics.Requests,
            CacheHits = _cacheHits,
            CacheMisses = _cacheMisses,
            RemoteCacheHits = metrics.RemoteCacheHits,
            InputTokens = metrics.InputTokens,
            OutputTokens = metrics.OutputTokens,
            Continuations = metrics.Continuations,
            Repaired = _repaired,
            Retries = metrics.Retries,
            Fallbacks = fallbacks,
            Deferred = _deferredMembers + _deferredTypes,
            Errors = _errors,
            LatencyP50Ms = metrics.LatencyP50Ms,
            LatencyP95Ms = metrics.LatencyP95Ms,
            TokensByUseCase = metrics.TokensByUseCase,
            ToolRounds = metrics.ToolRounds,
            ToolCalls = metrics.ToolCalls,
            CircuitBreakerTrips = _unreachableReported == 1 ? 0 : _breaker?.Trips ?? 0,
            PartialMembers = result.AllMembers.Count(DocCompleteness.IsPartial),
            CompleteMembers = result.AllMembers.Count(m => m.Provenance.IsDocumented && !DocCompleteness.IsPartial(m)),
            PartsGenerated = _partsGenerated,
            PartsFallback = _partsFallback,
            Members = Count(result.AllMembers.Select(m => m.Provenance)),
            Types = Count(result.AllTypes.Select(t => t.Provenance)),
        };

        static IReadOnlyDictionary<string, int> Count(IEnumerable<Provenance> provenances)
        {
            var counts = Enum.GetValues<DocSource>().ToDictionary(s => s.ToString().ToLowerInvariant(), _ => 0);
            foreach (var p in provenances) counts[p.Label]++;
            return counts;
        }
    }
}
