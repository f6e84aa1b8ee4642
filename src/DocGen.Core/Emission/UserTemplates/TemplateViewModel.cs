using System.Collections.Immutable;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.UserTemplates;

/// <summary>
/// What a user template sees as its root context: a plain, stable projection of the <see cref="ApiModel"/>
/// (documented in <c>docs/templates-and-code.md</c>). Templates address members in snake_case, as Scriban
/// names .NET properties (<c>{{ for type in types }}{{ type.qualified_name }}{{ end }}</c>).
/// </summary>
/// <remarks>
/// The model records are not exposed raw so that their evolution does not break user templates: a field
/// is added here only deliberately, and doc comments arrive as plain text, never as markup.
/// </remarks>
/// <param name="Project">Project (or assembly) name.</param>
/// <param name="TargetFramework">Target framework moniker, e.g. <c>net10.0</c>, or empty.</param>
/// <param name="Assemblies">The assemblies, each with its namespaces.</param>
/// <param name="Namespaces">Every namespace of every assembly, ordered by name.</param>
/// <param name="Types">Every type of every namespace (nested types included), ordered by namespace then qualified name.</param>
public sealed record TemplateViewModel(
    string Project,
    string TargetFramework,
    ImmutableArray<AssemblyView> Assemblies,
    ImmutableArray<NamespaceView> Namespaces,
    ImmutableArray<TypeView> Types)
{
    /// <summary>The types that are records or record structs.</summary>
    public ImmutableArray<TypeView> Records => [.. Types.Where(t => t.IsRecord)];
    /// <summary>The enums.</summary>
    public ImmutableArray<TypeView> Enums => [.. Types.Where(t => t.IsEnum)];
    /// <summary>Classes that are not records.</summary>
    public ImmutableArray<TypeView> Classes => [.. Types.Where(t => t.IsClass)];
    /// <summary>The interfaces.</summary>
    public ImmutableArray<TypeView> Interfaces => [.. Types.Where(t => t.IsInterface)];

    /// <summary>Projects <paramref name="model"/> (every type and member the extractor kept; visibility is its decision).</summary>
    /// <param name="model">The extracted (and possibly generated) model.</param>
    /// <param name="projectName">Project name; default the first assembly's name.</param>
    public static TemplateViewModel From(ApiModel model, string? projectName = null)
        => TemplateViewProjection.Project(model, projectName);
}

/// <summary>One assembly.</summary>
public sealed record AssemblyView(string Name, string? Version, string TargetFramework, ImmutableArray<NamespaceView> Namespaces);

/// <summary>One namespace; <paramref name="Name"/> is empty for the global namespace.</summary>
public sealed record NamespaceView(string Name, ImmutableArray<TypeView> Types)
{
    /// <summary>True for the global namespace.</summary>
    public bool IsGlobal => Name.Length == 0;
}

/// <summary>A type reference as written in a signature.</summary>
/// <param name="Display">C# text, e.g. <c>List&lt;string&gt;</c>, <c>int?</c>.</param>
/// <param name="Id">Documentation comment id of the named type, or null for type parameters and other unlinkable shapes.</param>
/// <param name="IsNullable">True when the type ends in <c>?</c> (nullable value or annotated reference type).</param>
/// <param name="IsInModel">True when it names a type of the model (so a template may refer to it by name).</param>
public sealed record TypeRefView(string Display, string? Id, bool IsNullable, bool IsInModel)
{
    /// <inheritdoc/>
    public override string ToString() => Display;
}

/// <summary>Documentation sections as plain text (markup flattened, whitespace collapsed); null when absent.</summary>
public sealed record DocsView(
    string? Summary,
    string? Remarks,
    string? Returns,
    string? Value,
    ImmutableArray<NamedTextView> Params,
    ImmutableArray<NamedTextView> TypeParams,
    ImmutableArray<string> Examples)
{
    /// <summary>No documentation.</summary>
    public static readonly DocsView Empty = new(null, null, null, null, [], [], []);

    /// <summary>True when there is no text at all.</summary>
    public bool IsEmpty => Summary is null && Remarks is null && Returns is null && Value is null && Params.IsEmpty && TypeParams.IsEmpty && Examples.IsEmpty;
}

