using System.Collections.Immutable;
using System.Text.Json.Nodes;
using DocGen.Core.Extraction;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Model;
using DocGen.Core.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Core.Generation;

/// <summary>Builds prompt items, context and cache keys from the model. Pure: the same model gives the same keys.</summary>
internal sealed class GenerationPlanner(ApiModel model)
{
    private const int MaxCalledMembers = 8;
    private const int MaxTypeMemberLines = 40;

    public Dictionary<string, TypeModel> Types { get; } = Index(model.AllTypes, t => t.Id);
    public Dictionary<string, MemberModel> Members { get; } = Index(model.AllMembers, m => m.Id);

    private static Dictionary<string, T> Index<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) map.TryAdd(id(item), item);
        return map;
    }

    /// <summary>True when docs are stable input written by a person (usable as prompt context and key material).</summary>
    public static bool IsHumanDocs(Provenance p) => p.Source is DocSource.Source or DocSource.Inherited;

    public static bool NeedsDocs(Provenance p) => p.Source is DocSource.Missing or DocSource.Fallback;

    public static string? SummaryOf(DocComment docs) => docs.Summary?.ToPlainText() is { Length: > 0 } s ? s : null;

    public MemberPromptItem Item(MemberModel m)
    {
        var typeName = Types.TryGetValue(m.ContainingTypeId, out var t) ? StripGenerics(t.Name) : DocPlainText.ShortName(m.ContainingTypeId) ?? "";
        var hasSetter = m.Signature.Contains("set;", StringComparison.Ordinal) || m.Signature.Contains("init;", StringComparison.Ordinal);
        return new MemberPromptItem(
            m.Id, m.Kind, m.Name, typeName, m.Signature, m.DeclarationText,
            [.. m.Parameters.Select(p => p.Name)], [.. m.TypeParameters.Select(p => p.Name)],
            m.ReturnType?.Display, m.ConstantValue, hasSetter);
    }

    private static string StripGenerics(string name) => name.IndexOf('<') is var i and > 0 ? name[..i] : name;

    public string? TypeSummary(string typeId) =>
        Types.TryGetValue(typeId, out var t) && IsHumanDocs(t.Provenance) ? SummaryOf(t.Docs) : null;

    /// <summary>Documented members of the same type whose names occur in the member's declaration.</summary>
    public ImmutableArray<ContextDoc> CalledMembers(MemberModel m)
    {
        if (m.DeclarationText is null || !Types.TryGetValue(m.ContainingTypeId, out var type)) return [];
        var identifiers = SyntaxFactory.ParseTokens(m.DeclarationText).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToHashSet(StringComparer.Ordinal);
        return [.. type.Members
            .Where(o => o.Id != m.Id && identifiers.Contains(o.Name) && IsHumanDocs(o.Provenance) && SummaryOf(o.Docs) is not null)
            .OrderBy(o => o.Id, StringComparer.Ordinal)
            .Take(MaxCalledMembers)
            .Select(o => new ContextDoc(o.Id, SummaryOf(o.Docs)!))];
    }

    /// <summary>The common part of every key: tool and prompt version, model, endpoint kind, options and schema.</summary>
    public static JsonObject KeyBase(UseCase useCase, string modelId, string endpointKind, JsonObject options) => new()
    {
        ["tool"] = ToolVersion.Value,
        ["useCase"] = useCase.Id.Value,
        ["promptVersion"] = useCase.PromptVersion,
        ["schema"] = CacheKey.Hash(useCase.Template),
        ["model"] = modelId,
        ["endpointKind"] = endpointKind,
        ["options"] = options.DeepClone(),
    };

    public string MemberKey(JsonObject keyBase, MemberModel m, ImmutableArray<ContextDoc> called) =>
        CacheKey.Compute(MemberKeyMaterial(keyBase, m, called));

    /// <summary>What <see cref="MemberKey"/> hashes; separate so tests can check the normalized source in it.</summary>
    internal JsonObject MemberKeyMaterial(JsonObject keyBase, MemberModel m, ImmutableArray<ContextDoc> called)
    {
        var material = (JsonObject)keyBase.DeepClone();
        material["id"] = m.Id;
        material["signature"] = SourceNormalizer.Normalize(m.Signature);
        material["body"] = SourceNormalizer.Normalize(m.DeclarationText);
        // Our own fallback text is output, not input: it must not change the key.
        material["docs"] = m.Provenance.Source == DocSource.Fallback ? "" : DocsText(m.Docs);
        material["context"] = new JsonObject
        {
            ["type"] = CacheKey.Hash(TypeSummary(m.ContainingTypeId) ?? ""),
            ["calls"] = new JsonArray([.. called.Select(c => (JsonNode)(c.Id + "#" + CacheKey.Hash(c.Summary)))]),
        };
        return material;
    }

    public TypeOverviewArgs TypeArgs(TypeModel t) => new(
        t.Id, StripGenerics(t.Name), t.Kind, t.Signature, [.. t.TypeParameters.Select(p => p.Name)],
        [.. t.Members.Take(MaxTypeMemberLines).Select(m => IsHumanDocs(m.Provenance) && SummaryOf(m.Docs) is { } s ? $"{m.Signature} — {s}" : m.Signature)]);

    public static string TypeKey(JsonObject keyBase, TypeModel t, TypeOverviewArgs args)
    {
        var material = (JsonObject)keyBase.DeepClone();
        material["id"] = t.Id;
        material["signature"] = SourceNormalizer.Normalize(t.Signature);
        material["docs"] = t.Provenance.Source == DocSource.Fallback ? "" : DocsText(t.Docs);
        material["members"] = CacheKey.Hash(string.Join("\n", args.MemberLines));
        return CacheKey.Compute(material);
    }

    private static string DocsText(DocComment docs) =>
        string.Join("\n", new[] { docs.Summary, docs.Remarks, docs.Returns, docs.Value }.Select(b => b?.ToPlainText() ?? "")
            .Concat(docs.Params.Select(p => p.Name + ":" + p.Content.ToPlainText()))).Trim();

    /// <summary>The docs of the first implemented/overridden member that has docs. Copies of generated or fallback text keep that provenance, so a page never calls model text inherited.</summary>
    public (DocComment Docs, Provenance Provenance)? InheritedDocs(MemberModel m, Func<string, (DocComment, Provenance)?> current)
    {
        foreach (var target in m.ImplementedMemberIds)
        {
            if (current(target) is { } found && !found.Item1.IsEmpty && found.Item2.Source is not DocSource.Missing)
                return (found.Item1, found.Item2.Source is DocSource.Fallback or DocSource.Generated ? found.Item2 : Provenance.Inherited);
        }
        return null;
    }
}
