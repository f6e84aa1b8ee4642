using System.Net;
using System.Text;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.Pages;
using DocGen.Core.Emission.Rendering.Highlighting;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Rendering;

/// <summary>Renders doc comments to safe HTML fragments.</summary>
internal sealed class DocHtmlRenderer(LinkResolver links, DiagnosticBag? diagnostics) : DocRenderer(links, diagnostics)
{
    public override string Escape(string text) => WebUtility.HtmlEncode(text);

    public override string Link(string renderedText, string url)
    {
        var external = url.StartsWith("http", StringComparison.OrdinalIgnoreCase);
        return external
            ? $"<a href=\"{Escape(url)}\" class=\"external\" rel=\"noopener\">{renderedText}</a>"
            : $"<a href=\"{Escape(url)}\">{renderedText}</a>";
    }

    public override string Code(string text) => "<code>" + Escape(text) + "</code>";

    public override string CodeBlock(string code, string? language)
    {
        var lang = SafeLanguage(language);
        var body = CodeHighlighter.Highlight(code, lang);
        return lang is null
            ? "<pre><code>" + body + "</code></pre>"
            : $"<pre><code class=\"language-{lang}\">" + body + "</code></pre>";
    }

    public override string Diagram(Diagrams.TypeGraph graph) => Diagrams.SvgDiagram.Render(graph);

    public override string SignatureBlock(string declaration, Func<string, string?> typeUrl) =>
        "<pre class=\"sig\"><code class=\"language-csharp\">" + CSharpHighlighter.Highlight(declaration, typeUrl) + "</code></pre>";

    protected override void Append(StringBuilder sb, DocNode node, RenderScope scope)
    {
        switch (node)
        {
            case DocText t: sb.Append(Escape(t.Text)); break;
            case DocInlineCode c: sb.Append(Code(c.Text)); break;
            case DocCodeBlock b: sb.Append(CodeBlock(b.Text, b.Language)); break;
            case DocParagraph p: sb.Append("<p>").Append(RenderNodes(p.Content, scope).Trim()).Append("</p>"); break;
            case DocList l: AppendList(sb, l, scope); break;
            case DocReference r: sb.Append(RenderReference(r, scope)); break;
            case DocParamRef p: sb.Append("<code class=\"paramref\">").Append(Escape(p.Name)).Append("</code>"); break;
            case DocTypeParamRef p: sb.Append("<code class=\"typeparamref\">").Append(Escape(p.Name)).Append("</code>"); break;
            case DocStyled st:
                var tag = st.Style switch { DocStyle.Bold => "strong", DocStyle.Italic => "em", DocStyle.Subscript => "sub", _ => "sup" };
                sb.Append('<').Append(tag).Append('>').Append(RenderNodes(st.Content, scope)).Append("</").Append(tag).Append('>');
                break;
            case DocLineBreak: sb.Append("<br>"); break;
            case DocNote n:
                sb.Append("<div class=\"note note-").Append(NoteClass(n.Kind)).Append("\"><p class=\"note-title\">").Append(Escape(NoteTitle(n.Kind)))
                  .Append("</p>").Append(RenderNodes(n.Content, scope).Trim()).Append("</div>");
                break;
            case DocTable t: AppendTable(sb, t, scope); break;
        }
    }

    private void AppendTable(StringBuilder sb, DocTable table, RenderScope scope)
    {
        sb.Append("<table class=\"doc-table\">");
        foreach (var row in table.Rows)
        {
            var cell = row.IsHeader ? "th" : "td";
            sb.Append("<tr>");
            foreach (var content in row.Cells) sb.Append('<').Append(cell).Append('>').Append(RenderNodes(content, scope).Trim()).Append("</").Append(cell).Append('>');
            sb.Append("</tr>");
        }
        sb.Append("</table>");
    }

    /// <summary>The note's type as a CSS class: letters only, so an author's text never reaches the attribute.</summary>
    private static string NoteClass(string kind)
    {
        var clean = new string(kind.Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();
        return clean.Length == 0 ? "note" : clean;
    }

    private void AppendList(StringBuilder sb, DocList list, RenderScope scope)
    {
        if (list.Kind == DocListKind.Table)
        {
            sb.Append("<table class=\"doc-table\">");
            if (list.Header is { } header)
                sb.Append("<thead><tr><th>").Append(Term(header, scope)).Append("</th><th>").Append(RenderNodes(header.Description, scope)).Append("</th></tr></thead>");
            sb.Append("<tbody>");
            foreach (var item in list.Items)
                sb.Append("<tr><td>").Append(Term(item, scope)).Append("</td><td>").Append(RenderNodes(item.Description, scope)).Append("</td></tr>");
            sb.Append("</tbody></table>");
            return;
        }
        var tag = list.Kind == DocListKind.Number ? "ol" : "ul";
        sb.Append('<').Append(tag).Append('>');
        foreach (var item in list.Items)
        {
            sb.Append("<li>");
            if (item.Term is { } term) sb.Append("<strong>").Append(RenderNodes(term, scope)).Append("</strong> — ");
            sb.Append(RenderNodes(item.Description, scope));
            sb.Append("</li>");
        }
        sb.Append("</").Append(tag).Append('>');
    }

    private string Term(DocListItem item, RenderScope scope) => item.Term is { } term ? RenderNodes(term, scope) : "";
}
