using System.Security;
using System.Text;
using DocGen.Core.Model;

namespace DocGen.Tool.Commands.Fill;

/// <summary>
/// Writes a <see cref="DocComment"/> back as the lines of a C# XML doc comment (without the <c>///</c> markers), in
/// the order and shape Visual Studio writes them: summary on its own lines, one line per parameter. Text is
/// XML-escaped; crefs keep their documentation comment id form (<c>T:Ns.Type</c>), which the compiler takes verbatim.
/// </summary>
internal static class DocCommentXml
{
    public static IReadOnlyList<string> Lines(DocComment docs)
    {
        var lines = new List<string>();
        Block(lines, "summary", null, docs.Summary, multiline: true);
        foreach (var p in docs.TypeParams) Block(lines, "typeparam", $" name=\"{Attr(p.Name)}\"", p.Content, multiline: false);
        foreach (var p in docs.Params) Block(lines, "param", $" name=\"{Attr(p.Name)}\"", p.Content, multiline: false);
        Block(lines, "returns", null, docs.Returns, multiline: false);
        Block(lines, "value", null, docs.Value, multiline: false);
        foreach (var e in docs.Exceptions) Block(lines, "exception", $" cref=\"{Attr(e.Cref)}\"", e.Content, multiline: false);
        Block(lines, "remarks", null, docs.Remarks, multiline: true);
        foreach (var example in docs.Examples) Block(lines, "example", null, example, multiline: true);
        foreach (var see in docs.SeeAlso) lines.Add(Reference(see, "seealso"));
        return lines;
    }

    private static void Block(List<string> lines, string tag, string? attributes, DocBlock? block, bool multiline)
    {
        if (block is null) return;
        var body = Inline(block.Nodes).Trim('\n', ' ');
        var bodyLines = body.Split('\n').Select(l => l.TrimEnd()).ToList();
        if (!multiline && bodyLines.Count == 1)
        {
            lines.Add($"<{tag}{attributes}>{bodyLines[0]}</{tag}>");
            return;
        }
        lines.Add($"<{tag}{attributes}>");
        lines.AddRange(bodyLines);
        lines.Add($"</{tag}>");
    }

    private static string Inline(IEnumerable<DocNode> nodes)
    {
        var sb = new StringBuilder();
        foreach (var node in nodes) Append(sb, node);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, DocNode node)
    {
        switch (node)
        {
            case DocText t: sb.Append(Text(t.Text)); break;
            case DocInlineCode c: sb.Append("<c>").Append(Text(c.Text)).Append("</c>"); break;
            case DocCodeBlock b:
                sb.Append('\n').Append(b.Language is null ? "<code>" : $"<code language=\"{Attr(b.Language)}\">").Append('\n');
                sb.Append(Text(b.Text.Trim('\n'))).Append("\n</code>\n");
                break;
            case DocParagraph p: sb.Append("\n<para>").Append(Inline(p.Content).Trim()).Append("</para>\n"); break;
            case DocList l: AppendList(sb, l); break;
            case DocReference r: sb.Append(Reference(r, "see")); break;
            case DocParamRef p: sb.Append($"<paramref name=\"{Attr(p.Name)}\"/>"); break;
            case DocTypeParamRef p: sb.Append($"<typeparamref name=\"{Attr(p.Name)}\"/>"); break;
            // A node kind this writer does not know (the model grows): its text, escaped, rather than nothing.
            default: sb.Append(Text(DocPlainText.Render([node]))); break;
        }
    }

    private static void AppendList(StringBuilder sb, DocList list)
    {
        var type = list.Kind switch { DocListKind.Number => "number", DocListKind.Table => "table", _ => "bullet" };
        sb.Append($"\n<list type=\"{type}\">\n");
        if (list.Header is { } header) sb.Append("<listheader>").Append(Item(header)).Append("</listheader>\n");
        foreach (var item in list.Items) sb.Append("<item>").Append(Item(item)).Append("</item>\n");
        sb.Append("</list>\n");

        static string Item(DocListItem item) =>
            (item.Term is { } term ? "<term>" + Inline(term).Trim() + "</term>" : "") + "<description>" + Inline(item.Description).Trim() + "</description>";
    }

    private static string Reference(DocReference r, string tag)
    {
        string attribute;
        if (r.Cref is { } cref)
        {
            // An unresolved cref ("!:Name") would be a compiler warning in the user's build: keep it as code text.
            if (cref.StartsWith("!:", StringComparison.Ordinal))
                return "<c>" + Text(r.Content.IsDefaultOrEmpty ? cref[2..] : Inline(r.Content)) + "</c>";
            attribute = $"cref=\"{Attr(cref)}\"";
        }
        else if (r.Href is { } href) attribute = $"href=\"{Attr(href)}\"";
        else if (r.Langword is { } langword) attribute = $"langword=\"{Attr(langword)}\"";
        else return Inline(r.Content);
        return r.Content.IsDefaultOrEmpty ? $"<{tag} {attribute}/>" : $"<{tag} {attribute}>{Inline(r.Content)}</{tag}>";
    }

    private static string Text(string text) =>
        SecurityElement.Escape(text.Replace("\r\n", "\n"))!.Replace("&apos;", "'").Replace("&quot;", "\"");

    private static string Attr(string value) => SecurityElement.Escape(value)!;
}
