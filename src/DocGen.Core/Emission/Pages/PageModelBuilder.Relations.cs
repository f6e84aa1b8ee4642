using DocGen.Core.Emission.Rendering;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Pages;

/// <summary>What a type's page says about the types around it: the extension members that extend it, an interface's
/// implementers apart from the interfaces that extend it, and what each member's type section is called.</summary>
internal sealed partial class PageModelBuilder
{
    private ExtensionIndex? _extensions;

    /// <summary>Extension members of the model by the type they extend, built once.</summary>
    private ExtensionIndex Extensions => _extensions ?? Interlocked.CompareExchange(ref _extensions, new ExtensionIndex(model), null) ?? _extensions!;

    private ExtensionMemberView ExtensionSummary(MemberModel member, Page from)
    {
        var target = pages.Find(member.Id)!;
        var owner = pages.Find(member.ContainingTypeId)?.Page as TypePage;
        return new ExtensionMemberView(
            member.Name,
            member.DisplayName,
            _links.Relative(from, target.Page, target.Page is MemberPage { Members.Count: 1 } ? null : target.Anchor),
            owner is null ? new LinkView("", "") : new LinkView(owner.Type.QualifiedName, _links.Relative(from, owner)),
            MemberKindLabel(member.Kind),
            renderer.Render(member.Docs.Summary, new RenderScope(from, member.Id, member.Source)),
            ShortText(member.Docs.Summary),
            Badge(member.Provenance),
            member.IsStatic);
    }

    /// <summary>An interface's children in the model: the interfaces that extend it, or the classes and structs that implement it.</summary>
    private List<string> InterfaceChildren(TypeModel type, bool interfaces, Page from) =>
        type.DerivedTypes
            .Where(d => d.Id is not null && pages.Find(d.Id)?.Page is TypePage child && (child.Type.Kind == ApiTypeKind.Interface) == interfaces)
            .Select(d => renderer.TypeLink(d, from))
            .ToList();

    /// <summary>Where the declaring type of an inherited member stands among a type's ancestors: 0 for the direct base (or the
    /// first interface of an interface), after them all when it is not one of them.</summary>
    private static int AncestorRank(TypeModel type, string? id)
    {
        var ancestors = type.Kind == ApiTypeKind.Interface ? type.Interfaces : type.BaseTypes;
        for (var i = 0; i < ancestors.Length; i++)
            if (ancestors[i].Id == id) return i;
        return ancestors.Length;
    }

    /// <summary>What the section about a member's type is called: only methods, operators and delegates return something.</summary>
    internal static string ReturnsLabel(ApiMemberKind kind) => kind switch
    {
        ApiMemberKind.Property or ApiMemberKind.Indexer => "Property value",
        ApiMemberKind.Field or ApiMemberKind.Constant => "Field value",
        ApiMemberKind.Event => "Event type",
        ApiMemberKind.Constructor or ApiMemberKind.Destructor or ApiMemberKind.EnumValue => "",
        _ => "Returns",
    };
}
