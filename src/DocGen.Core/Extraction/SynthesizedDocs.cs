using DocGen.Core.Model;
using Microsoft.CodeAnalysis;

namespace DocGen.Core.Extraction;

/// <summary>
/// Docs for the members the compiler writes into a record, from the record's contract: its positional properties
/// and <c>Deconstruct</c> take the record's <c>&lt;param&gt;</c> text (as IDEs show it), <c>==</c> and <c>!=</c> say
/// what value equality means. Nobody can write a doc comment on these members, so they are documented by
/// construction (provenance <see cref="Provenance.Inherited"/>) and never count as missing. <c>Equals</c>,
/// <c>GetHashCode</c> and <c>ToString</c> inherit from what they override or implement, like any member.
/// </summary>
internal static class SynthesizedDocs
{
    /// <summary>The contract's docs for an undocumented member of a record, or null when it is not a synthesized record member.</summary>
    public static DocComment? For(ISymbol member, INamedTypeSymbol type, DocComment typeDocs)
    {
        if (!type.IsRecord && !SymbolFilter.LooksLikeRecordStruct(type)) return null;
        var name = type.Name;
        switch (member)
        {
            case IPropertySymbol property when Param(typeDocs, property.Name) is { } text:
                return new DocComment { Summary = text };
            case IMethodSymbol { Name: "Deconstruct" } deconstruct when SymbolFilter.IsCompilerGenerated(deconstruct):
                return new DocComment
                {
                    Summary = DocBlock.FromText($"Deconstructs the {name} into its positional values."),
                    Params = [.. deconstruct.Parameters.Select(p => new NamedDoc(p.Name, Param(typeDocs, p.Name) ?? DocBlock.FromText($"Receives {p.Name}.")))],
                };
            case IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator, Name: "op_Equality" or "op_Inequality" } op when SymbolFilter.IsCompilerGenerated(op):
                var equal = op.Name == "op_Equality";
                return new DocComment
                {
                    Summary = DocBlock.FromText($"Indicates whether two {name} values are {(equal ? "equal" : "not equal")}: records compare the values of their members, not their references."),
                    Params = [.. op.Parameters.Select((p, i) => new NamedDoc(p.Name, DocBlock.FromText(i == 0 ? "The first value to compare." : "The second value to compare.")))],
                    Returns = new DocBlock([
                        new DocReference(null, null, equal ? "true" : "false", []),
                        new DocText(" when the values are equal; otherwise "),
                        new DocReference(null, null, equal ? "false" : "true", []),
                        new DocText("."),
                    ]),
                };
            default:
                return null;
        }
    }

    private static DocBlock? Param(DocComment docs, string name) =>
        docs.Params.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.Content is { Nodes.IsEmpty: false } content ? content : null;

}
