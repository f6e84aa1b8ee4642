using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using DocGen.Core.Generation.Fallback;
using DocGen.Core.Model;

namespace DocGen.Core.Generation.UseCases;

/// <summary>One member to document, as the prompt shows it.</summary>
/// <param name="Id">Documentation comment id; the model must answer with it.</param>
/// <param name="Kind">Member kind.</param>
/// <param name="Name">Member name (for fallback text).</param>
/// <param name="TypeName">Containing type's short name (for constructor fallback text).</param>
/// <param name="Signature">C# declaration line.</param>
/// <param name="Declaration">Declaration source (body included) when known.</param>
/// <param name="Parameters">Parameter names in order.</param>
/// <param name="TypeParameters">Type parameter names in order.</param>
/// <param name="ReturnType">Return (or property) type display, null for void and constructors.</param>
/// <param name="ConstantValue">Constant or enum value as C# source.</param>
/// <param name="HasSetter">Property has a setter or init accessor.</param>
public sealed record MemberPromptItem(
    string Id,
    ApiMemberKind Kind,
    string Name,
    string TypeName,
    string Signature,
    string? Declaration,
    ImmutableArray<string> Parameters,
    ImmutableArray<string> TypeParameters,
    string? ReturnType,
    string? ConstantValue,
    bool HasSetter)
{
    /// <summary>Id of the containing type: the prompt groups members under their type's context.</summary>
    public string TypeId { get; init; } = "";

    /// <summary>
    /// For a member a person documented in part: the parts to write (<c>summary</c>, <c>returns</c>,
    /// <c>param:x</c>, <c>typeparam:T</c>); every other part is kept as written. Empty asks for everything.
    /// </summary>
    public ImmutableArray<string> Wanted { get; init; } = [];

    /// <summary>For a partial member: the human-written parts, as <c>part: text</c> lines, shown so the new parts fit them.</summary>
    public ImmutableArray<string> Existing { get; init; } = [];

    /// <summary>True when the wanted parts include the summary (or everything is wanted).</summary>
    public bool WantsSummary => Wanted.IsDefaultOrEmpty || Wanted.Contains("summary");
}

/// <summary>Docs of a member the prompt shows as context (members it calls).</summary>
public sealed record ContextDoc(string Id, string Summary);

/// <summary>The context of one type whose members a <c>member_docs</c> batch documents.</summary>
/// <param name="TypeId">Documentation comment id.</param>
/// <param name="Namespace">Namespace name (empty for the global namespace).</param>
/// <param name="Signature">C# declaration line.</param>
/// <param name="BaseType">Nearest base class as <c>Display (T:id)</c>, or null (object, value types, interfaces).</param>
/// <param name="Interfaces">Implemented interfaces, as <c>Display (T:id)</c>.</param>
/// <param name="Summary">The type's human-written summary, or null.</param>
/// <param name="Siblings">Documented members of the same type (bounded), for context.</param>
public sealed record TypeContext(
    string TypeId,
    string Namespace,
    string Signature,
    string? BaseType,
    ImmutableArray<string> Interfaces,
    string? Summary,
    ImmutableArray<ContextDoc> Siblings);

/// <summary>Prompt args of <c>member_docs</c>: a batch of members, possibly of several types (ordered by namespace and type).</summary>
/// <param name="Types">The context of each type the batch touches, in order.</param>
/// <param name="Members">The members to document, each naming its type.</param>
/// <param name="CalledMembers">Documented members that the batch's declarations mention.</param>
public sealed record MemberDocsArgs(
    ImmutableArray<TypeContext> Types,
    ImmutableArray<MemberPromptItem> Members,
    ImmutableArray<ContextDoc> CalledMembers);

/// <summary>
/// <c>member_docs</c>: docs for a batch of members. Wire contract: the model answers
/// <c>{"members":[{"id":…,"summary":…,"remarks":…,"params":{…},"typeparams":{…},"returns":…,"value":…,"exceptions":{…}}]}</c>;
/// unknown ids are ignored, left-out ids fall back, text is sanitised and capped; <c>&lt;see cref="…"/&gt;</c>
/// is kept and later linked when the id is in the model.
/// </summary>
public static class MemberDocsUseCase
{
    /// <summary>2: members of several types per request, type context (namespace, base, interfaces, siblings), partial members, crefs.</summary>
    public const int PromptVersion = 2;

    public const string Template =
        """{"members":[{"id":"M:Ns.Type.Method(System.Int32)","summary":"…","remarks":"…","params":{"name":"…"},"typeparams":{"T":"…"},"returns":"…","value":"…","exceptions":{"T:System.ArgumentException":"…"}}]}""";

