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
        var item = new MemberPromptItem(
            m.Id, m.Kind, m.Name, typeName, m.Signature, m.DeclarationText,
            [.. m.Parameters.Select(p => p.Name)], [.. m.TypeParameters.Select(p => p.Name)],
            m.ReturnType?.Display, m.ConstantValue, hasSetter) { TypeId = m.ContainingTypeId };
        return IsPartialCandidate(m) ? item with { Wanted = DocCompleteness.MissingParts(m), Existing = ExistingLines(m.Docs) } : item;
    }

    /// <summary>A member a person documented in part (the missing parts are asked for; the rest is kept).</summary>
    public static bool IsPartialCandidate(MemberModel m) =>
        m.Provenance.Source == DocSource.Source && !m.Docs.IsEmpty && !DocCompleteness.MissingParts(m).IsEmpty;

    private static ImmutableArray<string> ExistingLines(DocComment docs)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        if (docs.Summary is { } s) lines.Add("summary: " + s.ToPlainText());
        foreach (var p in docs.Params) lines.Add($"param {p.Name}: {p.Content.ToPlainText()}");
        foreach (var p in docs.TypeParams) lines.Add($"typeparam {p.Name}: {p.Content.ToPlainText()}");
        if (docs.Returns is { } r) lines.Add("returns: " + r.ToPlainText());
        if (docs.Remarks is { } rm) lines.Add("remarks: " + rm.ToPlainText());
        return lines.ToImmutable();
    }

    /// <summary>True for an id of a type or member in the model: what a model's <c>&lt;see cref&gt;</c> may link to.</summary>
    public bool IsKnownId(string id) => Types.ContainsKey(id) || Members.ContainsKey(id);

    private static string RefText(TypeRef r) => r.Id is null ? r.Display : $"{r.Display} ({r.Id})";

    private static string? BaseTypeText(TypeModel t) =>
        t.BaseTypes.FirstOrDefault(b => b.Id is not ("T:System.Object" or "T:System.ValueType" or "T:System.Enum" or "T:System.MulticastDelegate")) is { } b ? RefText(b) : null;

    private readonly Dictionary<string, TypeContext> _typeContexts = new(StringComparer.Ordinal);

    /// <summary>The type's context for a member prompt: namespace, base type, interfaces, human summary and up to <paramref name="maxSiblings"/> documented members.</summary>
    public TypeContext TypeContextOf(string typeId, int maxSiblings)
    {
        lock (_typeContexts)
        {
            if (_typeContexts.TryGetValue(typeId, out var known)) return known;
            var context = Types.TryGetValue(typeId, out var t)
                ? new TypeContext(t.Id, t.Namespace, t.Signature, BaseTypeText(t), [.. t.Interfaces.Select(RefText)], TypeSummary(t.Id),
                    [.. t.Members.Where(m => IsHumanDocs(m.Provenance) && SummaryOf(m.Docs) is not null).Take(maxSiblings).Select(m => new ContextDoc(m.Id, SummaryOf(m.Docs)!))])
                : new TypeContext(typeId, "", typeId, null, [], null, []);
            _typeContexts[typeId] = context;
            return context;
        }
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

    public string MemberKey(JsonObject keyBase, MemberModel m, ImmutableArray<ContextDoc> called, TypeContext type) =>
        CacheKey.Compute(MemberKeyMaterial(keyBase, m, called, type));

    /// <summary>What <see cref="MemberKey"/> hashes; separate so tests can check the normalized source in it.</summary>
    internal JsonObject MemberKeyMaterial(JsonObject keyBase, MemberModel m, ImmutableArray<ContextDoc> called, TypeContext type)
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
            ["typeContext"] = CacheKey.Hash(string.Join("\n", new[] { type.Namespace, type.BaseType ?? "", string.Join(",", type.Interfaces) }
                .Concat(type.Siblings.Select(c => c.Id + "#" + c.Summary)))),
        };
        return material;
    }

    /// <summary>The type's prompt args; member lines carry each member's summary, human or generated (<paramref name="current"/>), never fallback text.</summary>
    public TypeOverviewArgs TypeArgs(TypeModel t, Func<string, (DocComment Docs, Provenance Provenance)?>? current = null) => new(
        t.Id, StripGenerics(t.Name), t.Kind, t.Signature, [.. t.TypeParameters.Select(p => p.Name)],
        [.. t.Members.Take(MaxTypeMemberLines).Select(m =>
        {
            var (docs, provenance) = current?.Invoke(m.Id) ?? (m.Docs, m.Provenance);
            return (IsHumanDocs(provenance) || provenance.Source == DocSource.Generated) && SummaryOf(docs) is { } s ? $"{m.Signature} — {s}" : m.Signature;
        })])
    {
        Namespace = t.Namespace,
        BaseType = BaseTypeText(t),
        Interfaces = [.. t.Interfaces.Select(RefText)],
    };

    public static string TypeKey(JsonObject keyBase, TypeModel t, TypeOverviewArgs args)
    {
        var material = (JsonObject)keyBase.DeepClone();
        material["id"] = t.Id;
        material["signature"] = SourceNormalizer.Normalize(t.Signature);
        material["docs"] = t.Provenance.Source == DocSource.Fallback ? "" : DocsText(t.Docs);
        material["members"] = CacheKey.Hash(string.Join("\n", args.MemberLines));
        material["typeContext"] = CacheKey.Hash(string.Join("\n", new[] { args.Namespace, args.BaseType ?? "" }.Concat(args.Interfaces)));
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
