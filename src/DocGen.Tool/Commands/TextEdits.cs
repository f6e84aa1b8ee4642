using System.Text;

namespace DocGen.Tool.Commands;

/// <summary>Lines to insert before the 0-based line <paramref name="Line"/> of a file (its line count to append).</summary>
internal sealed record LineInsertion(int Line, IReadOnlyList<string> Lines);

/// <summary>
/// A change to one text file made only of inserted lines, which is all <c>fill</c> and <c>init</c> ever do to a file
/// a person wrote: the new text keeps every existing byte, and the unified diff follows from the insertions alone.
/// </summary>
/// <param name="Path">The file (full path).</param>
/// <param name="OldText">Its current text, or null when the file is new.</param>
/// <param name="Insertions">What goes where; for a new file one insertion at line 0.</param>
/// <param name="LineEnding">The line ending of the inserted lines (the file's own).</param>
internal sealed record FileEdit(string Path, string? OldText, IReadOnlyList<LineInsertion> Insertions, string LineEnding)
{
    /// <summary>The text after the edit.</summary>
    public string NewText()
    {
        var old = OldText ?? "";
        var starts = LineStarts(old);
        var sb = new StringBuilder(old.Length + 256);
        var position = 0;
        foreach (var insertion in Insertions.OrderBy(i => i.Line))
        {
            var at = insertion.Line < starts.Count ? starts[insertion.Line] : old.Length;
            sb.Append(old, position, at - position);
            // Appending after a last line that has no line break: give it one first.
            if (at == old.Length && old.Length > 0 && old[^1] != '\n') sb.Append(LineEnding);
            foreach (var line in insertion.Lines) sb.Append(line).Append(LineEnding);
            position = at;
        }
        return sb.Append(old, position, old.Length - position).ToString();
    }

    /// <summary>A unified diff (<c>git apply</c>/<c>patch -p1</c> form) with paths shown as <paramref name="displayPath"/>.</summary>
    public string UnifiedDiff(string displayPath, int context = 3)
    {
        // Lines keep their carriage returns (and added lines get the file's): a patch for a CRLF file must say CRLF,
        // or git apply and patch find no context to apply it to.
        var oldLines = SplitLines(OldText ?? "", keepCarriageReturns: true);
        var cr = LineEnding == "\r\n" ? "\r" : "";
        var sb = new StringBuilder();
        sb.Append(OldText is null ? "--- /dev/null\n" : $"--- a/{displayPath}\n").Append($"+++ b/{displayPath}\n");
        var missingFinalBreak = OldText is { Length: > 0 } t && t[^1] != '\n';
        var ordered = Insertions.OrderBy(i => i.Line).ToList();
        var added = 0;
        for (var i = 0; i < ordered.Count;)
        {
            // A hunk: insertions whose context ranges touch.
            var first = Math.Max(0, ordered[i].Line - context);
            var j = i;
            while (j + 1 < ordered.Count && ordered[j + 1].Line - context <= ordered[j].Line + context) j++;
            var last = Math.Min(oldLines.Count, ordered[j].Line + context);
            var hunk = new StringBuilder();
            var inserted = 0;
            var next = i;
            for (var line = first; line <= last; line++)
            {
                while (next <= j && ordered[next].Line == line)
                {
                    foreach (var text in ordered[next].Lines) hunk.Append('+').Append(text).Append(cr).Append('\n');
                    inserted += ordered[next].Lines.Count;
                    next++;
                }
                if (line == last) break;
                hunk.Append(' ').Append(oldLines[line]).Append('\n');
                if (line == oldLines.Count - 1 && missingFinalBreak) hunk.Append("\\ No newline at end of file\n");
            }
            var oldCount = last - first;
            sb.Append($"@@ -{Range(first, oldCount)} +{Range(first + added, oldCount + inserted)} @@\n").Append(hunk);
            added += inserted;
            i = j + 1;
        }
        return sb.ToString();

        static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";
    }

    /// <summary>The lines of <paramref name="text"/> without their line breaks (a final break ends the last line).</summary>
    public static List<string> SplitLines(string text, bool keepCarriageReturns = false)
    {
        var lines = text.Split('\n').Select(l => keepCarriageReturns ? l : l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>The line ending a file uses (its first one), or <c>\n</c>.</summary>
    public static string DetectLineEnding(string text)
    {
        var lf = text.IndexOf('\n');
        return lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n' && i + 1 < text.Length) starts.Add(i + 1);
        if (text.Length == 0) starts.Clear();
        return starts;
    }
}