    public static UseCase Create() => UseCase.Create<MemberDocsArgs>(
        UseCaseId.MemberDocs, Intent.Documentation, Template, PromptVersion, BuildPrompt, Validate, Fallback);

    public static string BuildPrompt(MemberDocsArgs args)
    {
        var sb = new StringBuilder();
        sb.Append("Write XML documentation text for the C# members listed below.\n");
        sb.Append("Answer with one JSON object that follows this template exactly:\n").Append(Template).Append("\n\n");
        sb.Append("Rules:\n");
        sb.Append("- One entry per member, with \"id\" copied exactly from the list below.\n");
        sb.Append("- \"summary\" is required: one or two sentences saying what the member does for a caller.\n");
        sb.Append("- \"params\" and \"typeparams\" are keyed by the names shown; \"returns\" only when the member returns a value; \"value\" only for properties; \"exceptions\" keyed by type id (T:...) only for exceptions the code really throws; omit \"remarks\" unless it adds something.\n");
        sb.Append("- A member marked \"Write only:\" is already partly documented: answer just the parts listed, in the same style as its existing docs.\n");
        sb.Append("- Plain text only: no HTML or Markdown; write code names in `backticks`. To refer to a type or member shown in this prompt you may write <see cref=\"ID\"/> with its id exactly as shown; no other markup.\n");
        if (!args.CalledMembers.IsEmpty)
        {
            sb.Append("\nDocumented members these members call:\n");
            foreach (var c in args.CalledMembers) sb.Append("- ").Append(c.Id).Append(": ").Append(c.Summary).Append('\n');
        }
        var types = args.Types.ToDictionary(t => t.TypeId, StringComparer.Ordinal);
        string? currentType = null;
        foreach (var m in args.Members)
        {
            if (m.TypeId != currentType && types.TryGetValue(m.TypeId, out var type))
            {
                currentType = m.TypeId;
                AppendType(sb, type);
            }
            AppendMember(sb, m);
        }
        return sb.ToString();
    }

    private static void AppendType(StringBuilder sb, TypeContext type)
    {
        sb.Append("\n## Type ").Append(type.TypeId).Append('\n');
        sb.Append("Containing type: ").Append(type.Signature).Append('\n');
        if (type.Namespace.Length > 0) sb.Append("Namespace: ").Append(type.Namespace).Append('\n');
        if (type.BaseType is not null) sb.Append("Base type: ").Append(type.BaseType).Append('\n');
        if (!type.Interfaces.IsEmpty) sb.Append("Implements: ").Append(string.Join(", ", type.Interfaces)).Append('\n');
        if (type.Summary is not null) sb.Append("Type summary: ").Append(type.Summary).Append('\n');
        if (!type.Siblings.IsEmpty)
        {
            sb.Append("Other documented members of this type:\n");
            foreach (var c in type.Siblings) sb.Append("- ").Append(c.Id).Append(": ").Append(c.Summary).Append('\n');
        }
    }

    private static void AppendMember(StringBuilder sb, MemberPromptItem m)
    {
        sb.Append("\n### ").Append(m.Id).Append('\n');
        sb.Append("Signature: ").Append(m.Signature).Append('\n');
        if (!m.Parameters.IsEmpty) sb.Append("Parameters: ").Append(string.Join(", ", m.Parameters)).Append('\n');
        if (!m.TypeParameters.IsEmpty) sb.Append("Type parameters: ").Append(string.Join(", ", m.TypeParameters)).Append('\n');
        if (!m.Wanted.IsDefaultOrEmpty)
        {
            sb.Append("Existing docs (keep them):\n");
            foreach (var line in m.Existing) sb.Append("- ").Append(line).Append('\n');
            sb.Append("Write only: ").Append(string.Join(", ", m.Wanted)).Append('\n');
        }
        if (m.Declaration is not null) sb.Append("Declaration:\n```csharp\n").Append(m.Declaration.Trim()).Append("\n```\n");
    }

