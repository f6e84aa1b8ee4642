using System.Collections.Immutable;
using DocGen.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Core.Extraction;

/// <summary>Decides what the docs show: accessible, user-written API; never compiler-generated names.</summary>
internal sealed class SymbolFilter(bool includeInternals)
{
    /// <summary>Attributes that change how a caller may use the API, shown in signatures (short names, as C#).</summary>
    private static readonly HashSet<string> ShownAttributes = new(StringComparer.Ordinal)
    {
        "System.FlagsAttribute", "System.ObsoleteAttribute", "System.AttributeUsageAttribute",
        "System.Diagnostics.CodeAnalysis.ExperimentalAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresUnreferencedCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresDynamicCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresAssemblyFilesAttribute",
        "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute",
        "System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute",
        "System.Runtime.Versioning.RequiresPreviewFeaturesAttribute",
        "System.Runtime.Versioning.SupportedOSPlatformAttribute",
        "System.Runtime.Versioning.UnsupportedOSPlatformAttribute",
        "System.Runtime.Versioning.ObsoletedOSPlatformAttribute",
        "System.Runtime.CompilerServices.OverloadResolutionPriorityAttribute",
    };

    public bool IsAccessible(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal => true,
        Accessibility.Internal or Accessibility.ProtectedAndInternal => includeInternals,
        _ => false,
    };

    /// <summary>True when a reader of the docs can name the type: it and every type containing it are accessible
    /// (a public class may implement an internal interface, which its docs must not mention).</summary>
    public bool IsVisible(INamedTypeSymbol type) =>
        IsAccessible(type.DeclaredAccessibility) && (type.ContainingType is null || IsVisible(type.ContainingType));

    public static bool IsGeneratedName(string name) => name.Length == 0 || name.Contains('<') || name.Contains('$');

    public bool IsShownType(INamedTypeSymbol type) =>
        type.TypeKind != TypeKind.Extension
        && !type.IsImplicitlyDeclared
        && !IsGeneratedName(type.MetadataName)
        && IsAccessible(type.DeclaredAccessibility)
        && (type.ContainingType is null || IsShownType(type.ContainingType))
        && !IsCompilerGenerated(type);

    public bool IsShownMember(ISymbol symbol)
    {
        if (symbol.IsImplicitlyDeclared || symbol is INamedTypeSymbol) return false;
        if (ExplicitImplementations.Of(symbol) is { } implemented)
        {
            // Explicit implementations are private in metadata; they are API when the interface is. Those of an interface's
            // property or event accessors belong to that property or event, never shown on their own.
            if (symbol is IMethodSymbol method && (method.AssociatedSymbol is not null || ExplicitImplementations.IsAccessorImplementation(method))) return false;
            return IsAccessible(implemented.ContainingType.DeclaredAccessibility) && !IsCompilerGenerated(symbol);
        }
        if (IsGeneratedName(symbol.MetadataName) && symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.Destructor }) return false;
        if (!IsAccessible(symbol.DeclaredAccessibility) && symbol is not IMethodSymbol { MethodKind: MethodKind.Destructor }) return false;
        switch (symbol)
        {
            case IMethodSymbol m:
                if (m.AssociatedSymbol is not null || m.MethodKind is MethodKind.StaticConstructor or MethodKind.PropertyGet or MethodKind.PropertySet
                    or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise or MethodKind.DelegateInvoke)
                    return false;
                if (IsRecordPlumbing(m)) return false;
                break;
            case IPropertySymbol p when p.Name == "EqualityContract" && IsCompilerGenerated(p):
                return false;
            case IFieldSymbol f when f.AssociatedSymbol is not null:
                return false;
        }
        return true;
    }

    /// <summary>Accessors show in <c>{ get; set; }</c> when a reader can call them.</summary>
    public bool IsAccessorShown(IMethodSymbol accessor) =>
        accessor.AssociatedSymbol is IPropertySymbol property && ExplicitImplementations.IsExplicit(property) || IsAccessible(accessor.DeclaredAccessibility);

    /// <summary>Record members nobody calls by name: the clone method, the copy constructor, <c>PrintMembers</c>.</summary>
    private static bool IsRecordPlumbing(IMethodSymbol m) =>
        (m.Name == "PrintMembers"
            || m.MethodKind == MethodKind.Constructor && m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, m.ContainingType))
        && IsCompilerGenerated(m);

    public static bool IsCompilerGenerated(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass is { Name: "CompilerGeneratedAttribute", ContainingNamespace: { Name: "CompilerServices" } });

    /// <summary>Record structs look like structs in metadata; the compiler's <c>PrintMembers</c> gives them away.</summary>
    public static bool LooksLikeRecordStruct(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Struct && type.GetMembers("PrintMembers").OfType<IMethodSymbol>()
            .Any(m => m.Parameters.Length == 1 && m.Parameters[0].Type.Name == "StringBuilder" && IsCompilerGenerated(m));

    public ObsoleteInfo? Obsolete(ISymbol symbol)
    {
        var attr = symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute");
        if (attr is null) return null;
        var args = attr.ConstructorArguments;
        return new ObsoleteInfo(args.Length > 0 ? args[0].Value as string : null, args.Length > 1 && args[1].Value is true);
    }

    /// <summary>Attributes worth showing, as C# with short type names: <c>[Flags]</c>, <c>[Obsolete("…")]</c>, <c>[AttributeUsage(AttributeTargets.Class)]</c>.</summary>
    public ImmutableArray<string> Attributes(ISymbol symbol)
    {
        var list = ImmutableArray.CreateBuilder<string>();
        foreach (var a in symbol.GetAttributes())
        {
            var full = a.AttributeClass?.ToDisplayString();
            if (full is null || !ShownAttributes.Contains(full)) continue;
            var name = a.AttributeClass!.Name;
            if (name.EndsWith("Attribute", StringComparison.Ordinal)) name = name[..^"Attribute".Length];
            var args = a.ConstructorArguments.Select(Argument)
                .Concat(a.NamedArguments.Select(n => n.Key + " = " + Argument(n.Value)))
                .ToList();
            list.Add(args.Count == 0 ? $"[{name}]" : $"[{name}({string.Join(", ", args)})]");
        }
        return list.ToImmutable();
    }

    private static string Argument(TypedConstant constant) => constant.Kind switch
    {
        _ when constant.IsNull => "null",
        TypedConstantKind.Array => "[" + string.Join(", ", constant.Values.Select(Argument)) + "]",
        TypedConstantKind.Type when constant.Value is ITypeSymbol type => "typeof(" + CSharpSignatures.Type(type) + ")",
        TypedConstantKind.Enum or TypedConstantKind.Primitive when constant.Type is not null => CSharpSignatures.Constant(constant.Value, constant.Type),
        _ => constant.ToCSharpString(),
    };
}
