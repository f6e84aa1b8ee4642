namespace DocGen.Core.Emission.Pages;

// What templates see, with snake_case names (QualifiedName → qualified_name). Fields documented as "rendered"
// hold markup that DocGen produced and escaped itself ({{ raw field }}); every other string is raw text, which
// {{ field }} escapes. docs/templates.md lists these fields for template authors: keep it in step.

/// <summary>A name and a URL relative to the current page (raw; both are escaped by <c>{{ … }}</c>).</summary>
public sealed record LinkView(string Name, string Url, bool Current = false);

/// <summary>Provenance badge: <c>Label</c> is the CSS-safe kind (source, inherited, generated, fallback, missing).</summary>
public sealed record BadgeView(string Label, string Text, string Title);

/// <summary>The shell around every page.</summary>
public sealed record LayoutView(
    string Title,
    string SiteName,
    string Root,
    string Body,
    string PageKind,
    LinkView Home,
    LinkView Coverage,
    IReadOnlyList<LinkView> Breadcrumbs,
    IReadOnlyList<LinkView> Namespaces,
    IReadOnlyList<LinkView> Members,
    LinkView? MembersOf,
    string Generator,
    LinkView? Dependencies = null)
{
    /// <summary>This page's file relative to the site root (<c>api/ns/type/index.html</c>): the script marks it in the shared tree.</summary>
    public string Path { get; init; } = "";
    /// <summary>The current namespace's page (namespace, type and member pages), else null.</summary>
    public LinkView? CurrentNamespace { get; init; }
    /// <summary>The types of the current namespace, the current type marked: the sidebar without JavaScript.</summary>
    public IReadOnlyList<LinkView> NamespaceTypes { get; init; } = [];
    /// <summary>The member pages of the current type by kind (<c>Methods</c>, …), the current one marked.</summary>
    public IReadOnlyList<GroupView<LinkView>> MemberGroups { get; init; } = [];
    /// <summary>"On this page": the sections of a type or namespace page (<c>url</c> is <c>#anchor</c>); empty elsewhere.</summary>
    public IReadOnlyList<LinkView> Outline { get; init; } = [];
}

/// <summary>
/// <c>dependencies</c>: the packages of the documented target framework, its project references and the graph.
/// Every string comes from the packages' <c>.nuspec</c> files and is untrusted raw text; only <c>GraphSvg</c> is rendered.
/// </summary>
public sealed record DependenciesView(
    string ProjectName,
    string TargetFramework,
    string? Incomplete,
    IReadOnlyList<PackageView> Direct,
    IReadOnlyList<PackageView> Transitive,
    IReadOnlyList<ProjectReferenceView> Projects,
    string SbomSpecVersion,
    string GraphSvg,
    string Mermaid);

/// <summary>A package: <c>Url</c> (the project's site) and <c>LicenseUrl</c> are http(s) URLs or null; <c>Unresolved</c> says why its nuspec could not be read.</summary>
public sealed record PackageView(string Id, string Version, string? Url, string License, string? LicenseUrl, string? Unresolved, string Description);

/// <summary>A project reference: <c>Path</c> relative to the documented project.</summary>
public sealed record ProjectReferenceView(string Name, string Version, string Path);

/// <summary>The rendered sections of one doc comment.</summary>
public sealed record DocsView(
    string Summary,
    string ShortSummary,
    string Remarks,
    string Returns,
    string Value,
    IReadOnlyList<NamedView> TypeParams,
    IReadOnlyList<ExceptionView> Exceptions,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> SeeAlso,
    string Malformed)
{
    /// <summary>Rendered SHFB <c>&lt;threadsafety&gt;</c> text; empty when there is none.</summary>
    public string ThreadSafety { get; init; } = "";
    /// <summary>Rendered SHFB <c>&lt;overloads&gt;</c> text (what every overload of the name shares); empty when there is none.</summary>
    public string Overloads { get; init; } = "";
}

/// <summary>A parameter or type parameter: <c>Type</c> and <c>Doc</c> are rendered, <c>Name</c> is raw.</summary>
public sealed record NamedView(string Name, string Type, string Doc, string? Modifier, string? DefaultValue);

/// <summary>An exception a member throws: both fields rendered.</summary>
public sealed record ExceptionView(string Type, string Doc);

/// <summary>A heading with items (members by kind, types by kind).</summary>
public sealed record GroupView<T>(string Title, string Anchor, IReadOnlyList<T> Items);

