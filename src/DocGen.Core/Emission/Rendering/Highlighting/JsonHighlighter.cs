using System.Net;
using System.Text;

namespace DocGen.Core.Emission.Rendering.Highlighting;

/// <summary>
/// JSON in one linear pass: keys, strings, numbers and literals. Our own because ColorCode's JSON grammar backtracks
/// without end on some unterminated strings (a doc comment must never hang a build).
/// </summary>
internal static class JsonHighlighter
{
    public static string Highlight(string code)
    {
        var sb = new StringBuilder(code.Length * 2);
        var i = 0;
        while (i < code.Length)
        {
            var start = i;
            var ch = code[i];
            string? cls = null;
            if (ch == '"')
            {
                i++;
                while (i < code.Length && code[i] != '"' && code[i] != '\n') i += code[i] == '\\' && i + 1 < code.Length ? 2 : 1;
                if (i < code.Length && code[i] == '"') i++;
                var next = i;
                while (next < code.Length && char.IsWhiteSpace(code[next])) next++;
                cls = next < code.Length && code[next] == ':' ? "a" : "s";
            }
            else if (ch == '-' || char.IsAsciiDigit(ch))
            {
                i++;
                while (i < code.Length && (char.IsAsciiLetterOrDigit(code[i]) || code[i] is '.' or '+' or '-')) i++;
                cls = "n";
            }
            else if (char.IsAsciiLetter(ch))
            {
                while (i < code.Length && char.IsAsciiLetter(code[i])) i++;
                cls = code[start..i] is "true" or "false" or "null" ? "k" : null;
            }
            else if (ch == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                while (i < code.Length && code[i] != '\n') i++;
                cls = "c"; // JSON with comments (jsonc, appsettings.json)
            }
            else
            {
                i++;
            }
            var text = code[start..i];
            if (cls is null) sb.Append(WebUtility.HtmlEncode(text));
            else sb.Append("<span class=\"").Append(cls).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</span>");
        }
        return sb.ToString();
    }
}
