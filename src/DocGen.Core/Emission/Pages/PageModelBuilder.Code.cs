using DocGen.Core.Model;

namespace DocGen.Core.Emission.Pages;

internal sealed partial class PageModelBuilder
{
    /// <summary>A declaration block whose type names link to their pages: the names come from the type references the
    /// model holds for the declaration (its return and parameter types, bases and interfaces), keyed by simple name.</summary>
    private string SignatureBlock(IEnumerable<string> attributes, string signature, IEnumerable<TypeRef?> references, Page page)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in references)
            if (reference?.Id is { } id && SimpleName(id) is { } name) ids.TryAdd(name, id);
        return renderer.SignatureBlock(Declaration(attributes, signature), name => ids.TryGetValue(name, out var id) ? _links.TryResolve(id, page) : null);
    }

    /// <summary>The declaration's page in the repository, when the assembly says where its sources are. URLs with characters
    /// that would end a Markdown link are dropped (the mapping comes from the assembly's PDB, not from us).</summary>
    private string? SourceUrl(SourceLocation? source, string assemblyName)
    {
        if (source is null) return null;
        var assembly = model.Assemblies.FirstOrDefault(a => a.Name == assemblyName);
        if (assembly is null || assembly.SourceLinks.IsDefaultOrEmpty) return null;
        var url = SourceUrls.Browse(assembly.SourceLinks, source.Path, source.Line, assembly.RepositoryRoot);
        return url is null || url.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>' or '"' or '\'') ? null : url;
    }

    private static IEnumerable<TypeRef?> References(MemberModel member) =>
        member.Parameters.Select(p => p.Type).Prepend(member.ReturnType).Append(member.ExtendedType);

    private static IEnumerable<TypeRef?> References(TypeModel type) =>
        type.BaseTypes.Take(1).Concat(type.Interfaces).Concat(type.DelegateParameters.Select(p => p.Type)).Append(type.DelegateReturnType);

    /// <summary><c>T:Ns.Outer`1.Inner`2</c> → <c>Inner</c>: the identifier a declaration writes for the type.</summary>
    internal static string? SimpleName(string id)
    {
        if (!id.StartsWith("T:", StringComparison.Ordinal)) return null;
        var name = id[(id.LastIndexOf('.') + 1)..];
        if (name.StartsWith("T:", StringComparison.Ordinal)) name = name[2..];
        var tick = name.IndexOf('`');
        return tick >= 0 ? name[..tick] : name;
    }
}