/// <summary>A type in a list. <c>Summary</c> is rendered, <c>ShortSummary</c> is raw plain text.</summary>
public sealed record TypeSummaryView(string Name, string Url, string Kind, string Summary, string ShortSummary, BadgeView Badge, bool IsObsolete);

/// <summary>A member in a type's list. <c>Summary</c> is rendered, <c>ShortSummary</c> raw.</summary>
public sealed record MemberSummaryView(string Name, string DisplayName, string Url, string Signature, string Summary, string ShortSummary, BadgeView Badge, bool IsStatic, bool IsObsolete);

/// <summary>An enum value: <c>Summary</c> rendered.</summary>
public sealed record EnumValueView(string Name, string Anchor, string Value, string Summary, string ShortSummary, BadgeView Badge);

/// <summary>An inherited member: both fields rendered links (or code when not linkable).</summary>
public sealed record InheritedView(string Member, string DeclaringType);

public sealed record AssemblyView(string Name, string? Version, string TargetFramework);

public sealed record CoverageNumbers(int Documented, int Missing, int Total, double Percent)
{
    /// <summary>Of <see cref="Documented"/>, the members a person documented in part (completed by a model or fallback, or still missing parts).</summary>
    public int Partial { get; init; }
    /// <summary>Documented and not partial.</summary>
    public int Complete => Documented - Partial;
}

public sealed record NamespaceSummaryView(string Name, string Url, int TypeCount, CoverageNumbers Coverage);

/// <summary><c>index</c>: the home page.</summary>
public sealed record IndexView(
    string Title,
    IReadOnlyList<AssemblyView> Assemblies,
    IReadOnlyList<NamespaceSummaryView> Namespaces,
    int TypeCount,
    int MemberCount,
    CoverageNumbers Coverage,
    string CoverageUrl)
{
    public int NamespaceCount => Namespaces.Count;
}

/// <summary><c>search</c>: the results page; the results are filled in by the site's script from <c>IndexFile</c> (relative to the site root).</summary>
public sealed record SearchView(string IndexFile);

/// <summary><c>namespace</c>: one namespace.</summary>
public sealed record NamespaceView(string Name, IReadOnlyList<GroupView<TypeSummaryView>> Groups, CoverageNumbers Coverage)
{
    /// <summary>Rendered diagram of how the namespace's types derive from each other (HTML: inline SVG; Markdown: Mermaid
    /// source for a <c>```mermaid</c> block); empty when none are related.</summary>
    public string Diagram { get; init; } = "";
}

/// <summary><c>type</c>: one type.</summary>
public sealed record TypeView
{
    public required string Name { get; init; }
    public required string QualifiedName { get; init; }
    public required string FullName { get; init; }
    public required string Kind { get; init; }
    public required LinkView Namespace { get; init; }
    public required string Assembly { get; init; }
    public required string Signature { get; init; }
    /// <summary>Rendered code block.</summary>
    public required string SignatureBlock { get; init; }
    public required BadgeView Badge { get; init; }
    public required DocsView Docs { get; init; }
    public string? Obsolete { get; init; }
    public string? SourceText { get; init; }
    /// <summary>"View source": the declaration in the repository's web UI at the built commit (raw; an http(s) URL), or null.</summary>
    public string? SourceUrl { get; init; }
    public LinkView? ContainingType { get; init; }
    /// <summary>Rendered links from the root base (<c>object</c>) down to this type's direct base.</summary>
    public IReadOnlyList<string> BaseChain { get; init; } = [];
    public IReadOnlyList<string> Interfaces { get; init; } = [];
    public IReadOnlyList<string> Derived { get; init; } = [];
    public bool HasInheritance { get; init; }
    /// <summary>Rendered inheritance diagram (bases, interfaces, derived types). HTML: inline SVG with links;
    /// Markdown: Mermaid source for a <c>```mermaid</c> block. Empty when the type has no relations.</summary>
    public string Diagram { get; init; } = "";
    public IReadOnlyList<NamedView> TypeParameters { get; init; } = [];
    public IReadOnlyList<NamedView> DelegateParameters { get; init; } = [];
    public string? DelegateReturnType { get; init; }
    public bool IsEnum { get; init; }
    public bool IsFlags { get; init; }
    public string? EnumUnderlyingType { get; init; }
    public IReadOnlyList<EnumValueView> EnumValues { get; init; } = [];
    public IReadOnlyList<GroupView<MemberSummaryView>> MemberGroups { get; init; } = [];
    public IReadOnlyList<InheritedView> InheritedMembers { get; init; } = [];
    public IReadOnlyList<TypeSummaryView> NestedTypes { get; init; } = [];
    /// <summary>Extension members (classic <c>this</c> methods and C# 14 extension blocks) in the model that extend this type,
    /// its base types or its interfaces, by name; what DocFX lists as "Extension Methods".</summary>
    public IReadOnlyList<ExtensionMemberView> ExtensionMembers { get; init; } = [];
    /// <summary>Heading for <see cref="DerivedTypes"/>: <c>Derived</c>, or <c>Derived interfaces</c> on an interface's page.</summary>
    public string DerivedLabel { get; init; } = "Derived";
    /// <summary>Rendered links: classes deriving from this class, or interfaces extending this interface (never an interface's implementers).</summary>
    public IReadOnlyList<string> DerivedTypes { get; init; } = [];
    /// <summary>Rendered links to the classes and structs in the model that implement this interface ("Implemented by"); empty for other kinds.</summary>
    public IReadOnlyList<string> Implementers { get; init; } = [];
}

