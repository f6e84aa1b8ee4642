using System.Collections.Immutable;
using System.Xml;
using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Core.Extraction;

/// <summary>
/// Extracts the API from the compiled assembly's metadata through Roslyn (never by recompiling the sources, so a newer
/// C# version cannot break it), docs from the compiler's XML file with <c>&lt;inheritdoc&gt;</c> resolved (BCL docs from
/// the reference packs' XML files), and declaration text and source lines from the sources when they are given.
/// </summary>
public sealed class RoslynApiExtractor : IApiExtractor
{
    /// <inheritdoc/>
    public ApiModel Extract(ProjectInputs inputs, DocGenOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var assemblyName = Path.GetFileNameWithoutExtension(inputs.AssemblyPath);
        var empty = new ApiModel([new AssemblyModel(assemblyName, null, inputs.TargetFramework, [])]);

        var referencePaths = ReferencePaths(inputs, diagnostics);
        var references = referencePaths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        PortableExecutableReference assemblyReference;
        try
        {
            assemblyReference = MetadataReference.CreateFromFile(inputs.AssemblyPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or ArgumentException)
        {
            diagnostics.Report(DiagnosticIds.AssemblyUnreadable, inputs.AssemblyPath, null, inputs.AssemblyPath, ex.Message);
            return empty;
        }

        var compilation = CSharpCompilation.Create("DocGen.Extraction", references: references.Append(assemblyReference),
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, metadataImportOptions: MetadataImportOptions.All));
        if (compilation.GetAssemblyOrModuleSymbol(assemblyReference) is not IAssemblySymbol assembly)
        {
            var reason = compilation.GetDiagnostics(cancellationToken).FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)?.GetMessage() ?? "not a .NET assembly";
            diagnostics.Report(DiagnosticIds.AssemblyUnreadable, inputs.AssemblyPath, null, inputs.AssemblyPath, reason);
            return empty;
        }

        var own = LoadOwnDocs(inputs.XmlDocPath, diagnostics);
        if (string.IsNullOrEmpty(inputs.XmlDocPath) || !File.Exists(inputs.XmlDocPath))
            diagnostics.Report(DiagnosticIds.XmlDocFileMissing, inputs.ProjectPath ?? inputs.AssemblyPath, null, Path.GetFileName(inputs.AssemblyPath));
        var dotnetRoot = ReferenceResolver.FindDotnetRoot();
        var tfm = inputs.TargetFramework.Length > 0 ? inputs.TargetFramework : TargetFrameworkOf(assembly);
        var refPack = dotnetRoot is null ? null : ReferenceResolver.FindRefPackFolder(dotnetRoot, tfm);
        var lookup = new DocLookup(compilation, assembly, own, refPack);

        var filter = new SymbolFilter(options.IncludeInternals);
        var extensionBlocks = new ExtensionBlocks(filter);
        var aliases = ExtensionAliases(assembly, extensionBlocks);
        var sources = SourceIndex.Build(inputs.SourceFiles, inputs.DefineConstants, inputs.LangVersion, references, diagnostics, cancellationToken);
        var projectFolder = inputs.ProjectPath is { } project ? Path.GetDirectoryName(Path.GetFullPath(project)) : Path.GetDirectoryName(Path.GetFullPath(inputs.AssemblyPath));
        var attacher = new DocAttacher(lookup, aliases, new CodeSourceResolver(projectFolder));
        var namespaces = new ApiModelBuilder(filter, extensionBlocks, attacher, diagnostics, sources, cancellationToken).Build(assembly);

        var informational = assembly.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Reflection.AssemblyInformationalVersionAttribute")
            ?.ConstructorArguments.FirstOrDefault().Value as string;
        return new ApiModel([new AssemblyModel(assembly.Identity.Name, assembly.Identity.Version.ToString(), tfm, namespaces)
        {
            InformationalVersion = informational,
            SourceLinks = SourceLinkReader.Read(inputs.AssemblyPath, assembly, informational, projectFolder),
            RepositoryRoot = SourceLinkReader.GitRoot(projectFolder),
        }]);
    }

    private static IReadOnlyList<string> ReferencePaths(ProjectInputs inputs, DiagnosticBag diagnostics)
    {
        if (!inputs.ReferencePaths.IsDefaultOrEmpty)
        {
            var existing = inputs.ReferencePaths.Where(File.Exists).Distinct(StringComparer.Ordinal).ToList();
            if (existing.Count < inputs.ReferencePaths.Length)
                diagnostics.Report(DiagnosticIds.ReferencesNotFound, null, null,
                    $"{inputs.ReferencePaths.Length - existing.Count} reference(s) do not exist, e.g. '{inputs.ReferencePaths.First(p => !File.Exists(p))}'");
            return existing;
        }

        // A lone .dll: the framework from the SDK's reference pack, plus whatever sits beside the assembly.
        var framework = ReferenceResolver.FrameworkReferences(inputs.TargetFramework);
        if (framework.Count == 0)
            diagnostics.Report(DiagnosticIds.ReferencesNotFound, null, null, "No .NET reference pack or shared framework was found");
        var names = framework.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var self = Path.GetFullPath(inputs.AssemblyPath);
        var folder = Path.GetDirectoryName(self);
        var beside = folder is null ? Enumerable.Empty<string>() : Directory.GetFiles(folder, "*.dll")
            .Where(p => !string.Equals(Path.GetFullPath(p), self, StringComparison.Ordinal) && names.Add(Path.GetFileNameWithoutExtension(p)))
            .Order(StringComparer.Ordinal);
        return [.. framework, .. beside];
    }

    private static DocXmlFile LoadOwnDocs(string? path, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return DocXmlFile.Empty;
        try
        {
            return DocXmlFile.Load(path);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticIds.XmlDocFileUnreadable, path, null, path, ex.Message);
            return DocXmlFile.Empty;
        }
    }

    /// <summary>Compiler ids of C# 14 extension-block members (<c>…&lt;G&gt;$…</c>) → the ids the model uses for them.</summary>
    private static Dictionary<string, string> ExtensionAliases(IAssemblySymbol assembly, ExtensionBlocks blocks)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in AllTypes(assembly.GlobalNamespace))
        {
            var members = blocks.Of(type);
            foreach (var member in members.Members) aliases[member.DocId] = member.Model.Id;
            foreach (var (implementation, property) in members.ImplementationIds) aliases[implementation] = property;
        }
        return aliases;

        static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns) =>
            ns.GetTypeMembers().SelectMany(Nested).Concat(ns.GetNamespaceMembers().SelectMany(AllTypes));

        static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol t) => t.GetTypeMembers().Where(n => n.TypeKind != TypeKind.Extension).SelectMany(Nested).Prepend(t);
    }

    /// <summary><c>.NETCoreApp,Version=v10.0</c> → <c>net10.0</c>; empty when the attribute is missing or unusual.</summary>
    private static string TargetFrameworkOf(IAssemblySymbol assembly)
    {
        var attr = assembly.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "TargetFrameworkAttribute");
        if (attr?.ConstructorArguments.FirstOrDefault().Value is not string name) return "";
        var parts = name.Split(",Version=v");
        return parts.Length == 2 && parts[0] == ".NETCoreApp" ? "net" + parts[1] : "";
    }
}
