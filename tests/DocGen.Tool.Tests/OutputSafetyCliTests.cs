using DocGen.Core.Inputs;
using DocGen.Core.Tests.Generation;
using DocGen.Tests.Shared;
using DocGen.Core;

namespace DocGen.Tool.Tests;

/// <summary>Bad-input rows of the fault matrix at the command line, and the exit code that tells a build to run again.</summary>
public sealed class OutputSafetyCliTests(HelloProjectFixture fixture) : IClassFixture<HelloProjectFixture>
{
    private string Assembly => Path.Combine(fixture.ProjectDir, "bin", "Debug", "net10.0", "Hello.Lib.dll");

    [Fact]
    public async Task Build_OutputNamesAnExistingFile_ExitsWithDG0305AndLeavesTheFile()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("site.zip", "my archive");

        var result = await CliResult.RunAsync("build", Assembly, "--output", file);

        result.ExitCode.ShouldBe(ExitCodes.Errors);
        result.StdErr.ShouldContain("error DG0305: The output path '" + file + "' names an existing file");
        (result.StdOut + result.StdErr).ShouldNotContain("DG0009");
        result.StdErr.ShouldNotContain("   at ");
        File.ReadAllText(file).ShouldBe("my archive");
    }

    [Fact]
    public async Task Build_NotADotNetAssembly_ExitsWithDG0107AndPointsAtNoSite()
    {
        using var temp = new TempDirectory();
        var dll = temp.Write("Native.dll", "MZ not a managed image");

        var result = await CliResult.RunAsync("build", dll, "-o", temp.Combine("out"));

        result.ExitCode.ShouldBe(ExitCodes.Errors);
        result.StdErr.ShouldContain("error DG0107:");
        result.StdOut.ShouldContain("DocGen: no API extracted; 1 errors, 0 warnings; nothing written");
        result.StdOut.ShouldNotContain("→");
        File.Exists(temp.Combine("out", "site", "index.html")).ShouldBeFalse();
    }

    [Fact]
    public async Task Build_EndpointIsAFileUrl_ExitsWithDG0011AndNoStackTrace()
    {
        using var temp = new TempDirectory();

        var result = await CliResult.RunAsync("build", Assembly, "--output", temp.Combine("out"), "--provider", "openai", "--endpoint", "file:///x");

        result.ExitCode.ShouldBe(ExitCodes.Errors);
        result.StdErr.ShouldContain("error DG0011: --endpoint (DocGenEndpoint) 'file:///x' is not an http:// or https:// URL");
        (result.StdOut + result.StdErr).ShouldNotContain("DG0009");
        result.StdErr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task GenerateCode_EndpointIsAFileUrl_ExitsWithDG0011AndNoStackTrace()
    {
        using var temp = new TempDirectory();
        var spec = temp.Write("Tiny.prompt.md", "---\nlanguage: csharp\n---\nA tiny client class.\n");

        var result = await CliResult.RunAsync("generate-code", spec, "--output", temp.Combine("out"), "--provider", "openai", "--endpoint", "file:///x");

        result.ExitCode.ShouldBe(ExitCodes.Errors);
        result.StdErr.ShouldContain("error DG0011:");
        (result.StdOut + result.StdErr).ShouldNotContain("DG0009");
        result.StdErr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Build_FolderNotWrittenByDocGen_ExitsWithDG0302UnlessForced()
    {
        using var temp = new TempDirectory();
        var mine = temp.Write("docs/index.html", "my hand-written docs");

        var refused = await CliResult.RunAsync("build", Assembly, "--output", temp.Combine("docs"));
        var forced = await CliResult.RunAsync("build", Assembly, "--output", temp.Combine("docs"), "--force-output");

        refused.ExitCode.ShouldBe(ExitCodes.Errors);
        refused.StdErr.ShouldContain("error DG0302:");
        forced.ExitCode.ShouldBe(ExitCodes.Ok, forced.StdErr);
        File.ReadAllText(mine).ShouldBe("my hand-written docs", "index.html is not a path DocGen writes; force never deletes");
        File.Exists(temp.Combine("docs", "site", "index.html")).ShouldBeTrue();
    }

    [Fact]
    public async Task Build_RequestWhoseModelRequestsFail_ExitsIncompleteSoTheBuildRunsAgain()
    {
        using var server = new FakeOpenAIServer { Responder = _ => Scripted.Error(500) };
        using var temp = new TempDirectory();
        var file = temp.Write("request.json", Request(temp, ("DocGenProvider", "openai"), ("DocGenEndpoint", server.Endpoint), ("DocGenModel", "test-model")).ToJson());

        var result = await RunWithKeyAsync("build", "--request", file);

        result.ExitCode.ShouldBe(ExitCodes.Incomplete, result.StdErr);
        result.StdErr.ShouldContain("warning DG0404:");
    }

    [Fact]
    public async Task Build_RequestWithoutProvider_ExitsOk()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("request.json", Request(temp).ToJson());

        var result = await CliResult.RunAsync("build", "--request", file);

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.StdErr);
    }

    [Fact]
    public async Task Build_CommandLineWhoseModelRequestsFail_ExitsOkWithWarnings()
    {
        using var server = new FakeOpenAIServer { Responder = _ => Scripted.Error(500) };
        using var temp = new TempDirectory();

        var result = await RunWithKeyAsync("build", Assembly, "--output", temp.Combine("out"), "--provider", "openai", "--endpoint", server.Endpoint,
            "--cache-dir", temp.Combine("cache"));

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.StdErr);
        result.StdErr.ShouldContain("warning DG0404:");
    }

    private EngineRequest Request(TempDirectory temp, params (string Name, string Value)[] properties)
    {
        var request = new EngineRequest
        {
            Inputs = new ProjectInputs { AssemblyPath = Assembly, XmlDocPath = Path.ChangeExtension(Assembly, ".xml"), ProjectName = "Hello.Lib" },
            Properties = { ["DocGenOutputPath"] = temp.Combine("out"), ["DocGenFormats"] = "markdown", ["DocGenCacheDirectory"] = temp.Combine("cache") },
        };
        foreach (var (name, value) in properties) request.Properties[name] = value;
        return request;
    }

    // The provider reads its key from the environment; these runs are in-process, so it is set around them.
    private static async Task<CliResult> RunWithKeyAsync(params string[] args)
    {
        var previous = Environment.GetEnvironmentVariable("DOCGEN_API_KEY");
        Environment.SetEnvironmentVariable("DOCGEN_API_KEY", "sk-test-not-a-real-key");
        try { return await CliResult.RunAsync(args); }
        finally { Environment.SetEnvironmentVariable("DOCGEN_API_KEY", previous); }
    }
}
