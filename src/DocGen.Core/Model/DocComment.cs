using System.Collections.Immutable;

namespace DocGen.Core.Model;

/// <summary>Parsed XML documentation of one symbol. Every piece of text is a tree of <see cref="DocNode"/>,
/// so emitters decide how to render (and escape) it; raw doc-comment text never reaches a page unescaped.</summary>
public sealed record DocComment
{
    public static readonly DocComment Empty = new();

    public DocBlock? Summary { get; init; }
    public DocBlock? Remarks { get; init; }
    public DocBlock? Returns { get; init; }
    public DocBlock? Value { get; init; }
    /// <summary><c>&lt;param name="x"&gt;</c> in declaration order.</summary>
    public ImmutableArray<NamedDoc> Params { get; init; } = [];
    public ImmutableArray<NamedDoc> TypeParams { get; init; } = [];
    /// <summary><c>&lt;exception cref="T:…"&gt;</c>; <see cref="CrefDoc.Cref"/> is a doc comment id.</summary>
    public ImmutableArray<CrefDoc> Exceptions { get; init; } = [];
    public ImmutableArray<DocBlock> Examples { get; init; } = [];
    public ImmutableArray<DocReference> SeeAlso { get; init; } = [];
    /// <summary>SHFB <c>&lt;threadsafety&gt;</c>: its text, or the sentence its <c>static</c>/<c>instance</c> attributes stand for.</summary>
    public DocBlock? ThreadSafety { get; init; }
    /// <summary>SHFB <c>&lt;overloads&gt;</c>: what all overloads of this member name have in common (shown once on the member page).</summary>
    public DocBlock? Overloads { get; init; }
    /// <summary>When the XML could not be parsed: the raw text, shown escaped instead of the sections above.</summary>
    public string? MalformedXml { get; init; }

    /// <summary>True when there is no text at all.</summary>
    public bool IsEmpty => Summary is null && Remarks is null && Returns is null && Value is null
        && Params.IsEmpty && TypeParams.IsEmpty && Exceptions.IsEmpty && Examples.IsEmpty && SeeAlso.IsEmpty
        && ThreadSafety is null && Overloads is null && MalformedXml is null;
}

/// <summary>Documentation text for a named parameter or type parameter.</summary>
public sealed record NamedDoc(string Name, DocBlock Content);

/// <summary>Documentation text attached to a cref (exceptions).</summary>
public sealed record CrefDoc(string Cref, DocBlock Content);

/// <summary>A sequence of doc nodes (a section's content).</summary>
public sealed record DocBlock(ImmutableArray<DocNode> Nodes)
{
    public static DocBlock FromText(string text) => new([new DocText(text)]);

    /// <summary>Plain text with markup flattened (for search, tables, prompts).</summary>
    public string ToPlainText() => DocPlainText.Render(Nodes);
}

/// <summary>A node of documentation content.</summary>
public abstract record DocNode;

/// <summary>Plain text (never markup: emitters escape it).</summary>
public sealed record DocText(string Text) : DocNode;

/// <summary><c>&lt;c&gt;</c> inline code.</summary>
public sealed record DocInlineCode(string Text) : DocNode;

/// <summary><c>&lt;code&gt;</c> block; <paramref name="Language"/> from its <c>language</c> attribute when present.</summary>
public sealed record DocCodeBlock(string Text, string? Language) : DocNode;

/// <summary><c>&lt;para&gt;</c>.</summary>
public sealed record DocParagraph(ImmutableArray<DocNode> Content) : DocNode;

public enum DocListKind { Bullet, Number, Table }

/// <summary><c>&lt;list type="bullet|number|table"&gt;</c> with an optional <c>&lt;listheader&gt;</c>.</summary>
public sealed record DocList(DocListKind Kind, DocListItem? Header, ImmutableArray<DocListItem> Items) : DocNode;

/// <summary>A list item: <c>&lt;term&gt;</c> (optional) and <c>&lt;description&gt;</c> (or the item's own content).</summary>
public sealed record DocListItem(ImmutableArray<DocNode>? Term, ImmutableArray<DocNode> Description);

/// <summary><c>&lt;see&gt;</c> / <c>&lt;seealso&gt;</c>: exactly one of <paramref name="Cref"/> (a doc comment id,
/// possibly prefixed <c>!:</c> when the compiler could not resolve it), <paramref name="Href"/> or
/// <paramref name="Langword"/> is set; <paramref name="Content"/> is the link text when the user wrote one.</summary>
public sealed record DocReference(string? Cref, string? Href, string? Langword, ImmutableArray<DocNode> Content) : DocNode
{
    /// <summary>True when <see cref="Cref"/> names a value of an enum of another assembly (the id alone cannot tell a field
    /// from an enum value, and learn.microsoft.com documents enum values on the enum's page, not on pages of their own).</summary>
    public bool TargetIsEnumValue { get; init; }

