using System.Collections;
using System.Globalization;
using System.Text.Json;
using HandlebarsDotNet;

namespace DocGen.Core.Emission.UserTemplates;

/// <summary>
/// The helpers user templates can call (documented in <c>docs/templates-and-code.md</c>). Each helper
/// checks its arguments and fails with a message that names it, which the renderer turns into a
/// diagnostic with the template's line.
/// </summary>
internal static class TemplateHelpers
{
    /// <summary>Every helper name, for the docs test and error messages.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "camelCase", "pascalCase", "kebabCase", "snakeCase", "upper", "lower",
        "tsType", "pyType", "docText", "comment", "json",
        "eq", "ne", "and", "or", "not", "join",
    ];

    // Outputs are code, not HTML: keep '<', '&' and non-ASCII readable; quotes, backslashes and controls are still escaped.
    private static readonly JsonSerializerOptions JsonLiteral = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Register(IHandlebars handlebars, TypeMapping types)
    {
        handlebars.RegisterHelper("camelCase", (_, a) => NameCasing.Camel(Text(One(a, "camelCase"))));
        handlebars.RegisterHelper("pascalCase", (_, a) => NameCasing.Pascal(Text(One(a, "pascalCase"))));
        handlebars.RegisterHelper("kebabCase", (_, a) => NameCasing.Kebab(Text(One(a, "kebabCase"))));
        handlebars.RegisterHelper("snakeCase", (_, a) => NameCasing.Snake(Text(One(a, "snakeCase"))));
        handlebars.RegisterHelper("upper", (_, a) => Text(One(a, "upper")).ToUpperInvariant());
        handlebars.RegisterHelper("lower", (_, a) => Text(One(a, "lower")).ToLowerInvariant());

        handlebars.RegisterHelper("tsType", (_, a) => types.ToTypeScript(TypeText(One(a, "tsType"))));
        handlebars.RegisterHelper("pyType", (_, a) => types.ToPython(TypeText(One(a, "pyType"))));

        handlebars.RegisterHelper("docText", (_, a) =>
        {
            var args = Positional(a, "docText", 1, 2);
            var text = DocText(args[0]);
            return text.Length > 0 || args.Count < 2 ? text : Text(args[1]);
        });
        handlebars.RegisterHelper("comment", (_, a) =>
        {
            var args = Positional(a, "comment", 1, 2);
            var style = args.Count > 1 ? Text(args[1]) : Hash(a, "style") ?? "//";
            var indent = Hash(a, "indent") is { } i ? (int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? new string(' ', Math.Min(n, 200)) : i) : "";
            var width = Hash(a, "width") is { } w && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var wn) ? wn : 0;
            if (!CommentFormatter.Styles.Contains(style))
                throw new HandlebarsException($"helper 'comment': unknown style '{style}' (use one of: {string.Join(" ", CommentFormatter.Styles)})");
            return CommentFormatter.Format(DocText(args[0]), style, indent, width);
        });
        handlebars.RegisterHelper("json", (_, a) =>
        {
            var value = One(a, "json");
            object? plain = value is null or string or bool or int or long or double or decimal ? value : Text(value);
            return JsonSerializer.Serialize(plain, JsonLiteral);
        });

        handlebars.RegisterHelper("eq", (_, a) => { var p = Positional(a, "eq", 2, 2); return Same(p[0], p[1]); });
        handlebars.RegisterHelper("ne", (_, a) => { var p = Positional(a, "ne", 2, 2); return !Same(p[0], p[1]); });
        handlebars.RegisterHelper("and", (_, a) => Positional(a, "and", 1, 16).All(Truthy));
        handlebars.RegisterHelper("or", (_, a) => Positional(a, "or", 1, 16).Any(Truthy));
        handlebars.RegisterHelper("not", (_, a) => !Truthy(One(a, "not")));
        handlebars.RegisterHelper("join", (_, a) =>
        {
            var args = Positional(a, "join", 1, 3);
            if (args[0] is null) return "";
            if (args[0] is string || args[0] is not IEnumerable items)
                throw new HandlebarsException("helper 'join': the first argument must be a list");
            var separator = args.Count > 1 ? Text(args[1]) : ", ";
            var property = args.Count > 2 ? Text(args[2]) : null;
            return string.Join(separator, items.Cast<object?>().Select(i => property is null ? Text(i) : Text(Property(i, property))));
        });
    }

    /// <summary>The positional arguments: Handlebars.Net appends the hash as a trailing argument when there is one.</summary>
    private static List<object?> Positional(Arguments a, string helper, int min, int max)
    {
        var list = new List<object?>();
        for (var i = 0; i < a.Length; i++) list.Add(a[i]);
        if (a.Hash.Count > 0 && list.Count > 0 && ReferenceEquals(list[^1], a.Hash)) list.RemoveAt(list.Count - 1);
        else if (a.Hash.Count > 0 && list.Count > 0 && list[^1] is IDictionary<string, object>) list.RemoveAt(list.Count - 1);
        if (list.Count < min || list.Count > max)
        {
            var expected = min == max ? $"{min}" : $"{min} to {max}";
            throw new HandlebarsException($"helper '{helper}' expects {expected} argument(s), got {list.Count}");
        }
        return list;
    }

    private static object? One(Arguments a, string helper) => Positional(a, helper, 1, 1)[0];

    private static string? Hash(Arguments a, string key) => a.Hash.TryGetValue(key, out var value) && value is not null ? Text(value) : null;

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

    private static object? Property(object? item, string name)
    {
        if (item is null) return null;
        if (item is IDictionary<string, object?> dict) return dict.TryGetValue(name, out var v) ? v : null;
        var prop = item.GetType().GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new HandlebarsException($"helper 'join': the items have no property '{name}'");
        return prop.GetValue(item);
    }

    private static bool Same(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is string || b is string) return string.Equals(Text(a), Text(b), StringComparison.Ordinal);
        return a.Equals(b);
    }

    /// <summary>Handlebars' truthiness: null, false, 0, "" and empty lists are false.</summary>
    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0,
        IEnumerable e => e.Cast<object?>().Any(),
        _ => true,
    };
}
