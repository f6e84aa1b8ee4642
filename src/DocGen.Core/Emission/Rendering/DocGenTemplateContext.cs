using System.Collections;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// The Scriban context every DocGen template renders in (pages, their overrides, user templates). It sets
/// the rules in one place: one escaping path for every <c>{{ value }}</c>, <c>raw</c> for markup DocGen
/// rendered itself, only view-model properties visible, unknown names are errors, and the limits of
/// <see cref="TemplateLimits"/>. A context is used by one render at a time.
/// </summary>
internal class DocGenTemplateContext : TemplateContext
{
    private readonly OutputEscaper _escaper;

    /// <summary>How this context writes values.</summary>
    public OutputEscaper Escaper => _escaper;

    /// <summary>Where partials remember their output for inputs they saw before; null renders every include.</summary>
    public virtual PartialMemo? Memo => null;
    private readonly ScriptObject _functions;
    private readonly ModelScope _scope = new();

    /// <param name="escaper">How values are written.</param>
    public DocGenTemplateContext(OutputEscaper escaper)
    {
        _escaper = escaper;
        MemberFilter = ViewModelMembers.IsExposed;
        // A misspelt name fails the render with its line instead of leaving a hole in the output.
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        LoopLimit = TemplateLimits.LoopIterations;
        RecursiveLimit = TemplateLimits.RecursionDepth;
        LimitToString = TemplateLimits.MaxChars;
        OutputLimit = TemplateLimits.MaxChars;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        // Built-in objects (string, array, html…) are shared by every render of this context: a template must not change them.
        foreach (var value in BuiltinObject.Values) if (value is ScriptObject builtin) builtin.IsReadOnly = true;
        _functions = new ScriptObject();
        // Called for every rendered field of every page: IScriptCustomFunction, not an imported delegate (which Scriban invokes through reflection).
        _functions["raw"] = new MarkupFunctions.Raw();
        _functions["code"] = new MarkupFunctions.Code(escaper);
        _functions["include"] = new MarkupFunctions.Include();
        _functions.IsReadOnly = true;
    }

    /// <summary>Binds <paramref name="model"/> as the root of the next render (its properties are the template's globals).</summary>
    /// <param name="model">The view model, or null for none.</param>
    /// <param name="cancellation">Stops the render (the run's cancellation, a time limit).</param>
    /// <remarks>
    /// A render that succeeds leaves the context as it found it but for these two globals, which <see cref="Release"/>
    /// pops; Scriban's <c>Reset</c> would also drop the output buffer, which then regrows for every page. A context
    /// whose render threw is not reused.
    /// </remarks>
    public void Prepare(object? model, CancellationToken cancellation)
    {
        PushGlobal(_functions);
        _scope.Bind(model, model is null ? null : GetMemberAccessor(model));
        PushGlobal(_scope);
        CancellationToken = cancellation;
    }

    /// <summary>Undoes <see cref="Prepare"/> after a render that succeeded.</summary>
    public void Release()
    {
        PopGlobal();
        PopGlobal();
        _scope.Bind(null, null);
    }

    /// <summary>Adds functions (user template helpers) below the model.</summary>
    protected void AddFunctions(ScriptObject functions)
    {
        foreach (var (name, value) in functions) if (!_functions.ContainsKey(name)) _functions.SetValue(name, value, true);
    }

    /// <inheritdoc/>
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null) return this;
        var raw = textAsObject as RawText;
        var text = raw?.Text ?? textAsObject as string ?? ObjectToString(textAsObject) ?? "";
        // A value after indentation is indented on every line (Scriban's auto-indent, done by the base writer);
        // everywhere else the escaper writes straight into the output, without an intermediate string.
        if (!string.IsNullOrEmpty(CurrentIndent)) return base.Write(span, raw is null ? _escaper.Escape(text) : text);
        if (raw is null) _escaper.Write(Output, text);
        else Output.Write(text, 0, text.Length);
        return this;
    }

    /// <inheritdoc/>
    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) => new(Write(span, textAsObject));

    /// <summary>
    /// Empty text and empty lists are false, as in the Handlebars templates DocGen had (Scriban alone treats
    /// them as true): <c>{{ if docs.remarks }}</c> means "has remarks". Everything else follows Scriban.
    /// </summary>
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        string text => text.Length > 0,
        IList list => list.Count > 0,
        RawText raw => raw.Text.Length > 0,
        _ => base.ToBool(span, value),
    };
}