/// <summary>An extension member listed on the page of the type it extends. <c>Summary</c> is rendered, the rest raw;
/// <c>DeclaringType</c> links to the static class that declares it.</summary>
public sealed record ExtensionMemberView(string Name, string DisplayName, string Url, LinkView DeclaringType, string Kind, string Summary, string ShortSummary, BadgeView Badge, bool IsStatic);

/// <summary>One overload on a member page.</summary>
public sealed record OverloadView
{
    public required string Anchor { get; init; }
    public required string DisplayName { get; init; }
    public required string Kind { get; init; }
    public required string Signature { get; init; }
    public required string SignatureBlock { get; init; }
    public required BadgeView Badge { get; init; }
    public required DocsView Docs { get; init; }
    public IReadOnlyList<NamedView> Parameters { get; init; } = [];
    public IReadOnlyList<NamedView> TypeParameters { get; init; } = [];
    /// <summary>Rendered return type (or property/field/event type); empty for void and constructors.</summary>
    public string ReturnType { get; init; } = "";
    public string? ConstantValue { get; init; }
    public string? Obsolete { get; init; }
    public string? SourceText { get; init; }
    /// <summary>"View source" URL of this overload (raw), or null.</summary>
    public string? SourceUrl { get; init; }
    /// <summary>Rendered links to the members this one overrides or implements, named as declared (<c>IEnumerable&lt;T&gt;.GetEnumerator()</c>).</summary>
    public IReadOnlyList<string> Implements { get; init; } = [];
    /// <summary>Heading for <see cref="ReturnType"/>: <c>Returns</c> (methods, operators), <c>Property value</c>, <c>Field value</c>,
    /// <c>Event type</c>, or empty for constructors.</summary>
    public string ReturnsLabel { get; init; } = "Returns";
    public bool IsStatic { get; init; }
}

/// <summary><c>member</c>: all overloads of one member name.</summary>
public sealed record MemberPageView(string Name, string Kind, LinkView Type, LinkView Namespace, IReadOnlyList<OverloadView> Overloads)
{
    /// <summary>Rendered SHFB <c>&lt;overloads&gt;</c> text of the first overload that has one: the page's common summary.</summary>
    public string OverloadsSummary { get; init; } = "";

    public bool HasOverloads => Overloads.Count > 1;
    public int OverloadCount => Overloads.Count;
}

public sealed record ProvenanceCount(string Label, int Count);

public sealed record CoverageNamespaceView(string Name, string Url, CoverageNumbers Coverage);

public sealed record UndocumentedView(string Name, string Url, string Kind, string Namespace, BadgeView Badge);

/// <summary>A member a person documented in part: <c>Parts</c> names what is missing or what DocGen added (<c>returns</c>, <c>param:x</c>).</summary>
public sealed record PartialView(string Name, string Url, string Kind, string Namespace, string Parts, BadgeView Badge);

/// <summary><c>coverage</c>: documented and missing per namespace.</summary>
public sealed record CoverageView(
    CoverageNumbers Totals,
    IReadOnlyList<ProvenanceCount> ByProvenance,
    IReadOnlyList<CoverageNamespaceView> Namespaces,
    IReadOnlyList<UndocumentedView> Undocumented)
{
    /// <summary>Members a person documented in part (counted as documented in <see cref="Totals"/>), apart from the undocumented.</summary>
    public IReadOnlyList<PartialView> Partial { get; init; } = [];
}
