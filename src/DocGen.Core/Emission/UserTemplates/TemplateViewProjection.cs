using System.Collections.Immutable;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.UserTemplates;

/// <summary>Builds a <see cref="TemplateViewModel"/> from an <see cref="ApiModel"/>.</summary>
internal static class TemplateViewProjection
{
    private static readonly HashSet<string> ImplicitBases = new(StringComparer.Ordinal)
    {
        "T:System.Object", "T:System.ValueType", "T:System.Enum", "T:System.Delegate", "T:System.MulticastDelegate",
    };

    public static TemplateViewModel Project(ApiModel model, string? projectName)
    {
        var modelTypeIds = model.AllTypes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var names = model.AllTypes.ToDictionary(t => t.Id, t => t.QualifiedName, StringComparer.Ordinal);

        var assemblies = model.Assemblies.Select(a => new AssemblyView(
            a.Name,
            a.Version,
            a.TargetFramework,
            [.. a.Namespaces.Select(n => new NamespaceView(n.Name, [.. n.Types.Select(t => Type(t, modelTypeIds, names))]))])).ToImmutableArray();

        var namespaces = assemblies.SelectMany(a => a.Namespaces).OrderBy(n => n.Name, StringComparer.Ordinal).ToImmutableArray();
        var types = namespaces.SelectMany(n => n.Types).ToImmutableArray();
        return new TemplateViewModel(
            projectName ?? model.Assemblies.FirstOrDefault()?.Name ?? "",
            model.Assemblies.FirstOrDefault()?.TargetFramework ?? "",
            assemblies,
            namespaces,
            types);
    }

    private static TypeView Type(TypeModel t, HashSet<string> modelTypeIds, Dictionary<string, string> names)
    {
        var lt = t.Name.IndexOf('<');
        var baseType = t.BaseTypes.FirstOrDefault();
        var docs = Docs(t.Docs);
        return new TypeView(
            Id: t.Id,
            Name: lt < 0 ? t.Name : t.Name[..lt],
            DisplayName: t.Name,
            QualifiedName: t.QualifiedName,
            Namespace: t.Namespace,
            FullName: t.Namespace.Length == 0 ? t.QualifiedName : t.Namespace + "." + t.QualifiedName,
            Kind: Camel(t.Kind.ToString()),
            Accessibility: Camel(t.Accessibility.ToString()),
            Signature: t.Signature,
            TypeParameters: [.. t.TypeParameters.Select(p => p.Name)],
            BaseType: baseType is null || (baseType.Id is not null && ImplicitBases.Contains(baseType.Id)) || t.Kind is ApiTypeKind.Interface
                ? null
                : Ref(baseType, modelTypeIds),
            Interfaces: [.. t.Interfaces.Select(i => Ref(i, modelTypeIds))],
            ContainingType: t.ContainingTypeId is { } c && names.TryGetValue(c, out var cn) ? cn : t.ContainingTypeId is null ? null : DocPlainText.ShortName(t.ContainingTypeId),
            EnumUnderlyingType: t.EnumUnderlyingType,
            IsFlags: t.IsFlags,
            IsStatic: t.IsStatic,
            IsAbstract: t.IsAbstract && t.Kind != ApiTypeKind.Interface,
            IsSealed: t.IsSealed,
            IsObsolete: t.Obsolete is not null,
            ObsoleteMessage: t.Obsolete?.Message,
            Summary: docs.Summary,
            Docs: docs,
            Members: [.. t.Members.Select(m => Member(m, modelTypeIds))]);
    }

    private static MemberView Member(MemberModel m, HashSet<string> modelTypeIds)
    {
        var docs = Docs(m.Docs);
        var accessors = Accessors(m);
        return new MemberView(
            Id: m.Id,
            Name: m.Name,
            Kind: Camel(m.Kind.ToString()),
            Accessibility: Camel(m.Accessibility.ToString()),
            Signature: m.Signature,
            Type: m.ReturnType is null ? null : Ref(m.ReturnType, modelTypeIds),
            Parameters: [.. m.Parameters.Select(p => new ParameterView(
                p.Name, Ref(p.Type, modelTypeIds), p.Modifier, p.DefaultValue,
                docs.Params.FirstOrDefault(d => d.Name == p.Name)?.Text))],
            TypeParameters: [.. m.TypeParameters.Select(p => p.Name)],
            Value: m.ConstantValue,
            IsStatic: m.IsStatic,
            IsAbstract: m.IsAbstract,
            IsVirtual: m.IsVirtual,
            IsOverride: m.IsOverride,
            HasGetter: accessors.Get,
            HasSetter: accessors.Set,
            IsInitOnly: accessors.Init,
            IsRequired: m.Kind is ApiMemberKind.Property or ApiMemberKind.Field && HasModifier(m.Signature, "required"),
            IsObsolete: m.Obsolete is not null,
            ObsoleteMessage: m.Obsolete?.Message,
            Summary: docs.Summary,
            Docs: docs);
    }

    /// <summary>Reads the accessor list of a property signature (<c>{ get; init; }</c>); the model has no separate flags for them.</summary>
    private static (bool Get, bool Set, bool Init) Accessors(MemberModel m)
    {
        if (m.Kind is not (ApiMemberKind.Property or ApiMemberKind.Indexer)) return (false, false, false);
        var open = m.Signature.LastIndexOf('{');
        if (open < 0) return (true, false, false);
        var body = m.Signature[open..];
        var init = body.Contains("init", StringComparison.Ordinal);
        return (body.Contains("get", StringComparison.Ordinal), init || body.Contains("set", StringComparison.Ordinal), init);
    }

    private static bool HasModifier(string signature, string modifier)
    {
        // Modifiers come before the type and name; a name that merely contains the word does not count.
        var head = signature.Split('{')[0];
        return head.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(2).Contains(modifier, StringComparer.Ordinal);
    }

    internal static TypeRefView Ref(TypeRef r, HashSet<string> modelTypeIds)
    {
        var display = r.Display.Trim();
        var nullable = display.EndsWith('?') || display.StartsWith("Nullable<", StringComparison.Ordinal) || display.StartsWith("System.Nullable<", StringComparison.Ordinal);
        return new TypeRefView(display, r.Id, nullable, r.Id is not null && modelTypeIds.Contains(r.Id));
    }

    private static DocsView Docs(DocComment d)
    {
        if (d.IsEmpty) return DocsView.Empty;
        return new DocsView(
            Text(d.Summary),
            Text(d.Remarks),
            Text(d.Returns),
            Text(d.Value),
            [.. d.Params.Select(p => new NamedTextView(p.Name, p.Content.ToPlainText()))],
            [.. d.TypeParams.Select(p => new NamedTextView(p.Name, p.Content.ToPlainText()))],
            [.. d.Examples.Select(e => e.ToPlainText())]);
    }

    private static string? Text(DocBlock? block) => block?.ToPlainText() is { Length: > 0 } text ? text : null;

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
