using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using DocGen.Core.Model;
using Microsoft.CodeAnalysis;
using static DocGen.Core.Extraction.CSharpSignatures;

namespace DocGen.Core.Extraction;

/// <summary>A member of a C# 14 <c>extension(...)</c> block, as the static class that holds the block shows it.</summary>
/// <param name="Model">The member without docs or sources.</param>
/// <param name="DocId">The id the compiler gives it in the XML file (with its <c>&lt;G&gt;$…</c> block name).</param>
/// <param name="Symbol">The member as declared in the block (for implicit inheritdoc).</param>
internal sealed record ExtensionMember(MemberModel Model, string DocId, ISymbol Symbol);

/// <summary>The shown members of a static class's extension blocks, and the compiler's implementation methods they hide.</summary>
/// <param name="Members">The shown members.</param>
/// <param name="Implementations">The compiler's static implementation methods (accessors included), never shown themselves.</param>
/// <param name="ImplementationIds">The ids of the implementations of accessors → the id of their property: a cref to an extension
/// property compiles to its getter's implementation (<c>M:T.get_Name(…)</c>), which must lead to the property.</param>
internal sealed record ExtensionBlockMembers(IReadOnlyList<ExtensionMember> Members, IReadOnlySet<IMethodSymbol> Implementations, IReadOnlyDictionary<string, string> ImplementationIds)
{
    public static readonly ExtensionBlockMembers None = new([], new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), new Dictionary<string, string>());
}

