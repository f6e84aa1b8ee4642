using System.Collections.Concurrent;
using System.Text;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.Pages;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// Renders doc-comment trees and small pieces of markup for one output format. Everything that comes
/// from a doc comment or the model goes through <see cref="Escape"/>; only the markup this class writes
/// itself is trusted, so its output can be handed to templates unescaped (<c>{{{…}}}</c>).
/// </summary>
internal abstract class DocRenderer(LinkResolver links, DiagnosticBag? diagnostics)
{
    private readonly ConcurrentDictionary<(string Owner, string Href), byte> _reportedHrefs = new();

    public LinkResolver Links => links;

    /// <summary>Escapes text for the format.</summary>
    public abstract string Escape(string text);

    /// <summary>A link around already rendered text; <paramref name="url"/> is trusted (ours or checked).</summary>
    public abstract string Link(string renderedText, string url);

    /// <summary>Inline code of raw text.</summary>
    public abstract string Code(string text);

    /// <summary>A code block of raw text.</summary>
    public abstract string CodeBlock(string code, string? language);

    /// <summary>A declaration's code block; formats that highlight link the type names <paramref name="typeUrl"/> knows.</summary>
    /// <param name="declaration">Raw C# (attributes and the declaration line).</param>
    /// <param name="typeUrl">URL of a type by its simple name, or null when it has no page.</param>
    public virtual string SignatureBlock(string declaration, Func<string, string?> typeUrl) => CodeBlock(declaration, "csharp");

    /// <summary>A type relation diagram: inline SVG in HTML, a Mermaid block's source in Markdown.</summary>
    public abstract string Diagram(Diagrams.TypeGraph graph);

    /// <summary>Renders a doc block (a section's content); empty string for null.</summary>
    public string Render(DocBlock? block, RenderScope scope) => block is null ? "" : RenderNodes(block.Nodes, scope).Trim();

    /// <summary>Renders nodes.</summary>
    public string RenderNodes(IEnumerable<DocNode> nodes, RenderScope scope)
    {
        var sb = new StringBuilder();
        foreach (var node in nodes) Append(sb, node, scope);
        return sb.ToString();
    }

    /// <summary>Appends one node in the format.</summary>
    protected abstract void Append(StringBuilder sb, DocNode node, RenderScope scope);

    /// <summary>A type as it appears in a signature, linked when we know where it is documented.</summary>
    public string TypeLink(TypeRef? type, Page from)
    {
        if (type is null) return "";
        var url = links.TryResolve(type.Id, from);
        return url is null ? Code(type.Display) : Link(Code(type.Display), url);
    }

    /// <summary>Shared handling of <c>&lt;see&gt;</c>: cref, href or langword.</summary>
    protected string RenderReference(DocReference reference, RenderScope scope)
    {
        var hasContent = !reference.Content.IsDefaultOrEmpty;
        if (reference.Cref is { } cref)
        {
            var text = hasContent ? RenderNodes(reference.Content, scope) : Code(links.DisplayOf(cref, reference.TargetDisplay));
            var url = links.ResolveCref(cref, scope, reference.TargetIsEnumValue);
            return url is null ? text : Link(text, url);
        }
        if (reference.Href is { } href)
        {
            var text = hasContent ? RenderNodes(reference.Content, scope) : Escape(href);
            if (LinkResolver.IsSafeHref(href)) return Link(text, href.Trim());
            if (diagnostics is not null && _reportedHrefs.TryAdd((scope.OwnerId, href), 0))
                diagnostics.Report(DiagnosticIds.UnsafeHref, scope.Source?.Path, scope.Source?.Line, href, scope.OwnerId);
            return text;
        }
        if (reference.Langword is { } word) return Code(word);
        return hasContent ? RenderNodes(reference.Content, scope) : "";
    }

    /// <summary>The heading of a <c>&lt;note type="…"&gt;</c>: SHFB's types (note, tip, caution, warning, important, security…), capitalised.</summary>
    protected static string NoteTitle(string kind) => kind switch
    {
        "" or "note" or "implement" or "implementnotes" or "inherit" or "inheritinfo" or "caller" or "callers" => "Note",
        "security" or "security note" => "Security note",
        "cs" or "csharp" or "c#" => "C# note",
        "vb" or "visualbasic" => "Visual Basic note",
        _ => char.ToUpperInvariant(kind[0]) + kind[1..],
    };

    /// <summary>Language names go into a class attribute: keep only what a language name needs.</summary>
    protected static string? SafeLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var clean = new string(language.Trim().ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '-').ToArray());
        return clean.Length == 0 ? null : clean.Replace("c#", "csharp");
    }
}
