using System.Globalization;
using System.Text.Json;
using Scriban.Runtime;

namespace DocGen.Core.Emission.UserTemplates;

/// <summary>
/// The functions DocGen adds to Scriban's built-ins for user templates (documented in
/// <c>docs/templates-and-code.md</c>). A function that gets a wrong argument throws; Scriban turns that into
/// an error at the call's line, which the renderer reports as DG0703.
/// </summary>
internal sealed class TemplateFunctions(TypeMapping types)
{
    /// <summary>Every function name, for the docs test and error messages.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["camel_case", "pascal_case", "kebab_case", "snake_case", "ts_type", "py_type", "doc_text", "comment", "json"];

    // Outputs are code, not HTML: keep '<', '&' and non-ASCII readable; quotes, backslashes and controls are still escaped.
    private static readonly JsonSerializerOptions JsonLiteral = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The functions as a Scriban object, named as templates call them.</summary>
    public ScriptObject ToScriptObject()
    {
        var functions = new ScriptObject();
        functions.Import("camel_case", new Func<object?, string>(v => NameCasing.Camel(Text(v))));
        functions.Import("pascal_case", new Func<object?, string>(v => NameCasing.Pascal(Text(v))));
        functions.Import("kebab_case", new Func<object?, string>(v => NameCasing.Kebab(Text(v))));
        functions.Import("snake_case", new Func<object?, string>(v => NameCasing.Snake(Text(v))));
        functions.Import("ts_type", new Func<object?, string>(v => types.ToTypeScript(TypeText(v))));
        functions.Import("py_type", new Func<object?, string>(v => types.ToPython(TypeText(v))));
        functions.Import("doc_text", new Func<object?, string, string>(DocTextOr));
        functions.Import("comment", new Func<object?, string, object?, int, string>(Comment));
        functions.Import("json", new Func<object?, string>(Json));
        return functions;
    }

    /// <summary>The plain doc text of <paramref name="value"/>, or <paramref name="fallback"/> when it has none.</summary>
    public static string DocTextOr(object? value, string fallback = "")
    {
        var text = DocText(value);
        return text.Length > 0 ? text : fallback;
    }

    /// <summary>Doc text as a comment of <paramref name="style"/> (see <see cref="CommentFormatter"/>).</summary>
    /// <param name="value">A type, member, parameter, doc section or string.</param>
    /// <param name="style">One of <see cref="CommentFormatter.Styles"/>.</param>
    /// <param name="indent">Before every line after the first: a number of spaces or the text itself.</param>
    /// <param name="width">Wrap at this many characters; 0 does not wrap.</param>
    public static string Comment(object? value, string style = "//", object? indent = null, int width = 0)
    {
        if (!CommentFormatter.Styles.Contains(style))
            throw new ArgumentException($"comment: unknown style '{style}' (use one of: {string.Join(" ", CommentFormatter.Styles)})");
        var prefix = indent switch
        {
            null => "",
            int n => new string(' ', Math.Clamp(n, 0, 200)),
            long n => new string(' ', (int)Math.Clamp(n, 0, 200)),
            _ => Text(indent),
        };
        return CommentFormatter.Format(DocText(value), style, prefix, width);
    }

    /// <summary>A JSON literal: strings quoted and escaped, numbers and booleans as they are, other values as their text.</summary>
    public static string Json(object? value)
    {
        object? plain = value is null or string or bool or int or long or double or decimal ? value : Text(value);
        return JsonSerializer.Serialize(plain, JsonLiteral);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string TypeText(object? value) => value switch
    {
        TypeRefView r => r.Display,
        MemberView { Type: { } t } => t.Display,
        ParameterView p => p.Type.Display,
        _ => Text(value),
    };

    /// <summary>Plain text of a doc: a string as is, a type or member's summary, a parameter's text.</summary>
    private static string DocText(object? value) => (value switch
    {
        null => "",
        string s => s,
        TypeView t => t.Summary ?? "",
        MemberView m => m.Summary ?? "",
        ParameterView p => p.Summary ?? "",
        NamedTextView n => n.Text,
        DocsView d => d.Summary ?? "",
        _ => Text(value),
    }).Trim();
}
