using System.Net;
using System.Text;

namespace DocGen.Core.Emission.Rendering.Highlighting;

/// <summary>
/// A small tokenizer for shell snippets (sh, bash, console, cmd), which ColorCode does not know: comments, quoted
/// strings, variables and options. Enough for the <c>dotnet add package …</c> lines that docs carry.
/// </summary>
internal static class ShellHighlighter
{
    public static bool Handles(string language) => language is "sh" or "bash" or "shell" or "console" or "zsh" or "cmd" or "bat" or "terminal";

    public static string Highlight(string code)
    {
        var sb = new StringBuilder(code.Length * 2);
        var i = 0;
        var wordStart = true;
        while (i < code.Length)
        {
            var ch = code[i];
            var start = i;
            string? cls = null;
            if (ch == '#' && wordStart)
            {
                while (i < code.Length && code[i] != '\n') i++;
                cls = "c";
            }
            else if (ch is '"' or '\'')
            {
                i++;
                while (i < code.Length && code[i] != ch) i += code[i] == '\\' && ch == '"' && i + 1 < code.Length ? 2 : 1;
                i = Math.Min(code.Length, i + 1);
                cls = "s";
            }
            else if (ch == '$' && i + 1 < code.Length && (char.IsLetter(code[i + 1]) || code[i + 1] is '_' or '{'))
            {
                i++;
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] is '_' or '{' or '}')) i++;
                cls = "a";
            }
            else if (ch == '-' && wordStart && i + 1 < code.Length && (char.IsLetter(code[i + 1]) || code[i + 1] == '-'))
            {
                while (i < code.Length && !char.IsWhiteSpace(code[i]) && code[i] != '=') i++;
                cls = "k";
            }
            else
            {
                i++;
            }
            var text = code[start..i];
            if (cls is null) sb.Append(WebUtility.HtmlEncode(text));
            else sb.Append("<span class=\"").Append(cls).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</span>");
            wordStart = char.IsWhiteSpace(code[i - 1]) || code[i - 1] is ';' or '|' or '&' or '(';
        }
        return sb.ToString();
    }
}
