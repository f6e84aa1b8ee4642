using System.Collections.Immutable;

namespace DocGen.Core.Model;

/// <summary>The API of one or more compiled assemblies, as the emitters see it. Immutable.</summary>
/// <remarks>
/// Every id is a documentation comment id (<c>T:Ns.Type`1</c>, <c>M:Ns.Type.Method(System.Int32)</c>),
/// so the model, the XML doc file, crefs and the generation cache all speak the same keys.
/// </remarks>
public sealed record ApiModel(ImmutableArray<AssemblyModel> Assemblies)
{
    /// <summary>Every type of every assembly, nested types included, in a stable order.</summary>
    public IEnumerable<TypeModel> AllTypes =>
        Assemblies.SelectMany(a => a.Namespaces).SelectMany(n => n.Types);

    /// <summary>Every member of every type, in a stable order.</summary>
    public IEnumerable<MemberModel> AllMembers => AllTypes.SelectMany(t => t.Members);
}

/// <summary>One compiled assembly.</summary>
/// <param name="Name">Assembly simple name.</param>
/// <param name="Version">Assembly version, or <see langword="null"/> when unknown.</param>
/// <param name="TargetFramework">Target framework moniker such as <c>net10.0</c>, or empty when unknown.</param>
/// <param name="Namespaces">Namespaces ordered by name; the global namespace has the empty name.</param>
public sealed record AssemblyModel(
    string Name,
    string? Version,
    string TargetFramework,
    ImmutableArray<NamespaceModel> Namespaces)
{
    /// <summary>The assembly's <c>AssemblyInformationalVersion</c> (the build's <c>$(Version)</c>, maybe with <c>+commit</c>), or null.</summary>
    public string? InformationalVersion { get; init; }

    /// <summary>Where the sources are on the web (the PDB's SourceLink map, or one made from <c>RepositoryUrl</c> and the commit); empty when unknown.</summary>
    public ImmutableArray<SourceLinkMapping> SourceLinks { get; init; } = [];

    /// <summary>The local git repository around the project, used to map paths of a deterministic (<c>/_/</c>) build; null when unknown.</summary>
    public string? RepositoryRoot { get; init; }
}

/// <summary>A namespace and the types declared in it (nested types included, flattened, ordered by full name).</summary>
public sealed record NamespaceModel(string Name, ImmutableArray<TypeModel> Types)
{
    /// <summary>Documentation comment id of the namespace (<c>N:Ns</c>).</summary>
    public string Id => "N:" + Name;

    /// <summary>Name to show; the global namespace shows as <c>(global)</c>.</summary>
    public string DisplayName => Name.Length == 0 ? "(global)" : Name;
}

/// <summary>The kind of a type as a C# user writes it.</summary>
public enum ApiTypeKind { Class, Struct, Interface, Enum, Delegate, Record, RecordStruct }

/// <summary>The kind of a member as a C# user writes it.</summary>
public enum ApiMemberKind
{
    Constructor, Method, Property, Indexer, Event, Field, Constant, Operator, ConversionOperator, EnumValue, Destructor,
}

/// <summary>Declared accessibility, as C# spells it.</summary>
public enum ApiAccessibility { Public, Protected, ProtectedInternal, Internal, PrivateProtected, Private }

/// <summary>A reference to a type as it appears in a signature.</summary>
/// <param name="Display">C# display text, e.g. <c>List&lt;string&gt;</c> or <c>int?</c>.</param>
/// <param name="Id">Documentation comment id of the named type (<c>T:System.Collections.Generic.List`1</c>), or null for type parameters, arrays of them, tuples and other unlinkable shapes.</param>
public sealed record TypeRef(string Display, string? Id);

/// <summary>A reference to a member: how a reader knows it (<c>IList&lt;T&gt;.this[int]</c>) and its documentation comment id.</summary>
public sealed record MemberRef(string Display, string Id);

