using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace DocGen.Core.Extraction;

/// <summary>
/// Finds the XML docs of any symbol: the documented assembly's file first, then the XML file beside the
/// reference assembly that declares the symbol (the reference packs ship one next to each <c>.dll</c>).
/// </summary>
internal sealed class DocLookup(Compilation compilation, IAssemblySymbol documented, DocXmlFile own, string? refPackFolder)
{
    private readonly ConcurrentDictionary<string, DocXmlFile> _files = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, bool> _enumValues = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, string?> _displays = new(StringComparer.Ordinal);

    public DocXmlFile Own => own;

    /// <summary><c>IEnumerable&lt;T&gt;</c> for <c>T:System.Collections.Generic.IEnumerable`1</c>, <c>List&lt;T&gt;.Add</c> for a method; null when the id names nothing.</summary>
    public string? DisplayOf(string cref) => _displays.GetOrAdd(cref, id => FindSymbol(id) switch
    {
        INamedTypeSymbol type => CSharpSignatures.QualifiedName(type),
        // Members read like prose (Type.Member): their parameters would crowd the sentence, the type's arguments do not.
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => CSharpSignatures.QualifiedName(ctor.ContainingType),
        IMethodSymbol method => CSharpSignatures.QualifiedName(method.ContainingType) + "." + method.Name + MemberFactory.TypeParameterList(method.TypeParameters),
        IPropertySymbol { IsIndexer: true } indexer => CSharpSignatures.QualifiedName(indexer.ContainingType) + "[" + MemberFactory.ParameterTypes(indexer.Parameters) + "]",
        { ContainingType: { } containing } member => CSharpSignatures.QualifiedName(containing) + "." + member.Name,
        INamespaceSymbol ns => ns.ToDisplayString(),
        _ => null,
    });

    /// <summary>True when <paramref name="cref"/> names a value of an enum declared outside the documented assembly.</summary>
    public bool IsExternalEnumValue(string cref) => _enumValues.GetOrAdd(cref, id =>
        FindSymbol(id) is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } field
        && !SymbolEqualityComparer.Default.Equals(field.ContainingAssembly, documented));

    public ISymbol? FindSymbol(string id)
    {
        var bare = id.StartsWith("!:", StringComparison.Ordinal) ? null : id;
        return bare is null ? null : DocumentationCommentId.GetFirstSymbolForDeclarationId(bare, compilation);
    }

    /// <summary>The member element for <paramref name="id"/>; <paramref name="symbol"/> (when known) tells which assembly's file to read.</summary>
    public XElement? Find(string id, ISymbol? symbol)
    {
        if (own.Get(id) is { } mine) return mine;
        symbol ??= FindSymbol(id);
        var assembly = symbol?.ContainingAssembly;
        if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, documented)) return null;
        return FileFor(assembly)?.Get(id);
    }

    private DocXmlFile? FileFor(IAssemblySymbol assembly)
    {
        if (compilation.GetMetadataReference(assembly) is not PortableExecutableReference { FilePath: { } dll }) return null;
        var file = _files.GetOrAdd(dll, path =>
        {
            foreach (var candidate in XmlCandidates(path))
            {
                if (!File.Exists(candidate)) continue;
                try { return DocXmlFile.Load(candidate); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Xml.XmlException) { }
            }
            return DocXmlFile.Empty;
        });
        return file.Count == 0 ? null : file;
    }

    private IEnumerable<string> XmlCandidates(string dll)
    {
        yield return Path.ChangeExtension(dll, ".xml");
        // Implementation assemblies (the shared framework) ship no XML: the reference pack has the same names.
        if (refPackFolder is not null) yield return Path.Combine(refPackFolder, Path.GetFileNameWithoutExtension(dll) + ".xml");
    }
}
