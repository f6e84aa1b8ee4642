using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using static DocGen.Core.Extraction.CSharpSignatures;

namespace DocGen.Core.Extraction;

/// <summary>
/// What metadata says about interface implementations, read the way the source declared them. Metadata records
/// every implementation of a static abstract or virtual member with a method-impl entry, exactly as it records an
/// explicit implementation, so Roslyn reports both as explicit: only a member whose own name is qualified
/// (<c>System.Collections.IList.Item</c>) was written explicitly; <c>public static Money MaxValue</c> was not.
/// </summary>
internal static class ExplicitImplementations
{
    /// <summary>The interface member that <paramref name="member"/> implements explicitly, or null when it was not declared explicitly.</summary>
    public static ISymbol? Of(ISymbol member)
    {
        if (!member.Name.Contains('.', StringComparison.Ordinal)) return null;
        return member switch
        {
            IMethodSymbol m => m.ExplicitInterfaceImplementations.FirstOrDefault(),
            IPropertySymbol p => p.ExplicitInterfaceImplementations.FirstOrDefault(),
            IEventSymbol e => e.ExplicitInterfaceImplementations.FirstOrDefault(),
            _ => null,
        };
    }

    public static bool IsExplicit(ISymbol member) => Of(member) is not null;

    /// <summary>
    /// The interface as the implementing type declares it (<c>IEquatable&lt;Money?&gt;</c>, nullable annotations kept):
    /// the interface seen through an explicit implementation has lost the annotations of the type's interface list.
    /// </summary>
    public static string InterfaceName(INamedTypeSymbol iface, INamedTypeSymbol type)
    {
        foreach (var declared in type.AllInterfaces)
            if (SymbolEqualityComparer.Default.Equals(declared, iface)) return Type(declared);
        return Type(iface);
    }

    /// <summary>
    /// The accessors of a property. Metadata loses the link between an explicitly implemented indexer and its
    /// accessor methods (its accessors then read as two stray methods and its parameters as none): they are found
    /// again through the interface property's accessors.
    /// </summary>
    public static (IMethodSymbol? Get, IMethodSymbol? Set) Accessors(IPropertySymbol property, INamedTypeSymbol type)
    {
        if (property.GetMethod is not null || property.SetMethod is not null) return (property.GetMethod, property.SetMethod);
        if (Of(property) is not IPropertySymbol target) return (null, null);
        return (Implementing(target.GetMethod, type), Implementing(target.SetMethod, type));
    }

    /// <summary>The parameters of an indexer, from its accessors when metadata did not link them.</summary>
    public static ImmutableArray<IParameterSymbol> IndexerParameters(IPropertySymbol property, INamedTypeSymbol type)
    {
        if (!property.Parameters.IsEmpty) return property.Parameters;
        var (get, set) = Accessors(property, type);
        if (get is not null) return get.Parameters;
        return set is null || set.Parameters.IsEmpty ? [] : set.Parameters.RemoveAt(set.Parameters.Length - 1);
    }

    /// <summary>True for an indexer (also one that metadata shows without parameters, implementing an interface's indexer).</summary>
    public static bool IsIndexer(IPropertySymbol property) =>
        property.IsIndexer || Of(property) is IPropertySymbol { IsIndexer: true };

    /// <summary>True for a method that implements an interface's property or event accessor: it is part of that property, never a member of its own.</summary>
    public static bool IsAccessorImplementation(IMethodSymbol method) =>
        method.ExplicitInterfaceImplementations.Any(i => i.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise);

    private static IMethodSymbol? Implementing(IMethodSymbol? interfaceAccessor, INamedTypeSymbol type)
    {
        if (interfaceAccessor is null) return null;
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            foreach (var implemented in method.ExplicitInterfaceImplementations)
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceAccessor.OriginalDefinition)) return method;
        return null;
    }
}
