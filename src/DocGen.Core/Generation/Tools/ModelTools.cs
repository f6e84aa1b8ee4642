using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Generation.Continuation;
using DocGen.Core.Generation.Providers;
using DocGen.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Core.Generation.Tools;

/// <summary>
/// The functions the model may call while documenting: <c>get_symbol</c> (kind, signature, human docs
/// and members of a type or member), <c>get_source</c> (its declaration, bounded) and <c>find_usages</c>
/// (members whose declarations mention it). Every output is a pure function of the extracted model
/// (human docs only, never generated text), so a cached answer can be checked later by running its
/// tool calls again and comparing hashes. Thread-safe.
/// </summary>
internal sealed class ModelTools(GenerationPlanner planner, Func<string, string> boundSource) : IToolHost
{
    private const int MaxListed = 40;
    private const int MaxUsages = 10;
    private readonly ConcurrentDictionary<string, HashSet<string>> _identifiers = new(StringComparer.Ordinal);

    private const string IdSchema = """{"type":"object","properties":{"id":{"type":"string","description":"Documentation comment id, e.g. T:Ns.Type or M:Ns.Type.Method(System.Int32)"}},"required":["id"],"additionalProperties":false}""";

    public IReadOnlyList<ToolDefinition> Definitions { get; } =
    [
        new("get_symbol", "Kind, signature, namespace, existing documentation and (for a type) the members of a type or member of this API, by documentation comment id.", IdSchema),
        new("get_source", "The C# declaration source of a member of this API, by documentation comment id (long bodies are cut).", IdSchema),
        new("find_usages", "Members of this API whose declarations mention the given type or member, by documentation comment id (at most 10).", IdSchema),
    ];

    private volatile bool _rejected;

    public bool Rejected => _rejected;

    public void Reject() => _rejected = true;

    public string Execute(ToolCall call)
    {
        string? id = null;
        try
        {
            if (JsonNode.Parse(call.Arguments.Length > 0 ? call.Arguments : "{}") is JsonObject args && args["id"] is JsonValue v && v.TryGetValue<string>(out var s)) id = s.Trim();
        }
        catch (JsonException) { }
        if (id is null) return Error("arguments must be a JSON object with a string \"id\"");
        return call.Name switch
        {
            "get_symbol" => Symbol(id),
            "get_source" => Source(id),
            "find_usages" => Usages(id),
            _ => Error($"unknown function '{call.Name}'; use get_symbol, get_source or find_usages"),
        };
    }

    /// <summary>A hash of what a call returns now, for checking a cached answer's tool results.</summary>
    public string OutputHash(string name, string arguments) => CacheKey.Hash(Execute(new ToolCall(name, arguments)));

    private string Symbol(string id)
    {
        if (Resolve(id) is { } type && planner.Types.TryGetValue(type, out var t))
        {
            return Json(new JsonObject
            {
                ["id"] = t.Id, ["kind"] = t.Kind.ToString(), ["namespace"] = t.Namespace, ["signature"] = t.Signature,
                ["summary"] = HumanSummary(t.Docs, t.Provenance),
                ["members"] = new JsonArray([.. t.Members.Take(MaxListed).Select(m => (JsonNode)(m.Id + " " + m.Signature))]),
            });
        }
        if (Resolve(id) is { } member && planner.Members.TryGetValue(member, out var m))
        {
            return Json(new JsonObject
            {
                ["id"] = m.Id, ["kind"] = m.Kind.ToString(), ["containingType"] = m.ContainingTypeId, ["signature"] = m.Signature,
                ["summary"] = HumanSummary(m.Docs, m.Provenance),
                ["returns"] = GenerationPlanner.IsHumanDocs(m.Provenance) ? m.Docs.Returns?.ToPlainText() : null,
            });
        }
        return Unknown(id);
    }

    private string Source(string id)
    {
        if (Resolve(id) is { } member && planner.Members.TryGetValue(member, out var m))
            return m.DeclarationText is null ? m.Signature + " (no source available)" : boundSource(m.DeclarationText);
        if (Resolve(id) is { } type && planner.Types.TryGetValue(type, out var t)) return t.Signature + " (types: ask get_symbol for the members)";
        return Unknown(id);
    }

    private string Usages(string id)
    {
        var resolved = Resolve(id);
        if (resolved is null) return Unknown(id);
        var name = planner.Types.TryGetValue(resolved, out var t) ? StripGenerics(t.Name) : planner.Members[resolved].Name;
        var hits = planner.Members.Values
            .Where(m => m.Id != resolved && m.DeclarationText is not null && IdentifiersOf(m).Contains(name))
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .Take(MaxUsages)
            .Select(m => (JsonNode)(m.Id + " " + m.Signature));
        return Json(new JsonObject { ["id"] = resolved, ["usages"] = new JsonArray([.. hits]) });
    }

    private HashSet<string> IdentifiersOf(MemberModel m) => _identifiers.GetOrAdd(m.Id, _ =>
        SyntaxFactory.ParseTokens(m.DeclarationText!).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToHashSet(StringComparer.Ordinal));

    /// <summary>The id as given, or with a missing <c>T:</c>/<c>M:</c>/<c>P:</c>/<c>F:</c>/<c>E:</c> prefix added; null when unknown.</summary>
    private string? Resolve(string id)
    {
        if (planner.Types.ContainsKey(id) || planner.Members.ContainsKey(id)) return id;
        if (id.Length > 1 && id[1] == ':') return null;
        foreach (var prefix in new[] { "T:", "M:", "P:", "F:", "E:" })
            if (planner.Types.ContainsKey(prefix + id) || planner.Members.ContainsKey(prefix + id)) return prefix + id;
        return null;
    }

    private static string? HumanSummary(DocComment docs, Provenance p) => GenerationPlanner.IsHumanDocs(p) ? GenerationPlanner.SummaryOf(docs) : null;

    private static string StripGenerics(string name) => name.IndexOf('<') is var i and > 0 ? name[..i] : name;

    private static string Unknown(string id) => Error($"no type or member with id '{id}' in this API; ids look like T:Ns.Type or M:Ns.Type.Method(System.Int32)");

    private static string Error(string message) => Json(new JsonObject { ["error"] = message });

    private static string Json(JsonObject o) => o.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
