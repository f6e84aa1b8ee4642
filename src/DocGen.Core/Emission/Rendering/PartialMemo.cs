using System.Collections;
using System.Collections.Concurrent;
using Scriban;
using Scriban.Syntax;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// Renders a partial once per distinct input when its output can depend on nothing else. Most partial calls of
/// a site repeat: every page of a folder has the same header and namespace list, and a badge has five values.
/// Scriban interprets a template node by node, several times slower than Handlebars' compiled templates were,
/// so rendering those again on each of tens of thousands of pages was most of the cost the switch added.
/// </summary>
/// <remarks>
/// A partial qualifies when its syntax is plain output (text, values, <c>if</c>, <c>for</c>, <c>raw</c>, <c>code</c>,
/// assignments to its own <c>$</c> variables) and reads nothing but its arguments and globals of the view model:
/// no function call, no include, no assignment that the caller could see. Its output is then a function of the
/// arguments and of the values of the globals it reads, which are immutable view-model data compared by value
/// (lists element by element). A partial whose inputs rarely repeat (the doc sections of a member) stops being
/// memoized after a few hundred calls, so the keys cost nothing there.
/// </remarks>
internal sealed class PartialMemo
{
    private const int Trial = 256;
    private const int MaxEntryChars = 64 * 1024;
    private const long MaxTotalChars = 32L * 1024 * 1024;

    private readonly ConcurrentDictionary<Template, Analysis> _analyses = new();
    private readonly ConcurrentDictionary<Key, string> _outputs = new();
    private long _totalChars;

    /// <summary>Writes the output of <paramref name="template"/> for <paramref name="arguments"/>, from memory when it was rendered before.</summary>
    /// <param name="context">The render in progress.</param>
    /// <param name="template">The partial.</param>
    /// <param name="arguments">The include's arguments, its name first.</param>
    /// <param name="render">Renders the partial into the context's current output.</param>
    public void Render(TemplateContext context, Template template, IList arguments, Action render)
    {
        var analysis = _analyses.GetOrAdd(template, t => Analysis.Of(t));
        if (!analysis.Worthwhile || !string.IsNullOrEmpty(context.CurrentIndent) || analysis.Values(context, arguments) is not { } values)
        {
            render();
            return;
        }
        var key = new Key(template, values);
        var calls = Interlocked.Increment(ref analysis.Calls);
        if (_outputs.TryGetValue(key, out var known))
        {
            Interlocked.Increment(ref analysis.Hits);
            context.Write(known);
            return;
        }
        if (calls >= Trial && Volatile.Read(ref analysis.Hits) * 4 < calls) analysis.Worthwhile = false;
        context.PushOutput();
        string text;
        try
        {
            render();
        }
        finally
        {
            text = context.PopOutput().ToString() ?? "";
        }
        context.Write(text);
        if (text.Length <= MaxEntryChars && Interlocked.Add(ref _totalChars, text.Length) <= MaxTotalChars) _outputs.TryAdd(key, text);
    }

    /// <summary>What a partial's output depends on, found once from its syntax.</summary>
    private sealed class Analysis
    {
        private readonly ScriptVariableGlobal[] _globals;
        private readonly bool _allArguments;
        private readonly int[] _wholeArguments;
        private readonly (int Argument, string Member)[] _members;

        public int Calls;
        public int Hits;
        public volatile bool Worthwhile;

        private Analysis(bool pure, Walk walk)
        {
            Worthwhile = pure;
            _globals = [.. walk.Reads.Order(StringComparer.Ordinal).Select(n => (ScriptVariableGlobal)ScriptVariable.Create(n, ScriptVariableScope.Global))];
            _allArguments = walk.AllArguments;
            _wholeArguments = [.. walk.WholeArguments.Order()];
            _members = [.. walk.Members.Where(m => !walk.WholeArguments.Contains(m.Argument)).Order()];
        }

