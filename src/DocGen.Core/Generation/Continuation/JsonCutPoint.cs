using System.Text;
using System.Text.Json;

namespace DocGen.Core.Generation.Continuation;

/// <summary>
/// Where a (possibly truncated) JSON text can be cut safely, and which objects and arrays are open
/// there. Found with a <see cref="Utf8JsonReader"/> over the bytes with <c>isFinalBlock: false</c>,
/// which stops before ambiguous endings such as <c>12</c>, <c>tr</c> or <c>"caf\u00</c>.
/// </summary>
/// <param name="Complete">The text holds one whole JSON value (trailing whitespace allowed).</param>
/// <param name="Invalid">The text is not a JSON prefix at all (garbage, prose, a second value).</param>
/// <param name="SafeLength">Length in characters of the longest prefix made of whole tokens.</param>
/// <param name="OpenPath">Open containers from the root, e.g. <c>$ (object)</c>, <c>members (array)</c>, <c>[2] (object)</c>.</param>
/// <param name="OpenIsArray">For each entry of <paramref name="OpenPath"/>: true for an array, false for an object.</param>
/// <param name="LastShallowLength">Length of the longest prefix that ends at a depth no deeper than the repair depth (a whole element was just closed).</param>
public sealed record JsonCutPoint(bool Complete, bool Invalid, int SafeLength, IReadOnlyList<string> OpenPath, IReadOnlyList<bool> OpenIsArray, int LastShallowLength)
{
    /// <summary>Analyses <paramref name="text"/>. <paramref name="repairDepth"/> is the depth of the array whose whole elements a repair keeps (2 for <c>{"members":[…]}</c>).</summary>
    public static JsonCutPoint Analyze(string text, int repairDepth = 2)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, state: default);
        var path = new List<string>();
        var isArray = new List<bool>();
        var arrayIndex = new List<int>();
        string? pendingProperty = null;
        long safe = 0, shallow = 0;
        var rootClosed = false;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add(Label(reader.TokenType == JsonTokenType.StartArray));
                        isArray.Add(reader.TokenType == JsonTokenType.StartArray);
                        arrayIndex.Add(-1);
                        pendingProperty = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        isArray.RemoveAt(isArray.Count - 1);
                        arrayIndex.RemoveAt(arrayIndex.Count - 1);
                        if (path.Count == 0) rootClosed = true;
                        break;
                    default:
                        pendingProperty = null;
                        if (path.Count > 0 && isArray[^1]) arrayIndex[^1]++;
                        break;
                }
                safe = reader.BytesConsumed;
                if (reader.TokenType != JsonTokenType.PropertyName && path.Count <= repairDepth && path.Count > 0) shallow = safe;
                if (rootClosed) break;
            }
        }
        catch (JsonException)
        {
            return new JsonCutPoint(false, true, CharLength(bytes, safe), path, isArray, CharLength(bytes, shallow));
        }

        if (rootClosed)
        {
            var rest = Encoding.UTF8.GetString(bytes, (int)safe, bytes.Length - (int)safe);
            var complete = string.IsNullOrWhiteSpace(rest);
            return new JsonCutPoint(complete, !complete, CharLength(bytes, safe), [], [], CharLength(bytes, safe));
        }
        return new JsonCutPoint(false, false, CharLength(bytes, safe), path, isArray, CharLength(bytes, shallow));

        string Label(bool array)
        {
            string name;
            if (path.Count == 0) name = "$";
            else if (isArray[^1]) { arrayIndex[^1]++; name = $"[{arrayIndex[^1]}]"; }
            else name = pendingProperty ?? "?";
            return $"{name} ({(array ? "array" : "object")})";
        }
    }

    private static int CharLength(byte[] bytes, long byteCount) => Encoding.UTF8.GetCharCount(bytes, 0, (int)byteCount);

    /// <summary>
    /// A best-effort complete JSON text from a truncated one: cut back to the last whole element at the
    /// repair depth and close every open container. The result is only ever used after it validates.
    /// </summary>
    public static string? Repair(string text, int repairDepth = 2)
    {
        var cut = Analyze(text, repairDepth);
        if (cut.Complete) return text;
        if (cut.Invalid || cut.LastShallowLength == 0) return null;
        var prefix = text[..cut.LastShallowLength].TrimEnd().TrimEnd(',');
        var state = Analyze(prefix, repairDepth);
        if (state.Invalid) return null;
        var sb = new StringBuilder(prefix);
        // A dangling property name ("a": with no value yet) cannot be closed into valid JSON.
        if (sb.ToString().TrimEnd().EndsWith(':')) return null;
        for (var i = state.OpenIsArray.Count - 1; i >= 0; i--) sb.Append(state.OpenIsArray[i] ? ']' : '}');
        return sb.ToString();
    }

    /// <summary>The structure context for a continuation prompt: the open path and the text just before the cut.</summary>
    public string Describe(string text)
    {
        var sb = new StringBuilder();
        sb.AppendLine(OpenPath.Count == 0 ? "(no open structure)" : string.Join(" > ", OpenPath));
        var before = text[..SafeLength];
        var tail = before.Length > 60 ? before[^60..] : before;
        sb.Append("Cut point (after the last complete token): …").Append(tail.ReplaceLineEndings(" ")).Append(" ⟂");
        if (SafeLength < text.Length) sb.AppendLine().Append("Incomplete text after the cut point: ").Append(text[SafeLength..].Trim());
        return sb.ToString();
    }
}
