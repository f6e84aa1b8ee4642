using System.Text.Json.Nodes;

namespace DocGen.Core.Generation.Continuation;

/// <summary>How a continuation fragment was joined to the text before it.</summary>
public enum MergeStrategy { None, Exact, LineBased, PartialLine, StructureAware, DeepMerge }

/// <summary>
/// Joins a continuation fragment to the accumulated answer. The model is asked to repeat the last
/// ~100 characters; it does so exactly, line by line, from the middle of a line, with different
/// whitespace, or not at all. The strategies are tried in that order; the first that yields a valid
/// JSON prefix longer than before wins.
/// </summary>
public static class FragmentMerger
{
    private const int MinOverlap = 8;

    /// <summary>Joins <paramref name="fragment"/> to <paramref name="accumulated"/>; returns null and <see cref="MergeStrategy.None"/> when no strategy fits.</summary>
    /// <remarks>A fragment that only repeats text already there joins to the unchanged text (its strategy
    /// says how it overlapped), so the caller can tell "no progress" from "does not join".</remarks>
    public static (string? Text, MergeStrategy Strategy) Merge(string accumulated, string fragment, int repairDepth = 2)
    {
        fragment = StripFencesKeepingSpace(fragment);
        var before = JsonCutPoint.Analyze(accumulated, repairDepth);
        var repeated = MergeStrategy.None;
        foreach (var (strategy, candidate) in Candidates(accumulated, fragment))
        {
            if (candidate is null) continue;
            var cut = JsonCutPoint.Analyze(candidate, repairDepth);
            if (!cut.Invalid && (cut.Complete || cut.SafeLength > before.SafeLength)) return (candidate, strategy);
            if (repeated == MergeStrategy.None && !cut.Invalid && cut.SafeLength == before.SafeLength && candidate.TrimEnd() == accumulated.TrimEnd()) repeated = strategy;
        }
        return repeated == MergeStrategy.None ? (null, MergeStrategy.None) : (accumulated, repeated);
    }

    /// <summary>
    /// A fragment's own leading and trailing whitespace is content (<c>"alpha"</c> + <c>" beta"</c> must
    /// stay two words), so unlike <see cref="StripFences"/> this trims only when it removes a fence.
    /// </summary>
    internal static string StripFencesKeepingSpace(string fragment) =>
        fragment.TrimStart().StartsWith("```", StringComparison.Ordinal) ? StripFences(fragment) : fragment;

    private static IEnumerable<(MergeStrategy, string?)> Candidates(string acc, string frag)
    {
        yield return (MergeStrategy.Exact, Exact(acc, frag));
        yield return (MergeStrategy.LineBased, LineBased(acc, frag));
        yield return (MergeStrategy.PartialLine, PartialLine(acc, frag));
        yield return (MergeStrategy.StructureAware, StructureAware(acc, frag));
    }

    /// <summary>The fragment starts with a suffix of the accumulated text: drop the longest such repeat.</summary>
    internal static string? Exact(string acc, string frag)
    {
        var max = Math.Min(Math.Min(acc.Length, frag.Length), 400);
        for (var k = max; k >= MinOverlap; k--)
            if (string.CompareOrdinal(acc, acc.Length - k, frag, 0, k) == 0) return acc + frag[k..];
        return null;
    }

    /// <summary>The fragment repeats whole lines: find the last complete line of the accumulated text in it and continue after it.</summary>
    internal static string? LineBased(string acc, string frag)
    {
        var lastNewline = acc.TrimEnd('\r', '\n').LastIndexOf('\n');
        var completeLines = lastNewline < 0 ? "" : acc[..lastNewline];
        var lines = completeLines.Split('\n');
        var last = lines.Length > 0 ? lines[^1].TrimEnd('\r') : "";
        if (last.Trim().Length < MinOverlap) return null;
        var at = frag.LastIndexOf(last, StringComparison.Ordinal);
        if (at < 0) return null;
        return completeLines + "\n" + frag[(at + last.Length)..].TrimStart('\r', '\n');
    }

    /// <summary>
    /// The fragment repeats the end of the accumulated text's last (partial) line somewhere after a
    /// preamble: find the longest such piece anywhere in the fragment and continue after it.
    /// </summary>
    internal static string? PartialLine(string acc, string frag)
    {
        var tail = acc[(acc.LastIndexOf('\n') + 1)..];
        if (tail.Length > 400) tail = tail[^400..];
        for (var start = 0; start <= tail.Length - MinOverlap; start++)
        {
            var at = frag.IndexOf(tail[start..], StringComparison.Ordinal);
            if (at >= 0) return acc + frag[(at + tail.Length - start)..];
        }
        return null;
    }

    /// <summary>
    /// Whitespace-insensitive overlap, then plain concatenation (a model that ignored the overlap request):
    /// accepted only when the JSON reader gets further than before.
    /// </summary>
    internal static string? StructureAware(string acc, string frag)
    {
        var accKey = Squeeze(acc, out _);
        var fragKey = Squeeze(frag, out var fragMap);
        var max = Math.Min(Math.Min(accKey.Length, fragKey.Length), 400);
        for (var k = max; k >= MinOverlap; k--)
        {
            if (string.CompareOrdinal(accKey, accKey.Length - k, fragKey, 0, k) == 0)
                return acc + frag[(fragMap[k - 1] + 1)..];
        }
        return acc + frag;
    }

    private static string Squeeze(string s, out List<int> map)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        map = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i])) continue;
            sb.Append(s[i]);
            map.Add(i);
        }
        return sb.ToString();
    }

    /// <summary>Removes a Markdown code fence and prose around the JSON, which models add despite instructions.</summary>
    public static string StripFences(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("```", StringComparison.Ordinal))
        {
            var firstNewline = t.IndexOf('\n');
            t = firstNewline < 0 ? "" : t[(firstNewline + 1)..];
            var close = t.LastIndexOf("```", StringComparison.Ordinal);
            if (close >= 0) t = t[..close];
        }
        return t;
    }

    /// <summary>
    /// Deep structural merge of parsed fragments (the fallback when a model restarted the JSON): objects
    /// merge property by property, arrays of objects with an <c>id</c> merge by id, other arrays append
    /// the items not already present, and later scalars fill only what is missing.
    /// </summary>
    public static JsonNode? DeepMerge(JsonNode? first, JsonNode? second)
    {
        if (first is null) return second?.DeepClone();
        if (second is null) return first.DeepClone();
        if (first is JsonObject a && second is JsonObject b)
        {
            var result = (JsonObject)a.DeepClone();
            foreach (var (name, value) in b)
                result[name] = result.TryGetPropertyValue(name, out var existing) ? DeepMerge(existing, value) : value?.DeepClone();
            return result;
        }
        if (first is JsonArray x && second is JsonArray y)
        {
            var result = (JsonArray)x.DeepClone();
            foreach (var item in y)
            {
                var id = (item as JsonObject)?["id"]?.ToString();
                var match = id is null ? null : result.OfType<JsonObject>().FirstOrDefault(o => o["id"]?.ToString() == id);
                if (match is not null)
                {
                    var merged = DeepMerge(match, item);
                    result[result.IndexOf(match)] = merged;
                }
                else if (!result.Any(r => JsonNode.DeepEquals(r, item))) result.Add(item?.DeepClone());
            }
            return result;
        }
        return first.DeepClone();
    }
}
