using System.Globalization;
using System.Net;
using System.Text;

namespace DocGen.Core.Emission.Diagrams;

/// <summary>
/// Draws a <see cref="TypeGraph"/> as inline SVG at build time: rows of boxes, edges from a type up to what it derives
/// from (solid, hollow arrow) or implements (dashed). Boxes with a page are SVG links, so keyboard and screen reader
/// users reach them; the SVG is a <c>role="group"</c> with an accessible name (never <c>role="img"</c>, which would hide
/// the links). Colours come from docgen-content.css, so both themes apply. Every label is escaped here.
/// </summary>
internal static class SvgDiagram
{
    private const double CharWidth = 7.8, Pad = 12, BoxHeight = 30, Gap = 20, RowGap = 44, Margin = 4;

    public static string Render(TypeGraph graph)
    {
        var width = graph.Nodes.Select(n => Math.Max(60, n.Label.Length * CharWidth + 2 * Pad)).ToArray();
        var x = new double[graph.Nodes.Count];
        var y = new double[graph.Nodes.Count];
        var rowWidths = graph.Rows.Select(r => r.Sum(i => width[i]) + Gap * (r.Count - 1)).ToList();
        var total = rowWidths.Count == 0 ? 0 : rowWidths.Max();
        for (var r = 0; r < graph.Rows.Count; r++)
        {
            var left = Margin + (total - rowWidths[r]) / 2;
            foreach (var i in graph.Rows[r])
            {
                x[i] = left;
                y[i] = Margin + r * (BoxHeight + RowGap);
                left += width[i] + Gap;
            }
        }
        var svgWidth = total + 2 * Margin;
        var svgHeight = graph.Rows.Count * BoxHeight + (graph.Rows.Count - 1) * RowGap + 2 * Margin + 4;

        var sb = new StringBuilder();
        sb.Append("<svg class=\"type-diagram\" xmlns=\"http://www.w3.org/2000/svg\" role=\"group\" aria-label=\"").Append(WebUtility.HtmlEncode(graph.Title))
          .Append("\" width=\"").Append(N(svgWidth)).Append("\" height=\"").Append(N(svgHeight)).Append("\" viewBox=\"0 0 ").Append(N(svgWidth)).Append(' ').Append(N(svgHeight)).Append("\">");
        sb.Append("<defs><marker id=\"dg-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\">")
          .Append("<path class=\"dg-head\" d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>");
        foreach (var e in graph.Edges)
        {
            // From the top centre of the deriving type to the bottom centre of its parent (or sideways within a row).
            var (x1, y1, x2, y2) = y[e.From] > y[e.To]
                ? (x[e.From] + width[e.From] / 2, y[e.From], x[e.To] + width[e.To] / 2, y[e.To] + BoxHeight)
                : (x[e.From] + width[e.From] / 2, y[e.From] + BoxHeight, x[e.To] + width[e.To] / 2, y[e.To]);
            sb.Append("<line class=\"dg-edge").Append(e.IsImplements ? " dg-implements" : "").Append("\" x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1))
              .Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2)).Append("\" marker-end=\"url(#dg-arrow)\"/>");
        }
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            var cls = "dg-node" + (node.IsSelf ? " dg-self" : "") + (node.IsInterface ? " dg-interface" : "");
            var label = WebUtility.HtmlEncode(node.Label);
            if (node.Url is not null) sb.Append("<a href=\"").Append(WebUtility.HtmlEncode(node.Url)).Append("\">");
            sb.Append("<g class=\"").Append(cls).Append("\"><rect x=\"").Append(N(x[i])).Append("\" y=\"").Append(N(y[i])).Append("\" width=\"").Append(N(width[i]))
              .Append("\" height=\"").Append(N(BoxHeight)).Append("\" rx=\"6\"/><text x=\"").Append(N(x[i] + width[i] / 2)).Append("\" y=\"").Append(N(y[i] + BoxHeight / 2 + 4.5))
              .Append("\" text-anchor=\"middle\">").Append(label).Append("</text></g>");
            if (node.Url is not null) sb.Append("</a>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
