using DocGen.Core.Emission.Rendering;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Pages;

/// <summary>Builds the data each template sees, rendering doc comments with the format's renderer.</summary>
/// <param name="model">The model being documented.</param>
/// <param name="pages">Page names of that model.</param>
/// <param name="renderer">Renders doc comments for the output format.</param>
/// <param name="sourceRoot">Folder that source paths are shown relative to (the project's), or null.</param>
internal sealed partial class PageModelBuilder(ApiModel model, PageNames pages, DocRenderer renderer, string? sourceRoot = null)
{
    private static readonly ApiMemberKind[] KindOrder =
    [
        ApiMemberKind.Constructor, ApiMemberKind.Property, ApiMemberKind.Indexer, ApiMemberKind.Method, ApiMemberKind.Event,
        ApiMemberKind.Operator, ApiMemberKind.ConversionOperator, ApiMemberKind.Field, ApiMemberKind.Constant, ApiMemberKind.Destructor,
    ];

    private static readonly ApiTypeKind[] TypeKindOrder =
        [ApiTypeKind.Class, ApiTypeKind.Record, ApiTypeKind.Struct, ApiTypeKind.RecordStruct, ApiTypeKind.Interface, ApiTypeKind.Enum, ApiTypeKind.Delegate];

    private readonly LinkResolver _links = renderer.Links;

    public IndexView Index(Page page)
    {
        var totals = Numbers(ModelStatistics.Compute(model));
        return new IndexView(
            SiteName,
            model.Assemblies.Select(a => new AssemblyView(a.Name, a.Version, a.TargetFramework)).ToList(),
            pages.Namespaces.Select(ns => new NamespaceSummaryView(DisplayNamespace(ns.Name), _links.Relative(page, ns), ns.Types.Count, Numbers(ModelStatistics.Compute(ns.Types)))).ToList(),
            pages.Types.Count,
            pages.Types.Sum(t => t.Type.Members.Length),
            totals,
            _links.Relative(page, pages.Coverage));
    }

    public NamespaceView Namespace(NamespacePage page)
    {
        var groups = TypeKindOrder
            .Select(kind => (kind, types: page.Types.Where(t => t.Kind == kind).ToList()))
            .Where(g => g.types.Count > 0)
            .Select(g => new GroupView<TypeSummaryView>(TypeKindTitle(g.kind), PageNames.Sanitize(TypeKindTitle(g.kind)), g.types.Select(t => TypeSummary(t, page)).ToList()))
            .ToList();
        return new NamespaceView(DisplayNamespace(page.Name), groups, Numbers(ModelStatistics.Compute(page.Types))) { Diagram = NamespaceDiagram(page) };
    }

