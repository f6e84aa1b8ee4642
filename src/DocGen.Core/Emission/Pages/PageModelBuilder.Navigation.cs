using DocGen.Core.Model;

namespace DocGen.Core.Emission.Pages;

/// <summary>What a page shows around its content: the sidebar that works without JavaScript (the current namespace's
/// types, the current type's members by kind), the "On this page" outline and the coverage page's partial members.</summary>
internal sealed partial class PageModelBuilder
{
    // Type pages live in folders of their own, but every member page of a type shares its folder: links are cached by folder.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Folder, string Namespace), string[]> _typeUrls = new();

    /// <summary>Adds the sidebar and outline data to a layout.</summary>
    public LayoutView WithNavigation(LayoutView layout, Page page, object view)
    {
        TypeModel? type = page switch { TypePage t => t.Type, MemberPage m => m.Type, _ => null };
        var ns = page switch { NamespacePage n => n, _ => type is null ? null : NamespacePageOf(type) };
        var types = new List<LinkView>();
        if (ns is not null)
        {
            var list = SidebarTypes(ns);
            var urls = _typeUrls.GetOrAdd((LinkResolver.FolderOf(page), ns.Name), _ => [.. list.Select(t => _links.Relative(page, t))]);
            for (var i = 0; i < list.Count; i++) types.Add(new LinkView(list[i].Type.QualifiedName, urls[i], list[i].Type.Id == type?.Id));
        }
        var groups = new List<GroupView<LinkView>>();
        // A type's own page lists its members in its body (the outline links to each kind), so its sidebar does not repeat
        // them: a type of 200 members stays a small page. Member pages list them, grouped by kind.
        if (type is not null && page is MemberPage)
        {
            var members = layout.Members;
            var memberPages = MemberPagesOf(type);
            for (var i = 0; i < memberPages.Count; i++)
            {
                var title = MemberKindTitle(memberPages[i].Members[0].Kind);
                if (groups.Count == 0 || groups[^1].Title != title)
                    groups.Add(new GroupView<LinkView>(title, PageNames.Sanitize(title), new List<LinkView>()));
                ((List<LinkView>)groups[^1].Items).Add(members[i]);
            }
        }
        return layout with
        {
            Path = _links.FileOf(page),
            CurrentNamespace = ns is null ? null : new LinkView(DisplayNamespace(ns.Name), _links.Relative(page, ns), page == ns),
            NamespaceTypes = types,
            MemberGroups = groups,
            Outline = PageOutline.Of(view),
        };
    }

    private Dictionary<string, List<TypePage>>? _sidebarTypes;

    /// <summary>The type pages of a namespace in the order of the tree: by qualified name, so nested types follow their outer type.</summary>
    private List<TypePage> SidebarTypes(NamespacePage ns)
    {
        var map = _sidebarTypes;
        if (map is null)
        {
            map = pages.Types.GroupBy(t => t.Type.Namespace, StringComparer.Ordinal).ToDictionary(
                g => g.Key, g => g.OrderBy(t => t.Type.QualifiedName, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Type.Id, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
            Interlocked.CompareExchange(ref _sidebarTypes, map, null);
        }
        return map.TryGetValue(ns.Name, out var list) ? list : [];
    }

    /// <summary>The members a person documented in part, with the parts DocGen added or that are still missing.</summary>
    private List<PartialView> PartialMembers(Page page)
    {
        var found = new List<PartialView>();
        foreach (var tp in pages.Types)
            foreach (var member in tp.Type.Members.Where(DocCompleteness.IsPartial))
            {
                var target = pages.Find(member.Id)!;
                var parts = member.Provenance.IsCompleted
                    ? "completed: " + string.Join(", ", member.Provenance.Parts.Select(p => p.Part))
                    : "missing: " + string.Join(", ", DocCompleteness.MissingParts(member));
                found.Add(new PartialView(tp.Type.QualifiedName + "." + member.DisplayName, _links.Relative(page, target.Page, target.Anchor),
                    MemberKindLabel(member.Kind), DisplayNamespace(tp.Type.Namespace), parts, Badge(member.Provenance)));
            }
        return found;
    }
}
