using System.CommandLine;
using System.Text.Json.Nodes;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Inputs;
using DocGen.Tests.Shared;
using DocGen.Core;

namespace DocGen.Tool.Tests;

/// <summary>What issue 19 asks of <c>docgen build</c> and of every verb: the first five minutes and CLI consistency.</summary>
public sealed partial class BuildCommandTests
{
    [Fact]
    public async Task Build_RequestWithDocGenCacheMaxSize_PrunesTheCacheAfterTheRun()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var store = new LocalCacheStore(cache);
        for (var i = 0; i < 8; i++)
        {
            var key = CacheKey.Compute(new JsonObject { ["n"] = i });
            store.Put(key, LocalCacheStore.CreateEntry(key, "member_docs", "m", new JsonObject { ["summary"] = new string('x', 2000) }));
        }
        var bin = Path.Combine(fixture.ProjectDir, "bin", "Debug", "net10.0");
        var request = new EngineRequest
        {
            Inputs = new ProjectInputs { AssemblyPath = Path.Combine(bin, "Hello.Lib.dll"), XmlDocPath = Path.Combine(bin, "Hello.Lib.xml"), ProjectName = "Hello.Lib" },
            Properties = new(StringComparer.OrdinalIgnoreCase)
            {
                ["DocGenOutputPath"] = temp.Combine("out"),
                ["DocGenFormats"] = "markdown",
                ["DocGenCacheDirectory"] = cache,
                ["DocGenCacheMaxSize"] = "5KB",
            },
        };
        var requestFile = temp.Write("docgen.request.json", request.ToJson());

        var result = await CliResult.RunAsync("build", "--request", requestFile);

        result.ExitCode.ShouldBe(0, result.StdOut + result.StdErr);
        EntryBytes(cache).ShouldBeLessThanOrEqualTo(5 * 1024);
        EntryBytes(cache).ShouldBeGreaterThan(0);
        result.StdOut.ShouldContain("DocGen: cache pruned to 5 KB");
        result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().ShouldStartWith("DocGen: 1 types", customMessage: "the run's summary stays the last line");
    }

    private static long EntryBytes(string directory) => new CacheInventory(directory).List().Sum(e => e.Size);

    [Fact]
    public async Task Build_Folder_UsesTheOneProjectInIt()
    {
        using var temp = new TempDirectory();

        var result = await CliResult.RunAsync("build", fixture.ProjectDir, "--output", temp.Path, "--formats", "markdown");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldContain("DocGen: 1 types, ");
    }

    [Fact]
    public async Task Build_FolderWithSeveralProjects_NamesThem()
    {
        using var temp = new TempDirectory();
        temp.Write("A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        temp.Write("B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");

        var result = await CliResult.RunAsync("build", temp.Path);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("error DG0020: '" + temp.Path + "' has 2 projects; pass one of them: A.csproj, B.csproj");
        result.StdOut.ShouldBeEmpty("errors go to stderr");
    }

    [Fact]
    public async Task Build_FolderWithoutProject_SaysWhatToPass()
    {
        using var temp = new TempDirectory();

        var result = await CliResult.RunAsync("build", temp.Path);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("error DG0020: '" + temp.Path + "' has no .csproj");
    }

    [Fact]
    public void Build_FallbackDocsUsed_SaysSoWithoutVerbose()
    {
        var lines = fixture.FirstRun.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.ShouldContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^DocGen: \d+ member\(s\) and 0 type\(s\) have no docs.*DG0410"), string.Join("\n", lines));
        lines[^1].ShouldStartWith("DocGen: 1 types", customMessage: "the summary stays last (the MSBuild task keeps the last DocGen: line)");
    }

    [Fact]
    public async Task Build_MinCoverageAboveTheProjects_FailsWithDG0021()
    {
        using var temp = new TempDirectory();

        var failing = await CliResult.RunAsync("build", fixture.Project, "--output", temp.Combine("a"), "--formats", "markdown", "--min-coverage", "95");
        var passing = await CliResult.RunAsync("build", fixture.Project, "--output", temp.Combine("b"), "--formats", "markdown", "--min-coverage", "50%");

        failing.ExitCode.ShouldBe(ExitCodes.Errors);
        failing.StdErr.ShouldMatch(@"error DG0021: \d+(\.\d)?% of the API is documented, below the minimum of 95%");
        passing.ExitCode.ShouldBe(0, passing.StdErr);
    }

    [Fact]
    public void Cli_NoVerb_UsesMinusVForVerbose()
    {
        foreach (var command in Walk(Cli.CreateRoot(TextWriter.Null, TextWriter.Null)))
            foreach (var option in command.Options)
                option.Aliases.ShouldNotContain("-v", $"docgen {command.Name} {option.Name}: in dotnet, -v is --verbosity");
    }

    [Fact]
    public async Task GenerateCodeHelp_ListsOnlyTheOptionsItUses()
    {
        var help = await CliResult.RunAsync("generate-code", "--help");

        help.StdOut.ShouldContain("--code-optional");
        help.StdOut.ShouldContain("--provider");
        foreach (var unrelated in new[] { "--formats", "--templates", "--include-internals", "--deterministic", "--fill-missing-docs", "--min-coverage" })
            help.StdOut.ShouldNotContain(unrelated);
    }

    [Fact]
    public void Cli_BooleanEngineOptions_AreSwitches()
    {
        var build = Cli.CreateRoot(TextWriter.Null, TextWriter.Null).Subcommands.Single(c => c.Name == "build");

        var parse = build.Parse(["--fill-missing-docs", "--debug", "--fail-on-provider-error"]);

        parse.Errors.ShouldBeEmpty();
        build.Options.Where(o => o.Name is "--fill-missing-docs" or "--debug" or "--include-internals").ShouldAllBe(o => o is Option<bool>);
    }

    [Fact]
    public void Cli_EngineFlagsNotGiven_LeaveTheEnginesDefaults()
    {
        var probe = new Command("probe");
        var options = new Commands.EngineOptions(probe);

        var given = options.Given(probe.Parse(["--debug"]));

        given.ShouldBe([new("--debug", "true")], "a bool flag left out must not be passed as false (--fill-missing-docs defaults to true)");
    }

    [Theory]
    [InlineData("1048576", 1048576L)]
    [InlineData("512KB", 512L * 1024)]
    [InlineData("500MB", 500L * 1024 * 1024)]
    [InlineData("1.5 GiB", 3L * 512 * 1024 * 1024)]
    public void ParseSize_BinaryUnits_AreBytes(string text, long bytes) => Core.Options.OptionBinder.ParseSize(text).ShouldBe(bytes);

    [Theory]
    [InlineData("lots")]
    [InlineData("5XB")]
    [InlineData("-1MB")]
    public void ParseSize_NotASize_IsAFormatError(string text) => Should.Throw<FormatException>(() => Core.Options.OptionBinder.ParseSize(text));

    private static IEnumerable<Command> Walk(Command command) => command.Subcommands.SelectMany(Walk).Prepend(command);
}