    public TypeView Type(TypePage page)
    {
        var type = page.Type;
        var scope = new RenderScope(page, type.Id, type.Source);
        var enumValues = type.Members.Where(m => m.Kind == ApiMemberKind.EnumValue).ToList();
        var memberGroups = KindOrder
            .Select(kind => (kind, members: type.Members.Where(m => m.Kind == kind).ToList()))
            .Where(g => g.members.Count > 0)
            .Select(g => new GroupView<MemberSummaryView>(MemberKindTitle(g.kind), PageNames.Sanitize(MemberKindTitle(g.kind)), g.members.Select(m => MemberSummary(m, page)).ToList()))
            .ToList();
        var containing = type.ContainingTypeId is { } cid && pages.Find(cid)?.Page is TypePage ct ? new LinkView(ct.Type.Name, _links.Relative(page, ct)) : null;
        var nsPage = NamespacePageOf(type);
        return new TypeView
        {
            Name = type.Name,
            QualifiedName = type.QualifiedName,
            FullName = type.Namespace.Length == 0 ? type.QualifiedName : type.Namespace + "." + type.QualifiedName,
            Kind = TypeKindLabel(type.Kind),
            Namespace = new LinkView(DisplayNamespace(type.Namespace), nsPage is null ? "" : _links.Relative(page, nsPage)),
            Assembly = page.AssemblyName,
            Signature = type.Signature,
            SignatureBlock = SignatureBlock(type.Attributes, type.Signature, References(type), page),
            Badge = Badge(type.Provenance),
            Docs = Docs(type.Docs, scope),
            Obsolete = ObsoleteText(type.Obsolete),
            SourceText = SourceText(type.Source),
            SourceUrl = SourceUrl(type.Source, page.AssemblyName),
            ContainingType = containing,
            BaseChain = type.BaseTypes.Reverse().Select(b => renderer.TypeLink(b, page)).ToList(),
            Interfaces = type.Interfaces.Select(i => renderer.TypeLink(i, page)).ToList(),
            Derived = type.DerivedTypes.Select(d => renderer.TypeLink(d, page)).ToList(),
            // An interface's children are its implementers and the interfaces extending it, listed apart, not a chain.
            HasInheritance = !type.BaseTypes.IsEmpty || (type.Kind != ApiTypeKind.Interface && !type.DerivedTypes.IsEmpty),
            Diagram = TypeDiagram(type, page),
            TypeParameters = TypeParams(type.TypeParameters, type.Docs, scope),
            DelegateParameters = Params(type.DelegateParameters, type.Docs, scope),
            DelegateReturnType = type.Kind == ApiTypeKind.Delegate ? (type.DelegateReturnType is null ? renderer.Code("void") : renderer.TypeLink(type.DelegateReturnType, page)) : null,
            IsEnum = type.Kind == ApiTypeKind.Enum,
            IsFlags = type.IsFlags,
            EnumUnderlyingType = type.EnumUnderlyingType,
            EnumValues = enumValues.Select(v => EnumValue(v, page)).ToList(),
            MemberGroups = memberGroups,
            // By the type that declares them, nearest base first (the page lists them under it), then by name as extracted.
            InheritedMembers = type.InheritedMembers
                .OrderBy(i => AncestorRank(type, i.DeclaringType.Id))
                .Select(i => new InheritedView(Linked(i.DisplayName, i.Id, page), renderer.TypeLink(i.DeclaringType, page)))
                .ToList(),
            NestedTypes = type.NestedTypeIds.Select(id => pages.Find(id)?.Page).OfType<TypePage>().Select(t => TypeSummary(t.Type, page)).ToList(),
            // By the class that declares them (the page lists them under it), then by name.
            ExtensionMembers = [.. Extensions.Of(type).Select(m => ExtensionSummary(m, page)).OrderBy(e => e.DeclaringType.Name, StringComparer.Ordinal)],
            DerivedLabel = type.Kind == ApiTypeKind.Interface ? "Derived interfaces" : "Derived",
            DerivedTypes = type.Kind == ApiTypeKind.Interface ? InterfaceChildren(type, interfaces: true, page) : type.DerivedTypes.Select(d => renderer.TypeLink(d, page)).ToList(),
            Implementers = type.Kind == ApiTypeKind.Interface ? InterfaceChildren(type, interfaces: false, page) : [],
        };
    }

    public MemberPageView Member(MemberPage page)
    {
        var typePage = (TypePage)pages.Find(page.Type.Id)!.Page;
        var nsPage = NamespacePageOf(page.Type);
        var overloads = page.Members.Select(m => Overload(m, page)).ToList();
        return new MemberPageView(
            page.Name,
            MemberKindLabel(page.Members[0].Kind),
            new LinkView(page.Type.Name, _links.Relative(page, typePage)),
            new LinkView(DisplayNamespace(page.Type.Namespace), nsPage is null ? "" : _links.Relative(page, nsPage)),
            overloads)
        {
            OverloadsSummary = overloads.Select(o => o.Docs.Overloads).FirstOrDefault(o => o.Length > 0) ?? "",
        };
    }

    public CoverageView Coverage(Page page)
    {
        var counts = ModelStatistics.Compute(model);
        var undocumented = new List<UndocumentedView>();
        foreach (var tp in pages.Types)
        {
            if (!tp.Type.Provenance.IsDocumented)
                undocumented.Add(new UndocumentedView(tp.Type.QualifiedName, _links.Relative(page, tp), TypeKindLabel(tp.Type.Kind), DisplayNamespace(tp.Type.Namespace), Badge(tp.Type.Provenance)));
            foreach (var member in tp.Type.Members.Where(m => !m.Provenance.IsDocumented))
            {
                var target = pages.Find(member.Id)!;
                undocumented.Add(new UndocumentedView(tp.Type.QualifiedName + "." + member.DisplayName, _links.Relative(page, target.Page, target.Anchor),
                    MemberKindLabel(member.Kind), DisplayNamespace(tp.Type.Namespace), Badge(member.Provenance)));
            }
        }
        return new CoverageView(
            Numbers(counts),
            counts.ByProvenance.OrderBy(p => Enum.Parse<DocSource>(p.Key, ignoreCase: true)).Select(p => new ProvenanceCount(p.Key, p.Value)).ToList(),
            pages.Namespaces.Select(ns => new CoverageNamespaceView(DisplayNamespace(ns.Name), _links.Relative(page, ns), Numbers(ModelStatistics.Compute(ns.Types)))).ToList(),
            undocumented)
        {
            Partial = PartialMembers(page),
        };
    }

