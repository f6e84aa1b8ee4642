using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using DocGen.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Core.Extraction;

/// <summary>Renders symbols as the C# a user writes: type references, parameters, constraints, declarations.</summary>
internal static class CSharpSignatures
{
    /// <summary>Types as written in a signature: containing types but no namespace, keywords for special types, <c>?</c> for nullable references.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
            | SymbolDisplayMiscellaneousOptions.UseErrorTypeSymbolName);

    /// <summary>Types for telling overloads apart: <see cref="TypeFormat"/> without nullable annotations, which do not make a different signature.</summary>
    public static readonly SymbolDisplayFormat KeyFormat = TypeFormat.RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>A type's own name with its type parameters (and variance), no containing types.</summary>
    private static readonly SymbolDisplayFormat NameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeVariance,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public static string Type(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    public static TypeRef TypeRef(ITypeSymbol type) => new(Type(type), LinkId(type));

    /// <summary>The id a type reference links to: the named type's definition (element type of arrays, underlying type of <c>T?</c>).</summary>
    public static string? LinkId(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => LinkId(array.ElementType),
        IPointerTypeSymbol pointer => LinkId(pointer.PointedAtType),
        INamedTypeSymbol { IsTupleType: true } => null,
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n => LinkId(n.TypeArguments[0]),
        INamedTypeSymbol { TypeKind: not TypeKind.Error } n => n.OriginalDefinition.GetDocumentationCommentId(),
        _ => null,
    };

    /// <summary><c>Name&lt;T&gt;</c> of the type itself, with variance (<c>out T</c>) for declarations.</summary>
    public static string TypeName(INamedTypeSymbol type, bool withVariance = false)
    {
        var display = type.ToDisplayString(NameFormat);
        return withVariance ? display : display.Replace("out ", "", StringComparison.Ordinal).Replace("in ", "", StringComparison.Ordinal);
    }

    /// <summary><c>Outer&lt;T&gt;.Inner</c>: containing types and the type, no namespace.</summary>
    public static string QualifiedName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? QualifiedName(outer) + "." + TypeName(type) : TypeName(type);

    public static string Accessibility(Accessibility a) => a switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    public static ApiAccessibility ToModel(Accessibility a) => a switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => ApiAccessibility.Public,
        Microsoft.CodeAnalysis.Accessibility.Protected => ApiAccessibility.Protected,
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => ApiAccessibility.ProtectedInternal,
        Microsoft.CodeAnalysis.Accessibility.Internal => ApiAccessibility.Internal,
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => ApiAccessibility.PrivateProtected,
        _ => ApiAccessibility.Private,
    };

    public static ImmutableArray<TypeParameterModel> TypeParameters(ImmutableArray<ITypeParameterSymbol> typeParameters) =>
        [.. typeParameters.Select(tp => new TypeParameterModel(tp.Name, Constraints(tp)))];

    /// <summary><c>class, new()</c> for <c>where T : class, new()</c>; null when unconstrained.</summary>
    public static string? Constraints(ITypeParameterSymbol tp)
    {
        var parts = new List<string>();
        if (tp.HasReferenceTypeConstraint) parts.Add(tp.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        else if (tp.HasUnmanagedTypeConstraint) parts.Add("unmanaged");
        else if (tp.HasValueTypeConstraint) parts.Add("struct");
        else if (tp.HasNotNullConstraint) parts.Add("notnull");
        // The unmanaged constraint is encoded as a modreq'd ValueType constraint: do not show it twice.
        parts.AddRange(tp.ConstraintTypes.Where(t => !(tp.HasUnmanagedTypeConstraint && t.SpecialType == SpecialType.System_ValueType)).Select(Type));
        if (tp.HasConstructorConstraint && !tp.HasValueTypeConstraint) parts.Add("new()");
        if (tp.AllowsRefLikeType) parts.Add("allows ref struct");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    public static string ConstraintClauses(ImmutableArray<ITypeParameterSymbol> typeParameters)
    {
        var sb = new StringBuilder();
        foreach (var tp in typeParameters)
            if (Constraints(tp) is { } c) sb.Append(" where ").Append(tp.Name).Append(" : ").Append(c);
        return sb.ToString();
    }

    public static ParameterModel Parameter(IParameterSymbol p, bool isExtensionReceiver = false) =>
        new(p.Name, TypeRef(p.Type), Modifier(p, isExtensionReceiver), p.HasExplicitDefaultValue ? Constant(p.ExplicitDefaultValue, p.Type) : null);

    public static string? Modifier(IParameterSymbol p, bool isExtensionReceiver = false)
    {
        if (p.IsParams) return "params";
        var refKind = p.RefKind switch
        {
            RefKind.Ref => "ref",
            RefKind.Out => "out",
            RefKind.In => "in",
            RefKind.RefReadOnlyParameter => "ref readonly",
            _ => null,
        };
        var isThis = isExtensionReceiver || (p.Ordinal == 0 && p.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true });
        return isThis ? refKind is null ? "this" : "this " + refKind : refKind;
    }

    /// <summary><c>int a</c>, <c>ref T value</c>, <c>string title = "x"</c>.</summary>
    public static string ParameterText(ParameterModel p, IParameterSymbol symbol)
    {
        var sb = new StringBuilder();
        if (symbol.IsParamsCollection && !symbol.IsParamsArray) sb.Append("params ");
        else if (p.Modifier is { } m) sb.Append(m).Append(' ');
        sb.Append(p.Type.Display).Append(' ').Append(EscapeIdentifier(p.Name));
        if (p.DefaultValue is { } d) sb.Append(" = ").Append(d);
        return sb.ToString();
    }

    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A constant as C# source: <c>null</c>, <c>42</c>, <c>"text"</c>, <c>ShapeStyle.Outlined</c>, <c>default</c>.</summary>
    public static string Constant(object? value, ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && value is not null)
            return EnumConstant(value, enumType);
        if (value is null) return type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || type.TypeKind == TypeKind.TypeParameter && !type.IsValueType ? "null" : "default";
        return value switch
        {
            bool b => b ? "true" : "false",
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
            double d => double.IsNaN(d) ? "double.NaN" : double.IsPositiveInfinity(d) ? "double.PositiveInfinity" : double.IsNegativeInfinity(d) ? "double.NegativeInfinity" : d.ToString("R", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
            IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary><c>ShapeStyle.Filled | ShapeStyle.Dashed</c>, a single member name, or a cast when no member matches.</summary>
    private static string EnumConstant(object value, INamedTypeSymbol enumType)
    {
        var typeName = Type(enumType);
        var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
        var exact = members.FirstOrDefault(f => Equals(f.ConstantValue, value));
        if (exact is not null) return typeName + "." + exact.Name;
        var raw = Convert.ToUInt64(value is long l ? unchecked((ulong)l) : value, CultureInfo.InvariantCulture);
        if (enumType.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute"))
        {
            var parts = new List<string>();
            var remaining = raw;
            foreach (var f in members.OrderByDescending(f => Convert.ToUInt64(f.ConstantValue, CultureInfo.InvariantCulture)))
            {
                var bits = Convert.ToUInt64(f.ConstantValue, CultureInfo.InvariantCulture);
                if (bits != 0 && (remaining & bits) == bits) { parts.Insert(0, typeName + "." + f.Name); remaining &= ~bits; }
            }
            if (remaining == 0 && parts.Count > 0) return string.Join(" | ", parts);
        }
        return "(" + typeName + ")" + Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    /// <summary>C# token of an operator method: <c>op_Addition</c> → <c>+</c>, <c>op_CheckedAddition</c> → <c>checked +</c>.</summary>
    public static string OperatorToken(IMethodSymbol method)
    {
        var kind = SyntaxFacts.GetOperatorKind(method.MetadataName);
        var token = kind == SyntaxKind.None ? method.Name : SyntaxFacts.GetText(kind);
        return method.MetadataName.StartsWith("op_Checked", StringComparison.Ordinal) ? "checked " + token : token;
    }
}
