using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using DocGen.Core.Diagnostics;
using DocGen.Core.Model;
using Microsoft.CodeAnalysis;
using static DocGen.Core.Extraction.CSharpSignatures;

namespace DocGen.Core.Extraction;

/// <summary>Walks an assembly's public surface and builds the namespaces, types and members of the model.</summary>
internal sealed class ApiModelBuilder(
    SymbolFilter filter,
    ExtensionBlocks extensionBlocks,
    DocAttacher docs,
    DiagnosticBag diagnostics,
    IReadOnlyDictionary<string, SourceDeclaration> sources,
    CancellationToken cancellationToken)
{
    /// <summary>Up to this many malformed comments each get their own warning; more collapse into one (DG0110).</summary>
    internal const int MalformedWarningsShown = 10;

    private readonly MemberFactory _members = new(filter);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, List<(string Key, InheritedMemberRef Reference)>> _ancestors = new(SymbolEqualityComparer.Default);

    public ImmutableArray<NamespaceModel> Build(IAssemblySymbol assembly)
    {
        var types = new List<INamedTypeSymbol>();
        CollectTypes(assembly.GlobalNamespace, types);
        // Types are built in parallel (Roslyn symbols are thread-safe); each keeps its own diagnostics, which are
        // reported in type order afterwards so the output is the same on every run.
        var built = types.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(Build).ToList();
        var models = new List<(INamedTypeSymbol Symbol, TypeModel Model)>(built.Count);
        var malformed = built.Sum(b => b.Diagnostics.ToList().Count(d => d.Id == DiagnosticIds.MalformedDocComment.Id));
        // A library with many malformed comments gets one warning that says so, and each one as an info (listed in
        // report.json, printed with --verbose), instead of a wall of warnings that hides every other one.
        var collapse = malformed > MalformedWarningsShown;
        string? firstMalformed = null;
        for (var i = 0; i < built.Count; i++)
        {
            foreach (var diagnostic in built[i].Diagnostics.ToList())
            {
                if (collapse && diagnostic.Id == DiagnosticIds.MalformedDocComment.Id)
                {
                    firstMalformed ??= diagnostic.Message.Split('\'')[1];
                    diagnostics.Add(diagnostic with { Severity = Diagnostics.DiagnosticSeverity.Info });
                }
                else diagnostics.Add(diagnostic);
            }
            models.Add((types[i], built[i].Model));
        }
        if (collapse) diagnostics.Report(DiagnosticIds.MalformedDocComments, null, null, malformed, firstMalformed);

        // Derived types: only edges inside the model, from each type's direct base and direct interfaces.
        var derived = new Dictionary<string, List<TypeRef>>(StringComparer.Ordinal);
        foreach (var (symbol, model) in models)
        {
            var self = new TypeRef(model.QualifiedName, model.Id);
            var parents = symbol.Interfaces.Cast<INamedTypeSymbol?>().Prepend(symbol.BaseType);
            foreach (var parent in parents)
                if (parent?.OriginalDefinition.GetDocumentationCommentId() is { } pid)
                    (derived.TryGetValue(pid, out var list) ? list : derived[pid] = []).Add(self);
        }

        return [.. models
            .Select(m => derived.TryGetValue(m.Model.Id, out var d)
                ? m.Model with { DerivedTypes = [.. d.OrderBy(r => r.Display, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)] }
                : m.Model)
            .GroupBy(t => t.Namespace, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NamespaceModel(g.Key, [.. g.OrderBy(t => t.QualifiedName, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal)]))];
    }

    private void CollectTypes(INamespaceSymbol ns, List<INamedTypeSymbol> into)
    {
        foreach (var type in ns.GetTypeMembers()) CollectNested(type, into);
        foreach (var child in ns.GetNamespaceMembers()) CollectTypes(child, into);
    }

    private void CollectNested(INamedTypeSymbol type, List<INamedTypeSymbol> into)
    {
        if (!filter.IsShownType(type)) return;
        into.Add(type);
        foreach (var nested in type.GetTypeMembers()) CollectNested(nested, into);
    }

    private sealed record MemberDraft(MemberModel Model, string DocId, ISymbol Symbol);

    private sealed record TypeDraft(TypeModel Model, SourceDeclaration? Source, List<MemberDraft> Members);

    /// <summary>One type's model with docs, sources and fingerprints, and the warnings its docs raised.</summary>
    private (TypeModel Model, DiagnosticBag Diagnostics) Build(INamedTypeSymbol type)
    {
        var draft = Draft(type);
        var bag = new DiagnosticBag();
        var attached = docs.Attach(draft.Model.Id, draft.Model.Id, type, draft.Source, bag);
        var model = draft.Model with
        {
            Members = [.. draft.Members.Select(m => Complete(m.Model, m.DocId, m.Symbol, type, attached.Docs, bag))],
            Docs = attached.Docs,
            Provenance = attached.Provenance,
            Fingerprint = Hash(draft.Model.Id, draft.Model.Signature, "", attached.Raw),
        };
        return (model, bag);
    }

    private TypeDraft Draft(INamedTypeSymbol type)
    {
        var id = type.GetDocumentationCommentId()!;
        sources.TryGetValue(id, out var source);
        var kind = Kind(type, source);
        var signature = TypeSignature(type, kind, filter);
        var model = new TypeModel
        {
            Id = id,
            Name = TypeName(type),
            QualifiedName = QualifiedName(type),
            Namespace = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            Kind = kind,
            Accessibility = ToModel(type.DeclaredAccessibility),
            Signature = signature,
            ContainingTypeId = type.ContainingType?.GetDocumentationCommentId(),
            TypeParameters = TypeParameters(type.TypeParameters),
            BaseTypes = type.TypeKind == TypeKind.Interface ? [] : [.. BaseChain(type).Select(b => TypeRef(b))],
            Interfaces = [.. type.AllInterfaces.Where(filter.IsVisible).Select(i => TypeRef(i))],
            NestedTypeIds = [.. type.GetTypeMembers().Where(filter.IsShownType).Select(t => t.GetDocumentationCommentId()!).Order(StringComparer.Ordinal)],
            // A static class has no instance to call object's members on, and an enum's page is about its values, not System.Enum.
            InheritedMembers = type.TypeKind is TypeKind.Delegate or TypeKind.Enum || type.IsStatic ? [] : InheritedMembers(type),
            DelegateParameters = type.DelegateInvokeMethod is { } invoke ? [.. invoke.Parameters.Select(p => Parameter(p))] : [],
            DelegateReturnType = type.DelegateInvokeMethod is { ReturnsVoid: false } inv ? TypeRef(inv.ReturnType) : null,
            EnumUnderlyingType = type.EnumUnderlyingType is { } u ? Type(u) : null,
            IsFlags = type.TypeKind == TypeKind.Enum && type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute"),
            IsStatic = type.IsStatic,
            IsAbstract = type.IsAbstract && type.TypeKind != TypeKind.Interface,
            IsSealed = type.IsSealed && !type.IsStatic && type.TypeKind is TypeKind.Class,
            Obsolete = filter.Obsolete(type),
            Attributes = filter.Attributes(type),
            Source = source?.Location,
        };
        return new TypeDraft(model, source, BuildMembers(type));
    }

    private List<MemberDraft> BuildMembers(INamedTypeSymbol type)
    {
        var list = new List<MemberDraft>();
        if (type.TypeKind == TypeKind.Delegate) return list;
        // C# 14 extension blocks: their members are shown on this class as the user wrote them, and the static methods the
        // compiler made for them are not shown again.
        var blocks = extensionBlocks.Of(type);
        foreach (var member in blocks.Members) list.Add(new MemberDraft(member.Model, member.DocId, member.Symbol));
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol m && blocks.Implementations.Contains(m)) continue;
            if (_members.Create(member, type) is { } model) list.Add(new MemberDraft(model, model.Id, member));
        }

        return [.. list
            .OrderBy(m => (int)m.Model.Kind)
            .ThenBy(m => m.Model.Kind == ApiMemberKind.EnumValue ? EnumOrder(m.Model) : 0m)
            .ThenBy(m => m.Model.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Model.DisplayName, StringComparer.Ordinal)
            .ThenBy(m => m.Model.Id, StringComparer.Ordinal)];
    }

    private static decimal EnumOrder(MemberModel m) =>
        decimal.TryParse(m.ConstantValue, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0m;

    /// <summary>Attaches docs, source and fingerprint; <paramref name="docId"/> is the id in the XML file and the sources.</summary>
    private MemberModel Complete(MemberModel model, string docId, ISymbol symbol, INamedTypeSymbol type, DocComment typeDocs, DiagnosticBag diagnostics)
    {
        if (!sources.TryGetValue(docId, out var source)) sources.TryGetValue(model.Id, out source);
        var attached = docs.Attach(docId, model.Id, symbol, source, diagnostics);
        if (attached.Provenance.Source == DocSource.Missing && SynthesizedDocs.For(symbol, type, typeDocs) is { } contract)
            attached = attached with { Docs = contract, Provenance = Provenance.Inherited };
        return model with
        {
            Docs = attached.Docs,
            Provenance = attached.Provenance,
            Source = source?.Location,
            DeclarationText = source?.DeclarationText,
            Fingerprint = Hash(model.Id, model.Signature, SourceNormalizer.Normalize(source?.DeclarationText), attached.Raw),
        };
    }

    private ImmutableArray<InheritedMemberRef> InheritedMembers(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var own in type.GetMembers()) seen.Add(Key(own));
        var result = new List<InheritedMemberRef>();
        IEnumerable<INamedTypeSymbol> ancestors = type.TypeKind == TypeKind.Interface ? type.AllInterfaces : BaseChain(type);
        foreach (var ancestor in ancestors)
            foreach (var (key, reference) in AncestorMembers(ancestor, type.ContainingAssembly))
                if (seen.Add(key)) result.Add(reference);
        return [.. result.OrderBy(r => r.DisplayName, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>The members a type passes on, built once per ancestor: every class shares System.Object's.</summary>
    private List<(string Key, InheritedMemberRef Reference)> AncestorMembers(INamedTypeSymbol ancestor, IAssemblySymbol documented)
    {
        if (_ancestors.TryGetValue(ancestor, out var cached)) return cached;
        var list = new List<(string, InheritedMemberRef)>();
        var inSameAssembly = SymbolEqualityComparer.Default.Equals(ancestor.ContainingAssembly, documented);
        foreach (var member in ancestor.GetMembers())
        {
            if (member is INamedTypeSymbol || member is IMethodSymbol { MethodKind: not MethodKind.Ordinary }) continue;
            if (!filter.IsShownMember(member)) continue;
            if (!inSameAssembly && member.DeclaredAccessibility is Microsoft.CodeAnalysis.Accessibility.Internal or Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal) continue;
            if (_members.Create(member, ancestor) is not { } model) continue;
            list.Add((Key(member), new InheritedMemberRef(member.OriginalDefinition.GetDocumentationCommentId() ?? model.Id, model.DisplayName, TypeRef(ancestor))));
        }
        return _ancestors.GetOrAdd(ancestor, list);
    }

    /// <summary>Name and parameter types: equal keys hide (override, <c>new</c>) the base member. Nullable annotations do not
    /// count (a record's <c>Equals(object?)</c> overrides <c>object.Equals(object)</c>).</summary>
    private static string Key(ISymbol member) => member switch
    {
        IMethodSymbol m => "M" + m.Name + "`" + m.Arity + "(" + MemberFactory.ParameterTypes(m.Parameters, KeyFormat) + ")",
        IPropertySymbol p => "P" + p.Name + "(" + MemberFactory.ParameterTypes(p.Parameters, KeyFormat) + ")",
        _ => "F" + member.Name,
    };

    private static IEnumerable<INamedTypeSymbol> BaseChain(INamedTypeSymbol type)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType) yield return b;
    }

    private static ApiTypeKind Kind(INamedTypeSymbol type, SourceDeclaration? source) => type.TypeKind switch
    {
        TypeKind.Interface => ApiTypeKind.Interface,
        TypeKind.Enum => ApiTypeKind.Enum,
        TypeKind.Delegate => ApiTypeKind.Delegate,
        TypeKind.Struct when source?.IsRecordStruct == true || SymbolFilter.LooksLikeRecordStruct(type) => ApiTypeKind.RecordStruct,
        TypeKind.Struct => ApiTypeKind.Struct,
        _ when type.IsRecord => ApiTypeKind.Record,
        _ => ApiTypeKind.Class,
    };

    private static string TypeSignature(INamedTypeSymbol type, ApiTypeKind kind, SymbolFilter filter)
    {
        var sb = new StringBuilder(Accessibility(type.DeclaredAccessibility)).Append(' ');
        if (kind == ApiTypeKind.Delegate && type.DelegateInvokeMethod is { } invoke)
        {
            var prms = string.Join(", ", invoke.Parameters.Select(p => ParameterText(Parameter(p), p)));
            return sb.Append("delegate ").Append(invoke.ReturnsVoid ? "void" : Type(invoke.ReturnType)).Append(' ')
                .Append(TypeName(type, withVariance: true)).Append('(').Append(prms).Append(')').Append(ConstraintClauses(type.TypeParameters)).ToString();
        }
        if (type.IsStatic) sb.Append("static ");
        else if (type.IsAbstract && kind is ApiTypeKind.Class or ApiTypeKind.Record) sb.Append("abstract ");
        else if (type.IsSealed && kind is ApiTypeKind.Class or ApiTypeKind.Record) sb.Append("sealed ");
        if (type.IsReadOnly && kind is ApiTypeKind.Struct or ApiTypeKind.RecordStruct) sb.Append("readonly ");
        if (type.IsRefLikeType) sb.Append("ref ");
        sb.Append(kind switch
        {
            ApiTypeKind.Interface => "interface",
            ApiTypeKind.Enum => "enum",
            ApiTypeKind.Struct => "struct",
            ApiTypeKind.Record => "record",
            ApiTypeKind.RecordStruct => "record struct",
            _ => "class",
        }).Append(' ').Append(TypeName(type, withVariance: true));

        var bases = new List<string>();
        if (kind == ApiTypeKind.Enum)
        {
            if (type.EnumUnderlyingType is { SpecialType: not SpecialType.System_Int32 } u) bases.Add(Type(u));
        }
        else
        {
            if (kind is ApiTypeKind.Class or ApiTypeKind.Record && type.BaseType is { SpecialType: not SpecialType.System_Object } b) bases.Add(Type(b));
            foreach (var i in type.Interfaces.Where(filter.IsVisible))
            {
                // Records implement IEquatable<Self> without the user writing it.
                if (kind is ApiTypeKind.Record or ApiTypeKind.RecordStruct && i.Name == "IEquatable" && i.TypeArguments.Length == 1
                    && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type)) continue;
                bases.Add(Type(i));
            }
        }
        if (bases.Count > 0) sb.Append(" : ").Append(string.Join(", ", bases));
        return sb.Append(ConstraintClauses(type.TypeParameters)).ToString();
    }

    /// <summary>SHA-256 (lower-case hex) over the parts, each length-prefixed so boundaries cannot shift.</summary>
    internal static string Hash(params string?[] parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts) sb.Append((part ?? "").Length).Append(':').Append(part).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