    /// <summary>The layout's data for a page whose body is already rendered.</summary>
    public LayoutView Layout(Page page, string title, string body)
    {
        var crumbs = new List<LinkView>();
        TypeModel? type = page switch { TypePage t => t.Type, MemberPage m => m.Type, _ => null };
        string? currentNs = page switch { NamespacePage n => n.Name, _ => type?.Namespace };
        if (currentNs is not null && pages.Find("N:" + currentNs)?.Page is NamespacePage nsPage)
            crumbs.Add(new LinkView(DisplayNamespace(currentNs), _links.Relative(page, nsPage), page == nsPage));
        if (type is not null && pages.Find(type.Id)?.Page is TypePage typePage)
            crumbs.Add(new LinkView(type.QualifiedName, _links.Relative(page, typePage), page == typePage));
        if (page is MemberPage mp) crumbs.Add(new LinkView(mp.Name, _links.Relative(page, mp), true));

        var members = new List<LinkView>();
        if (type is not null && pages.Members.Count > 0)
        {
            var memberPages = MemberPagesOf(type);
            var urls = _memberUrls.GetOrAdd((LinkResolver.FolderOf(page), type.Id), _ => [.. memberPages.Select(m => _links.Relative(page, m))]);
            for (var i = 0; i < memberPages.Count; i++) members.Add(new LinkView(memberPages[i].Name, urls[i], memberPages[i] == page));
        }

        return new LayoutView(
            title,
            SiteName,
            LinkResolver.RootOf(page),
            body,
            page switch { IndexPage => "index", CoveragePage => "coverage", SearchPage => "search", DependenciesSitePage => "dependencies", NamespacePage => "namespace", TypePage => "type", _ => "member" },
            new LinkView(SiteName, _links.Relative(page, pages.Index), page is IndexPage),
            new LinkView("Coverage", _links.Relative(page, pages.Coverage), page is CoveragePage),
            crumbs,
            _namespaceLinks.GetOrAdd((LinkResolver.FolderOf(page), currentNs), _ =>
                [.. pages.Namespaces.Select(ns => new LinkView(DisplayNamespace(ns.Name), _links.Relative(page, ns), ns.Name == currentNs))]),
            members,
            type is not null && pages.Find(type.Id)?.Page is TypePage owner ? new LinkView(type.Name, _links.Relative(page, owner), page == owner) : null,
            "DocGen",
            pages.Dependencies is { } deps ? new LinkView("Dependencies", _links.Relative(page, deps), page == deps) : null);
    }

    // Every page lists every namespace (and a type's pages its members) with URLs relative to the page: those depend only
    // on the page's folder, so a large site computes them once per folder instead of once per page.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Folder, string? CurrentNamespace), IReadOnlyList<LinkView>> _namespaceLinks = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Folder, string TypeId), string[]> _memberUrls = new();

    public string SiteName => model.Assemblies.Length == 0 ? "API" : string.Join(", ", model.Assemblies.Select(a => a.Name));

    private Dictionary<string, List<MemberPage>>? _memberPagesByType;

