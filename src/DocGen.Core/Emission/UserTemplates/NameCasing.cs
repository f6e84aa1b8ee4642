using System.Text;

namespace DocGen.Core.Emission.UserTemplates;

/// <summary>
/// Case conversions for identifiers. Words split at separators (anything not a letter or digit), at a
/// lower-to-upper change and before the last capital of an acronym (<c>HTTPServer</c> → <c>HTTP</c>,
/// <c>Server</c>); digits stay with the word before them (<c>Utf8Json</c> → <c>Utf8</c>, <c>Json</c>).
/// </summary>
public static class NameCasing
{
    /// <summary><c>FirstName</c> → <c>firstName</c>, <c>HTTPServer</c> → <c>httpServer</c>, <c>ID</c> → <c>id</c>.</summary>
    public static string Camel(string? text)
    {
        var words = Words(text);
        var sb = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
            sb.Append(i == 0 ? words[i].ToLowerInvariant() : Capitalize(words[i]));
        return sb.ToString();
    }

    /// <summary><c>first_name</c> → <c>FirstName</c>, <c>httpServer</c> → <c>HttpServer</c>.</summary>
    public static string Pascal(string? text) => string.Concat(Words(text).Select(Capitalize));

    /// <summary><c>FirstName</c> → <c>first-name</c>.</summary>
    public static string Kebab(string? text) => string.Join('-', Words(text).Select(w => w.ToLowerInvariant()));

    /// <summary><c>FirstName</c> → <c>first_name</c>, <c>HTTPServerURL</c> → <c>http_server_url</c>.</summary>
    public static string Snake(string? text) => string.Join('_', Words(text).Select(w => w.ToLowerInvariant()));

    /// <summary>Splits an identifier or phrase into words.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }
            if (current.Length > 0 && char.IsUpper(c))
            {
                var prev = text[i - 1];
                var nextIsLower = i + 1 < text.Length && char.IsLower(text[i + 1]);
                if (char.IsLower(prev) || char.IsDigit(prev) || (char.IsUpper(prev) && nextIsLower)) Flush();
            }
            current.Append(c);
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
    }

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();
}
