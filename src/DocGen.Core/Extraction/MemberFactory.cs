using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using DocGen.Core.Model;
using Microsoft.CodeAnalysis;
using static DocGen.Core.Extraction.CSharpSignatures;

namespace DocGen.Core.Extraction;

/// <summary>Turns member symbols into <see cref="MemberModel"/>s without docs or sources (those are attached later).</summary>
internal sealed class MemberFactory(SymbolFilter filter)
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, IReadOnlyDictionary<ISymbol, List<ISymbol>>> _implementations = new(SymbolEqualityComparer.Default);

    /// <summary>The model of <paramref name="symbol"/>, or null when it is not shown (accessors, compiler-generated, hidden).</summary>
    public MemberModel? Create(ISymbol symbol, INamedTypeSymbol type)
    {
        if (!filter.IsShownMember(symbol)) return null;
        return symbol switch
        {
            IMethodSymbol m => Method(m, type),
            IPropertySymbol p => Property(p, type),
            IFieldSymbol f => Field(f, type),
            IEventSymbol e => Event(e, type),
            _ => null,
        };
    }

    private MemberModel? Method(IMethodSymbol m, INamedTypeSymbol type)
    {
        var typeName = EscapeIdentifier(type.Name);
        var explicitImpl = ExplicitImplementations.Of(m);
        var (kind, name) = m.MethodKind switch
        {
            MethodKind.Constructor => (ApiMemberKind.Constructor, typeName),
            MethodKind.Destructor => (ApiMemberKind.Destructor, "~" + typeName),
            MethodKind.UserDefinedOperator => (ApiMemberKind.Operator, "operator " + OperatorToken(m)),
            MethodKind.Conversion => (ApiMemberKind.ConversionOperator,
                (m.MetadataName.Contains("Explicit", StringComparison.Ordinal) ? "explicit" : "implicit") + " operator " + Type(m.ReturnType)),
            // An explicit implementation of a static abstract operator: IOptionMonad<T, Optional<T>>.operator |, not .op_BitwiseOr.
            MethodKind.ExplicitInterfaceImplementation when explicitImpl is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op =>
                (ApiMemberKind.Operator, ExplicitImplementations.InterfaceName(op.ContainingType, type) + ".operator " + OperatorToken(op)),
            MethodKind.ExplicitInterfaceImplementation when explicitImpl is IMethodSymbol { MethodKind: MethodKind.Conversion } conversion =>
                (ApiMemberKind.ConversionOperator, (conversion.MetadataName.Contains("Explicit", StringComparison.Ordinal) ? "explicit " : "implicit ")
                    + ExplicitImplementations.InterfaceName(conversion.ContainingType, type) + ".operator " + Type(m.ReturnType)),
            MethodKind.ExplicitInterfaceImplementation when explicitImpl is not null =>
                (ApiMemberKind.Method, ExplicitImplementations.InterfaceName(explicitImpl.ContainingType, type) + "." + EscapeIdentifier(explicitImpl.Name)),
            // An implicit implementation of a static abstract member: metadata calls it explicit, the source did not.
            MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation => (ApiMemberKind.Method, EscapeIdentifier(m.Name)),
            _ => ((ApiMemberKind)(-1), ""),
        };
        if (name.Length == 0) return null;

        var parameters = m.Parameters.Select(p => Parameter(p)).ToImmutableArray();
        var paramText = string.Join(", ", parameters.Select((p, i) => ParameterText(p, m.Parameters[i])));
        var typeParams = TypeParameterList(m.TypeParameters);
        var sb = new StringBuilder();
        switch (kind)
        {
            case ApiMemberKind.Destructor:
                sb.Append(name).Append("()");
                break;
            case ApiMemberKind.Constructor:
                sb.Append(Prefix(m, type)).Append(name).Append('(').Append(paramText).Append(')');
                break;
            case ApiMemberKind.ConversionOperator:
                sb.Append(Prefix(m, type)).Append(name).Append('(').Append(paramText).Append(')');
                break;
            default:
                sb.Append(Prefix(m, type)).Append(ReturnPrefix(m)).Append(m.ReturnsVoid ? "void" : Type(m.ReturnType)).Append(' ')
                  .Append(name).Append(typeParams).Append('(').Append(paramText).Append(')').Append(ConstraintClauses(m.TypeParameters));
                break;
        }
        var display = name + (kind == ApiMemberKind.Destructor ? "" : typeParams) + "(" + ParameterTypes(m.Parameters) + ")";
        return Overridable(m, explicitImpl, m.OverriddenMethod, type, name, display, kind, sb.ToString()) with
        {
            TypeParameters = TypeParameters(m.TypeParameters),
            Parameters = parameters,
            ReturnType = kind is ApiMemberKind.Constructor or ApiMemberKind.Destructor || m.ReturnsVoid ? null : TypeRef(m.ReturnType),
            IsExtension = m.IsExtensionMethod,
            ExtendedType = m.IsExtensionMethod && m.Parameters.Length > 0 ? TypeRef(m.Parameters[0].Type) : null,
        };
    }

    private MemberModel Property(IPropertySymbol p, INamedTypeSymbol type)
    {
        var explicitImpl = ExplicitImplementations.Of(p);
        var qualifier = explicitImpl is null ? "" : ExplicitImplementations.InterfaceName(explicitImpl.ContainingType, type) + ".";
        var isIndexer = ExplicitImplementations.IsIndexer(p);
        var indexParameters = isIndexer ? ExplicitImplementations.IndexerParameters(p, type) : p.Parameters;
        var parameters = indexParameters.Select(x => Parameter(x)).ToImmutableArray();
        string name, display, sig;
        if (isIndexer)
        {
            name = qualifier + "this[]";
            display = qualifier + "this[" + ParameterTypes(indexParameters) + "]";
            var paramText = string.Join(", ", parameters.Select((x, i) => ParameterText(x, indexParameters[i])));
            sig = $"{Prefix(p, type)}{ReturnPrefix(p)}{Type(p.Type)} {qualifier}this[{paramText}]{Accessors(p, type)}";
        }
        else
        {
            name = display = qualifier + EscapeIdentifier(explicitImpl?.Name ?? p.Name);
            sig = $"{Prefix(p, type)}{ReturnPrefix(p)}{Type(p.Type)} {name}{Accessors(p, type)}";
        }
        var kind = isIndexer ? ApiMemberKind.Indexer : ApiMemberKind.Property;
        return Overridable(p, explicitImpl, p.OverriddenProperty, type, name, display, kind, sig) with
        {
            Parameters = parameters,
            ReturnType = TypeRef(p.Type),
        };
    }

    private MemberModel Field(IFieldSymbol f, INamedTypeSymbol type)
    {
        var isEnum = type.TypeKind == TypeKind.Enum;
        var value = f.HasConstantValue
            ? isEnum ? Constant(f.ConstantValue, type.EnumUnderlyingType!) : Constant(f.ConstantValue, f.Type)
            : null;
        string sig;
        if (isEnum) sig = EscapeIdentifier(f.Name) + (value is null ? "" : " = " + value);
        else
        {
            var mods = f.IsConst ? "const " : (f.IsStatic ? "static " : "") + (f.IsReadOnly ? "readonly " : "") + (f.IsVolatile ? "volatile " : "") + (f.IsRequired ? "required " : "");
            sig = $"{Accessibility(f.DeclaredAccessibility)} {mods}{Type(f.Type)} {EscapeIdentifier(f.Name)}" + (f.IsConst && value is not null ? " = " + value : "");
        }
        return new MemberModel
        {
            Id = f.GetDocumentationCommentId()!,
            Name = EscapeIdentifier(f.Name),
            DisplayName = EscapeIdentifier(f.Name),
            Kind = isEnum ? ApiMemberKind.EnumValue : f.IsConst ? ApiMemberKind.Constant : ApiMemberKind.Field,
            Accessibility = ToModel(f.DeclaredAccessibility),
            Signature = sig,
            ContainingTypeId = type.GetDocumentationCommentId()!,
            ReturnType = isEnum ? null : TypeRef(f.Type),
            ConstantValue = value,
            IsStatic = f.IsStatic,
            Obsolete = filter.Obsolete(f),
            Attributes = filter.Attributes(f),
        };
    }

    private MemberModel Event(IEventSymbol e, INamedTypeSymbol type)
    {
        var explicitImpl = ExplicitImplementations.Of(e);
        var name = (explicitImpl is null ? "" : ExplicitImplementations.InterfaceName(explicitImpl.ContainingType, type) + ".") + EscapeIdentifier(explicitImpl?.Name ?? e.Name);
        return Overridable(e, explicitImpl, e.OverriddenEvent, type, name, name, ApiMemberKind.Event, $"{Prefix(e, type)}event {Type(e.Type)} {name}") with
        {
            ReturnType = TypeRef(e.Type),
        };
    }

    /// <summary>
    /// What methods, properties and events share: they can be static, abstract, virtual, overrides and
    /// explicit interface implementations (which are public whatever their declared accessibility).
    /// </summary>
    private MemberModel Overridable(ISymbol member, ISymbol? explicitImpl, ISymbol? overridden, INamedTypeSymbol type,
        string name, string displayName, ApiMemberKind kind, string signature) => new()
    {
        Id = member.GetDocumentationCommentId()!,
        Name = name,
        DisplayName = displayName,
        Kind = kind,
        Accessibility = ToModel(explicitImpl is null ? member.DeclaredAccessibility : Microsoft.CodeAnalysis.Accessibility.Public),
        Signature = signature,
        ContainingTypeId = type.GetDocumentationCommentId()!,
        IsStatic = member.IsStatic,
        IsAbstract = member.IsAbstract,
        IsVirtual = member.IsVirtual,
        IsOverride = member.IsOverride,
        ExplicitInterfaceMemberId = explicitImpl?.OriginalDefinition.GetDocumentationCommentId(),
        ImplementedMembers = Implemented(member, overridden, type),
        Obsolete = filter.Obsolete(member),
        Attributes = filter.Attributes(member),
    };

    /// <summary><c>int, out string</c>: parameter types with ref-kind, which tells overloads apart.</summary>
    public static string ParameterTypes(ImmutableArray<IParameterSymbol> parameters, SymbolDisplayFormat? format = null) =>
        string.Join(", ", parameters.Select(p => p.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => "",
        } + (format is null ? Type(p.Type) : p.Type.ToDisplayString(format))));

    public static string TypeParameterList(ImmutableArray<ITypeParameterSymbol> typeParameters) =>
        typeParameters.IsEmpty ? "" : "<" + string.Join(", ", typeParameters.Select(t => t.Name)) + ">";

    /// <summary>Accessibility and modifiers; interface members omit the implied <c>public abstract</c>.</summary>
    private static string Prefix(ISymbol s, INamedTypeSymbol type)
    {
        var sb = new StringBuilder();
        var inInterface = type.TypeKind == TypeKind.Interface;
        // An explicit implementation has no accessibility; an explicit static one (of a static abstract member) keeps "static".
        if (ExplicitImplementations.IsExplicit(s)) return s.IsStatic ? "static " : "";
        if (!(inInterface && s.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public))
            sb.Append(Accessibility(s.DeclaredAccessibility)).Append(' ');
        if (s.IsStatic) sb.Append("static ");
        if (s is IMethodSymbol { MethodKind: MethodKind.Constructor }) return sb.ToString();
        if (inInterface)
        {
            if (s.IsStatic && s.IsAbstract) sb.Append("abstract ");
            else if (s.IsStatic && s.IsVirtual) sb.Append("virtual ");
            return sb.ToString();
        }
        if (s.IsAbstract) sb.Append("abstract ");
        else if (s.IsOverride) sb.Append(s.IsSealed ? "sealed override " : "override ");
        else if (s.IsVirtual) sb.Append("virtual ");
        if (s is IPropertySymbol { IsRequired: true }) sb.Append("required ");
        if (type.TypeKind == TypeKind.Struct && !type.IsReadOnly && IsReadOnlyMember(s)) sb.Append("readonly ");
        return sb.ToString();
    }

    private static bool IsReadOnlyMember(ISymbol s) => s switch
    {
        IMethodSymbol m => m.IsReadOnly && !m.IsStatic,
        IPropertySymbol p => !p.IsStatic && (p.GetMethod?.IsReadOnly ?? true) && (p.SetMethod?.IsReadOnly ?? true),
        _ => false,
    };

    private static string ReturnPrefix(IMethodSymbol m) => m.ReturnsByRefReadonly ? "ref readonly " : m.ReturnsByRef ? "ref " : "";

    private static string ReturnPrefix(IPropertySymbol p) => p.ReturnsByRefReadonly ? "ref readonly " : p.ReturnsByRef ? "ref " : "";

    /// <summary><c> { get; protected set; }</c>: only accessors a reader of the docs can call.</summary>
    private string Accessors(IPropertySymbol p, INamedTypeSymbol type)
    {
        var parts = new List<string>();
        var (getter, setter) = ExplicitImplementations.Accessors(p, type);
        var isExplicit = ExplicitImplementations.IsExplicit(p);
        if (getter is { } get && (isExplicit || filter.IsAccessorShown(get))) parts.Add(AccessorPrefix(get, p) + "get;");
        if (setter is { } set && (isExplicit || filter.IsAccessorShown(set))) parts.Add(AccessorPrefix(set, p) + (set.IsInitOnly ? "init;" : "set;"));
        return " { " + string.Join(" ", parts) + " }";
    }

    private static string AccessorPrefix(IMethodSymbol accessor, IPropertySymbol property) =>
        accessor.DeclaredAccessibility != property.DeclaredAccessibility && !ExplicitImplementations.IsExplicit(property)
            ? Accessibility(accessor.DeclaredAccessibility) + " " : "";

    /// <summary>Overridden member and implemented interface members (explicitly or implicitly), with the names a reader knows them by.</summary>
    private ImmutableArray<MemberRef> Implemented(ISymbol member, ISymbol? overridden, INamedTypeSymbol type)
    {
        var refs = new List<MemberRef>();
        if (overridden is not null && Ref(overridden, type) is { } o) refs.Add(o);
        var explicitImpls = member switch
        {
            IMethodSymbol m => m.ExplicitInterfaceImplementations.Cast<ISymbol>(),
            IPropertySymbol p => p.ExplicitInterfaceImplementations,
            IEventSymbol e => e.ExplicitInterfaceImplementations,
            _ => [],
        };
        foreach (var i in explicitImpls)
            if (Ref(i, type) is { } r) refs.Add(r);
        if (!explicitImpls.Any() && ImplementationMap(type).TryGetValue(member, out var implemented))
            refs.AddRange(implemented.Select(i => Ref(i, type)).OfType<MemberRef>());
        return [.. refs.DistinctBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary><c>IEnumerable&lt;T&gt;.GetEnumerator()</c>, <c>IList&lt;T&gt;.this[int]</c>, <c>Shape.Area</c>: what the member is called where it is declared.</summary>
    private MemberRef? Ref(ISymbol symbol, INamedTypeSymbol type)
    {
        // A member of an internal interface is no contract a reader can see.
        if (!filter.IsVisible(symbol.ContainingType) || symbol.OriginalDefinition.GetDocumentationCommentId() is not { } id) return null;
        var owner = symbol.ContainingType.TypeKind == TypeKind.Interface ? ExplicitImplementations.InterfaceName(symbol.ContainingType, type) : Type(symbol.ContainingType);
        var name = symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } m => "operator " + OperatorToken(m) + "(" + ParameterTypes(m.Parameters) + ")",
            IMethodSymbol { MethodKind: MethodKind.Conversion } m => "operator " + Type(m.ReturnType) + "(" + ParameterTypes(m.Parameters) + ")",
            IMethodSymbol m => EscapeIdentifier(m.Name) + TypeParameterList(m.TypeParameters) + "(" + ParameterTypes(m.Parameters) + ")",
            IPropertySymbol { IsIndexer: true } p => "this[" + ParameterTypes(p.Parameters) + "]",
            _ => EscapeIdentifier(symbol.Name),
        };
        return new MemberRef(owner + "." + name, id);
    }

    /// <summary>Member of <paramref name="type"/> → the interface members it implements, computed once per type
    /// (types such as <c>int</c> implement hundreds of generic-math members; asking per member would be quadratic).</summary>
    private IReadOnlyDictionary<ISymbol, List<ISymbol>> ImplementationMap(INamedTypeSymbol type) => _implementations.GetOrAdd(type, t =>
    {
        var map = new Dictionary<ISymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
        foreach (var iface in t.AllInterfaces)
            foreach (var candidate in iface.GetMembers())
            {
                if (candidate is not (IMethodSymbol { AssociatedSymbol: null } or IPropertySymbol or IEventSymbol)) continue;
                if (t.FindImplementationForInterfaceMember(candidate) is not { } impl || !SymbolEqualityComparer.Default.Equals(impl.ContainingType, t)) continue;
                (map.TryGetValue(impl, out var list) ? list : map[impl] = []).Add(candidate);
            }
        return map;
    });
}
