using DocGen.Core.Model;

namespace DocGen.Tool.Commands.Fill;

/// <summary>What a doc comment is written for: a type or a member of the documented API.</summary>
/// <param name="Id">Documentation comment id.</param>
/// <param name="Kind">What declares it (decides which syntax node may be its declaration).</param>
/// <param name="Name">The declared name (<c>Add</c>, <c>Inner</c>; for explicit implementations the interface member's name).</param>
/// <param name="Source">Where the extractor found its declaration.</param>
/// <param name="Docs">The docs the pipeline ended with.</param>
/// <param name="Provenance">Where they came from.</param>
internal sealed record FillItem(string Id, DeclarationKind Kind, string Name, SourceLocation Source, DocComment Docs, Provenance Provenance)
{
    /// <summary>True when a person wrote the docs (in this declaration or one it inherits from): never touched.</summary>
    public bool HasHumanDocs => Provenance.Source is DocSource.Source or DocSource.Inherited;
}

/// <summary>Declaration shapes, as the syntax spells them.</summary>
internal enum DeclarationKind { Type, Delegate, Constructor, Destructor, Method, Property, Indexer, Event, Field, Operator, Conversion, EnumValue }

/// <summary>Turns the pipeline's final model into the list of declarations <c>docgen fill</c> looks at.</summary>
internal static class FillPlanner
{
    /// <summary>Every type and member that has a declaration in the sources, in file and line order.</summary>
    public static IReadOnlyList<FillItem> Items(ApiModel model)
    {
        var items = new List<FillItem>();
        foreach (var type in model.AllTypes)
        {
            if (type.Source is { } source)
                items.Add(new FillItem(type.Id, type.Kind == ApiTypeKind.Delegate ? DeclarationKind.Delegate : DeclarationKind.Type, SimpleName(type.Id), source, type.Docs, type.Provenance));
            foreach (var member in type.Members)
                if (member.Source is { } at && Kind(member.Kind) is { } kind)
                    items.Add(new FillItem(member.Id, kind, SimpleName(member.Id), at, member.Docs, member.Provenance));
        }
        return [.. items.OrderBy(i => i.Source.Path, StringComparer.Ordinal).ThenBy(i => i.Source.Line)];
    }

    /// <summary>Whether fill writes this item's docs: generated ones, and fallback ones when asked.</summary>
    public static bool ShouldWrite(FillItem item, bool includeFallback) => item.Provenance.Source switch
    {
        DocSource.Generated => !item.Docs.IsEmpty,
        DocSource.Fallback => includeFallback && !item.Docs.IsEmpty,
        _ => false,
    };

    private static DeclarationKind? Kind(ApiMemberKind kind) => kind switch
    {
        ApiMemberKind.Constructor => DeclarationKind.Constructor,
        ApiMemberKind.Destructor => DeclarationKind.Destructor,
        ApiMemberKind.Method => DeclarationKind.Method,
        ApiMemberKind.Property => DeclarationKind.Property,
        ApiMemberKind.Indexer => DeclarationKind.Indexer,
        ApiMemberKind.Event => DeclarationKind.Event,
        ApiMemberKind.Field or ApiMemberKind.Constant => DeclarationKind.Field,
        ApiMemberKind.Operator => DeclarationKind.Operator,
        ApiMemberKind.ConversionOperator => DeclarationKind.Conversion,
        ApiMemberKind.EnumValue => DeclarationKind.EnumValue,
        _ => null,
    };

    /// <summary>The declared name in a documentation comment id: <c>M:Ns.T.Add``1(System.Int32)</c> → <c>Add</c>,
    /// <c>M:Ns.T.Ns#IFoo#Bar</c> → <c>Bar</c>, <c>T:Ns.Outer`1.Inner</c> → <c>Inner</c>.</summary>
    public static string SimpleName(string id)
    {
        var s = id.Length > 2 && id[1] == ':' ? id[2..] : id;
        var paren = s.IndexOf('(');
        if (paren >= 0) s = s[..paren];
        var tilde = s.IndexOf('~'); // conversion operators: op_Implicit(…)~Ns.T
        if (tilde >= 0) s = s[..tilde];
        s = s[(s.LastIndexOf('.') + 1)..];
        s = s[(s.LastIndexOf('#') + 1)..];
        var tick = s.IndexOf('`');
        return tick >= 0 ? s[..tick] : s;
    }
}
