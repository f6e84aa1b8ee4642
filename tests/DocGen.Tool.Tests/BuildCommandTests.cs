using System.Text.Json;
using DocGen.Core.Inputs;
using DocGen.Tests.Shared;
using DocGen.Core;

namespace DocGen.Tool.Tests;

/// <summary>Builds the Hello.Lib fixture once (through the CLI itself) for the tests of this class.</summary>
public sealed class HelloProjectFixture : IAsyncLifetime
{
    public TempDirectory Temp { get; } = new("docgen-cli");
    public string ProjectDir { get; private set; } = "";
    public string Project => Path.Combine(ProjectDir, "Hello.Lib.csproj");
    public string Output => Temp.Combine("first-output");
    public CliResult FirstRun { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ProjectDir = Fixtures.CopyTo("Hello.Lib", Temp);
        FirstRun = await CliResult.RunAsync("build", Project, "--output", Output);
    }

    public Task DisposeAsync()
    {
        Temp.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Exit code and printed text of one in-process CLI run.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public static async Task<CliResult> RunAsync(params string[] args) => await RunAsync(default, args);

    public static async Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Cli.RunAsync(args, stdout, stderr, cancellationToken);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

public sealed partial class BuildCommandTests(HelloProjectFixture fixture) : IClassFixture<HelloProjectFixture>
{
    [Fact]
    public void Build_Project_BuildsItAndWritesSiteMarkdownAndReport()
    {
        fixture.FirstRun.ExitCode.ShouldBe(0, fixture.FirstRun.StdOut + fixture.FirstRun.StdErr);
        File.Exists(Path.Combine(fixture.ProjectDir, "bin", "Debug", "net10.0", "Hello.Lib.dll")).ShouldBeTrue("the CLI builds a project whose assembly is missing");
        File.ReadAllText(Path.Combine(fixture.Output, "site", "index.html")).ShouldContain("Hello.Lib");
        File.ReadAllText(Path.Combine(fixture.Output, "markdown", "README.md")).ShouldContain("Hello.Lib");

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Output, "report.json")));
        report.RootElement.GetProperty("project").GetString().ShouldBe("Hello.Lib");
        report.RootElement.GetProperty("targetFramework").GetString().ShouldBe("net10.0");
        report.RootElement.GetProperty("counts").GetProperty("types").GetInt32().ShouldBe(1);
        fixture.FirstRun.StdOut.ShouldContain("DocGen: 1 types, ");
        fixture.FirstRun.StdOut.ShouldContain("→ " + Path.Combine(fixture.Output, "site"));
    }

    [Fact]
    public async Task Build_SecondRunWithNothingChanged_RewritesNoFile()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");
        (await CliResult.RunAsync("build", fixture.Project, "--output", output)).ExitCode.ShouldBe(0);
        var before = Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        before.Count.ShouldBeGreaterThan(3);

        var second = await CliResult.RunAsync("build", fixture.Project, "--output", output);

        second.ExitCode.ShouldBe(0);
        second.StdOut.ShouldContain("0 files written");
        var after = Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Build_FormatsHtmlOnly_RemovesMarkdownLeftByPreviousRun()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");
        (await CliResult.RunAsync("build", fixture.Project, "--output", output)).ExitCode.ShouldBe(0);
        Directory.Exists(Path.Combine(output, "markdown")).ShouldBeTrue();

        (await CliResult.RunAsync("build", fixture.Project, "--output", output, "--formats", "html")).ExitCode.ShouldBe(0);

        Directory.Exists(Path.Combine(output, "markdown")).ShouldBeFalse("files the previous run wrote and this run did not are removed");
        File.ReadAllText(Path.Combine(output, "site", "index.html")).ShouldContain("Hello.Lib");
    }

    [Fact]
    public async Task Build_Verbose_PrintsEachStageAndTheMemoryFigures()
    {
        using var temp = new TempDirectory();
        var result = await CliResult.RunAsync("build", fixture.Project, "--output", temp.Combine("out"), "--verbose");

        result.ExitCode.ShouldBe(0, result.StdErr);
        var timings = result.StdOut.Split('\n').Single(l => l.StartsWith("DocGen timings: ", StringComparison.Ordinal));
        foreach (var stage in new[] { "extract", "generate", "emit-html", "emit-markdown", "emit-manifest" })
            timings.ShouldMatch($@"\b{stage} \d+ ms");
        result.StdOut.ShouldMatch(@"DocGen memory: \d+ MiB allocated, GC gen0 \d+, gen1 \d+, gen2 \d+, paused \d+ ms");
    }

    [Fact]
    public async Task Build_Assembly_ReadsXmlDocsBesideIt()
    {
        using var temp = new TempDirectory();
        var dll = Path.Combine(fixture.ProjectDir, "bin", "Debug", "net10.0", "Hello.Lib.dll");

        var result = await CliResult.RunAsync("build", dll, "--output", temp.Path, "--formats", "markdown");

        result.ExitCode.ShouldBe(0, result.StdOut);
        result.StdErr.ShouldNotContain("DG0006");
        Directory.GetFiles(Path.Combine(temp.Path, "markdown"), "*.md", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ShouldContain(text => text.Contains("Greets people by name."));
    }

    [Fact]
    public async Task Build_SourceEditedAfterBuild_RebuildsStaleAssembly()
    {
        using var temp = new TempDirectory();
        var project = Fixtures.CopyTo("Hello.Lib", temp);
        var csproj = Path.Combine(project, "Hello.Lib.csproj");
        (await CliResult.RunAsync("build", csproj, "--formats", "markdown")).ExitCode.ShouldBe(0);
        var source = Path.Combine(project, "Greeter.cs");
        File.WriteAllText(source, File.ReadAllText(source).Replace("Greets people by name.", "Welcomes people warmly."));
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddSeconds(2));

        var result = await CliResult.RunAsync("build", csproj, "--formats", "markdown");

        result.ExitCode.ShouldBe(0, result.StdOut + result.StdErr);
        result.StdErr.ShouldContain("Building Hello.Lib.csproj");
        Directory.GetFiles(Path.Combine(project, "obj", "Debug", "net10.0", "docgen", "markdown"), "*.md", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ShouldContain(text => text.Contains("Welcomes people warmly."));
    }

    [Fact]
    public async Task Build_RequestFile_RunsWithInputsAndPropertiesFromMsBuild()
    {
        using var temp = new TempDirectory();
        var bin = Path.Combine(fixture.ProjectDir, "bin", "Debug", "net10.0");
        var request = new EngineRequest
        {
            Inputs = new ProjectInputs
            {
                AssemblyPath = Path.Combine(bin, "Hello.Lib.dll"),
                XmlDocPath = Path.Combine(bin, "Hello.Lib.xml"),
                ProjectName = "Hello.Lib",
                TargetFramework = "net10.0",
                SourceFiles = [Path.Combine(fixture.ProjectDir, "Greeter.cs")],
            },
            Properties = { ["DocGenOutputPath"] = temp.Combine("req-out"), ["DocGenFormats"] = "html" },
        };
        var file = temp.Write("request.json", request.ToJson());

        var result = await CliResult.RunAsync("build", "--request", file);

        result.ExitCode.ShouldBe(0, result.StdOut);
        File.ReadAllText(temp.Combine("req-out", "site", "index.html")).ShouldContain("Hello.Lib");
        Directory.Exists(temp.Combine("req-out", "markdown")).ShouldBeFalse("DocGenFormats=html writes only the site");
    }

    [Fact]
    public async Task Build_RequestFileWithInvalidProperty_FailsNamingTheProperty()
    {
        using var temp = new TempDirectory();
        var request = new EngineRequest
        {
            Inputs = new ProjectInputs { AssemblyPath = Path.Combine(fixture.ProjectDir, "bin", "Debug", "net10.0", "Hello.Lib.dll") },
            Properties = { ["DocGenFormats"] = "html;pdf", ["DocGenMaxConcurrency"] = "lots" },
        };
        var file = temp.Write("request.json", request.ToJson());

        var result = await CliResult.RunAsync("build", "--request", file);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("error DG0001: DocGenFormats: unknown format 'pdf'");
        result.StdErr.ShouldContain("error DG0001: DocGenMaxConcurrency: 'lots' is not a whole number");
    }

    [Fact]
    public async Task Build_RequestFileNotJson_FailsWithDG0010()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("request.json", "{ not json");

        var result = await CliResult.RunAsync("build", "--request", file);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("error DG0010:");
    }

    [Theory]
    [InlineData("--formats", "pdf", "--formats: unknown format 'pdf'")]
    [InlineData("--max-concurrency", "0", "max concurrency must be between 1 and 64")]
    [InlineData("--provider", "gemini", "unknown provider 'gemini'")]
    [InlineData("--endpoint", "not a url", "is not an absolute URL")]
    [InlineData("--templates", "/nonexistent/templates", "templates folder '/nonexistent/templates' does not exist")]
    public async Task Build_InvalidOption_ExitsWithUsageErrorNamingIt(string flag, string value, string expected)
    {
        var result = await CliResult.RunAsync("build", fixture.Project, flag, value);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("error DG0001: ");
        result.StdErr.ShouldContain(expected);
    }

    [Fact]
    public async Task Build_MissingInput_ExitsWithUsageErrorDG0002()
    {
        var result = await CliResult.RunAsync("build", "/nonexistent/Nothing.csproj");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("error DG0002: Input '/nonexistent/Nothing.csproj' does not exist");
    }

    [Fact]
    public async Task Build_UnsupportedInput_ExitsWithUsageErrorDG0003()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("notes.txt", "hello");

        var result = await CliResult.RunAsync("build", file);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("DG0003");
    }

    [Fact]
    public async Task Build_UnknownFlag_ExitsWithUsageError()
    {
        var result = await CliResult.RunAsync("build", fixture.Project, "--colour", "blue");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        (result.StdOut + result.StdErr).ShouldContain("--colour");
    }

    [Fact]
    public async Task Build_CancelledBeforeStart_Exits130()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var result = await CliResult.RunAsync(cts.Token, "build", fixture.Project, "--output", fixture.Temp.Combine("cancelled"));

        result.ExitCode.ShouldBe(ExitCodes.Cancelled);
        Directory.Exists(fixture.Temp.Combine("cancelled", "site")).ShouldBeFalse();
    }

    [Fact]
    public async Task Process_UsageError_ReturnsExitCode2()
    {
        var docgen = Path.Combine(AppContext.BaseDirectory, "docgen.dll");

        var result = await ProcessRunner.RunAsync("dotnet", ["exec", docgen, "build", fixture.Project, "--formats", "pdf"], fixture.Temp.Path);

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("DG0001");
    }
}