/// <summary>
/// Reads C# 14 extension blocks: instance and static methods, properties and operators, each shown as the source
/// declares it (<c>extension(Money m) public static Money Parse(string s)</c>), never as the static method the compiler
/// emits for it. Ids are those of the implementation methods (the block ids carry compiler-generated names); a
/// property's id reads like an indexed property of the static class. Only accessible members of shown classes count,
/// so the internal polyfill blocks a library compiles in never appear nor get in the way.
/// </summary>
internal sealed class ExtensionBlocks(SymbolFilter filter)
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, ExtensionBlockMembers> _cache = new(SymbolEqualityComparer.Default);

    public ExtensionBlockMembers Of(INamedTypeSymbol staticClass) => _cache.GetOrAdd(staticClass, Read);

    private ExtensionBlockMembers Read(INamedTypeSymbol type)
    {
        if (!type.IsStatic || !filter.IsShownType(type) || type.GetDocumentationCommentId() is not { } typeId) return ExtensionBlockMembers.None;
        var members = new List<ExtensionMember>();
        var implementations = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var implementationIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in type.GetTypeMembers().Where(t => t.TypeKind == TypeKind.Extension))
        {
            foreach (var member in block.GetMembers())
            {
                // Every implementation is hidden, shown or not: an inaccessible block member's static method is no API either.
                foreach (var accessor in Methods(member))
                    if (accessor.AssociatedExtensionImplementation is { } impl) implementations.Add(impl.OriginalDefinition);
                if (member is INamedTypeSymbol || member.IsImplicitlyDeclared || !filter.IsAccessible(member.DeclaredAccessibility)) continue;
                if (member.GetDocumentationCommentId() is not { } blockId) continue;
                var model = member switch
                {
                    IMethodSymbol { AssociatedSymbol: null } method => Method(method, block, typeId),
                    IPropertySymbol property => Property(property, block, typeId),
                    _ => null,
                };
                if (model is null) continue;
                members.Add(new ExtensionMember(model, blockId, member));
                if (member is IPropertySymbol shown)
                    foreach (var accessor in Methods(shown))
                        if (accessor.AssociatedExtensionImplementation?.OriginalDefinition.GetDocumentationCommentId() is { } accessorImplId)
                            implementationIds[accessorImplId] = model.Id;
            }
        }
        return members.Count == 0 && implementations.Count == 0 ? ExtensionBlockMembers.None : new ExtensionBlockMembers(members, implementations, implementationIds);
    }

    private static IEnumerable<IMethodSymbol> Methods(ISymbol member) => member switch
    {
        IMethodSymbol m => [m],
        IPropertySymbol p => new[] { p.GetMethod, p.SetMethod }.OfType<IMethodSymbol>(),
        _ => [],
    };

    private MemberModel? Method(IMethodSymbol method, INamedTypeSymbol block, string typeId)
    {
        if (method.AssociatedExtensionImplementation?.OriginalDefinition.GetDocumentationCommentId() is not { } implId) return null;
        var receiver = block.ExtensionParameter;
        var (kind, name) = method.MethodKind switch
        {
            MethodKind.UserDefinedOperator => (ApiMemberKind.Operator, "operator " + OperatorToken(method)),
            MethodKind.Conversion => (ApiMemberKind.ConversionOperator,
                (method.MetadataName.Contains("Explicit", StringComparison.Ordinal) ? "explicit" : "implicit") + " operator " + Type(method.ReturnType)),
            _ => (ApiMemberKind.Method, EscapeIdentifier(method.Name)),
        };
        var own = method.Parameters.Select(p => Parameter(p)).ToImmutableArray();
        var paramText = string.Join(", ", own.Select((p, i) => ParameterText(p, method.Parameters[i])));
        var typeParams = MemberFactory.TypeParameterList(method.TypeParameters);
        var sig = new StringBuilder(Header(block)).Append(' ').Append(Prefix(method));
        if (kind != ApiMemberKind.ConversionOperator) sig.Append(method.ReturnsVoid ? "void" : Type(method.ReturnType)).Append(' ');
        sig.Append(name).Append(kind == ApiMemberKind.Method ? typeParams : "").Append('(').Append(paramText).Append(')')
            .Append(ConstraintClauses(block.TypeParameters.AddRange(method.TypeParameters)));
        var ownTypes = MemberFactory.ParameterTypes(method.Parameters);
        var display = kind == ApiMemberKind.Method
            ? Receiver(receiver) + name + typeParams + "(" + ownTypes + ")"
            : name + "(" + ownTypes + ")";
        var receiverParameter = receiver is not null && !method.IsStatic ? Parameter(receiver, isExtensionReceiver: true) : null;
        return new MemberModel
        {
            Id = implId,
            Name = name,
            DisplayName = display,
            Kind = kind,
            Accessibility = ToModel(method.DeclaredAccessibility),
            Signature = sig.ToString(),
            ContainingTypeId = typeId,
            TypeParameters = TypeParameters(block.TypeParameters.AddRange(method.TypeParameters)),
            Parameters = receiverParameter is null ? own : own.Insert(0, receiverParameter),
            ReturnType = method.ReturnsVoid ? null : TypeRef(method.ReturnType),
            IsStatic = method.IsStatic,
            IsExtension = true,
            ExtendedType = receiver is null ? null : TypeRef(receiver.Type),
            Obsolete = filter.Obsolete(method),
            Attributes = filter.Attributes(method),
        };
    }

    private MemberModel? Property(IPropertySymbol property, INamedTypeSymbol block, string typeId)
    {
        var getterImpl = (property.GetMethod ?? property.SetMethod)?.AssociatedExtensionImplementation?.OriginalDefinition;
        if (getterImpl?.GetDocumentationCommentId() is not { } implId) return null;
        var receiver = block.ExtensionParameter;
        var receiverModel = receiver is null || property.IsStatic ? null : Parameter(receiver, isExtensionReceiver: true);
        var sig = $"{Header(block)} {Prefix(property)}{Type(property.Type)} {EscapeIdentifier(property.Name)}{Accessors(property)}{ConstraintClauses(block.TypeParameters)}";
        return new MemberModel
        {
            // A static extension property's getter takes no receiver, so its id has no parameter list at all.
            Id = "P:" + typeId[2..] + "." + property.MetadataName + (implId.IndexOf('(') is >= 0 and var paren ? implId[paren..] : ""),
            Name = EscapeIdentifier(property.Name),
            DisplayName = Receiver(receiver) + EscapeIdentifier(property.Name),
            Kind = ApiMemberKind.Property,
            Accessibility = ToModel(property.DeclaredAccessibility),
            Signature = sig,
            ContainingTypeId = typeId,
            TypeParameters = TypeParameters(block.TypeParameters),
            Parameters = receiverModel is null ? [] : [receiverModel],
            ReturnType = TypeRef(property.Type),
            IsStatic = property.IsStatic,
            IsExtension = true,
            ExtendedType = receiver is null ? null : TypeRef(receiver.Type),
            Obsolete = filter.Obsolete(property),
            Attributes = filter.Attributes(property),
        };
    }

    /// <summary><c>extension&lt;T&gt;(ref Span&lt;T&gt; span)</c>, or <c>extension(Money)</c> when the receiver has no name.</summary>
    private static string Header(INamedTypeSymbol block)
    {
        var receiver = block.ExtensionParameter;
        if (receiver is null) return "extension" + MemberFactory.TypeParameterList(block.TypeParameters) + "()";
        var modifier = Modifier(receiver);
        var name = receiver.Name.Length == 0 ? "" : " " + EscapeIdentifier(receiver.Name);
        return $"extension{MemberFactory.TypeParameterList(block.TypeParameters)}({(modifier is null ? "" : modifier + " ")}{Type(receiver.Type)}{name})";
    }

    private static string Receiver(IParameterSymbol? receiver) => receiver is null ? "" : Type(receiver.Type) + ".";

    private static string Prefix(ISymbol member) =>
        Accessibility(member.DeclaredAccessibility) + " " + (member.IsStatic ? "static " : "");

    private string Accessors(IPropertySymbol p)
    {
        var parts = new List<string>();
        if (p.GetMethod is { } get && filter.IsAccessible(get.DeclaredAccessibility)) parts.Add(AccessorPrefix(get, p) + "get;");
        if (p.SetMethod is { } set && filter.IsAccessible(set.DeclaredAccessibility)) parts.Add(AccessorPrefix(set, p) + (set.IsInitOnly ? "init;" : "set;"));
        return " { " + string.Join(" ", parts) + " }";
    }

    private static string AccessorPrefix(IMethodSymbol accessor, IPropertySymbol property) =>
        accessor.DeclaredAccessibility != property.DeclaredAccessibility ? Accessibility(accessor.DeclaredAccessibility) + " " : "";
}