        public static Analysis Of(Template template)
        {
            var walk = new Walk();
            var pure = template.Page is { } page && walk.Visit(page, loops: 0);
            return new Analysis(pure, walk);
        }

        /// <summary>
        /// The inputs of one call: the arguments it uses (only the members it reads of those it reads members of: the
        /// doc sections partial reads six of a member's docs, not its summary), then the globals it reads; null when
        /// one cannot be read.
        /// </summary>
        public object?[]? Values(TemplateContext context, IList arguments)
        {
            var values = new List<object?>(_globals.Length + _members.Length + 2);
            try
            {
                if (_allArguments)
                    for (var i = 1; i < arguments.Count; i++) values.Add(arguments[i]);
                else
                {
                    foreach (var index in _wholeArguments) values.Add(index < arguments.Count ? arguments[index] : null);
                    foreach (var (index, member) in _members)
                    {
                        var target = index < arguments.Count ? arguments[index] : null;
                        if (target is null) { values.Add(null); continue; }
                        if (!context.GetMemberAccessor(target).TryGetValue(context, context.CurrentSpan, target, member, out var value)) return null;
                        values.Add(value);
                    }
                }
                foreach (var global in _globals) values.Add(context.GetValue(global));
            }
            catch (ScriptRuntimeException)
            {
                return null; // a name the page does not have: rendering reports it
            }
            return [.. values];
        }
    }

    /// <summary>Checks a partial's syntax tree against what a memoizable partial may contain, collecting what it reads.</summary>
    private sealed class Walk
    {
        private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _aliases = new(StringComparer.Ordinal);
        private readonly HashSet<string> _assigned = new(StringComparer.Ordinal);

        /// <summary>Globals read that the partial does not declare itself.</summary>
        public HashSet<string> Reads { get; } = new(StringComparer.Ordinal);

        /// <summary>The partial reads <c>$</c> itself: every argument counts.</summary>
        public bool AllArguments { get; private set; }

        /// <summary>Arguments used as a whole (<c>{{ $1 }}</c>, <c>for x in $1</c>).</summary>
        public HashSet<int> WholeArguments { get; } = [];

        /// <summary>Members read of an argument (<c>$1.label</c>, or <c>$docs.remarks</c> after <c>$docs = $1</c>).</summary>
        public HashSet<(int Argument, string Member)> Members { get; } = [];

        public bool Visit(ScriptNode? node, int loops)
        {
            switch (node)
            {
                case null:
                    return true;
                case ScriptVariableGlobal global:
                    // for.last and the like are the partial's own loop only inside one of its loops.
                    if (global.Name is "for" or "while" or "tablerow") return loops > 0;
                    if (!_declared.Contains(global.Name)) Reads.Add(global.Name);
                    return true;
                case ScriptVariableLocal or ScriptIndexerExpression { Target: ScriptVariableLocal } when Argument(node) is { } whole:
                    if (whole < 0) AllArguments = true;
                    else WholeArguments.Add(whole);
                    return node is ScriptVariableLocal || Visit(((ScriptIndexerExpression)node).Index, loops);
                case ScriptVariableLocal:
                    return true; // one of its own $ variables
                case ScriptMemberExpression { Target: { } target, Member: ScriptVariable member } when Argument(target) is > 0 and var read:
                    Members.Add((read, member.Name));
                    return true;
                case ScriptMemberExpression member:
                    return Visit(member.Target, loops); // the member's name is not a variable
                case TemplateCompiler.MarkupExpression markup:
                    return Visit(markup.Value, loops);
                case ScriptForStatement loop:
                    if (loop.Variable is ScriptVariableGlobal variable) _declared.Add(variable.Name);
                    else if (loop.Variable is not ScriptVariableLocal) return false;
                    return Visit(loop.Iterator, loops) && loop.NamedArguments is null or { Count: 0 } && Visit(loop.Body, loops + 1) && Visit(loop.Else, loops);
                case ScriptAssignExpression { Target: ScriptVariableLocal alias, Value: { } source } when Argument(source) is > 0 and var aliased:
                    if (!_assigned.Add(Name(alias))) return false; // assigned twice: which argument it holds depends on the path taken
                    _aliases[Name(alias)] = aliased; // $docs = $1: $docs.remarks reads $1.remarks
                    return true;
                case ScriptAssignExpression assign:
                    if (assign.Target is not ScriptVariableLocal assigned) return false; // the caller would see it
                    if (!_assigned.Add(Name(assigned))) return false;
                    return Visit(assign.Value, loops);
                case ScriptPage or ScriptBlockStatement or ScriptRawStatement or ScriptEscapeStatement or ScriptExpressionStatement
                    or ScriptIfStatement or ScriptElseStatement or ScriptEndStatement or ScriptIndexerExpression or ScriptLiteral
                    or ScriptBinaryExpression or ScriptUnaryExpression or ScriptConditionalExpression or ScriptNestedExpression
                    or ScriptIsEmptyExpression or ScriptToken or ScriptKeyword or ScriptNopStatement or ScriptBreakStatement
                    or ScriptContinueStatement or ScriptList:
                    break;
                default:
                    if (!IsScriptList(node)) return false; // a call, an include, func, capture, with, import…: not plain output
                    break;
            }
            foreach (var child in node.Children)
                if (!Visit(child, loops)) return false;
            return true;
        }

