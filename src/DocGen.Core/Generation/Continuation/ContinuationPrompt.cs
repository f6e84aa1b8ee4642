using System.Text;

namespace DocGen.Core.Generation.Continuation;

/// <summary>The one continuation prompt shape shared by every use case (see DESIGN.md, "Continuation loop").</summary>
public static class ContinuationPrompt
{
    /// <summary>Characters of the previous answer the model must repeat.</summary>
    public const int OverlapLength = 100;

    public const string Marker = "--- CONTINUATION REQUEST ---";

    /// <param name="basePrompt">The first prompt, passed as built (never rebuilt).</param>
    /// <param name="template">The same template object the first prompt embedded (never re-extracted from it).</param>
    /// <param name="accumulated">The answer so far.</param>
    /// <param name="cut">The answer's cut point.</param>
    public static string Build(string basePrompt, string template, string accumulated, JsonCutPoint cut)
    {
        var sb = new StringBuilder(basePrompt.Length + 2048);
        sb.Append(basePrompt.TrimEnd()).Append("\n\n");
        sb.Append(Marker).Append('\n');
        sb.Append("Your previous response was cut off before the JSON was complete.\n\n");
        sb.Append("JSON Structure Template:\n").Append(template).Append("\n\n");
        sb.Append("Context showing structure hierarchy with cut point:\n").Append(cut.Describe(accumulated)).Append("\n\n");
        sb.Append("Overlap Requirement:\n")
          .Append($"Begin your response by repeating exactly the last ~{OverlapLength} characters of your previous response, then continue from there.\n\n");
        sb.Append($"Last ~{OverlapLength} characters from previous response (repeat these at the start):\n")
          .Append(Tail(accumulated)).Append("\n\n");
        sb.Append("TASK:\n")
          .Append("1. Repeat the characters above exactly, character for character.\n")
          .Append("2. Continue the JSON from the cut point without skipping anything.\n")
          .Append("3. Follow the JSON Structure Template for every remaining field.\n")
          .Append("4. Close every open string, array and object so the whole JSON is valid.\n\n");
        sb.Append("CRITICAL:\n")
          .Append("1. Output raw JSON text only: no explanations and no code fences.\n")
          .Append("2. Do not restart the JSON from the beginning.\n")
          .Append("3. Do not change or repeat anything before the overlap.\n");
        return sb.ToString();
    }

    /// <summary>The last ~100 characters, never splitting a surrogate pair.</summary>
    public static string Tail(string text)
    {
        if (text.Length <= OverlapLength) return text;
        var start = text.Length - OverlapLength;
        if (char.IsLowSurrogate(text[start])) start--;
        return text[start..];
    }
}