    /// <summary>Member pages of a type, computed once for all types (no quadratic scans per page).</summary>
    public IReadOnlyList<MemberPage> MemberPagesOf(TypeModel type)
    {
        var map = _memberPagesByType;
        if (map is null)
        {
            // Same order as the type page: by kind, then name.
            map = pages.Members.GroupBy(m => m.Type.Id, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => g.OrderBy(m => Array.IndexOf(KindOrder, m.Members[0].Kind)).ThenBy(m => m.Name, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
            Interlocked.CompareExchange(ref _memberPagesByType, map, null);
        }
        return map.TryGetValue(type.Id, out var list) ? list : [];
    }

    private OverloadView Overload(MemberModel member, MemberPage page)
    {
        var scope = new RenderScope(page, member.Id, member.Source);
        var target = pages.Find(member.Id)!;
        return new OverloadView
        {
            Anchor = target.Anchor ?? "",
            DisplayName = member.DisplayName,
            Kind = MemberKindLabel(member.Kind),
            Signature = member.Signature,
            SignatureBlock = SignatureBlock(member.Attributes, member.Signature, References(member), page),
            Badge = Badge(member.Provenance),
            Docs = Docs(member.Docs, scope),
            Parameters = Params(member.Parameters, member.Docs, scope),
            TypeParameters = TypeParams(member.TypeParameters, member.Docs, scope),
            ReturnType = member.ReturnType is null ? "" : renderer.TypeLink(member.ReturnType, page),
            ConstantValue = member.ConstantValue,
            Obsolete = ObsoleteText(member.Obsolete),
            SourceText = SourceText(member.Source),
            SourceUrl = SourceUrl(member.Source, ((TypePage)pages.Find(page.Type.Id)!.Page).AssemblyName),
            Implements = member.ImplementedMembers.IsDefaultOrEmpty
                ? member.ImplementedMemberIds.Select(id => Linked(DocPlainText.ShortName(id) ?? id, id, page)).ToList()
                : member.ImplementedMembers.Select(m => Linked(m.Display, m.Id, page)).ToList(),
            ReturnsLabel = ReturnsLabel(member.Kind),
            IsStatic = member.IsStatic,
        };
    }

    private DocsView Docs(DocComment docs, RenderScope scope) => new(
        renderer.Render(docs.Summary, scope),
        ShortText(docs.Summary),
        renderer.Render(docs.Remarks, scope),
        renderer.Render(docs.Returns, scope),
        renderer.Render(docs.Value, scope),
        docs.TypeParams.Select(p => new NamedView(p.Name, "", renderer.Render(p.Content, scope), null, null)).ToList(),
        docs.Exceptions.Select(e => new ExceptionView(Cref(e.Cref, scope), renderer.Render(e.Content, scope))).ToList(),
        docs.Examples.Select(e => renderer.Render(e, scope)).ToList(),
        docs.SeeAlso.Select(s => renderer.RenderNodes([s], scope)).ToList(),
        docs.MalformedXml is null ? "" : renderer.CodeBlock(docs.MalformedXml, "xml"))
    {
        ThreadSafety = renderer.Render(docs.ThreadSafety, scope),
        Overloads = renderer.Render(docs.Overloads, scope),
    };

    private string Cref(string cref, RenderScope scope)
    {
        var text = renderer.Code(_links.DisplayOf(cref));
        var url = _links.ResolveCref(cref, scope);
        return url is null ? text : renderer.Link(text, url);
    }

    private List<NamedView> Params(IEnumerable<ParameterModel> parameters, DocComment docs, RenderScope scope) =>
        parameters.Select(p => new NamedView(
            p.Name,
            renderer.TypeLink(p.Type, scope.Page),
            renderer.Render(docs.Params.FirstOrDefault(d => d.Name == p.Name)?.Content, scope),
            p.Modifier,
            p.DefaultValue)).ToList();

    private List<NamedView> TypeParams(IEnumerable<TypeParameterModel> parameters, DocComment docs, RenderScope scope) =>
        parameters.Select(p => new NamedView(
            p.Name,
            p.Constraints ?? "",
            renderer.Render(docs.TypeParams.FirstOrDefault(d => d.Name == p.Name)?.Content, scope),
            null,
            null)).ToList();

    private TypeSummaryView TypeSummary(TypeModel type, Page from)
    {
        var target = pages.Find(type.Id)!.Page;
        return new TypeSummaryView(type.QualifiedName, _links.Relative(from, target), TypeKindLabel(type.Kind),
            renderer.Render(type.Docs.Summary, new RenderScope(from, type.Id, type.Source)), ShortText(type.Docs.Summary), Badge(type.Provenance), type.Obsolete is not null);
    }

    private MemberSummaryView MemberSummary(MemberModel member, Page from)
    {
        var target = pages.Find(member.Id)!;
        // A page of one overload is that member: its URL needs no anchor (lists of hundreds of members stay small).
        var anchor = target.Page is MemberPage { Members.Count: 1 } ? null : target.Anchor;
        return new MemberSummaryView(member.Name, member.DisplayName, _links.Relative(from, target.Page, anchor), member.Signature,
            renderer.Render(member.Docs.Summary, new RenderScope(from, member.Id, member.Source)), ShortText(member.Docs.Summary),
            Badge(member.Provenance), member.IsStatic, member.Obsolete is not null);
    }

    private EnumValueView EnumValue(MemberModel value, Page from) => new(
        value.Name,
        pages.Find(value.Id)!.Anchor ?? "",
        value.ConstantValue ?? "",
        renderer.Render(value.Docs.Summary, new RenderScope(from, value.Id, value.Source)),
        ShortText(value.Docs.Summary),
        Badge(value.Provenance));

    private string Linked(string text, string id, Page from)
    {
        var url = _links.TryResolve(id, from);
        return url is null ? renderer.Code(text) : renderer.Link(renderer.Code(text), url);
    }

    private NamespacePage? NamespacePageOf(TypeModel type) => pages.Find("N:" + type.Namespace)?.Page as NamespacePage;

    /// <summary>A one-line plain summary for lists and the search index (first sentence, at most ~160 characters).</summary>
    internal static string ShortText(DocBlock? block)
    {
        if (block is null) return "";
        var text = block.ToPlainText();
        if (text.Length <= 160) return text;
        var cut = text.LastIndexOf(' ', 157);
        return text[..(cut > 80 ? cut : 157)] + "…";
    }

    private static string Declaration(IEnumerable<string> attributes, string signature) =>
        string.Concat(attributes.Select(a => a + "\n")) + signature;

    internal static BadgeView Badge(Provenance provenance) => provenance.Source switch
    {
        // A person's partial docs that DocGen completed: the badge says which parts are not theirs.
        DocSource.Source when provenance.IsCompleted => new("source", "source, completed",
            "Written in the source code's XML doc comment; DocGen added " + string.Join(", ", provenance.Parts.Select(p =>
                $"{p.Part} ({(p.Source == DocSource.Generated ? "generated" + (p.Model is null ? "" : " by " + p.Model) : p.Source.ToString().ToLowerInvariant())})"))),
        DocSource.Source => new("source", "source", "Written in the source code's XML doc comment"),
        DocSource.Inherited => new("inherited", "inherited", "Inherited from a base member, interface or cref (inheritdoc)"),
        DocSource.Generated => new("generated", provenance.Model is null ? "generated" : $"generated ({provenance.Model})", $"Written by a language model{(provenance.Model is null ? "" : " (" + provenance.Model + ")")}; review it"),
        DocSource.Fallback => new("fallback", "fallback", "No docs: text made from the name and signature"),
        _ => new("missing", "missing", "No documentation"),
    };

    private static CoverageNumbers Numbers(CoverageCounts c) => new(c.Documented, c.Total - c.Documented, c.Total, c.Percent) { Partial = c.Partial };

    private static string? ObsoleteText(ObsoleteInfo? info) => info is null ? null : string.IsNullOrWhiteSpace(info.Message) ? "Obsolete." : "Obsolete: " + info.Message;

    /// <summary>
    /// <c>path:line</c>, relative to the project folder when the file is under it, so pages do not carry
    /// the build machine's folders (and two machines build the same bytes).
    /// </summary>
    private string? SourceText(SourceLocation? source)
    {
        if (source is null) return null;
        var path = source.Path;
        if (sourceRoot is not null && Path.IsPathRooted(path))
        {
            var relative = Path.GetRelativePath(sourceRoot, path);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)) path = relative;
        }
        return $"{path.Replace('\\', '/')}:{source.Line}";
    }

