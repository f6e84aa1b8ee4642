using System.Text;

namespace DocGen.Core.Emission.UserTemplates;

/// <summary>
/// Wraps documentation text as source comments so that no text can end the comment early or start
/// code: every line terminator a language knows (CR, LF, NEL, U+2028, U+2029) starts a new prefixed
/// line, <c>*/</c> inside a block comment becomes <c>*\/</c>, and <c>"""</c> inside a Python
/// docstring is broken up.
/// </summary>
public static class CommentFormatter
{
    /// <summary>The styles <see cref="Format"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Styles = ["//", "///", "/*", "/**", "#", "\"\"\""];

    /// <summary>
    /// Formats <paramref name="text"/> as a comment. Returns the empty string for empty text, so an
    /// undocumented member produces no comment at all.
    /// </summary>
    /// <param name="text">Plain text; may hold several lines.</param>
    /// <param name="style"><c>//</c> (default), <c>///</c> (C# XML doc: the text is XML-escaped inside <c>&lt;summary&gt;</c>), <c>/*</c>, <c>/**</c> (JSDoc), <c>#</c>, or <c>"""</c> (Python docstring).</param>
    /// <param name="indent">Written before every line after the first (the template places the first).</param>
    /// <param name="width">Wrap lines longer than this many characters at spaces; 0 disables wrapping.</param>
    /// <exception cref="ArgumentException">Unknown <paramref name="style"/>.</exception>
    public static string Format(string? text, string style = "//", string indent = "", int width = 0)
    {
        if (!Styles.Contains(style)) throw new ArgumentException($"unknown comment style '{style}' (use one of: {string.Join(", ", Styles)})", nameof(style));
        var lines = Lines(text, width);
        if (lines.Count == 0) return "";
        var sb = new StringBuilder();
        switch (style)
        {
            case "//" or "#":
                AppendPrefixed(sb, lines, style, indent);
                break;
            case "///":
                var escaped = lines.Select(l => System.Security.SecurityElement.Escape(l) ?? "").ToList();
                if (escaped.Count == 1) sb.Append("/// <summary>").Append(escaped[0]).Append("</summary>");
                else
                {
                    sb.Append("/// <summary>\n");
                    foreach (var line in escaped) sb.Append(indent).Append("/// ").Append(line).Append('\n');
                    sb.Append(indent).Append("/// </summary>");
                }
                break;
            case "/*" or "/**":
                var safe = lines.Select(l => l.Replace("*/", "*\\/", StringComparison.Ordinal)).ToList();
                if (safe.Count == 1) sb.Append(style).Append(' ').Append(safe[0]).Append(" */");
                else
                {
                    sb.Append(style).Append('\n');
                    foreach (var line in safe) sb.Append(indent).Append(line.Length == 0 ? " *" : " * " + line).Append('\n');
                    sb.Append(indent).Append(" */");
                }
                break;
            default: // """
                // A backslash would start an escape and three quotes would close the docstring.
                var doc = lines.Select(l => l.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).ToList();
                if (doc.Count == 1) sb.Append("\"\"\"").Append(doc[0]).Append("\"\"\"");
                else
                {
                    sb.Append("\"\"\"").Append(doc[0]).Append('\n');
                    foreach (var line in doc.Skip(1)) sb.Append(line.Length == 0 ? "" : indent + line).Append('\n');
                    sb.Append(indent).Append("\"\"\"");
                }
                break;
        }
        return sb.ToString();
    }

    private static void AppendPrefixed(StringBuilder sb, List<string> lines, string prefix, string indent)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) sb.Append('\n').Append(indent);
            sb.Append(prefix);
            if (lines[i].Length > 0) sb.Append(' ').Append(lines[i]);
        }
    }

    /// <summary>Splits on every line terminator, drops other control characters, trims, and removes leading and trailing blank lines.</summary>
    private static List<string> Lines(string? text, int width)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        var normalized = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' or '\v' or '\f') normalized.Append('\n');
            else if (c == '\t') normalized.Append(' ');
            else if (!char.IsControl(c)) normalized.Append(c);
        }
        foreach (var raw in normalized.ToString().Split('\n'))
        {
            var line = raw.TrimEnd();
            if (width > 0) result.AddRange(Wrap(line, width));
            else result.Add(line);
        }
        while (result.Count > 0 && result[0].Trim().Length == 0) result.RemoveAt(0);
        while (result.Count > 0 && result[^1].Trim().Length == 0) result.RemoveAt(result.Count - 1);
        return result;
    }

    private static IEnumerable<string> Wrap(string line, int width)
    {
        if (line.Length <= width) { yield return line; yield break; }
        var current = new StringBuilder();
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                yield return current.ToString();
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
        }
        if (current.Length > 0) yield return current.ToString();
    }
}