/// <summary>A named piece of documentation (a parameter's or type parameter's text).</summary>
public sealed record NamedTextView(string Name, string Text);

/// <summary>A method, constructor, indexer or delegate parameter.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Modifier"><c>ref</c>, <c>out</c>, <c>in</c>, <c>params</c>, <c>this</c>… or null.</param>
/// <param name="DefaultValue">Default value as C# source, or null.</param>
/// <param name="Summary">The <c>&lt;param&gt;</c> text, or null.</param>
public sealed record ParameterView(string Name, TypeRefView Type, string? Modifier, string? DefaultValue, string? Summary)
{
    /// <summary>True when the parameter has a default value.</summary>
    public bool IsOptional => DefaultValue is not null || Modifier == "params";
}

/// <summary>A member of a type (property, field, method, constructor, event, enum value…).</summary>
/// <param name="Id">Documentation comment id.</param>
/// <param name="Name">Name as written in C# (constructors carry the type's name).</param>
/// <param name="Kind">camelCase kind: <c>property</c>, <c>field</c>, <c>constant</c>, <c>method</c>, <c>constructor</c>, <c>event</c>, <c>indexer</c>, <c>operator</c>, <c>conversionOperator</c>, <c>enumValue</c>, <c>destructor</c>.</param>
/// <param name="Accessibility">camelCase accessibility: <c>public</c>, <c>protected</c>, <c>internal</c>, <c>protectedInternal</c>, <c>privateProtected</c>, <c>private</c>.</param>
/// <param name="Signature">The C# declaration.</param>
/// <param name="Type">Property, field and event type, or a method's return type; null for constructors and void methods.</param>
/// <param name="Parameters">Parameters of methods, constructors, indexers and operators.</param>
/// <param name="TypeParameters">Names of the member's own type parameters.</param>
/// <param name="Value">Constant and enum values as C# source (<c>42</c>, <c>"x"</c>), else null.</param>
/// <param name="IsStatic">Static member.</param>
/// <param name="IsAbstract">Abstract member.</param>
/// <param name="IsVirtual">Virtual member.</param>
/// <param name="IsOverride">Override.</param>
/// <param name="HasGetter">Properties and indexers: has a getter (from the signature).</param>
/// <param name="HasSetter">Properties and indexers: has a setter or init accessor.</param>
/// <param name="IsInitOnly">Properties: the setter is <c>init</c>.</param>
/// <param name="IsRequired">Properties and fields: <c>required</c>.</param>
/// <param name="IsObsolete">Marked <c>[Obsolete]</c>.</param>
/// <param name="ObsoleteMessage">The obsolete message, or null.</param>
/// <param name="Summary">Summary as plain text, or null.</param>
/// <param name="Docs">Every doc section as plain text.</param>
public sealed record MemberView(
    string Id,
    string Name,
    string Kind,
    string Accessibility,
    string Signature,
    TypeRefView? Type,
    ImmutableArray<ParameterView> Parameters,
    ImmutableArray<string> TypeParameters,
    string? Value,
    bool IsStatic,
    bool IsAbstract,
    bool IsVirtual,
    bool IsOverride,
    bool HasGetter,
    bool HasSetter,
    bool IsInitOnly,
    bool IsRequired,
    bool IsObsolete,
    string? ObsoleteMessage,
    string? Summary,
    DocsView Docs)
{
    /// <summary>True when <see cref="Type"/> is nullable.</summary>
    public bool IsNullable => Type?.IsNullable ?? false;
}

