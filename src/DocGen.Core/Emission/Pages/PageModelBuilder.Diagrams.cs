using DocGen.Core.Emission.Diagrams;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Pages;

internal sealed partial class PageModelBuilder
{
    /// <summary>A type's inheritance diagram (bases, interfaces, derived types) as SVG for the site or Mermaid for Markdown;
    /// empty when the type has no relations worth drawing.</summary>
    private string TypeDiagram(TypeModel type, TypePage page)
    {
        // An interface's implementers and derived interfaces are listed apart ("Implemented by", "Derived interfaces"):
        // its diagram shows only the interfaces it extends.
        var derived = type.Kind == ApiTypeKind.Interface ? [] : type.DerivedTypes;
        if (type.BaseTypes.IsEmpty && type.Interfaces.IsEmpty && derived.IsEmpty) return "";
        var graph = TypeGraph.Inheritance(
            "Inheritance of " + type.QualifiedName,
            [.. type.BaseTypes.Reverse().Select(b => Node(b, page))],
            new DiagramNode(type.Name, null, IsSelf: true, IsInterface: type.Kind == ApiTypeKind.Interface),
            [.. derived.Select(d => Node(d, page))],
            [.. type.Interfaces.Select(i => Node(i, page, isInterface: true))]);
        return renderer.Diagram(graph);
    }

    /// <summary>The relations among a namespace's types: each type to its base class and the interfaces it adds, when they
    /// are in the same namespace. Empty when none are related (or too many to draw).</summary>
    private string NamespaceDiagram(NamespacePage page)
    {
        var index = page.Types.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var types = page.Types.Select(t =>
        {
            var parents = new List<(int, bool)>();
            var baseType = t.BaseTypes.FirstOrDefault();
            if (baseType?.Id is { } baseId && index.TryGetValue(baseId, out var b)) parents.Add((b, false));
            // Interfaces lists inherited ones too: draw only those the base class does not already bring.
            var inherited = baseType?.Id is { } bid && pages.Find(bid)?.Page is TypePage bp ? bp.Type.Interfaces.Select(i => i.Id).ToHashSet(StringComparer.Ordinal) : [];
            foreach (var i in t.Interfaces)
                if (i.Id is { } iid && !inherited.Contains(iid) && index.TryGetValue(iid, out var n)) parents.Add((n, t.Kind != ApiTypeKind.Interface));
            var node = new DiagramNode(t.QualifiedName, _links.Relative(page, pages.Find(t.Id)!.Page), IsInterface: t.Kind == ApiTypeKind.Interface);
            return (node, (IReadOnlyList<(int, bool)>)parents);
        }).ToList();
        var graph = TypeGraph.Relations("Types of " + DisplayNamespace(page.Name) + " and how they derive from each other", types);
        return graph is null ? "" : renderer.Diagram(graph);
    }

    private DiagramNode Node(TypeRef type, Page from, bool isInterface = false) =>
        new(type.Display, _links.TryResolve(type.Id, from),
            IsInterface: isInterface || type.Id is { } id && pages.Find(id)?.Page is TypePage { Type.Kind: ApiTypeKind.Interface });
}
