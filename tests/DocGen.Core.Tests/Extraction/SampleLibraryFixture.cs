using System.Collections.Immutable;
using System.Text.Json;
using DocGen.Core.Diagnostics;
using DocGen.Core.Extraction;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Extraction;

/// <summary>Builds tests/fixtures/Sample.Library once with a real <c>dotnet build</c> and extracts it twice: with the
/// build's reference paths, and as a lone .dll (references from the SDK's reference pack).</summary>
public sealed class SampleLibraryFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("docgen-extraction");

    public string ProjectDirectory { get; private set; } = "";
    public ProjectInputs Inputs { get; private set; } = null!;
    public ApiModel Model { get; private set; } = null!;
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];
    /// <summary>The same assembly extracted without reference paths or sources.</summary>
    public ApiModel LoneDllModel { get; private set; } = null!;
    public IReadOnlyList<Diagnostic> LoneDllDiagnostics { get; private set; } = [];

    public async Task InitializeAsync()
    {
        ProjectDirectory = Fixtures.CopyTo("Sample.Library", _temp);
        var build = await ProcessRunner.DotnetAsync(ProjectDirectory, "msbuild", "-restore", "-t:Build", "-nodeReuse:false",
            "-getItem:ReferencePath", "-getItem:Compile", "-getProperty:TargetPath", "-getProperty:DefineConstants", "-getProperty:LangVersion");
        if (build.ExitCode != 0) throw new InvalidOperationException("Building Sample.Library failed:\n" + build.Output);
        using var json = JsonDocument.Parse(build.StdOut[build.StdOut.IndexOf('{')..]);
        var props = json.RootElement.GetProperty("Properties");
        var items = json.RootElement.GetProperty("Items");
        var assembly = props.GetProperty("TargetPath").GetString()!;
        Inputs = new ProjectInputs
        {
            AssemblyPath = assembly,
            XmlDocPath = Path.ChangeExtension(assembly, ".xml"),
            ProjectPath = Path.Combine(ProjectDirectory, "Sample.Library.csproj"),
            SourceFiles = [.. items.GetProperty("Compile").EnumerateArray().Select(i => Path.GetFullPath(Path.Combine(ProjectDirectory, i.GetProperty("Identity").GetString()!)))],
            ReferencePaths = [.. items.GetProperty("ReferencePath").EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!)],
            DefineConstants = [.. props.GetProperty("DefineConstants").GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries)],
            LangVersion = props.GetProperty("LangVersion").GetString() is { Length: > 0 } v ? v : null,
            TargetFramework = "net10.0",
        };
        (Model, Diagnostics) = Extract(Inputs);
        (LoneDllModel, LoneDllDiagnostics) = Extract(new ProjectInputs { AssemblyPath = assembly, XmlDocPath = Inputs.XmlDocPath });
    }

    public static (ApiModel, IReadOnlyList<Diagnostic>) Extract(ProjectInputs inputs, DocGenOptions? options = null)
    {
        var bag = new DiagnosticBag();
        var model = new RoslynApiExtractor().Extract(inputs, options ?? new DocGenOptions(), bag, CancellationToken.None);
        return (model, bag.ToList());
    }

    public TypeModel Type(string id) => Model.AllTypes.Single(t => t.Id == id);

    public MemberModel Member(string id) => Model.AllMembers.Single(m => m.Id == id);

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SampleLibraryCollection : ICollectionFixture<SampleLibraryFixture>
{
    public const string Name = "Sample.Library extraction";
}