        /// <summary>
        /// Which argument an expression stands for: its number for <c>$1</c> (Scriban's <c>$[1]</c>) or a local assigned
        /// from it, -1 for <c>$</c> itself or <c>$[i]</c> with a computed index, null when it is no argument.
        /// </summary>
        private int? Argument(ScriptNode? node) => node switch
        {
            ScriptIndexerExpression { Target: ScriptVariableLocal { Name: "$" }, Index: ScriptLiteral { Value: int index } } => index,
            ScriptIndexerExpression { Target: ScriptVariableLocal { Name: "$" } } => -1,
            ScriptVariableLocal local when Name(local).Length == 0 => -1,
            ScriptVariableLocal local when Name(local).All(char.IsAsciiDigit) => int.TryParse(Name(local), out var index) ? index : -1,
            ScriptVariableLocal local => _aliases.TryGetValue(Name(local), out var aliased) ? aliased : null,
            _ => null,
        };

        private static string Name(ScriptVariableLocal local) => local.Name.TrimStart('$');

        private static bool IsScriptList(ScriptNode node) => node.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ScriptList<>);
    }

    /// <summary>A partial and the values of its inputs, compared by value.</summary>
    private readonly struct Key(Template template, object?[] values) : IEquatable<Key>
    {
        private readonly int _hash = Hash(template, values);

        public bool Equals(Key other)
        {
            if (!ReferenceEquals(template, other.Template) || _hash != other._hash || values.Length != other.Values.Length) return false;
            for (var i = 0; i < values.Length; i++)
                if (!Same(values[i], other.Values[i])) return false;
            return true;
        }

        private Template Template => template;
        private object?[] Values => values;

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => _hash;

        private static int Hash(Template template, object?[] values)
        {
            var hash = new HashCode();
            hash.Add(template);
            foreach (var value in values) hash.Add(HashOf(value));
            return hash.ToHashCode();
        }

        private static int HashOf(object? value)
        {
            if (value is null or string) return value?.GetHashCode() ?? 0;
            if (value is not IList list) return value.GetHashCode();
            var hash = new HashCode();
            hash.Add(list.Count);
            foreach (var item in list) hash.Add(HashOf(item));
            return hash.ToHashCode();
        }

        private static bool Same(object? a, object? b)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a is null || b is null) return false;
            if (a is string || b is string) return a.Equals(b);
            if (a is IList x && b is IList y)
            {
                if (x.Count != y.Count) return false;
                for (var i = 0; i < x.Count; i++)
                    if (!Same(x[i], y[i])) return false;
                return true;
            }
            return a.Equals(b);
        }
    }
}
