using System.Collections.Immutable;
using System.Text.Json;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Emission.Manifest;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Manifest;

/// <summary>Restores tests/fixtures/WithDevTools once: a runtime package beside MinVer and SourceLink (PrivateAssets="all").</summary>
public sealed class DevToolsFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("docgen-devtools");

    public string Root { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Root = Fixtures.CopyTo("WithDevTools", _temp);
        var result = await ProcessRunner.DotnetAsync(Root, "restore", "WithDevTools.csproj", "-nodeReuse:false");
        result.ExitCode.ShouldBe(0, result.Output);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    public ProjectInputs Inputs => new()
    {
        AssemblyPath = Path.Combine(Root, "bin", "WithDevTools.dll"),
        ProjectPath = Path.Combine(Root, "WithDevTools.csproj"),
        ProjectName = "WithDevTools",
        TargetFramework = "net10.0",
        ProjectAssetsFile = Path.Combine(Root, "obj", "project.assets.json"),
    };
}

/// <summary>The SBOM lists what ships: build-time tools are <c>scope: excluded</c>, the root has the stamped version (defect 14).</summary>
public sealed class DevelopmentDependencyTests(DevToolsFixture fixture) : IClassFixture<DevToolsFixture>
{
    private static readonly string ToolFolder = Path.Combine(Fixtures.RepositoryRoot, "tests", "tools", "cyclonedx");

    [Fact]
    public void Read_PrivateAssetsAndDevelopmentDependencies_AreNotRuntimeDependencies()
    {
        var set = AssetsFileReader.Read(fixture.Inputs);

        set.Find("Newtonsoft.Json")!.IsDevelopmentDependency.ShouldBeFalse();
        set.Find("MinVer")!.IsDevelopmentDependency.ShouldBeTrue();
        set.Find("Microsoft.SourceLink.GitHub")!.IsDevelopmentDependency.ShouldBeTrue();
        // Brought in only by SourceLink: build-time too.
        set.Find("Microsoft.SourceLink.Common")!.IsDevelopmentDependency.ShouldBeTrue();
        set.Find("Microsoft.Build.Tasks.Git")!.IsDevelopmentDependency.ShouldBeTrue();
    }

    [Fact]
    public async Task Emit_Sbom_MarksBuildToolsExcludedKeepsThemOutOfTheRuntimeGraphAndStampsTheBuiltVersion()
    {
        using var output = new TempDirectory("docgen-devtools-out");
        var model = new ApiModel([new AssemblyModel("WithDevTools", "2.3.0.0", "net10.0", []) { InformationalVersion = "2.3.4-beta.1+0123abcd" }]);
        var writer = new OutputWriter(output.Path);
        new ManifestEmitter().Emit(new EmissionContext(model, fixture.Inputs, new DocGenOptions { OutputPath = output.Path }, writer, new DiagnosticBag(), CancellationToken.None));
        writer.Complete();
        var path = Path.Combine(output.Path, ManifestEmitter.SbomPath);

        using var bom = JsonDocument.Parse(File.ReadAllText(path));
        var root = bom.RootElement.GetProperty("metadata").GetProperty("component");
        root.GetProperty("version").GetString().ShouldBe("2.3.4-beta.1");
        string Scope(string name) => bom.RootElement.GetProperty("components").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name).GetProperty("scope").GetString()!;
        Scope("Newtonsoft.Json").ShouldBe("required");
        Scope("MinVer").ShouldBe("excluded");
        Scope("Microsoft.SourceLink.GitHub").ShouldBe("excluded");
        Scope("Microsoft.Build.Tasks.Git").ShouldBe("excluded");
        var rootEdges = bom.RootElement.GetProperty("dependencies").EnumerateArray()
            .Single(d => d.GetProperty("ref").GetString() == root.GetProperty("bom-ref").GetString())
            .GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()).ToList();
        rootEdges.ShouldBe(["pkg:nuget/Newtonsoft.Json@13.0.3"]);
        File.ReadAllText(Path.Combine(output.Path, ManifestEmitter.LockListPath)).ShouldContain("MinVer==8.0.0  # direct  # development");

        Directory.Exists(Path.Combine(ToolFolder, "node_modules", "@cyclonedx", "cyclonedx-library")).ShouldBeTrue(
            "The CycloneDX validator is not installed. Run: npm ci --prefix tests/tools/cyclonedx");
        var result = await ProcessRunner.RunAsync("node", [Path.Combine(ToolFolder, "validate.mjs"), path, "--spec", "1.6"], ToolFolder, timeout: TimeSpan.FromMinutes(1));
        result.ExitCode.ShouldBe(0, result.Output);
    }

    [Fact]
    public void WithStampedVersion_NoInformationalVersion_KeepsTheAssetsVersion()
    {
        var set = new DependencySet { ProjectName = "X", ProjectVersion = "1.0.0", Dependencies = ImmutableArray<ResolvedDependency>.Empty };
        set.WithStampedVersion(new ApiModel([new AssemblyModel("X", "1.0.0.0", "net10.0", [])])).ProjectVersion.ShouldBe("1.0.0");
        set.WithStampedVersion(null).ProjectVersion.ShouldBe("1.0.0");
    }
}
