using System.Collections.Immutable;
using System.Text.Json.Nodes;
using DocGen.Core.Generation.Budget;
using DocGen.Core.Generation.Fallback;
using DocGen.Core.Generation.Providers;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Model;

namespace DocGen.Core.Generation;

internal sealed partial class GenerationRun
{
    private sealed record MemberPlan(MemberModel M, MemberPromptItem Item, ImmutableArray<ContextDoc> Called, TypeContext Type, string Key);

    private JsonObject KeyOptions() => new() { ["maxOutputTokens"] = settings.MaxOutputTokens };

    /// <summary>The output cap of a first round: the configured one, but never more than half a small window, so the prompt keeps room.</summary>
    private int OutputCap => Math.Max(1, Math.Min(settings.MaxOutputTokens, _meter!.ContextWindow / 2));

    /// <summary>Cache lookups for the members, then the misses packed into requests across types.</summary>
    private async Task<List<WorkUnit>> PlanMemberUnitsAsync(List<MemberModel> askMembers)
    {
        var useCase = registry.Get(UseCaseId.MemberDocs);
        var keyBase = GenerationPlanner.KeyBase(useCase, _lm!.ModelId, _lm.EndpointKind, KeyOptions());
        var plans = askMembers.Select(m =>
        {
            var called = _planner.CalledMembers(m);
            var type = _planner.TypeContextOf(m.ContainingTypeId, settings.MaxSiblingSummaries);
            return new MemberPlan(m, _planner.Item(m), called, type, _planner.MemberKey(keyBase, m, called, type));
        }).ToList();
        var cached = await LookupAllAsync(plans.Select(p => p.Key)).ConfigureAwait(false);

        var misses = new List<MemberPlan>();
        foreach (var plan in plans)
        {
            if (cached.TryGetValue(plan.Key, out var entry) && entry is JsonObject o && (!plan.Item.WantsSummary || o["summary"] is not null) && ToolResultsUnchanged(o))
            {
                _cacheHits++;
                ApplyMember(plan, o, DocTextSanitizer.StringOf(o["model"]) ?? _lm.ModelId);
            }
            else
            {
                _cacheMisses++;
                misses.Add(plan);
            }
        }

        // Ordered by namespace and type, so the members that share a request share its type context too.
        var ordered = misses
            .OrderBy(p => p.Type.Namespace, StringComparer.Ordinal)
            .ThenBy(p => p.M.ContainingTypeId, StringComparer.Ordinal)
            .Select(p => p with { Item = Fit(p) })
            .ToList();
        var units = new List<WorkUnit>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in Pack(ordered))
            units.Add(MemberUnit(useCase, batch, names));
        return units;
    }

    private MemberDocsArgs ArgsOf(IReadOnlyList<MemberPlan> batch) => new(
        [.. batch.Select(p => p.Type).DistinctBy(t => t.TypeId)],
        [.. batch.Select(p => p.Item)],
        [.. batch.SelectMany(p => p.Called).DistinctBy(c => c.Id).OrderBy(c => c.Id, StringComparer.Ordinal)]);

    private int PromptTokens(MemberDocsArgs args) =>
        _meter!.PromptTokens(new ModelRequest("", MemberDocsUseCase.BuildPrompt(args), OutputCap, true, _tools?.Definitions));

    /// <summary>
    /// Greedy packing: a batch takes members in order while it holds at most <see cref="EngineSettings.BatchSize"/>
    /// and its whole prompt fits the context window next to the output cap.
    /// </summary>
    private IEnumerable<List<MemberPlan>> Pack(List<MemberPlan> ordered)
    {
        var limit = _meter!.PromptLimit(OutputCap);
        var batch = new List<MemberPlan>();
        foreach (var plan in ordered)
        {
            if (batch.Count > 0 && (batch.Count >= Math.Max(1, settings.BatchSize) || PromptTokens(ArgsOf([.. batch, plan])) > limit))
            {
                yield return batch;
                batch = [];
            }
            batch.Add(plan);
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>The member's item with its declaration cut to a marked excerpt when it is too long for the prompt alone or for the window.</summary>
    private MemberPromptItem Fit(MemberPlan plan)
    {
        if (plan.Item.Declaration is not { } declaration) return plan.Item;
        var without = PromptTokens(ArgsOf([plan with { Item = plan.Item with { Declaration = null } }]));
        var room = _meter!.PromptLimit(OutputCap) - without - 48;
        var cap = Math.Max(0, Math.Min(settings.MaxDeclarationTokens, room));
        return _meter.Counter.Count(declaration) <= cap ? plan.Item : plan.Item with { Declaration = Excerpt(declaration, cap) };
    }

    /// <summary>The start of a declaration that fits <paramref name="maxTokens"/>, cut at a line end, with a marker saying how much was left out.</summary>
    private string Excerpt(string declaration, int maxTokens)
    {
        if (_meter!.Counter.Count(declaration) <= maxTokens) return declaration;
        var totalLines = declaration.Split('\n').Length;
        var length = _meter.Counter.PrefixLength(declaration, Math.Max(0, maxTokens - 40));
        var lineEnd = declaration.LastIndexOf('\n', Math.Max(0, length - 1));
        var head = (lineEnd > 0 ? declaration[..lineEnd] : declaration[..length]).TrimEnd();
        var shown = head.Length == 0 ? 0 : head.Split('\n').Length;
        return head + $"\n// … [excerpt: DocGen cut this declaration to fit the model's context; {totalLines - shown} of {totalLines} lines are not shown]";
    }

    private WorkUnit MemberUnit(UseCase useCase, List<MemberPlan> batch, Dictionary<string, int> names)
    {
        var args = ArgsOf(batch);
        var first = _planner.Types.TryGetValue(batch[0].M.ContainingTypeId, out var owner)
            ? owner.Namespace.Length > 0 ? owner.Namespace + "." + owner.QualifiedName : owner.QualifiedName
            : batch[0].M.ContainingTypeId;
        var label = args.Types.Length > 1 ? $"{first} (+{args.Types.Length - 1} types)" : first;
        var seen = names[label] = names.GetValueOrDefault(label) + 1;
        var name = seen == 1 ? $"member_docs {label}" : $"member_docs {label} #{seen}";
        var byId = batch.ToDictionary(c => c.Item.Id, StringComparer.Ordinal);
        return new WorkUnit(new GenerationRequest(Intent.Documentation, UseCaseId.MemberDocs, args, name), batch.Count, 0,
            (answer, modelId, loop) =>
            {
                foreach (var entry in ((JsonArray)answer["members"]!).OfType<JsonObject>())
                {
                    var plan = byId[entry["id"]!.GetValue<string>()];
                    var stored = (JsonObject)entry.DeepClone();
                    stored["model"] = modelId;
                    if (ToolRecord(loop) is { } tools) stored["tools"] = tools;
                    Store(plan.Key, useCase, stored);
                    ApplyMember(plan, entry, modelId);
                }
            });
    }

    private void ApplyMember(MemberPlan plan, JsonObject entry, string modelId)
    {
        var docs = MemberDocsUseCase.ToDocComment(entry, plan.Item, _planner.IsKnownId);
        if (plan.Item.Wanted.IsDefaultOrEmpty)
        {
            _memberDocs[plan.M.Id] = (docs, Provenance.Generated(modelId));
            return;
        }
        var completed = PartialDocs.Complete(plan.M, plan.M.Docs, plan.M.Provenance, docs, plan.Item.Wanted, DocSource.Generated, modelId);
        Interlocked.Add(ref _partsGenerated, completed.Provenance.Parts.Length - plan.M.Provenance.Parts.Length);
        _memberDocs[plan.M.Id] = completed;
    }

    /// <summary>Type overviews, planned after the members so their prompts (and keys) carry the members' current summaries.</summary>
    private async Task<List<WorkUnit>> PlanTypeUnitsAsync(List<TypeModel> askTypes)
    {
        var useCase = registry.Get(UseCaseId.TypeOverview);
        var keyBase = GenerationPlanner.KeyBase(useCase, _lm!.ModelId, _lm.EndpointKind, KeyOptions());
        var plans = askTypes.Select(t =>
        {
            var args = _planner.TypeArgs(t, CurrentDocs);
            return (T: t, Args: args, Key: GenerationPlanner.TypeKey(keyBase, t, args));
        }).ToList();
        var cached = await LookupAllAsync(plans.Select(p => p.Key)).ConfigureAwait(false);
        var units = new List<WorkUnit>();
        foreach (var plan in plans)
        {
            if (cached.TryGetValue(plan.Key, out var answer) && answer is JsonObject o && o["summary"] is not null && ToolResultsUnchanged(o))
            {
                _cacheHits++;
                _typeDocs[plan.T.Id] = (TypeOverviewUseCase.ToDocComment(o, plan.Args, _planner.IsKnownId), Provenance.Generated(DocTextSanitizer.StringOf(o["model"]) ?? _lm.ModelId));
                continue;
            }
            _cacheMisses++;
            units.Add(new WorkUnit(new GenerationRequest(Intent.Documentation, UseCaseId.TypeOverview, plan.Args, $"type_overview {plan.T.Id[2..]}"), 0, 1,
                (validated, modelId, loop) =>
                {
                    var stored = (JsonObject)validated.DeepClone();
                    stored["model"] = modelId;
                    if (ToolRecord(loop) is { } tools) stored["tools"] = tools;
                    Store(plan.Key, useCase, stored);
                    _typeDocs[plan.T.Id] = (TypeOverviewUseCase.ToDocComment((JsonObject)validated, plan.Args, _planner.IsKnownId), Provenance.Generated(modelId));
                }));
        }
        return units;
    }

    private DocComment FallbackDocs(MemberModel m)
    {
        var item = _planner.Item(m) with { Wanted = [], Existing = [] };
        return MemberDocsUseCase.ToDocComment(FallbackText.ForMember(item), item);
    }
}
