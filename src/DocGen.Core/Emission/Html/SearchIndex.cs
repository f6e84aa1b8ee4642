using System.Text;
using System.Text.Json;
using DocGen.Core.Emission.Pages;

namespace DocGen.Core.Emission.Html;

/// <summary>
/// The site's search index: a script that assigns one array to <c>window.DOCGEN_SEARCH</c>, so it loads
/// from <c>file://</c> (where <c>fetch</c> is blocked). The page loads it on the first focus of the box.
/// </summary>
/// <remarks>Each entry is <c>[name, kind, context, url, summary, signature]</c>; url is relative to the site root. The
/// script (assets/docgen-search.js) tokenises names, signatures and summaries on word and camel-case boundaries as it loads.</remarks>
internal static class SearchIndex
{
    public const string FileName = "search-index.js";

    public static string Build(PageNames pages, LinkResolver links)
    {
        var entries = new List<string[]>();
        foreach (var ns in pages.Namespaces)
            entries.Add([PageModelBuilder.DisplayNamespace(ns.Name), "namespace", "", links.FileOf(ns), ""]);
        foreach (var tp in pages.Types)
            entries.Add([tp.Type.QualifiedName, PageModelBuilder.TypeKindLabel(tp.Type.Kind), tp.Type.Namespace, links.FileOf(tp), PageModelBuilder.ShortText(tp.Type.Docs.Summary), tp.Type.Signature]);
        foreach (var mp in pages.Members)
        {
            var first = mp.Members[0];
            var context = mp.Type.Namespace.Length == 0 ? mp.Type.QualifiedName : mp.Type.Namespace + "." + mp.Type.QualifiedName;
            entries.Add([mp.Name, PageModelBuilder.MemberKindLabel(first.Kind), context, links.FileOf(mp), PageModelBuilder.ShortText(first.Docs.Summary), first.Signature]);
        }
        var sb = new StringBuilder("window.DOCGEN_SEARCH=[\n");
        // The script tokenises all entries as one newline-separated string: no entry may contain a newline.
        foreach (var entry in entries)
            for (var f = 0; f < entry.Length; f++) entry[f] = entry[f].Replace('\r', ' ').Replace('\n', ' ');
        for (var i = 0; i < entries.Count; i++)
        {
            // The default encoder escapes <, >, & and quotes as \uXXXX, so no entry can end the script.
            sb.Append(JsonSerializer.Serialize(entries[i]));
            sb.Append(i + 1 < entries.Count ? ",\n" : "\n");
        }
        sb.Append("];\n");
        return sb.ToString();
    }
}