    /// <summary>How the cref's target is written in C# (<c>IEnumerable&lt;T&gt;</c>, <c>List&lt;T&gt;.Add(T)</c>) when extraction could
    /// resolve it; the id alone would only give <c>IEnumerable</c>. Null when unknown.</summary>
    public string? TargetDisplay { get; init; }
}

/// <summary>Inline emphasis from the safe HTML subset of doc comments.</summary>
public enum DocStyle { Bold, Italic, Subscript, Superscript }

/// <summary><c>&lt;b&gt;</c>/<c>&lt;strong&gt;</c>, <c>&lt;i&gt;</c>/<c>&lt;em&gt;</c>, <c>&lt;sub&gt;</c>, <c>&lt;sup&gt;</c>.</summary>
public sealed record DocStyled(DocStyle Style, ImmutableArray<DocNode> Content) : DocNode;

/// <summary><c>&lt;br/&gt;</c>.</summary>
public sealed record DocLineBreak : DocNode;

/// <summary>SHFB/DocFX <c>&lt;note type="caution"&gt;</c>: a callout; <paramref name="Kind"/> is the type, lower case (<c>note</c> when absent).</summary>
public sealed record DocNote(string Kind, ImmutableArray<DocNode> Content) : DocNode;

/// <summary>An HTML <c>&lt;table&gt;</c> in a doc comment: rows of cells, header rows from <c>&lt;th&gt;</c> or <c>&lt;thead&gt;</c>.</summary>
public sealed record DocTable(ImmutableArray<DocTableRow> Rows) : DocNode;

/// <summary>One row of a <see cref="DocTable"/>.</summary>
public sealed record DocTableRow(bool IsHeader, ImmutableArray<ImmutableArray<DocNode>> Cells);

/// <summary><c>&lt;paramref name="x"/&gt;</c>.</summary>
public sealed record DocParamRef(string Name) : DocNode;

/// <summary><c>&lt;typeparamref name="T"/&gt;</c>.</summary>
public sealed record DocTypeParamRef(string Name) : DocNode;

/// <summary>Flattens doc nodes to plain text.</summary>
public static class DocPlainText
{
    public static string Render(IEnumerable<DocNode> nodes)
    {
        var sb = new System.Text.StringBuilder();
        Append(sb, nodes);
        return System.Text.RegularExpressions.Regex.Replace(sb.ToString(), @"\s+", " ").Trim();
    }

    private static void Append(System.Text.StringBuilder sb, IEnumerable<DocNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case DocText t: sb.Append(t.Text); break;
                case DocInlineCode c: sb.Append(c.Text); break;
                case DocCodeBlock b: sb.Append(' ').Append(b.Text).Append(' '); break;
                case DocParagraph p: sb.Append(' '); Append(sb, p.Content); sb.Append(' '); break;
                case DocList l:
                    foreach (var item in l.Items)
                    {
                        sb.Append(' ');
                        if (item.Term is { } term) { Append(sb, term); sb.Append(": "); }
                        Append(sb, item.Description);
                    }
                    break;
                case DocReference r:
                    if (!r.Content.IsDefaultOrEmpty) Append(sb, r.Content);
                    else sb.Append(r.Langword ?? ShortName(r.Cref) ?? r.Href);
                    break;
                case DocParamRef p: sb.Append(p.Name); break;
                case DocTypeParamRef p: sb.Append(p.Name); break;
                case DocStyled st: Append(sb, st.Content); break;
                case DocLineBreak: sb.Append(' '); break;
                case DocNote n: sb.Append(' '); Append(sb, n.Content); sb.Append(' '); break;
                case DocTable t:
                    foreach (var cell in t.Rows.SelectMany(r => r.Cells)) { sb.Append(' '); Append(sb, cell); }
                    break;
            }
        }
    }

    /// <summary>Short display of a cref: <c>M:Ns.Type.Method(System.Int32)</c> → <c>Type.Method</c>.</summary>
    public static string? ShortName(string? cref)
    {
        if (cref is null) return null;
        var s = cref.StartsWith("!:") ? cref[2..] : cref;
        if (s.Length > 2 && s[1] == ':') s = s[2..];
        var paren = s.IndexOf('(');
        if (paren >= 0) s = s[..paren];
        var parts = s.Split('.');
        var name = parts.Length >= 2 && cref.Length > 1 && cref[0] is 'M' or 'P' or 'F' or 'E'
            ? parts[^2] + "." + parts[^1]
            : parts[^1];
        return System.Text.RegularExpressions.Regex.Replace(name, @"`+\d+", "").Replace("#ctor", "ctor");
    }
}
