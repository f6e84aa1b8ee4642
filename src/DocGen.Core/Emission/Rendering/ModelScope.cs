using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// The top-level scope of a render: the view model's properties (read through Scriban's accessor, so
/// the member filter and snake_case names apply) plus the variables the template assigns. Reading the
/// model in place instead of importing it into a <see cref="ScriptObject"/> copies nothing per page.
/// </summary>
internal sealed class ModelScope : ScriptObject
{
    private object? _model;
    private IObjectAccessor? _accessor;

    /// <summary>Starts a render over <paramref name="model"/>, forgetting the previous render's variables.</summary>
    public void Bind(object? model, IObjectAccessor? accessor)
    {
        Clear();
        _model = model;
        _accessor = accessor;
    }

    /// <inheritdoc/>
    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (base.TryGetValue(context, span, member, out value)) return true;
        if (_model is not null && _accessor is not null && _accessor.TryGetValue(context!, span, _model, member, out value)) return true;
        value = null;
        return false;
    }

    /// <inheritdoc/>
    public override bool Contains(string member) => base.Contains(member) || (_model is not null && _accessor is not null && _accessor.HasMember(null!, default, _model, member));

    /// <summary>The model's own properties are read-only: <c>{{ name = "x" }}</c> is an error, not a silent shadow.</summary>
    public override bool CanWrite(string member) =>
        !(_model is not null && _accessor is not null && _accessor.HasMember(null!, default, _model, member)) && base.CanWrite(member);
}