/// <summary>A type parameter with its constraints rendered as C# (<c>class, new()</c>), or null when unconstrained.</summary>
public sealed record TypeParameterModel(string Name, string? Constraints);

/// <summary>A method, indexer, delegate or operator parameter.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Type">Parameter type.</param>
/// <param name="Modifier"><c>ref</c>, <c>out</c>, <c>in</c>, <c>ref readonly</c>, <c>params</c>, <c>this</c>, or null.</param>
/// <param name="DefaultValue">Default value as C# source (<c>null</c>, <c>42</c>, <c>"x"</c>), or null when there is none.</param>
public sealed record ParameterModel(string Name, TypeRef Type, string? Modifier, string? DefaultValue);

/// <summary>Where a declaration is in the sources; <paramref name="Line"/> is 1-based.</summary>
public sealed record SourceLocation(string Path, int Line);

/// <summary>An <c>[Obsolete]</c> attribute.</summary>
public sealed record ObsoleteInfo(string? Message, bool IsError);

/// <summary>A member inherited from a base type, listed on the derived type's page.</summary>
/// <param name="Id">Documentation comment id of the inherited member.</param>
/// <param name="DisplayName">Name as shown, e.g. <c>ToString()</c>.</param>
/// <param name="DeclaringType">The type that declares it.</param>
public sealed record InheritedMemberRef(string Id, string DisplayName, TypeRef DeclaringType);

/// <summary>A class, struct, record, interface, enum or delegate.</summary>
public sealed record TypeModel
{
    /// <summary>Documentation comment id, e.g. <c>T:Ns.Outer`1.Inner</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Short display name with type parameters, e.g. <c>Inner</c> or <c>Dictionary&lt;TKey, TValue&gt;</c>.</summary>
    public required string Name { get; init; }
    /// <summary>Display name qualified by containing types but not the namespace, e.g. <c>Outer&lt;T&gt;.Inner</c>.</summary>
    public required string QualifiedName { get; init; }
    /// <summary>Namespace name, empty for the global namespace.</summary>
    public required string Namespace { get; init; }
    public required ApiTypeKind Kind { get; init; }
    public required ApiAccessibility Accessibility { get; init; }
    /// <summary>The C# declaration line, e.g. <c>public sealed class Foo&lt;T&gt; : Bar, IBaz where T : class</c>.</summary>
    public required string Signature { get; init; }
    /// <summary>Id of the containing type for nested types.</summary>
    public string? ContainingTypeId { get; init; }
    public ImmutableArray<TypeParameterModel> TypeParameters { get; init; } = [];
    /// <summary>Base classes from the nearest up to <c>System.Object</c> (empty for interfaces, structs show <c>ValueType</c>).</summary>
    public ImmutableArray<TypeRef> BaseTypes { get; init; } = [];
    /// <summary>All implemented interfaces, directly or inherited.</summary>
    public ImmutableArray<TypeRef> Interfaces { get; init; } = [];
    /// <summary>Types in the model that derive from or implement this type directly.</summary>
    public ImmutableArray<TypeRef> DerivedTypes { get; init; } = [];
    /// <summary>Ids of nested types declared directly in this type.</summary>
    public ImmutableArray<string> NestedTypeIds { get; init; } = [];
    /// <summary>Members declared in this type, ordered by kind then name then signature.</summary>
    public ImmutableArray<MemberModel> Members { get; init; } = [];
    /// <summary>Accessible members inherited from base types (not overridden or hidden).</summary>
    public ImmutableArray<InheritedMemberRef> InheritedMembers { get; init; } = [];
    /// <summary>For delegates: the <c>Invoke</c> parameters and return type.</summary>
    public ImmutableArray<ParameterModel> DelegateParameters { get; init; } = [];
    public TypeRef? DelegateReturnType { get; init; }
    /// <summary>For enums: the underlying type, e.g. <c>int</c>.</summary>
    public string? EnumUnderlyingType { get; init; }
    public bool IsFlags { get; init; }
    public bool IsStatic { get; init; }
    public bool IsAbstract { get; init; }
    public bool IsSealed { get; init; }
    public ObsoleteInfo? Obsolete { get; init; }
    /// <summary>Attributes worth showing in the signature box, rendered as C# (<c>[Flags]</c>).</summary>
    public ImmutableArray<string> Attributes { get; init; } = [];
    public DocComment Docs { get; init; } = DocComment.Empty;
    public Provenance Provenance { get; init; } = Provenance.Missing;
    public SourceLocation? Source { get; init; }
    /// <summary>Hash over the type's signature and docs; changes when anything shown about it changes.</summary>
    public string Fingerprint { get; init; } = "";
}

