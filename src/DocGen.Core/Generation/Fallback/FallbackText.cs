using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Model;

namespace DocGen.Core.Generation.Fallback;

/// <summary>
/// Deterministic documentation from names and signatures, for members no model documented. Pure
/// functions of their input: byte-identical on every run. Pages mark it <c>Fallback</c>, and a later
/// run with a model replaces it.
/// </summary>
public static partial class FallbackText
{
    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        ["Get"] = "Gets", ["Set"] = "Sets", ["Create"] = "Creates", ["Add"] = "Adds", ["Remove"] = "Removes",
        ["Build"] = "Builds", ["Parse"] = "Parses", ["Read"] = "Reads", ["Write"] = "Writes", ["Load"] = "Loads",
        ["Save"] = "Saves", ["Find"] = "Finds", ["Compute"] = "Computes", ["Calculate"] = "Calculates", ["Convert"] = "Converts",
        ["Update"] = "Updates", ["Delete"] = "Deletes", ["Run"] = "Runs", ["Start"] = "Starts", ["Stop"] = "Stops",
        ["Open"] = "Opens", ["Close"] = "Closes", ["Reset"] = "Resets", ["Clear"] = "Clears", ["Validate"] = "Validates",
        ["Format"] = "Formats", ["Render"] = "Renders", ["Send"] = "Sends", ["Resolve"] = "Resolves", ["Register"] = "Registers",
        ["Initialize"] = "Initializes", ["Apply"] = "Applies", ["Execute"] = "Executes", ["Handle"] = "Handles", ["Process"] = "Processes",
        ["Merge"] = "Merges", ["Copy"] = "Copies", ["Emit"] = "Emits", ["Generate"] = "Generates", ["Dispose"] = "Releases the resources of",
    };

    // Regular verbs that method names start with; "Performs the … operation" is only for words that are none of these.
    private static readonly HashSet<string> RegularVerbs = new(StringComparer.Ordinal)
    {
        "Accept", "Acquire", "Activate", "Adapt", "Advance", "Aggregate", "Allocate", "Allow", "Append", "Assert", "Assign", "Attach",
        "Await", "Begin", "Bind", "Block", "Buffer", "Cache", "Call", "Cancel", "Capture", "Change", "Check", "Collect", "Combine",
        "Commit", "Compare", "Compile", "Complete", "Compose", "Compress", "Configure", "Connect", "Consume", "Count", "Decode",
        "Decompress", "Decrypt", "Deserialize", "Detach", "Disable", "Disconnect", "Dispatch", "Download", "Drain", "Draw", "Enable",
        "Encode", "Encrypt", "End", "Enqueue", "Dequeue", "Ensure", "Enter", "Enumerate", "Evaluate", "Exit", "Expand", "Export",
        "Extract", "Fetch", "Fill", "Filter", "Flush", "Fold", "Follow", "Group", "Hash", "Hide", "Import", "Include", "Insert",
        "Inspect", "Intercept", "Invoke", "Locate", "Navigate", "Tokenize", "Query", "Advise", "Join", "Keep", "Listen", "Lock", "Log", "Look", "Map", "Mark", "Match", "Measure",
        "Move", "Normalize", "Notify", "Observe", "Order", "Pack", "Pause", "Peek", "Pick", "Pop", "Post", "Prepare", "Prepend",
        "Print", "Produce", "Project", "Publish", "Pull", "Push", "Raise", "Receive", "Record", "Reduce", "Refresh", "Reject",
        "Release", "Reload", "Rename", "Repeat", "Replace", "Report", "Request", "Restore", "Resume", "Retry", "Return", "Reverse",
        "Rotate", "Scale", "Scan", "Schedule", "Seek", "Select", "Serialize", "Show", "Shuffle", "Sign", "Skip", "Sort", "Split",
        "Subscribe", "Suspend", "Swap", "Take", "Throw", "Track", "Trace", "Transform", "Translate", "Trim", "Unlock", "Unpack",
        "Unsubscribe", "Unwrap", "Upload", "Use", "Verify", "Visit", "Wait", "Walk", "Warn", "Watch", "Wrap", "Yield", "Zip",
    };

    /// <summary><c>Push</c> → <c>Pushes</c>, <c>Copy</c> → <c>Copies</c>, <c>Emit</c> → <c>Emits</c>.</summary>
    private static string ThirdPerson(string verb) =>
        verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith("ch", StringComparison.Ordinal) ? verb + "es"
        : verb.Length > 1 && verb[^1] == 'y' && !"aeiou".Contains(verb[^2]) ? verb[..^1] + "ies"
        : verb + "s";

    /// <summary>
    /// The member's own name: an explicit implementation's <c>IEventEmitter.Emit</c> is <c>Emit</c>, so its text reads
    /// "Emits …", never "Performs the i event emitter.emit operation".
    /// </summary>
    internal static string Unqualified(string name)
    {
        var depth = 0;
        for (var i = name.Length - 1; i >= 0; i--)
        {
            switch (name[i])
            {
                case '>' or ']' or ')': depth++; break;
                case '<' or '[' or '(': depth--; break;
                case '.' when depth == 0: return name[(i + 1)..];
            }
        }
        return name;
    }

    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_+", RegexOptions.CultureInvariant)]
    private static partial Regex WordBoundary();

    /// <summary>Words of an identifier: <c>GetUserName</c> → <c>Get</c>, <c>User</c>, <c>Name</c>.</summary>
    public static string[] Words(string name) =>
        WordBoundary().Split(Regex.Replace(name, @"[`<].*$", "")).Where(w => w.Length > 0).ToArray();

    private static string Phrase(IEnumerable<string> words) =>
        string.Join(' ', words.Select(w => w.Length > 1 && w.All(char.IsUpper) ? w : w.ToLowerInvariant()));

    /// <summary>A <c>member_docs</c> entry for one member.</summary>
    public static JsonObject ForMember(MemberPromptItem m)
    {
        var o = new JsonObject { ["id"] = m.Id, ["summary"] = Summary(m) };
        if (!m.Parameters.IsEmpty)
        {
            var p = new JsonObject();
            foreach (var name in m.Parameters) p[name] = $"The {Phrase(Words(name))}.";
            o["params"] = p;
        }
        if (!m.TypeParameters.IsEmpty)
        {
            var tp = new JsonObject();
            foreach (var name in m.TypeParameters) tp[name] = TypeParameter(name);
            o["typeparams"] = tp;
        }
        if (m.ReturnType is not null && m.Kind is ApiMemberKind.Method or ApiMemberKind.Operator or ApiMemberKind.ConversionOperator)
            o["returns"] = $"The `{m.ReturnType}` result.";
        return o;
    }

    private static string TypeParameter(string name)
    {
        var words = Words(name.Length > 1 && name[0] == 'T' && char.IsUpper(name[1]) ? name[1..] : name);
        return name == "T" || words.Length == 0 ? "The type of the elements or values involved." : $"The type of the {Phrase(words)}.";
    }

    private static string Summary(MemberPromptItem m)
    {
        var name = Unqualified(m.Name);
        switch (m.Kind)
        {
            case ApiMemberKind.Constructor:
                return $"Initializes a new instance of `{m.TypeName}`.";
            case ApiMemberKind.Destructor:
                return $"Releases resources of `{m.TypeName}` before it is reclaimed.";
            case ApiMemberKind.Constant:
            case ApiMemberKind.EnumValue:
                return m.ConstantValue is null ? $"The {Phrase(Words(name))} value." : $"The {Phrase(Words(name))} value (`{m.ConstantValue}`).";
            case ApiMemberKind.Field:
                return $"The {Phrase(Words(name))}.";
            case ApiMemberKind.Event:
                return $"Occurs on {Phrase(Words(name))}.";
            case ApiMemberKind.Operator:
            case ApiMemberKind.ConversionOperator:
                return $"Implements `{name}` for `{m.TypeName}`.";
            case ApiMemberKind.Property:
            case ApiMemberKind.Indexer:
            {
                var access = m.HasSetter ? "Gets or sets" : "Gets";
                if (m.Kind == ApiMemberKind.Indexer) return $"{access} the element at the given index or key.";
                var words = Words(name);
                if (m.ReturnType is not ("bool" or "bool?")) return $"{access} the {Phrase(words)}.";
                return words.Length > 1 && words[0] is "Is" or "Has" or "Can" or "Should"
                    ? $"{access} a value indicating whether this instance {Phrase(words)}."
                    : $"{access} a value indicating whether {Phrase(words)}.";
            }
            default:
                return MethodSummary(name, m.Parameters.IsDefaultOrEmpty ? null : m.Parameters[0]);
        }
    }

    // The first parameter names the object of a bare verb: Contains(Point point) → "contains the specified point".
    private static string MethodSummary(string name, string? firstParameter)
    {
        var specified = firstParameter is null ? null : "the specified " + Phrase(Words(firstParameter));
        var words = Words(name).ToList();
        var async = words.Count > 1 && words[^1] == "Async";
        if (async) words.RemoveAt(words.Count - 1);
        var suffix = async ? " asynchronously." : ".";
        if (words.Count == 0) return "Performs an operation" + suffix;
        var first = words[0];
        var rest = Phrase(words.Skip(1));
        string text;
        if (first is "Contains" or "Equals")
            text = $"Determines whether this instance {first.ToLowerInvariant()} {(rest.Length > 0 ? "the " + rest : specified ?? "a value")}";
        else if (first is "Is" or "Has" or "Can" or "Should")
            text = $"Determines whether this instance {Phrase(words)}";
        else if (first == "To")
            text = rest.Length == 0 ? "Converts this instance" : $"Converts this instance to {rest}";
        else if (first == "Try" && words.Count > 1)
            text = $"Tries to {Phrase(words.Skip(1))}";
        else if (first == "On" && words.Count > 1)
            text = $"Called on {rest}";
        else if (Verbs.TryGetValue(first, out var verb) || RegularVerbs.Contains(first) && (verb = ThirdPerson(first)) is not null)
            text = rest.Length == 0
                ? (specified is null || first == "Dispose" ? verb + " this instance" : $"{verb} {specified}")
                : first == "Dispose" ? $"{verb} {rest}" : $"{verb} the {rest}";
        else
            text = $"Performs the {Phrase(words)} operation";
        return text + suffix;
    }

    /// <summary>A <c>type_overview</c> answer for one type.</summary>
    public static JsonNode ForType(TypeOverviewArgs t)
    {
        var words = Words(t.Kind == ApiTypeKind.Interface && t.Name.Length > 1 && t.Name[0] == 'I' && char.IsUpper(t.Name[1]) ? t.Name[1..] : t.Name);
        var phrase = Phrase(words);
        var summary = t.Kind switch
        {
            ApiTypeKind.Interface => $"Defines the {phrase} contract.",
            ApiTypeKind.Enum => $"Specifies the {phrase} values.",
            ApiTypeKind.Delegate => $"Represents a method that handles {phrase}.",
            _ => $"Represents {Article(phrase)} {phrase}.",
        };
        var o = new JsonObject { ["id"] = t.TypeId, ["summary"] = summary };
        if (!t.TypeParameters.IsEmpty)
        {
            var tp = new JsonObject();
            foreach (var name in t.TypeParameters) tp[name] = TypeParameter(name);
            o["typeparams"] = tp;
        }
        return o;
    }

    private static string Article(string phrase) => phrase.Length > 0 && "aeiou".Contains(char.ToLowerInvariant(phrase[0])) ? "an" : "a";
}