/// <summary>A class, struct, record, interface, enum or delegate.</summary>
/// <param name="Id">Documentation comment id (<c>T:Ns.Type</c>).</param>
/// <param name="Name">Name without type parameters, e.g. <c>Page</c> for <c>Page&lt;T&gt;</c>.</param>
/// <param name="DisplayName">Name with type parameters, e.g. <c>Page&lt;T&gt;</c>.</param>
/// <param name="QualifiedName">Display name qualified by containing types, e.g. <c>Outer.Inner</c>.</param>
/// <param name="Namespace">Namespace, empty for the global one.</param>
/// <param name="FullName">Namespace-qualified display name.</param>
/// <param name="Kind">camelCase kind: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>enum</c>, <c>delegate</c>, <c>record</c>, <c>recordStruct</c>.</param>
/// <param name="Accessibility">camelCase accessibility.</param>
/// <param name="Signature">The C# declaration line.</param>
/// <param name="TypeParameters">Names of the type parameters.</param>
/// <param name="BaseType">The direct base class when it is not <c>object</c>, <c>ValueType</c>, <c>Enum</c> or a record's implicit base; else null.</param>
/// <param name="Interfaces">Implemented interfaces.</param>
/// <param name="ContainingType">Display name of the containing type for nested types, else null.</param>
/// <param name="EnumUnderlyingType">Enums: the underlying type (<c>int</c>…).</param>
/// <param name="IsFlags">Enums: <c>[Flags]</c>.</param>
/// <param name="IsStatic">Static class.</param>
/// <param name="IsAbstract">Abstract (interfaces excluded).</param>
/// <param name="IsSealed">Sealed.</param>
/// <param name="IsObsolete">Marked <c>[Obsolete]</c>.</param>
/// <param name="ObsoleteMessage">The obsolete message, or null.</param>
/// <param name="Summary">Summary as plain text, or null.</param>
/// <param name="Docs">Every doc section as plain text.</param>
/// <param name="Members">Every member, in model order.</param>
public sealed record TypeView(
    string Id,
    string Name,
    string DisplayName,
    string QualifiedName,
    string Namespace,
    string FullName,
    string Kind,
    string Accessibility,
    string Signature,
    ImmutableArray<string> TypeParameters,
    TypeRefView? BaseType,
    ImmutableArray<TypeRefView> Interfaces,
    string? ContainingType,
    string? EnumUnderlyingType,
    bool IsFlags,
    bool IsStatic,
    bool IsAbstract,
    bool IsSealed,
    bool IsObsolete,
    string? ObsoleteMessage,
    string? Summary,
    DocsView Docs,
    ImmutableArray<MemberView> Members)
{
    /// <summary>Class (not a record).</summary>
    public bool IsClass => Kind == "class";
    /// <summary>Struct (not a record struct).</summary>
    public bool IsStruct => Kind == "struct";
    /// <summary>Record class or record struct.</summary>
    public bool IsRecord => Kind is "record" or "recordStruct";
    /// <summary>Enum.</summary>
    public bool IsEnum => Kind == "enum";
    /// <summary>Interface.</summary>
    public bool IsInterface => Kind == "interface";
    /// <summary>Delegate.</summary>
    public bool IsDelegate => Kind == "delegate";
    /// <summary>Has type parameters.</summary>
    public bool IsGeneric => !TypeParameters.IsEmpty;
    /// <summary>Declared inside another type.</summary>
    public bool IsNested => ContainingType is not null;

    /// <summary>Instance and static properties (indexers excluded).</summary>
    public ImmutableArray<MemberView> Properties => [.. Members.Where(m => m.Kind == "property")];
    /// <summary>Fields and constants.</summary>
    public ImmutableArray<MemberView> Fields => [.. Members.Where(m => m.Kind is "field" or "constant")];
    /// <summary>Methods (operators excluded).</summary>
    public ImmutableArray<MemberView> Methods => [.. Members.Where(m => m.Kind == "method")];
    /// <summary>Constructors.</summary>
    public ImmutableArray<MemberView> Constructors => [.. Members.Where(m => m.Kind == "constructor")];
    /// <summary>Events.</summary>
    public ImmutableArray<MemberView> Events => [.. Members.Where(m => m.Kind == "event")];
    /// <summary>Enums: the values in declaration order of the model.</summary>
    public ImmutableArray<MemberView> EnumValues => [.. Members.Where(m => m.Kind == "enumValue")];
}
