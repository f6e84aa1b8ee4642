using DocGen.Core.Inputs;
using DocGen.Core.Tests.CodeGen;
using DocGen.Core.Tests.Generation;
using DocGen.Tests.Shared;
using DocGen.Core;

namespace DocGen.Tool.Tests;

/// <summary>
/// Generates the Weather unit of the CodeUnit.App fixture with <c>docgen generate-code</c> against the
/// scripted server, builds and runs the fixture against the generated files, then generates again
/// (cached) and offline (no provider). Done once; the tests read the results.
/// </summary>
public sealed class CodeUnitAppFixture : IAsyncLifetime
{
    public TempDirectory Temp { get; } = new("docgen-codeunit");
    public FakeOpenAIServer Server { get; } = new();
    public string ProjectDir { get; private set; } = "";
    public string Project => Path.Combine(ProjectDir, "CodeUnit.App.csproj");
    public string Spec => Path.Combine(ProjectDir, "specs", "Weather.prompt.md");
    public string UnitFolder => Path.Combine(ProjectDir, "obj", "docgen", "code", "Weather");
    public string Cache => Temp.Combine("cache");
    public CliResult First { get; private set; } = null!;
    public int FirstRequests { get; private set; }
    public ProcessResult Build { get; private set; } = null!;
    public ProcessResult Run { get; private set; } = null!;
    public CliResult Second { get; private set; } = null!;
    public CliResult Offline { get; private set; } = null!;
    public int AfterRequests { get; private set; }

    public string[] ModelArgs => ["--provider", "openai", "--endpoint", Server.Endpoint, "--model", "test-model", "--cache-dir", Cache];

