using System.Text;
using System.Text.Json;
using DocGen.Core.Emission.Pages;

namespace DocGen.Core.Emission;

/// <summary>
/// The site's namespace → type tree, written once as a script (<c>assets/nav.js</c>) that every page loads from the
/// browser's cache, so pages do not repeat it; a script because <c>fetch</c> is blocked on <c>file://</c>.
/// </summary>
/// <remarks><c>window.DOCGEN_NAV</c> is <c>[[namespace, url, [[type, kind, url], …]], …]</c>, URLs relative to the site root,
/// types in the order of the sidebar (qualified name, so a nested type follows its outer type).</remarks>
internal static class NavTree
{
    public const string FileName = "assets/nav.js";

    public static string Build(PageNames pages, LinkResolver links)
    {
        var byNamespace = pages.Types.GroupBy(t => t.Type.Namespace, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var sb = new StringBuilder("window.DOCGEN_NAV=[\n");
        for (var i = 0; i < pages.Namespaces.Count; i++)
        {
            var ns = pages.Namespaces[i];
            var types = byNamespace.TryGetValue(ns.Name, out var list) ? list : [];
            var entry = new object[]
            {
                PageModelBuilder.DisplayNamespace(ns.Name),
                links.FileOf(ns),
                types.OrderBy(t => t.Type.QualifiedName, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Type.Id, StringComparer.Ordinal)
                    .Select(t => new[] { t.Type.QualifiedName, PageModelBuilder.TypeKindLabel(t.Type.Kind), links.FileOf(t) }).ToArray(),
            };
            // The default encoder escapes <, >, & and quotes as \uXXXX, so no name can end the script.
            sb.Append(JsonSerializer.Serialize(entry));
            sb.Append(i + 1 < pages.Namespaces.Count ? ",\n" : "\n");
        }
        sb.Append("];\n");
        return sb.ToString();
    }
}