/// <summary>A member of a type.</summary>
public sealed record MemberModel
{
    /// <summary>Documentation comment id, e.g. <c>M:Ns.Type.Add(System.Int32,System.Int32)</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Name as a user writes it (<c>Add</c>, <c>Item</c> → <c>this[]</c>, <c>op_Addition</c> → <c>operator +</c>, constructors → the type name).</summary>
    public required string Name { get; init; }
    /// <summary>Name with parameter types, e.g. <c>Add(int, int)</c>; unique within the type.</summary>
    public required string DisplayName { get; init; }
    public required ApiMemberKind Kind { get; init; }
    public required ApiAccessibility Accessibility { get; init; }
    /// <summary>The C# declaration, e.g. <c>public static int Add(int a, int b = 0)</c>.</summary>
    public required string Signature { get; init; }
    public required string ContainingTypeId { get; init; }
    public ImmutableArray<TypeParameterModel> TypeParameters { get; init; } = [];
    public ImmutableArray<ParameterModel> Parameters { get; init; } = [];
    /// <summary>Return type of methods and operators, type of properties, fields and events; null for constructors and void methods.</summary>
    public TypeRef? ReturnType { get; init; }
    /// <summary>Constant and enum values as C# source (<c>42</c>, <c>"text"</c>).</summary>
    public string? ConstantValue { get; init; }
    public bool IsStatic { get; init; }
    public bool IsAbstract { get; init; }
    public bool IsVirtual { get; init; }
    public bool IsOverride { get; init; }
    public bool IsExtension { get; init; }
    /// <summary>For extension members (classic <c>this</c> methods and C# 14 extension blocks): the type they extend, i.e. the receiver's type.</summary>
    public TypeRef? ExtendedType { get; init; }
    /// <summary>For explicit interface implementations: the interface member's id.</summary>
    public string? ExplicitInterfaceMemberId { get; init; }
    /// <summary>For overrides and implicit/explicit interface implementations: the ids of the members this one overrides or implements (used by inheritdoc and fallback).</summary>
    public ImmutableArray<string> ImplementedMemberIds
    {
        get => ImplementedMembers.IsDefaultOrEmpty ? _implementedIds : [.. ImplementedMembers.Select(m => m.Id)];
        init => _implementedIds = value;
    }

    private readonly ImmutableArray<string> _implementedIds = [];

    /// <summary>The members this one overrides or implements, with the names they are declared by (<c>IEnumerable&lt;T&gt;.GetEnumerator()</c>).</summary>
    public ImmutableArray<MemberRef> ImplementedMembers { get; init; } = [];
    public ObsoleteInfo? Obsolete { get; init; }
    public ImmutableArray<string> Attributes { get; init; } = [];
    public DocComment Docs { get; init; } = DocComment.Empty;
    public Provenance Provenance { get; init; } = Provenance.Missing;
    public SourceLocation? Source { get; init; }
    /// <summary>The declaration's source text (attributes and body included, doc comment excluded), when sources were given.</summary>
    public string? DeclarationText { get; init; }
    /// <summary>Hash over id, normalised signature, normalised declaration text and docs.</summary>
    public string Fingerprint { get; init; } = "";
}