    public async Task InitializeAsync()
    {
        new CodeUnitScript().Attach(Server);
        ProjectDir = Fixtures.CopyTo("CodeUnit.App", Temp);
        First = await CliResult.RunAsync(["generate-code", Spec, "--project", Project, .. ModelArgs]);
        FirstRequests = Server.Requests.Count;
        if (First.ExitCode == 0)
        {
            Build = await ProcessRunner.DotnetAsync(ProjectDir, "build", Project, "-nologo", "-nodeReuse:false", "-v:q", $"-p:GeneratedCodeDir={UnitFolder}");
            if (Build.ExitCode == 0)
                Run = await ProcessRunner.DotnetAsync(ProjectDir, Path.Combine(ProjectDir, "bin", "Debug", "net10.0", "CodeUnit.App.dll"));
        }
        Second = await CliResult.RunAsync(["generate-code", Spec, "--project", Project, .. ModelArgs]);
        Offline = await CliResult.RunAsync("generate-code", Spec, "--project", Project, "--provider", "none", "--endpoint", Server.Endpoint, "--model", "test-model", "--cache-dir", Cache);
        AfterRequests = Server.Requests.Count;
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        Temp.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class GenerateCodeCommandTests(CodeUnitAppFixture fixture) : IClassFixture<CodeUnitAppFixture>
{
    [Fact]
    public void GenerateCode_WeatherSpec_WritesTheUnitInDependencyOrder()
    {
        fixture.First.ExitCode.ShouldBe(0, fixture.First.StdOut + fixture.First.StdErr);
        fixture.First.StdOut.ShouldContain("DocGen: code unit Weather.prompt.md: 3 files, 4 requests, 0 cached → " + fixture.UnitFolder);
        fixture.FirstRequests.ShouldBe(4);
        fixture.Server.Requests.Skip(1).Take(3).Select(r => CodeUnitScript.FileOf(r.Prompt))
            .ShouldBe(["Models/Forecast.cs", "Sources/IForecastSource.cs", "WeatherClient.cs"]);
        File.ReadAllText(Path.Combine(fixture.UnitFolder, "WeatherClient.cs")).ShouldBe(WeatherUnit.Client + "\n");
    }

    [Fact]
    public void GenerateCode_GeneratedFiles_CompileIntoTheFixtureThatCallsThem()
    {
        fixture.Build.ShouldNotBeNull("generate-code failed: " + fixture.First.StdOut);
        fixture.Build.ExitCode.ShouldBe(0, fixture.Build.Output);
        fixture.Run.ExitCode.ShouldBe(0, fixture.Run.Output);
        fixture.Run.StdOut.Trim().ShouldBe("Oslo: 2026-01-01 0..10, 2026-01-02 1..11, 2026-01-03 2..12");
    }

    [Fact]
    public void GenerateCode_SecondRunAndOfflineRun_MakeZeroRequests()
    {
        fixture.Second.ExitCode.ShouldBe(0, fixture.Second.StdOut);
        fixture.Second.StdOut.ShouldContain("3 files, 0 requests, 4 cached");
        fixture.Offline.ExitCode.ShouldBe(0, fixture.Offline.StdOut);
        fixture.Offline.StdOut.ShouldContain("3 files, 0 requests, 4 cached");
        fixture.AfterRequests.ShouldBe(fixture.FirstRequests);
    }

    [Fact]
    public async Task GenerateCode_MissingSpec_ExitsWithUsageErrorDG0710()
    {
        using var temp = new TempDirectory();
        var missing = temp.Combine("Nope.prompt.md");

        var result = await CliResult.RunAsync("generate-code", missing, "--output", temp.Combine("out"));

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain($"{missing}: error DG0710: The code spec '{missing}' does not exist");
        Directory.Exists(temp.Combine("out")).ShouldBeFalse();
    }

    [Fact]
    public async Task GenerateCode_NoProviderAndEmptyCache_FailsNamingTheSpecOrWarnsWhenOptional()
    {
        using var temp = new TempDirectory();
        string[] common = ["generate-code", fixture.Spec, "--output", temp.Combine("out"), "--cache-dir", temp.Combine("empty-cache")];

        var required = await CliResult.RunAsync(common);
        var optional = await CliResult.RunAsync([.. common, "--code-optional"]);

        required.ExitCode.ShouldBe(ExitCodes.Errors);
        required.StdErr.ShouldContain($"{fixture.Spec}: error DG0718: The code unit '{fixture.Spec}' is not in the cache");
        optional.ExitCode.ShouldBe(ExitCodes.Ok, optional.StdOut);
        optional.StdErr.ShouldContain("warning DG0719");
        optional.StdOut.ShouldContain("0 files");
    }

    [Fact]
    public async Task GenerateCode_BadOption_ExitsWithUsageError()
    {
        var result = await CliResult.RunAsync("generate-code", fixture.Spec, "--max-concurrency", "0");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("error DG0001");
    }

    [Fact]
    public async Task GenerateCode_RequestFile_ListsTheFilesAndRemovesAUnitWhoseSpecWasDropped()
    {
        using var temp = new TempDirectory();
        var other = temp.Write("Other.prompt.md", "---\nnamespace: Acme.Other\n---\nThe same weather client again.\n");
        var output = temp.Combine("out");
        var list = temp.Combine("files.txt");
        string Request(params string[] specs) => temp.Write("request.json", new EngineRequest
        {
            Kind = RequestKind.Code,
            Inputs = new ProjectInputs { AssemblyPath = "", RootNamespace = "Fixture", DefineConstants = ["DEBUG", "NET"] },
            Specs = [.. specs],
            FileList = list,
            Properties = new(StringComparer.OrdinalIgnoreCase)
            {
                ["DocGenOutputPath"] = output, ["DocGenProvider"] = "openai", ["DocGenEndpoint"] = fixture.Server.Endpoint,
                ["DocGenModel"] = "test-model", ["DocGenCacheDirectory"] = fixture.Cache,
            },
        }.ToJson());

        var both = await CliResult.RunAsync("generate-code", "--request", Request(fixture.Spec, other));
        var one = await CliResult.RunAsync("generate-code", "--request", Request(fixture.Spec));

        both.ExitCode.ShouldBe(0, both.StdOut);
        one.ExitCode.ShouldBe(0, one.StdOut);
        var listed = File.ReadAllLines(list).Where(l => l.Length > 0).ToList();
        listed.ShouldBe([
            Path.Combine(output, "code", "Weather", "Models", "Forecast.cs"),
            Path.Combine(output, "code", "Weather", "Sources", "IForecastSource.cs"),
            Path.Combine(output, "code", "Weather", "WeatherClient.cs")]);
        Directory.Exists(Path.Combine(output, "code", "Other")).ShouldBeFalse("the unit of the dropped spec is removed");
    }
}
