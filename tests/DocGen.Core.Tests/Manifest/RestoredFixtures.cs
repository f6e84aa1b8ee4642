using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Tests.Shared;
using DocGen.Core.Emission.Manifest;

namespace DocGen.Core.Tests.Manifest;

/// <summary>
/// Restores tests/fixtures/WithPackages (and its MultiTarget project) once for the whole collection.
/// The manifest reads only what restore writes (project.assets.json and the packages folder), so a
/// restore is all the build the tests need. It uses the machine's packages folder: the fixture's
/// packages are downloaded once per machine, not once per run; tests that need a missing package
/// build a private packages folder of their own.
/// </summary>
public sealed class RestoredFixtures : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("docgen-manifest");

    /// <summary>The copied WithPackages folder.</summary>
    public string Root { get; private set; } = "";

    public string AssetsFile => Path.Combine(Root, "obj", "project.assets.json");

    public string MultiTargetAssetsFile => Path.Combine(Root, "MultiTarget", "obj", "project.assets.json");

    public async Task InitializeAsync()
    {
        Root = Fixtures.CopyTo("WithPackages", _temp);
        foreach (var project in new[] { "WithPackages.csproj", "MultiTarget/MultiTarget.csproj" })
        {
            var result = await ProcessRunner.DotnetAsync(Root, "restore", project, "-nodeReuse:false");
            result.ExitCode.ShouldBe(0, $"dotnet restore {project} failed:\n{result.Output}");
        }
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Inputs as the MSBuild task would pass them for the WithPackages project.</summary>
    public ProjectInputs Inputs(string? assetsFile = null, string? packagesRoot = null, string targetFramework = "net10.0") => new()
    {
        AssemblyPath = Path.Combine(Root, "bin", "WithPackages.dll"),
        ProjectPath = Path.Combine(Root, "WithPackages.csproj"),
        ProjectName = "WithPackages",
        TargetFramework = targetFramework,
        ProjectAssetsFile = assetsFile ?? AssetsFile,
        NuGetPackageRoot = packagesRoot,
    };
}

[CollectionDefinition(Name)]
public sealed class RestoredFixturesCollection : ICollectionFixture<RestoredFixtures>
{
    public const string Name = "Restored WithPackages fixture";
}

/// <summary>Runs the manifest emitter the way the pipeline does, on a real output folder.</summary>
public static class EmitterRunner
{
    public static readonly ApiModel EmptyModel = new([]);

    public static (DiagnosticBag Diagnostics, OutputWriter Writer) Emit(
        ProjectInputs inputs, string outputRoot, bool deterministic = false, ManifestEmitter? emitter = null)
    {
        var writer = new OutputWriter(outputRoot);
        var diagnostics = new DiagnosticBag();
        var options = new DocGenOptions { OutputPath = outputRoot, Deterministic = deterministic };
        (emitter ?? new ManifestEmitter()).Emit(new EmissionContext(EmptyModel, inputs, options, writer, diagnostics, CancellationToken.None));
        writer.Complete();
        return (diagnostics, writer);
    }

    public static string Read(string outputRoot, string relative) => File.ReadAllText(Path.Combine(outputRoot, relative));
}
