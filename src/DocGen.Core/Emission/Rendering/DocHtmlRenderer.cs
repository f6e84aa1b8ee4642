using System.Net;
using System.Text;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.Pages;
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
        return lang is null
            ? "<pre><code>" + Escape(code) + "</code></pre>"
            : $"<pre><code class=\"language-{lang}\">" + Escape(code) + "</code></pre>";
    }

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
        }
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
