using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using DocGen.Core.Generation.Fallback;
using DocGen.Core.Model;

namespace DocGen.Core.Generation.UseCases;

/// <summary>Prompt args of <c>type_overview</c>: a type and the members it has.</summary>
/// <param name="TypeId">Documentation comment id of the type.</param>
/// <param name="Name">Short name without type parameters.</param>
/// <param name="Kind">Type kind.</param>
/// <param name="Signature">C# declaration line.</param>
/// <param name="TypeParameters">Type parameter names in order.</param>
/// <param name="MemberLines">One line per member: signature and, when documented, its summary.</param>
public sealed record TypeOverviewArgs(
    string TypeId,
    string Name,
    ApiTypeKind Kind,
    string Signature,
    ImmutableArray<string> TypeParameters,
    ImmutableArray<string> MemberLines)
{
    /// <summary>Namespace name (empty for the global namespace).</summary>
    public string Namespace { get; init; } = "";
    /// <summary>Nearest base class as <c>Display (T:id)</c>, or null.</summary>
    public string? BaseType { get; init; }
    /// <summary>Implemented interfaces as <c>Display (T:id)</c>.</summary>
    public ImmutableArray<string> Interfaces { get; init; } = [];
}

/// <summary><c>type_overview</c>: summary and remarks of one type. The model answers <c>{"id":…,"summary":…,"remarks":…,"typeparams":{…}}</c>.</summary>
public static class TypeOverviewUseCase
{
    /// <summary>2: namespace, base type and interfaces; member lines carry generated summaries too (members are documented first); crefs.</summary>
    public const int PromptVersion = 2;
    public const string Template = """{"id":"T:Ns.Type","summary":"…","remarks":"…","typeparams":{"T":"…"}}""";

    public static UseCase Create() => UseCase.Create<TypeOverviewArgs>(
        UseCaseId.TypeOverview, Intent.Documentation, Template, PromptVersion, BuildPrompt, Validate, FallbackText.ForType, repairDepth: 1);

    public static string BuildPrompt(TypeOverviewArgs args)
    {
        var sb = new StringBuilder();
        sb.Append("Write the XML documentation overview of the C# type below.\n");
        sb.Append("Answer with one JSON object that follows this template exactly:\n").Append(Template).Append("\n\n");
        sb.Append("Rules: \"id\" is ").Append(args.TypeId).Append("; \"summary\" is one or two sentences on what the type is for; \"remarks\" only when it adds something; plain text only, code names in `backticks`; ")
          .Append("to refer to a type or member shown here you may write <see cref=\"ID\"/> with its id as shown.\n\n");
        sb.Append("Type: ").Append(args.Signature).Append('\n');
        if (args.Namespace.Length > 0) sb.Append("Namespace: ").Append(args.Namespace).Append('\n');
        if (args.BaseType is not null) sb.Append("Base type: ").Append(args.BaseType).Append('\n');
        if (!args.Interfaces.IsEmpty) sb.Append("Implements: ").Append(string.Join(", ", args.Interfaces)).Append('\n');
        if (!args.MemberLines.IsEmpty)
        {
            sb.Append("Members:\n");
            foreach (var line in args.MemberLines) sb.Append("- ").Append(line).Append('\n');
        }
        return sb.ToString();
    }

    public static JsonNode? Validate(JsonNode answer, TypeOverviewArgs args)
    {
        if (answer is not JsonObject o) return null;
        var summary = DocTextSanitizer.CleanValue(o["summary"], DocTextSanitizer.SummaryMax, keepCrefs: true);
        if (summary is null) return null;
        var result = new JsonObject { ["id"] = args.TypeId, ["summary"] = summary };
        if (DocTextSanitizer.CleanValue(o["remarks"], DocTextSanitizer.RemarksMax, keepCrefs: true) is { } remarks) result["remarks"] = remarks;
        if (o["typeparams"] is JsonObject tp)
        {
            var map = new JsonObject();
            foreach (var name in args.TypeParameters)
                if (DocTextSanitizer.CleanValue(tp[name], DocTextSanitizer.OtherMax) is { } text) map[name] = text;
            if (map.Count > 0) result["typeparams"] = map;
        }
        return result;
    }

    /// <param name="o">A validated answer.</param>
    /// <param name="args">The type it documents.</param>
    /// <param name="isKnownCref">Ids a <c>&lt;see cref&gt;</c> may link to; others become text. Null drops every tag.</param>
    public static DocComment ToDocComment(JsonObject o, TypeOverviewArgs args, Func<string, bool>? isKnownCref = null) => new()
    {
        Summary = DocTextSanitizer.ToBlock(DocTextSanitizer.StringOf(o["summary"]), DocTextSanitizer.SummaryMax, isKnownCref),
        Remarks = DocTextSanitizer.ToBlock(DocTextSanitizer.StringOf(o["remarks"]), DocTextSanitizer.RemarksMax, isKnownCref),
        TypeParams = o["typeparams"] is JsonObject tp
            ? [.. args.TypeParameters.Select(n => tp[n] is JsonValue v && DocTextSanitizer.ToBlock(v.GetValue<string>(), DocTextSanitizer.OtherMax) is { } b ? new NamedDoc(n, b) : null).OfType<NamedDoc>()]
            : [],
    };
}
