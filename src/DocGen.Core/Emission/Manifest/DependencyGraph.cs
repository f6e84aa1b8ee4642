using System.Globalization;
using System.Net;
using System.Text;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Manifest;

/// <summary>Draws the dependency graph of a <see cref="DependencySet"/>: Mermaid source, and an inline SVG that needs no script.</summary>
public static class DependencyGraph
{
    private const int RowHeight = 34;
    private const int BoxHeight = 24;
    private const int ColumnGap = 56;
    private const int CharWidth = 8; // 12px monospace is ~7.2px a character; boxes only need to be wide enough, not exact

    /// <summary>Mermaid <c>graph LR</c> source: the project, each dependency, and every edge. Labels are reduced to safe characters.</summary>
    public static string ToMermaid(DependencySet set)
    {
        var nodes = Nodes(set);
        var sb = new StringBuilder("graph LR\n");
        for (var i = 0; i < nodes.Count; i++)
            sb.Append("  n").Append(i.ToString(CultureInfo.InvariantCulture)).Append("[\"").Append(MermaidLabel(nodes[i].Label)).Append("\"]\n");
        foreach (var (from, to) in Edges(set, nodes))
            sb.Append("  n").Append(from.ToString(CultureInfo.InvariantCulture)).Append(" --> n").Append(to.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("  classDef project fill:#eef,stroke:#55a\n  class n0 project\n");
        foreach (var i in Enumerable.Range(1, nodes.Count - 1).Where(i => nodes[i].Dependency?.Unresolved is not null))
            sb.Append("  style n").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" stroke:#c00,stroke-dasharray:4\n");
        return sb.ToString();
    }

    /// <summary>
    /// An <c>&lt;svg&gt;</c> element laying the graph out in columns by depth (the project on the left,
    /// each dependency one column right of the deepest thing that needs it). Text is HTML-escaped.
    /// </summary>
    public static string ToSvg(DependencySet set)
    {
        var nodes = Nodes(set);
        var edges = Edges(set, nodes);
        var layer = Layers(nodes.Count, edges);
        var columns = layer.Select((l, i) => (l, i)).GroupBy(x => x.l).OrderBy(g => g.Key)
            .Select(g => g.Select(x => x.i).OrderBy(i => nodes[i].Label, StringComparer.OrdinalIgnoreCase).ToList()).ToList();

        var x = new int[nodes.Count];
        var y = new int[nodes.Count];
        var width = new int[nodes.Count];
        var left = 8;
        foreach (var column in columns)
        {
            var columnWidth = column.Max(i => nodes[i].Label.Length) * CharWidth + 20;
            for (var row = 0; row < column.Count; row++)
            {
                x[column[row]] = left;
                y[column[row]] = 8 + row * RowHeight;
                width[column[row]] = columnWidth;
            }
            left += columnWidth + ColumnGap;
        }
        var totalWidth = left - ColumnGap + 8;
        var totalHeight = columns.Max(c => c.Count) * RowHeight + 8;

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"docgen-graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{totalWidth}\" height=\"{totalHeight}\" viewBox=\"0 0 {totalWidth} {totalHeight}\" role=\"img\" aria-label=\"Dependency graph\">\n");
        sb.Append("<defs><marker id=\"docgen-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#667\"/></marker></defs>\n");
        foreach (var (from, to) in edges)
        {
            int x1 = x[from] + width[from], y1 = y[from] + BoxHeight / 2, x2 = x[to], y2 = y[to] + BoxHeight / 2;
            var mid = (x1 + x2) / 2;
            sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}\" fill=\"none\" stroke=\"#889\" marker-end=\"url(#docgen-arrow)\"/>\n");
        }
        for (var i = 0; i < nodes.Count; i++)
        {
            var (cls, look) = i == 0 ? ("project", "fill=\"#eef\" stroke=\"#55a\"")
                : nodes[i].Dependency?.Unresolved is not null ? ("unresolved", "fill=\"#fff4f4\" stroke=\"#c00\" stroke-dasharray=\"4\"")
                : nodes[i].Dependency?.IsDirect == true ? ("direct", "fill=\"#f3faf3\" stroke=\"#6a6\"")
                : ("transitive", "fill=\"#fff\" stroke=\"#99a\"");
            var title = WebUtility.HtmlEncode(nodes[i].Label + (nodes[i].Dependency?.Unresolved is { } why ? " — unresolved: " + why : ""));
            // Presentation attributes, not only classes: the SVG must look right inside any page's stylesheet.
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"{cls}\"><title>{title}</title><rect x=\"{x[i]}\" y=\"{y[i]}\" width=\"{width[i]}\" height=\"{BoxHeight}\" rx=\"4\" {look}/>")
              .Append(CultureInfo.InvariantCulture, $"<text x=\"{x[i] + 10}\" y=\"{y[i] + 16}\" font-family=\"ui-monospace, monospace\" font-size=\"12\" fill=\"#222\">{WebUtility.HtmlEncode(nodes[i].Label)}</text></g>\n");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private sealed record Node(string Label, ResolvedDependency? Dependency);

    // Node 0 is the project; then the dependencies in the set's (sorted) order, so ids are stable.
    private static List<Node> Nodes(DependencySet set) =>
        [new Node(set.ProjectName + " " + set.ProjectVersion, null), .. set.Dependencies.Select(d => new Node(d.Id + " " + d.Version, d))];

    private static List<(int From, int To)> Edges(DependencySet set, List<Node> nodes)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < nodes.Count; i++) index[nodes[i].Dependency!.Id] = i;
        var edges = new List<(int, int)>();
        for (var i = 1; i < nodes.Count; i++)
            if (nodes[i].Dependency!.IsDirect) edges.Add((0, i));
        for (var i = 1; i < nodes.Count; i++)
            foreach (var target in nodes[i].Dependency!.DependsOn)
                if (index.TryGetValue(target, out var j) && j != i) edges.Add((i, j));
        return edges;
    }

    // Longest path from the project. Restore graphs are acyclic, but the assets file is input, so the
    // relaxation is capped at one pass per node instead of trusting it.
    private static int[] Layers(int count, List<(int From, int To)> edges)
    {
        var layer = new int[count];
        for (var i = 1; i < count; i++) layer[i] = 1;
        for (var pass = 0; pass < count; pass++)
        {
            var changed = false;
            foreach (var (from, to) in edges)
                if (layer[to] < layer[from] + 1 && layer[from] + 1 < count) { layer[to] = layer[from] + 1; changed = true; }
            if (!changed) break;
        }
        return layer;
    }

    private static string MermaidLabel(string label)
    {
        var sb = new StringBuilder(label.Length);
        foreach (var c in label)
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '+' or '@' or '/' ? c : '_');
        return sb.ToString();
    }
}
