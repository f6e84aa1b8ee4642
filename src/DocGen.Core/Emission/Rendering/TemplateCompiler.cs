using Scriban;
using Scriban.Syntax;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// Parses DocGen's templates. A statement that is a call of <c>raw</c>, <c>code</c> or <c>include</c>
/// (<c>{{ raw docs.summary }}</c>, <c>{{ docs.summary | raw }}</c>, <c>{{ include 'badge' badge }}</c>) becomes a node
/// that does the same thing without Scriban's general function call: a page has dozens of them, and the call
/// machinery (resolving the name through every scope, an argument array, conversions) cost more than the rest
/// of the page. Calls inside larger expressions stay ordinary calls of the same functions.
/// </summary>
internal static class TemplateCompiler
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static Template Parse(string text, string file)
    {
        var template = Template.Parse(text, file);
        if (!template.HasErrors && template.Page is { } page) Rewrite(page);
        return template;
    }

    private static void Rewrite(ScriptNode node)
    {
        if (node is ScriptExpressionStatement { Expression: { } expression } statement && Fast(expression) is { } fast)
            statement.Expression = fast;
        foreach (var child in node.Children)
            if (child is not null) Rewrite(child);
    }

    private static ScriptExpression? Fast(ScriptExpression expression) => expression switch
    {
        ScriptFunctionCall { Target: ScriptVariableGlobal { Name: var name }, Arguments: { Count: 1 } arguments } call when name is "raw" or "code"
            => new MarkupExpression(name == "code", arguments[0], call),
        ScriptPipeCall { From: { } from, To: ScriptFunctionCall { Target: ScriptVariableGlobal { Name: var name }, Arguments.Count: 0 } } pipe when name is "raw" or "code"
            => new MarkupExpression(name == "code", from, pipe),
        ScriptFunctionCall { Target: ScriptVariableGlobal { Name: "include" }, Arguments: { Count: > 0 } arguments } call
            => new IncludeExpression([.. arguments], call),
        _ => null,
    };

    /// <summary><c>raw value</c> or <c>code value</c> as a statement.</summary>
    internal sealed class MarkupExpression : ScriptExpression
    {
        private readonly bool _code;
        private readonly ScriptExpression _original;

        public MarkupExpression(bool code, ScriptExpression value, ScriptExpression original)
        {
            (_code, Value, _original) = (code, value, original);
            Span = original.Span;
        }

        /// <summary>The expression whose value is written.</summary>
        public ScriptExpression Value { get; }

        public override object? Evaluate(TemplateContext context)
        {
            var value = context.Evaluate(Value);
            if (!_code) return value as RawText ?? new RawText(MarkupFunctions.OneArgument.Text(context, value));
            var escaper = (context as DocGenTemplateContext)?.Escaper ?? OutputEscaper.None;
            return new RawText(escaper.Code(MarkupFunctions.OneArgument.Text(context, value)));
        }

        public override void PrintTo(ScriptPrinter printer) => _original.PrintTo(printer);
    }

    /// <summary><c>include 'name' args…</c> as a statement.</summary>
    private sealed class IncludeExpression : ScriptExpression
    {
        private readonly ScriptExpression[] _arguments;
        private readonly ScriptExpression _original;

        public IncludeExpression(ScriptExpression[] arguments, ScriptExpression original)
        {
            (_arguments, _original) = (arguments, original);
            Span = original.Span;
        }

        public override object? Evaluate(TemplateContext context)
        {
            var values = new Scriban.Runtime.ScriptArray(_arguments.Length);
            foreach (var argument in _arguments) values.Add(context.Evaluate(argument));
            MarkupFunctions.Include.Render(context, this, values);
            return null;
        }

        public override void PrintTo(ScriptPrinter printer) => _original.PrintTo(printer);
    }
}
