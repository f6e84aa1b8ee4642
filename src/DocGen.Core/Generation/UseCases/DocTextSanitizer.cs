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

    // <see cref="ID"/> (or <see cref="ID"></see>) with a doc comment id: the one markup a model may write.
    [GeneratedRegex(@"<see\s+cref\s*=\s*""([TMPFE]:[A-Za-z0-9_.`#@,()\[\]{}*^:-]{1,300}?)""\s*(?:/>|>\s*</see>)", RegexOptions.CultureInvariant)]
    private static partial Regex SeeCref();

    private const char CrefStart = '\u0002', CrefEnd = '\u0003';

    /// <summary>The string in a JSON answer field, or null when the field is missing or not a string.</summary>
    internal static string? StringOf(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary><see cref="Clean(string?, int, bool)"/> of a JSON answer field; null when it is not a string.</summary>
    internal static string? CleanValue(JsonNode? node, int max, bool keepCrefs = false) => Clean(StringOf(node), max, keepCrefs);

    /// <summary>Clean plain text, or null when nothing is left.</summary>
    /// <param name="text">Model text.</param>
    /// <param name="max">Length cap in characters.</param>
    /// <param name="keepCrefs">Keep well-formed <c>&lt;see cref="…"/&gt;</c> tags (normalised); every other tag goes.</param>
    public static string? Clean(string? text, int max, bool keepCrefs = false)
    {
        if (text is null) return null;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(char.IsControl(c) ? ' ' : c);
        var raw = sb.ToString();
        // Protect the crefs while the other tags are stripped, then write them back in one canonical form.
        if (keepCrefs) raw = SeeCref().Replace(raw, m => CrefStart + m.Groups[1].Value + CrefEnd);
        var s = Space().Replace(Tag().Replace(raw, ""), " ").Trim();
        if (keepCrefs) s = s.Replace(CrefStart.ToString(), "<see cref=\"", StringComparison.Ordinal).Replace(CrefEnd.ToString(), "\"/>", StringComparison.Ordinal);
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
    /// <param name="text">Model text.</param>
    /// <param name="max">Length cap in characters.</param>
    /// <param name="isKnownCref">When given, <c>&lt;see cref="ID"/&gt;</c> to an id it accepts becomes a link (<see cref="DocReference"/>), and any other becomes the id's short name as text.</param>
    public static DocBlock? ToBlock(string? text, int max, Func<string, bool>? isKnownCref = null)
    {
        var clean = Clean(text, max, keepCrefs: isKnownCref is not null);
        if (clean is null) return null;
        var nodes = ImmutableArray.CreateBuilder<DocNode>();
        var at = 0;
        if (isKnownCref is not null)
        {
            foreach (Match m in SeeCref().Matches(clean))
            {
                AddText(nodes, clean[at..m.Index]);
                var cref = m.Groups[1].Value;
                nodes.Add(isKnownCref(cref) ? new DocReference(cref, null, null, []) : new DocText(DocPlainText.ShortName(cref) ?? cref));
                at = m.Index + m.Length;
            }
        }
        AddText(nodes, clean[at..]);
        return nodes.Count == 0 ? null : new DocBlock(nodes.ToImmutable());
    }

    private static void AddText(ImmutableArray<DocNode>.Builder nodes, string text)
    {
        var parts = text.Split('`');
        // Only balanced backticks (an odd number of parts) mark code; otherwise the text stays as written.
        if (parts.Length % 2 == 0) parts = [text];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0) continue;
            nodes.Add(i % 2 == 1 ? new DocInlineCode(parts[i]) : new DocText(parts[i]));
        }
    }

    /// <summary>True for a well-formed exception cref such as <c>T:System.ArgumentException</c>.</summary>
    public static bool IsTypeCref(string cref) => cref.StartsWith("T:", StringComparison.Ordinal) && TypeCref().IsMatch(cref) && cref.Length < 300;
}