    /// <summary>Keeps the entries for requested ids with a usable summary; null when the answer is not of the expected shape.</summary>
    public static JsonNode? Validate(JsonNode answer, MemberDocsArgs args)
    {
        if (answer is not JsonObject root || root["members"] is not JsonArray members) return null;
        var wanted = args.Members.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var node in members)
        {
            if (node is not JsonObject entry || Str(entry, "id") is not { } id || !wanted.TryGetValue(id, out var item) || !seen.Add(id)) continue;
            var clean = CleanEntry(entry, item);
            if (clean is not null) result.Add(clean);
        }
        return new JsonObject { ["members"] = result };
    }

    // A partial member needs no summary in its answer (it has one); any other entry without one is unusable.
    private static JsonObject? CleanEntry(JsonObject entry, MemberPromptItem item)
    {
        var summary = DocTextSanitizer.Clean(Str(entry, "summary"), DocTextSanitizer.SummaryMax, keepCrefs: true);
        if (summary is null && item.WantsSummary) return null;
        var o = new JsonObject { ["id"] = item.Id };
        Put(o, "summary", summary);
        Put(o, "remarks", DocTextSanitizer.Clean(Str(entry, "remarks"), DocTextSanitizer.RemarksMax, keepCrefs: true));
        PutMap(o, "params", entry["params"] as JsonObject, item.Parameters.Contains);
        PutMap(o, "typeparams", entry["typeparams"] as JsonObject, item.TypeParameters.Contains);
        if (item.ReturnType is not null && item.Kind is not (ApiMemberKind.Property or ApiMemberKind.Indexer or ApiMemberKind.Field or ApiMemberKind.Constant or ApiMemberKind.Event or ApiMemberKind.EnumValue))
            Put(o, "returns", DocTextSanitizer.Clean(Str(entry, "returns"), DocTextSanitizer.OtherMax, keepCrefs: true));
        if (item.Kind is ApiMemberKind.Property or ApiMemberKind.Indexer)
            Put(o, "value", DocTextSanitizer.Clean(Str(entry, "value"), DocTextSanitizer.OtherMax, keepCrefs: true));
        PutMap(o, "exceptions", entry["exceptions"] as JsonObject, DocTextSanitizer.IsTypeCref);
        return o.Count > 1 ? o : null;
    }

    private static string? Str(JsonObject o, string name) =>
        DocTextSanitizer.StringOf(o[name]);

    private static void Put(JsonObject o, string name, string? value)
    {
        if (value is not null) o[name] = value;
    }

    private static void PutMap(JsonObject o, string name, JsonObject? source, Func<string, bool> allowed)
    {
        if (source is null) return;
        var map = new JsonObject();
        foreach (var (key, value) in source.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!allowed(key) || map.ContainsKey(key)) continue;
            if (DocTextSanitizer.CleanValue(value, DocTextSanitizer.OtherMax, keepCrefs: true) is { } text) map[key] = text;
        }
        if (map.Count > 0) o[name] = map;
    }

    /// <summary>Deterministic entries for every member of the batch.</summary>
    public static JsonNode Fallback(MemberDocsArgs args) =>
        new JsonObject { ["members"] = new JsonArray(args.Members.Select(m => (JsonNode)FallbackText.ForMember(m)).ToArray()) };

    /// <summary>Turns one validated entry into doc nodes, params in declaration order.</summary>
    /// <param name="entry">A validated answer entry.</param>
    /// <param name="item">The member it documents.</param>
    /// <param name="isKnownCref">Ids a <c>&lt;see cref&gt;</c> may link to (those in the model); others become text. Null drops every tag.</param>
    public static DocComment ToDocComment(JsonObject entry, MemberPromptItem item, Func<string, bool>? isKnownCref = null)
    {
        return new DocComment
        {
            Summary = Block(entry, "summary", DocTextSanitizer.SummaryMax),
            Remarks = Block(entry, "remarks", DocTextSanitizer.RemarksMax),
            Returns = Block(entry, "returns", DocTextSanitizer.OtherMax),
            Value = Block(entry, "value", DocTextSanitizer.OtherMax),
            Params = Named(entry["params"] as JsonObject, item.Parameters),
            TypeParams = Named(entry["typeparams"] as JsonObject, item.TypeParameters),
            Exceptions = entry["exceptions"] is JsonObject ex
                ? [.. ex.Where(p => DocTextSanitizer.IsTypeCref(p.Key)).Select(p => DocTextSanitizer.ToBlock(DocTextSanitizer.StringOf(p.Value), DocTextSanitizer.OtherMax, isKnownCref) is { } b ? new CrefDoc(p.Key, b) : null).OfType<CrefDoc>()]
                : [],
        };

        DocBlock? Block(JsonObject o, string name, int max) => DocTextSanitizer.ToBlock(Str(o, name), max, isKnownCref);

        ImmutableArray<NamedDoc> Named(JsonObject? map, ImmutableArray<string> order) =>
            map is null ? [] : [.. order.Select(n => map[n] is JsonValue v && v.TryGetValue<string>(out var s) && DocTextSanitizer.ToBlock(s, DocTextSanitizer.OtherMax, isKnownCref) is { } b ? new NamedDoc(n, b) : null).OfType<NamedDoc>()];
    }
}