    /// <summary>How a namespace is shown; the global namespace has no name.</summary>
    internal static string DisplayNamespace(string name) => name.Length == 0 ? "(global)" : name;

    internal static string TypeKindLabel(ApiTypeKind kind) => kind switch
    {
        ApiTypeKind.RecordStruct => "record struct",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string TypeKindTitle(ApiTypeKind kind) => kind switch
    {
        ApiTypeKind.Class => "Classes",
        ApiTypeKind.Record => "Records",
        ApiTypeKind.Struct => "Structs",
        ApiTypeKind.RecordStruct => "Record structs",
        ApiTypeKind.Interface => "Interfaces",
        ApiTypeKind.Enum => "Enums",
        _ => "Delegates",
    };

    internal static string MemberKindLabel(ApiMemberKind kind) => kind switch
    {
        ApiMemberKind.ConversionOperator => "conversion operator",
        ApiMemberKind.EnumValue => "enum value",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string MemberKindTitle(ApiMemberKind kind) => kind switch
    {
        ApiMemberKind.Constructor => "Constructors",
        ApiMemberKind.Property => "Properties",
        ApiMemberKind.Indexer => "Indexers",
        ApiMemberKind.Method => "Methods",
        ApiMemberKind.Event => "Events",
        ApiMemberKind.Operator => "Operators",
        ApiMemberKind.ConversionOperator => "Conversion operators",
        ApiMemberKind.Field => "Fields",
        ApiMemberKind.Constant => "Constants",
        ApiMemberKind.Destructor => "Finalizer",
        _ => "Enum values",
    };
}
