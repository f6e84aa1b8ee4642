using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// The three functions that write something other than an escaped value: <c>raw</c> (markup DocGen rendered),
/// <c>code</c> (text as inline code of the format) and <c>include</c> (a partial, which escaped its own values).
/// </summary>
internal static class MarkupFunctions
{
    /// <summary>A function of one value.</summary>
    internal abstract class OneArgument : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
        public Type ReturnType => typeof(RawText);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (arguments.Count != 1) throw new ScriptRuntimeException(callerContext?.Span ?? context.CurrentSpan, $"{Name} takes one value, got {arguments.Count}");
            return Apply(context, arguments[0]);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));

        protected abstract string Name { get; }

        protected abstract RawText Apply(TemplateContext context, object? value);

        public static string Text(TemplateContext context, object? value) => value switch
        {
            null => "",
            string text => text,
            RawText raw => raw.Text,
            _ => context.ObjectToString(value) ?? "",
        };
    }

    /// <summary><c>raw value</c>: the value as it is, unescaped.</summary>
    internal sealed class Raw : OneArgument
    {
        protected override string Name => "raw";

        protected override RawText Apply(TemplateContext context, object? value) => value as RawText ?? new RawText(Text(context, value));
    }

    /// <summary><c>code value</c>: plain text as inline code of the format.</summary>
    internal sealed class Code(OutputEscaper escaper) : OneArgument
    {
        protected override string Name => "code";

        protected override RawText Apply(TemplateContext context, object? value) => new(escaper.Code(Text(context, value)));
    }

    /// <summary>
    /// <c>include 'name' args…</c>: renders a partial into the current output, with <c>$0</c> its name and <c>$1</c>… the
    /// arguments, as Scriban's own include does, but without rendering it into a string of its own first (a header or
    /// sidebar is several kilobytes on every page). The context's template loader says which file backs the name.
    /// </summary>
    internal sealed class Include : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), index == 0 ? "name" : "argument");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            Render(context, callerContext, arguments);
            return null;
        }

        /// <summary>Renders the partial named by <c>arguments[0]</c> into the output, <paramref name="arguments"/> being its <c>$</c>.</summary>
        public static void Render(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            if (arguments.Count == 0 || arguments[0] is not string { Length: > 0 } name)
                throw new ScriptRuntimeException(span, "include needs the name of a partial: include 'badge' item.badge");
            if (context.TemplateLoader is not { } loader)
                throw new ScriptRuntimeException(span, "include is for the partials of the site's templates; a template of your own is one file");
            var template = context.GetOrCreateTemplate(loader.GetPath(context, span, name) ?? name, callerContext);
            if (context is DocGenTemplateContext { Memo: { } memo })
                memo.Render(context, template, arguments, () => RenderInto(context, callerContext, template, arguments, name));
            else
                RenderInto(context, callerContext, template, arguments, name);
        }

        private static void RenderInto(TemplateContext context, ScriptNode? callerContext, Template template, ScriptArray arguments, string name)
        {
            context.EnterRecursive(callerContext);
            context.PushLocal();
            context.PushSourceFile(template.SourceFilePath ?? name); // errors inside point at the partial's own file
            try
            {
                // The arguments are an array of this call's own, used by nothing else once the call returns.
                context.SetValue(ScriptVariable.Arguments, arguments, true);
                context.Evaluate(template.Page!); // its text and values go straight into the output
            }
            finally
            {
                context.PopSourceFile();
                context.PopLocal();
                context.ExitRecursive(callerContext);
            }
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }
}
