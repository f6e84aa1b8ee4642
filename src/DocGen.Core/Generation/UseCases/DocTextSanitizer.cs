using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocGen.Core.Model;

namespace DocGen.Core.Generation.UseCases;

/// <summary>
/// Turns model text into doc nodes. Markup never passes: tags are dropped (their inner text kept),
/// control characters removed, whitespace collapsed and lengths capped; `backticks` become inline code.
/// </summary>
public static partial class DocTextSanitizer
{
    public const int SummaryMax = 800;
    public const int RemarksMax = 3000;
    public const int OtherMax = 600;

    [GeneratedRegex(@"</?[A-Za-z!?][^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Space();

    [GeneratedRegex(@"^[TMPFE]:[A-Za-z_][A-Za-z0-9_.`]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeCref();

    /// <summary>The string in a JSON answer field, or null when the field is missing or not a string.</summary>
    internal static string? StringOf(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary><see cref="Clean(string?, int)"/> of a JSON answer field; null when it is not a string.</summary>
    internal static string? CleanValue(JsonNode? node, int max) => Clean(StringOf(node), max);

    /// <summary>Clean plain text, or null when nothing is left.</summary>
    public static string? Clean(string? text, int max)
    {
        if (text is null) return null;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(char.IsControl(c) ? ' ' : c);
        var s = Space().Replace(Tag().Replace(sb.ToString(), ""), " ").Trim();
        // Entities would be decoded by an XML writer later; keep them literal but harmless.
        if (s.Length == 0) return null;
        if (s.Length > max)
        {
            var cut = s.LastIndexOf(' ', max - 1);
            s = s[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
        }
        return s;
    }

    /// <summary>A doc block from clean text, with `code` spans as <see cref="DocInlineCode"/>.</summary>
    public static DocBlock? ToBlock(string? text, int max)
    {
        var clean = Clean(text, max);
        if (clean is null) return null;
        var nodes = ImmutableArray.CreateBuilder<DocNode>();
        var parts = clean.Split('`');
        // Only balanced backticks (an odd number of parts) mark code; otherwise the text stays as written.
        if (parts.Length % 2 == 0) parts = [clean];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0) continue;
            nodes.Add(i % 2 == 1 ? new DocInlineCode(parts[i]) : new DocText(parts[i]));
        }
        return nodes.Count == 0 ? null : new DocBlock(nodes.ToImmutable());
    }

    /// <summary>True for a well-formed exception cref such as <c>T:System.ArgumentException</c>.</summary>
    public static bool IsTypeCref(string cref) => cref.StartsWith("T:", StringComparison.Ordinal) && TypeCref().IsMatch(cref) && cref.Length < 300;
}
