using System.Net;

namespace DocGen.Core.Emission.Rendering.Highlighting;

/// <summary>Picks the highlighter for a code block's language; the result is escaped HTML for inside <c>&lt;code&gt;</c>.</summary>
internal static class CodeHighlighter
{
    /// <summary>Highlighted, escaped HTML of <paramref name="code"/>.</summary>
    /// <param name="code">Raw text.</param>
    /// <param name="language">A clean language name (see <c>DocRenderer.SafeLanguage</c>), or null: a block without a
    /// language is C# when it parses as C# (doc comments' <c>&lt;code&gt;</c> usually is), markup when it starts with
    /// <c>&lt;</c>, and plain text otherwise (a <c>&lt;pre&gt;</c> of prose).</param>
    public static string Highlight(string code, string? language)
    {
        // Pathological input must not cost a build minutes: huge blocks are shown plain.
        if (code.Length > 200_000) return WebUtility.HtmlEncode(code);
        if (language is null && !code.TrimStart().StartsWith('<'))
            return CSharpHighlighter.HighlightIfValid(code) ?? WebUtility.HtmlEncode(code);
        var lang = language ?? "xml";
        if (lang is "csharp" or "cs") return CSharpHighlighter.Highlight(code);
        if (ShellHighlighter.Handles(lang)) return ShellHighlighter.Highlight(code);
        if (lang is "json" or "jsonc") return JsonHighlighter.Highlight(code);
        // ColorCode's grammars are regular expressions: keep their input small so no block can cost much.
        if (code.Length > 20_000) return WebUtility.HtmlEncode(code);
        return MarkupHighlighter.LanguageId(lang) is { } id && MarkupHighlighter.Highlight(code, id) is { } html ? html : WebUtility.HtmlEncode(code);
    }
}
