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
    bool HasSetter);

/// <summary>Docs of a member the prompt shows as context (members it calls).</summary>
public sealed record ContextDoc(string Id, string Summary);

/// <summary>Prompt args of <c>member_docs</c>: a batch of members of one type.</summary>
public sealed record MemberDocsArgs(
    string TypeId,
    string TypeSignature,
    string? TypeSummary,
    ImmutableArray<MemberPromptItem> Members,
    ImmutableArray<ContextDoc> CalledMembers);

/// <summary>
/// <c>member_docs</c>: docs for a batch of members. Wire contract: the model answers
/// <c>{"members":[{"id":…,"summary":…,"remarks":…,"params":{…},"typeparams":{…},"returns":…,"value":…,"exceptions":{…}}]}</c>;
/// unknown ids are ignored, left-out ids fall back, text is sanitised and capped.
/// </summary>
public static class MemberDocsUseCase
{
    public const int PromptVersion = 1;

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
        sb.Append("- Plain text only: no XML, HTML or Markdown; write code names in `backticks`.\n\n");
        sb.Append("Containing type: ").Append(args.TypeSignature).Append('\n');
        if (args.TypeSummary is not null) sb.Append("Type summary: ").Append(args.TypeSummary).Append('\n');
        if (!args.CalledMembers.IsEmpty)
        {
            sb.Append("\nDocumented members these members call:\n");
            foreach (var c in args.CalledMembers) sb.Append("- ").Append(c.Id).Append(": ").Append(c.Summary).Append('\n');
        }
        sb.Append("\nMembers to document:\n");
        foreach (var m in args.Members)
        {
            sb.Append("\n### ").Append(m.Id).Append('\n');
            sb.Append("Signature: ").Append(m.Signature).Append('\n');
            if (!m.Parameters.IsEmpty) sb.Append("Parameters: ").Append(string.Join(", ", m.Parameters)).Append('\n');
            if (!m.TypeParameters.IsEmpty) sb.Append("Type parameters: ").Append(string.Join(", ", m.TypeParameters)).Append('\n');
            if (m.Declaration is not null) sb.Append("Declaration:\n```csharp\n").Append(m.Declaration.Trim()).Append("\n```\n");
        }
        return sb.ToString();
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

    private static JsonObject? CleanEntry(JsonObject entry, MemberPromptItem item)
    {
        var summary = DocTextSanitizer.Clean(Str(entry, "summary"), DocTextSanitizer.SummaryMax);
        if (summary is null) return null;
        var o = new JsonObject { ["id"] = item.Id, ["summary"] = summary };
        Put(o, "remarks", DocTextSanitizer.Clean(Str(entry, "remarks"), DocTextSanitizer.RemarksMax));
        PutMap(o, "params", entry["params"] as JsonObject, item.Parameters.Contains);
        PutMap(o, "typeparams", entry["typeparams"] as JsonObject, item.TypeParameters.Contains);
        if (item.ReturnType is not null && item.Kind is not (ApiMemberKind.Property or ApiMemberKind.Indexer or ApiMemberKind.Field or ApiMemberKind.Constant or ApiMemberKind.Event or ApiMemberKind.EnumValue))
            Put(o, "returns", DocTextSanitizer.Clean(Str(entry, "returns"), DocTextSanitizer.OtherMax));
        if (item.Kind is ApiMemberKind.Property or ApiMemberKind.Indexer)
            Put(o, "value", DocTextSanitizer.Clean(Str(entry, "value"), DocTextSanitizer.OtherMax));
        PutMap(o, "exceptions", entry["exceptions"] as JsonObject, DocTextSanitizer.IsTypeCref);
        return o;
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
            if (DocTextSanitizer.CleanValue(value, DocTextSanitizer.OtherMax) is { } text) map[key] = text;
        }
        if (map.Count > 0) o[name] = map;
    }

    /// <summary>Deterministic entries for every member of the batch.</summary>
    public static JsonNode Fallback(MemberDocsArgs args) =>
        new JsonObject { ["members"] = new JsonArray(args.Members.Select(m => (JsonNode)FallbackText.ForMember(m)).ToArray()) };

    /// <summary>Turns one validated entry into doc nodes, params in declaration order.</summary>
    public static DocComment ToDocComment(JsonObject entry, MemberPromptItem item)
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
                ? [.. ex.Where(p => DocTextSanitizer.IsTypeCref(p.Key)).Select(p => DocTextSanitizer.ToBlock(p.Value?.GetValue<string>(), DocTextSanitizer.OtherMax) is { } b ? new CrefDoc(p.Key, b) : null).OfType<CrefDoc>()]
                : [],
        };

        static DocBlock? Block(JsonObject o, string name, int max) => DocTextSanitizer.ToBlock(Str(o, name), max);

        static ImmutableArray<NamedDoc> Named(JsonObject? map, ImmutableArray<string> order) =>
            map is null ? [] : [.. order.Select(n => map[n] is JsonValue v && v.TryGetValue<string>(out var s) && DocTextSanitizer.ToBlock(s, DocTextSanitizer.OtherMax) is { } b ? new NamedDoc(n, b) : null).OfType<NamedDoc>()];
    }
}
