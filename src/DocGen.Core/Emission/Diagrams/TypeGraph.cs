namespace DocGen.Core.Emission.Diagrams;

/// <summary>A box in a diagram: its label (raw text), the URL of its page relative to the page that shows it (or null),
/// and whether it is the page's own type or an interface (drawn apart).</summary>
internal sealed record DiagramNode(string Label, string? Url, bool IsSelf = false, bool IsInterface = false);

/// <summary>"<paramref name="From"/> derives from or implements <paramref name="To"/>" (indexes into the node list).</summary>
internal sealed record DiagramEdge(int From, int To, bool IsImplements);

/// <summary>
/// A type relation graph with each node in a row (<paramref name="Rows"/>: node indexes, top row first). Built by the page
/// model; drawn as SVG for the site and as a Mermaid class diagram for Markdown, so both say the same thing.
/// </summary>
/// <param name="Title">What the diagram shows, e.g. <c>Inheritance of Shape</c>: the SVG's accessible name.</param>
/// <param name="Nodes">The boxes.</param>
/// <param name="Edges">Who derives from or implements whom.</param>
/// <param name="Rows">Node indexes per row, top row first.</param>
internal sealed record TypeGraph(string Title, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges, IReadOnlyList<IReadOnlyList<int>> Rows)
{
    /// <summary>Nodes shown per row before a row wraps, and interfaces listed beside a type before "+N more".</summary>
    public const int RowLimit = 6;

    /// <summary>A type's diagram: base classes from the root down, the direct base and the interfaces side by side in the row
    /// above the type, its derived types below it; every edge points up, from a type to what it derives from or implements.</summary>
    public static TypeGraph Inheritance(string title, IReadOnlyList<DiagramNode> basesFromRoot, DiagramNode self, IReadOnlyList<DiagramNode> derived, IReadOnlyList<DiagramNode> interfaces)
    {
        var nodes = new List<DiagramNode>();
        var edges = new List<DiagramEdge>();
        var rows = new List<IReadOnlyList<int>>();
        var previous = -1;
        for (var b = 0; b < basesFromRoot.Count; b++)
        {
            nodes.Add(basesFromRoot[b]);
            if (previous >= 0) edges.Add(new DiagramEdge(nodes.Count - 1, previous, false));
            previous = nodes.Count - 1;
            if (b < basesFromRoot.Count - 1) rows.Add([previous]);
        }
        var parents = new List<int>();
        if (previous >= 0) parents.Add(previous);
        foreach (var i in Limit(interfaces)) { nodes.Add(i); parents.Add(nodes.Count - 1); }
        if (parents.Count > 0) rows.Add(parents);
        nodes.Add(self);
        var selfIndex = nodes.Count - 1;
        edges.AddRange(parents.Select(p => new DiagramEdge(selfIndex, p, nodes[p].IsInterface)));
        rows.Add([selfIndex]);
        var derivedRow = new List<int>();
        foreach (var d in Limit(derived))
        {
            nodes.Add(d);
            edges.Add(new DiagramEdge(nodes.Count - 1, selfIndex, self.IsInterface && !d.IsInterface));
            derivedRow.Add(nodes.Count - 1);
        }
        if (derivedRow.Count > 0) rows.Add(derivedRow);
        return new TypeGraph(title, nodes, edges, rows);
    }

    /// <summary>At most <see cref="RowLimit"/> nodes; the rest become one "+N more" box without a link.</summary>
    private static IEnumerable<DiagramNode> Limit(IReadOnlyList<DiagramNode> nodes) =>
        nodes.Count <= RowLimit ? nodes : nodes.Take(RowLimit - 1).Append(new DiagramNode($"+{nodes.Count - RowLimit + 1} more", null));

    /// <summary>A namespace's diagram: its types that derive from or implement another of its types, in rows by depth.</summary>
    /// <param name="title">The diagram's accessible name.</param>
    /// <param name="types">Every type of the namespace with the indexes of its parents (base class, interfaces) among them.</param>
    /// <param name="maxNodes">Most related types drawn; more than that is no diagram.</param>
    /// <returns>Null when no two types are related, or when there are too many to draw legibly.</returns>
    public static TypeGraph? Relations(string title, IReadOnlyList<(DiagramNode Node, IReadOnlyList<(int Parent, bool IsImplements)> Parents)> types, int maxNodes = 40)
    {
        var related = new HashSet<int>();
        for (var i = 0; i < types.Count; i++)
            foreach (var (parent, _) in types[i].Parents) { related.Add(i); related.Add(parent); }
        if (related.Count == 0 || related.Count > maxNodes) return null;

        var depth = new Dictionary<int, int>();
        int Depth(int i, int guard) => depth.TryGetValue(i, out var d) ? d
            : depth[i] = guard > types.Count || types[i].Parents.Count == 0 ? 0 : 1 + types[i].Parents.Max(p => Depth(p.Parent, guard + 1));
        var order = related.Order().ToList();
        var index = order.Select((t, n) => (t, n)).ToDictionary(x => x.t, x => x.n);
        var nodes = order.Select(t => types[t].Node).ToList();
        var edges = order.SelectMany(t => types[t].Parents.Select(p => new DiagramEdge(index[t], index[p.Parent], p.IsImplements))).ToList();
        var rows = new List<IReadOnlyList<int>>();
        foreach (var layer in order.GroupBy(t => Depth(t, 0)).OrderBy(g => g.Key))
            foreach (var chunk in layer.Select(t => index[t]).Chunk(RowLimit)) rows.Add(chunk);
        return new TypeGraph(title, nodes, edges, rows);
    }
}
