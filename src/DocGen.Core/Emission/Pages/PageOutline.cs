namespace DocGen.Core.Emission.Pages;

/// <summary>
/// "On this page": the sections a type or namespace page has, in the order its template shows them. The anchors are
/// the ids the built-in templates give those headings (docs/templates.md lists them for template authors).
/// </summary>
internal static class PageOutline
{
    public static IReadOnlyList<LinkView> Of(object view) => view switch
    {
        TypeView type => OfType(type),
        NamespaceView ns => [.. ns.Groups.Select(g => Entry(g.Title, g.Anchor))],
        _ => [],
    };

    private static List<LinkView> OfType(TypeView type)
    {
        var outline = new List<LinkView>();
        if (type.TypeParameters.Count > 0) outline.Add(Entry("Type parameters", "type-parameters"));
        if (type.DelegateReturnType is not null) outline.Add(Entry("Invoke", "invoke"));
        if (!string.IsNullOrEmpty(type.Diagram)) outline.Add(Entry("Inheritance", "inheritance"));
        if (type.Interfaces.Count > 0) outline.Add(Entry("Implements", "implements"));
        if (type.Implementers.Count > 0) outline.Add(Entry("Implemented by", "implemented-by"));
        // A class's derived classes are part of its inheritance chain; an interface lists its children apart.
        if (type.Kind == "interface" && type.DerivedTypes.Count > 0) outline.Add(Entry(type.DerivedLabel, "derived"));
        if (type.IsEnum) outline.Add(Entry("Values", "values"));
        outline.AddRange(type.MemberGroups.Select(g => Entry(g.Title, g.Anchor)));
        if (type.ExtensionMembers.Count > 0) outline.Add(Entry("Extension methods", "extension-methods"));
        if (type.NestedTypes.Count > 0) outline.Add(Entry("Nested types", "nested-types"));
        if (type.InheritedMembers.Count > 0) outline.Add(Entry("Inherited members", "inherited-members"));
        return outline;
    }

    private static LinkView Entry(string title, string anchor) => new(title, "#" + anchor);
}
