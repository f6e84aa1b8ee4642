using System.Text;
using System.Text.RegularExpressions;

namespace DocGen.Core.Emission.UserTemplates;

/// <summary>
/// Maps C# type display text (<c>IReadOnlyList&lt;Address&gt;?</c>) to TypeScript or Python type text for
/// templates. Names of types in the model map to themselves; anything unknown maps to
/// <c>unknown</c> (TypeScript) or <c>Any</c> (Python), never to a guess.
/// </summary>
public sealed partial class TypeMapping
{
    private static readonly HashSet<string> Strings = new(StringComparer.Ordinal)
    {
        "string", "String", "char", "Char", "Guid", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "Uri", "Version",
    };

    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal)
    {
        "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "nint", "nuint",
        "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Single", "Double", "Decimal", "IntPtr", "UIntPtr", "Half",
    };

    private static readonly HashSet<string> Integers = new(StringComparer.Ordinal)
    {
        "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "nint", "nuint",
        "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "IntPtr", "UIntPtr", "BigInteger",
    };

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "bool", "Boolean" };

    private static readonly HashSet<string> Sequences = new(StringComparer.Ordinal)
    {
        "List", "IList", "ICollection", "IEnumerable", "IReadOnlyList", "IReadOnlyCollection", "Collection", "ReadOnlyCollection",
        "ImmutableArray", "ImmutableList", "IImmutableList", "HashSet", "ISet", "IReadOnlySet", "SortedSet", "ImmutableHashSet",
        "Queue", "Stack", "LinkedList", "IAsyncEnumerable", "FrozenSet",
    };

    private static readonly HashSet<string> Dictionaries = new(StringComparer.Ordinal)
    {
        "Dictionary", "IDictionary", "IReadOnlyDictionary", "SortedDictionary", "ImmutableDictionary", "IImmutableDictionary",
        "ConcurrentDictionary", "FrozenDictionary", "SortedList",
    };

    private readonly Dictionary<string, string> _modelTypes;

    /// <param name="modelTypes">Types of the model; each is known by its name, qualified name and full name.</param>
    public TypeMapping(IEnumerable<TypeView> modelTypes)
    {
        _modelTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in modelTypes)
        {
            // Nested types are emitted by their own name: TypeScript and Python have no nested declarations.
            _modelTypes.TryAdd(StripArity(t.FullName), t.Name);
            _modelTypes.TryAdd(StripArity(t.QualifiedName), t.Name);
            _modelTypes.TryAdd(t.Name, t.Name);
        }
    }

    /// <summary>TypeScript type for C# <paramref name="csharp"/> text, e.g. <c>Dictionary&lt;string, int?&gt;</c> → <c>Record&lt;string, number | null&gt;</c>.</summary>
    public string ToTypeScript(string csharp) => Parse(csharp) is { } node ? Ts(node) : "unknown";

    /// <summary>Python type hint for C# <paramref name="csharp"/> text, e.g. <c>List&lt;int&gt;?</c> → <c>list[int] | None</c>.</summary>
    public string ToPython(string csharp) => Parse(csharp) is { } node ? Py(node) : "Any";

    private string Ts(TypeNode node) => node switch
    {
        NullableNode n => Union(Ts(n.Inner), "null"),
        ArrayNode { Element: NamedNode { Simple: "byte" or "Byte" } } => "string", // System.Text.Json writes byte[] as base64
        ArrayNode a => Wrap(Ts(a.Element)) + "[]",
        TupleNode t => "[" + string.Join(", ", t.Elements.Select(Ts)) + "]",
        NamedNode n => TsNamed(n),
        _ => "unknown",
    };

    private string TsNamed(NamedNode n)
    {
        var simple = n.Simple;
        var args = n.Args;
        if (simple == "Nullable" && args.Count == 1) return Union(Ts(args[0]), "null");
        if (args.Count == 0)
        {
            if (Strings.Contains(simple)) return "string";
            if (Numbers.Contains(simple)) return "number";
            if (Booleans.Contains(simple)) return "boolean";
            if (simple == "BigInteger") return "string";
            if (simple is "void" or "Void") return "void";
            if (simple is "Task" or "ValueTask") return "Promise<void>";
        }
        if (Sequences.Contains(simple) && args.Count == 1) return Wrap(Ts(args[0])) + "[]";
        if (Dictionaries.Contains(simple) && args.Count == 2)
        {
            var key = Ts(args[0]) == "number" ? "number" : "string";
            return $"Record<{key}, {Ts(args[1])}>";
        }
        if (simple is "Task" or "ValueTask" && args.Count == 1) return $"Promise<{Ts(args[0])}>";
        if (ModelName(n) is { } name)
            return args.Count == 0 ? name : name + "<" + string.Join(", ", args.Select(Ts)) + ">";
        if (IsTypeParameter(n)) return simple;
        return "unknown";
    }

    private string Py(TypeNode node) => node switch
    {
        NullableNode n => Union(Py(n.Inner), "None"),
        ArrayNode { Element: NamedNode { Simple: "byte" or "Byte" } } => "bytes",
        ArrayNode a => $"list[{Py(a.Element)}]",
        TupleNode t => "tuple[" + string.Join(", ", t.Elements.Select(Py)) + "]",
        NamedNode n => PyNamed(n),
        _ => "Any",
    };

    private string PyNamed(NamedNode n)
    {
        var simple = n.Simple;
        var args = n.Args;
        if (simple == "Nullable" && args.Count == 1) return Union(Py(args[0]), "None");
        if (args.Count == 0)
        {
            if (Integers.Contains(simple)) return "int";
            if (Numbers.Contains(simple)) return "float";
            if (Booleans.Contains(simple)) return "bool";
            if (Strings.Contains(simple)) return "str";
            if (simple is "void" or "Void") return "None";
        }
        if (Sequences.Contains(simple) && args.Count == 1) return $"list[{Py(args[0])}]";
        if (Dictionaries.Contains(simple) && args.Count == 2) return $"dict[{Py(args[0])}, {Py(args[1])}]";
        if (ModelName(n) is { } name)
            return args.Count == 0 ? name : name + "[" + string.Join(", ", args.Select(Py)) + "]";
        if (IsTypeParameter(n)) return simple;
        return "Any";
    }

    private string? ModelName(NamedNode n) =>
        _modelTypes.TryGetValue(n.Qualified, out var name) ? name
        : n.Qualified != n.Simple ? null // a qualified name that is not the model's is someone else's type
        : _modelTypes.GetValueOrDefault(n.Simple);

    // The model's TypeRef has no id for type parameters; by convention they are T or T-prefixed PascalCase.
    private static bool IsTypeParameter(NamedNode n) => n.Args.Count == 0 && n.Qualified == n.Simple && TypeParameterName().IsMatch(n.Simple);

    private static string Union(string inner, string empty) =>
        inner.EndsWith(" | " + empty, StringComparison.Ordinal) || inner == empty ? inner : inner + " | " + empty;

    private static string Wrap(string ts) => ts.Contains(" | ", StringComparison.Ordinal) ? "(" + ts + ")" : ts;

    private static string StripArity(string name)
    {
        // Page<T> → Page, Outer<T>.Inner → Outer.Inner: display names carry type parameters, lookups do not.
        var sb = new StringBuilder();
        var depth = 0;
        foreach (var c in name)
        {
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (depth == 0) sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^T([A-Z0-9]\w*)?$")]
    private static partial Regex TypeParameterName();

    // ---- a small parser for C# type text -------------------------------------------------------

    private abstract record TypeNode;
    private sealed record NamedNode(string Qualified, string Simple, IReadOnlyList<TypeNode> Args) : TypeNode;
    private sealed record NullableNode(TypeNode Inner) : TypeNode;
    private sealed record ArrayNode(TypeNode Element) : TypeNode;
    private sealed record TupleNode(IReadOnlyList<TypeNode> Elements) : TypeNode;

    private static TypeNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000) return null;
        var parser = new Parser(text);
        var node = parser.Type(0);
        return node is not null && parser.AtEnd ? node : null;
    }

    private sealed class Parser(string text)
    {
        private const int MaxDepth = 32;
        private int _pos;

        public bool AtEnd { get { Skip(); return _pos >= text.Length; } }

        public TypeNode? Type(int depth)
        {
            if (depth > MaxDepth) return null;
            Skip();
            TypeNode? node = Peek('(') ? Tuple(depth) : Named(depth);
            while (node is not null)
            {
                Skip();
                if (Eat('?')) node = new NullableNode(node);
                else if (Eat('*')) return null; // pointers have no counterpart
                else if (Peek('['))
                {
                    _pos++;
                    while (Eat(',')) { }
                    if (!Eat(']')) return null;
                    node = new ArrayNode(node);
                }
                else break;
            }
            return node;
        }

        private TypeNode? Tuple(int depth)
        {
            _pos++;
            var elements = new List<TypeNode>();
            do
            {
                var element = Type(depth + 1);
                if (element is null) return null;
                Skip();
                Identifier(); // optional element name
                elements.Add(element);
            }
            while (Eat(','));
            return Eat(')') ? new TupleNode(elements) : null;
        }

        private TypeNode? Named(int depth)
        {
            var parts = new List<string>();
            IReadOnlyList<TypeNode> args = [];
            while (true)
            {
                Skip();
                var id = Identifier();
                if (id is null) return null;
                parts.Add(id);
                args = [];
                Skip();
                if (Peek('<'))
                {
                    _pos++;
                    var list = new List<TypeNode>();
                    do
                    {
                        var arg = Type(depth + 1);
                        if (arg is null) return null;
                        list.Add(arg);
                    }
                    while (Eat(','));
                    if (!Eat('>')) return null;
                    args = list;
                }
                Skip();
                if (Eat('.')) continue;
                if (_pos + 1 < text.Length && text[_pos] == ':' && text[_pos + 1] == ':') { _pos += 2; parts.Clear(); continue; }
                break;
            }
            // System.Collections.Generic.List and List are the same to a template.
            var qualified = string.Join('.', parts);
            foreach (var prefix in new[] { "System.Collections.Generic.", "System.Collections.Immutable.", "System.Collections.ObjectModel.", "System.Collections.Concurrent.", "System.Collections.Frozen.", "System.Threading.Tasks.", "System.Numerics.", "System." })
                if (qualified.StartsWith(prefix, StringComparison.Ordinal) && qualified.IndexOf('.', prefix.Length) < 0) { qualified = qualified[prefix.Length..]; break; }
            return new NamedNode(qualified, parts[^1], args);
        }

        private string? Identifier()
        {
            var start = _pos;
            if (_pos < text.Length && text[_pos] == '@') _pos++;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            if (_pos == start || char.IsDigit(text[start])) { _pos = start; return null; }
            return text[start.._pos].TrimStart('@');
        }

        private void Skip() { while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++; }

        private bool Peek(char c) { Skip(); return _pos < text.Length && text[_pos] == c; }

        private bool Eat(char c)
        {
            if (!Peek(c)) return false;
            _pos++;
            return true;
        }
    }
}
