using DocGen.Core.Diagnostics;
using DocGen.Core.Extraction;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Core.Tests.Extraction;

/// <summary>
/// A small C# library compiled in memory by Roslyn into a real .dll and .xml doc file in a temp folder, then
/// extracted like any assembly: the fixture for one language feature or doc-comment shape (milliseconds, no dotnet build).
/// </summary>
internal sealed class Snippet : IDisposable
{
    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
        [.. ReferenceResolver.FrameworkReferences("net10.0").Select(p => MetadataReference.CreateFromFile(p))]);

    private readonly TempDirectory _dir = new("docgen-snippet");

    /// <param name="sourceLink">When set, a portable PDB is written next to the assembly with the SourceLink map this makes of the snippet's folder.</param>
    /// <param name="gitRepository">When true, the folder is made a git repository root (a <c>.git</c> folder).</param>
    public Snippet(string source, DocGenOptions? options = null, string name = "Snippet", string? sourcePath = null, Func<string, string>? sourceLink = null, bool gitRepository = false)
    {
        if (gitRepository) Directory.CreateDirectory(_dir.Combine(".git"));
        var sourceLinkJson = sourceLink?.Invoke(_dir.Path);
        var parse = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Diagnose);
        var path = sourcePath ?? _dir.Combine("src", name + ".cs");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source);
        var tree = CSharpSyntaxTree.ParseText(source, parse, path, System.Text.Encoding.UTF8);
        var compilation = CSharpCompilation.Create(name, [tree], Framework.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        AssemblyPath = _dir.Combine(name + ".dll");
        XmlPath = _dir.Combine(name + ".xml");
        using (var dll = File.Create(AssemblyPath))
        using (var xml = File.Create(XmlPath))
        using (var pdb = sourceLinkJson is null ? null : File.Create(Path.ChangeExtension(AssemblyPath, ".pdb")))
        using (var sourceLinkStream = sourceLinkJson is null ? null : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(sourceLinkJson)))
        {
            var result = compilation.Emit(dll, pdb, xml, sourceLinkStream: sourceLinkStream,
                options: pdb is null ? null : new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
            var errors = result.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) throw new InvalidOperationException("The snippet does not compile:\n" + string.Join("\n", errors));
        }
        Inputs = new ProjectInputs
        {
            AssemblyPath = AssemblyPath,
            XmlDocPath = XmlPath,
            ProjectPath = _dir.Combine(name + ".csproj"),
            SourceFiles = [path],
            ReferencePaths = [.. Framework.Value.OfType<PortableExecutableReference>().Select(r => r.FilePath!)],
            TargetFramework = "net10.0",
            LangVersion = "preview",
        };
        var bag = new DiagnosticBag();
        Model = new RoslynApiExtractor().Extract(Inputs, options ?? new DocGenOptions(), bag, CancellationToken.None);
        Diagnostics = bag.ToList();
    }

    public string Folder => _dir.Path;
    public string AssemblyPath { get; }
    public string XmlPath { get; }
    public ProjectInputs Inputs { get; }
    public ApiModel Model { get; }
    public IReadOnlyList<DocGen.Core.Diagnostics.Diagnostic> Diagnostics { get; }

    public TypeModel Type(string id) => Model.AllTypes.SingleOrDefault(t => t.Id == id)
        ?? throw new ShouldAssertException($"no type {id}; types: {string.Join(", ", Model.AllTypes.Select(t => t.Id))}");

    public MemberModel Member(string id) => Model.AllMembers.SingleOrDefault(m => m.Id == id)
        ?? throw new ShouldAssertException($"no member {id}; members: {string.Join(", ", Model.AllMembers.Select(m => m.Id))}");

    public void Dispose() => _dir.Dispose();
}
