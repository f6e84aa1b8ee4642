using System.Text;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.Pages;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Rendering;

/// <summary>Renders doc comments to GitHub-flavoured Markdown, escaping every piece of doc text.</summary>
internal sealed class DocMarkdownRenderer(LinkResolver links, DiagnosticBag? diagnostics) : DocRenderer(links, diagnostics)
{
    public override string Escape(string text) => MarkdownText.Escape(text);

    public override string Link(string renderedText, string url) => $"[{renderedText}]({MarkdownText.Url(url)})";

    public override string Code(string text) => MarkdownText.Code(text);

    public override string Diagram(Diagrams.TypeGraph graph) => Diagrams.MermaidDiagram.Render(graph);

    public override string CodeBlock(string code, string? language)
    {
        // A fence longer than any backtick run inside the code keeps the block closed.
        var longest = 0;
        for (int i = 0, run = 0; i < code.Length; i++)
        {
            run = code[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return "\n\n" + fence + (SafeLanguage(language) ?? "") + "\n" + code.TrimEnd() + "\n" + fence + "\n\n";
    }

    protected override void Append(StringBuilder sb, DocNode node, RenderScope scope)
    {
        switch (node)
        {
            case DocText t: sb.Append(Escape(t.Text)); break;
            case DocInlineCode c: sb.Append(Code(c.Text)); break;
            case DocCodeBlock b: sb.Append(CodeBlock(b.Text, b.Language)); break;
            case DocParagraph p: sb.Append("\n\n").Append(RenderNodes(p.Content, scope).Trim()).Append("\n\n"); break;
            case DocList l: AppendList(sb, l, scope); break;
            case DocReference r: sb.Append(RenderReference(r, scope)); break;
            case DocParamRef p: sb.Append(Code(p.Name)); break;
            case DocTypeParamRef p: sb.Append(Code(p.Name)); break;
            case DocStyled st:
                var inner = RenderNodes(st.Content, scope).Trim();
                if (inner.Length == 0) break;
                sb.Append(st.Style switch
                {
                    DocStyle.Bold => "**" + inner + "**",
                    DocStyle.Italic => "*" + inner + "*",
                    DocStyle.Subscript => "<sub>" + inner + "</sub>",
                    _ => "<sup>" + inner + "</sup>",
                });
                break;
            // A hard break that also holds inside a table cell (where a line end would end the row).
            case DocLineBreak: sb.Append("<br>"); break;
            case DocNote n:
                sb.Append("\n\n> **").Append(Escape(NoteTitle(n.Kind))).Append(":** ")
                  .Append(string.Join("\n> ", RenderNodes(n.Content, scope).Trim().Split('\n'))).Append("\n\n");
                break;
            case DocTable t: AppendTable(sb, t, scope); break;
        }
    }

    private void AppendTable(StringBuilder sb, DocTable table, RenderScope scope)
    {
        var width = table.Rows.Select(r => r.Cells.Length).DefaultIfEmpty(0).Max();
        if (width == 0) return;
        sb.Append("\n\n");
        var rows = table.Rows.ToList();
        // GFM tables need a header row: the table's first row is it, even when the author did not mark it.
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Cells.Select(c => Cell(c, scope)).Concat(Enumerable.Repeat("", width - rows[i].Cells.Length));
            sb.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
            if (i == 0) sb.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", width))).Append('\n');
        }
        sb.Append('\n');
    }

    private void AppendList(StringBuilder sb, DocList list, RenderScope scope)
    {
        sb.Append("\n\n");
        if (list.Kind == DocListKind.Table)
        {
            var header = list.Header;
            sb.Append("| ").Append(Cell(header?.Term, scope)).Append(" | ").Append(header is null ? "" : Cell(header.Description, scope)).Append(" |\n| --- | --- |\n");
            foreach (var item in list.Items)
                sb.Append("| ").Append(Cell(item.Term, scope)).Append(" | ").Append(Cell(item.Description, scope)).Append(" |\n");
        }
        else
        {
            var n = 1;
            foreach (var item in list.Items)
            {
                sb.Append(list.Kind == DocListKind.Number ? $"{n++}. " : "- ");
                if (item.Term is { } term) sb.Append("**").Append(Inline(term, scope)).Append("** — ");
                sb.Append(Inline(item.Description, scope)).Append('\n');
            }
        }
        sb.Append('\n');
    }

    /// <summary>List items and table cells must stay on one line.</summary>
    private string Inline(IEnumerable<DocNode> nodes, RenderScope scope) =>
        string.Join(' ', RenderNodes(nodes, scope).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private string Cell(IEnumerable<DocNode>? nodes, RenderScope scope) => nodes is null ? "" : Inline(nodes, scope);
}

/// <summary>Markdown escaping shared by the renderer and the template encoder.</summary>
internal static class MarkdownText
{
    /// <summary>Escapes text so that it shows literally: Markdown and HTML punctuation get a backslash, whitespace runs become one space.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        var space = false;
        var first = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space) sb.Append(' ');
            space = false;
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~' or '&' or '!' or '{' or '}'
                || (first && c is '-' or '+' or '='))
                sb.Append('\\');
            sb.Append(c);
            first = false;
        }
        if (space) sb.Append(' ');
        return sb.ToString();
    }

    /// <summary>Inline code whose delimiters cannot be closed by the content.</summary>
    public static string Code(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length == 0) return "";
        // Pipes end table cells even inside code spans (GFM), so escape them.
        flat = flat.Replace("|", "\\|");
        if (!flat.Contains('`')) return "`" + flat + "`";
        // The delimiter must be a backtick run that does not occur in the text, padded so edge backticks stay content.
        var longest = 0;
        for (int i = 0, run = 0; i < flat.Length; i++)
        {
            run = flat[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        return fence + " " + flat + " " + fence;
    }

    /// <summary>
    /// Collapses runs of blank lines outside code fences (templates and block renderers both add spacing,
    /// which is harmless to Markdown but noisy to read) and ends the file with one newline.
    /// </summary>
    public static string Tidy(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        string? fence = null;
        var blank = false;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = fence is null ? raw.TrimEnd() : raw;
            var trimmed = line.TrimStart();
            if (fence is null && trimmed.StartsWith("```", StringComparison.Ordinal))
                fence = new string('`', trimmed.TakeWhile(c => c == '`').Count());
            else if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim('`').Length == 0)
            {
                fence = null;
                sb.Append(line).Append('\n');
                blank = false;
                continue;
            }
            if (fence is null && line.Length == 0)
            {
                if (blank || sb.Length == 0) continue;
                blank = true;
            }
            else blank = false;
            sb.Append(line).Append('\n');
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>A link destination: spaces and parentheses encoded so the link stays one token.</summary>
    public static string Url(string url) => url.Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29").Replace("<", "%3C").Replace(">", "%3E");
}
