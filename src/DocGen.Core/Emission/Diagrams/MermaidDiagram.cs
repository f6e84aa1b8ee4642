using System.Text;

namespace DocGen.Core.Emission.Diagrams;

/// <summary>
/// A <see cref="TypeGraph"/> as a Mermaid class diagram, which GitHub renders from a <c>```mermaid</c> block. Nodes get
/// generated ids (<c>n0</c>, <c>n1</c>…) and their names as quoted labels, so no name can break the syntax: quotes,
/// backticks and angle brackets are replaced in labels (generics show as <c>Box‹T›</c>).
/// </summary>
internal static class MermaidDiagram
{
    public static string Render(TypeGraph graph)
    {
        var sb = new StringBuilder("classDiagram\n");
        for (var i = 0; i < graph.Nodes.Count; i++)
            sb.Append("  class n").Append(i).Append("[\"").Append(Label(graph.Nodes[i].Label)).Append("\"]\n");
        foreach (var e in graph.Edges)
            sb.Append("  n").Append(e.To).Append(e.IsImplements ? " <|.. n" : " <|-- n").Append(e.From).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }

    private static string Label(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            sb.Append(c switch
            {
                '<' => '‹',
                '>' => '›',
                '"' or '`' or '\\' or '[' or ']' or '{' or '}' or '#' or ';' => '\'',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        return sb.ToString();
    }
}
