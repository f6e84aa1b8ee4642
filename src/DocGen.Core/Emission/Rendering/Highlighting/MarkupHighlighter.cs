using System.Net;
using System.Text;
using ColorCode;
using ColorCode.Parsing;
using ColorCode.Styling;

namespace DocGen.Core.Emission.Rendering.Highlighting;

/// <summary>
/// Highlights the languages other than C# that doc comments carry (xml, powershell, sql, js, …) with ColorCode's
/// parser. Only ColorCode's scopes are used: the text between and inside them is escaped here and the class names are
/// ours (the same few as <see cref="CSharpHighlighter"/>), so neither ColorCode's markup nor its inline styles reach a page.
/// </summary>
internal sealed class MarkupHighlighter : CodeColorizerBase
{
    private StringBuilder? _output;
    private string _source = "";

    // ColorCode's parser caches compiled languages in shared state; one instance per thread keeps writes apart.
    [ThreadStatic] private static MarkupHighlighter? _perThread;

    private MarkupHighlighter() : base(StyleDictionary.DefaultLight, null) { }

    /// <summary>ColorCode's language id for a doc comment's language name, or null when it has none.</summary>
    public static string? LanguageId(string language) => language switch
    {
        "xml" or "xaml" or "html" or "xhtml" or "svg" or "csproj" or "msbuild" => "xml",
        "powershell" or "ps" or "ps1" or "pwsh" => "powershell",
        "sql" or "tsql" => "sql",
        "js" or "javascript" => "javascript",
        "ts" or "typescript" => "typescript",
        "css" => "css",
        "cpp" or "c++" or "c" => "cpp",
        "fsharp" or "f#" or "fs" => "fsharp",
        "vb" or "vbnet" or "visualbasic" => "vbdotnet",
        "java" => "java",
        "php" => "php",
        "python" or "py" => "python",
        _ => null,
    };

    /// <summary>Highlighted HTML of <paramref name="code"/>, or null when ColorCode does not know the language.</summary>
    public static string? Highlight(string code, string languageId)
    {
        var language = Languages.FindById(languageId);
        if (language is null) return null;
        var self = _perThread ??= new MarkupHighlighter();
        self._output = new StringBuilder(code.Length * 2);
        self._source = code;
        self.languageParser.Parse(code, language, (parsed, scopes) => self.Write(parsed, scopes));
        var html = self._output.ToString();
        self._output = null;
        return html;
    }

    protected override void Write(string parsedSourceCode, IList<Scope> scopes)
    {
        // Called once per line; the parsed text is a slice of the source, with scopes indexed into that slice.
        var at = 0;
        foreach (var scope in scopes.OrderBy(s => s.Index)) at = WriteScope(parsedSourceCode, scope, at);
        _output!.Append(WebUtility.HtmlEncode(parsedSourceCode[at..]));
    }

    private int WriteScope(string text, Scope scope, int at)
    {
        if (scope.Index < at) return at; // overlapping capture: keep what is already written
        _output!.Append(WebUtility.HtmlEncode(text[at..scope.Index]));
        var cls = ClassOf(scope.Name);
        if (cls is not null) _output.Append("<span class=\"").Append(cls).Append("\">");
        var inner = scope.Index;
        foreach (var child in scope.Children.OrderBy(c => c.Index)) inner = WriteScope(text, child, inner);
        var end = Math.Min(text.Length, scope.Index + scope.Length);
        if (inner < end) _output.Append(WebUtility.HtmlEncode(text[inner..end]));
        if (cls is not null) _output.Append("</span>");
        return Math.Max(inner, end);
    }

    private static string? ClassOf(string name)
    {
        if (name.Contains("Comment", StringComparison.OrdinalIgnoreCase)) return "c";
        if (name.Contains("String", StringComparison.OrdinalIgnoreCase) || name.Contains("Value", StringComparison.OrdinalIgnoreCase)) return "s";
        if (name.Contains("Number", StringComparison.OrdinalIgnoreCase)) return "n";
        if (name.Contains("Preprocessor", StringComparison.OrdinalIgnoreCase)) return "pp";
        if (name.Contains("Attribute", StringComparison.OrdinalIgnoreCase) || name.Contains("Key", StringComparison.OrdinalIgnoreCase) && !name.Contains("Keyword", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Variable", StringComparison.OrdinalIgnoreCase)) return "a";
        if (name.Contains("Keyword", StringComparison.OrdinalIgnoreCase) || name.Contains("Const", StringComparison.OrdinalIgnoreCase)) return "k";
        if (name.Contains("Name", StringComparison.OrdinalIgnoreCase) || name.Contains("Tag", StringComparison.OrdinalIgnoreCase)) return "x";
        if (name.Contains("Type", StringComparison.OrdinalIgnoreCase) || name.Contains("Class", StringComparison.OrdinalIgnoreCase)) return "t";
        return null;
    }
}
