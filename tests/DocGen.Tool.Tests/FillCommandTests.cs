using System.Text.Json.Nodes;
using DocGen.Core.Tests.Generation;
using DocGen.Tests.Shared;
using DocGen.Core;

namespace DocGen.Tool.Tests;

/// <summary>
/// Runs <c>docgen fill</c> on tests/fixtures/Fill.Lib against the scripted model server: the diff, a check, the
/// <c>--apply</c> round trip (the project then compiles with the comments), and fill again on the result. The diff is
/// also applied with <c>git apply</c> to a second copy, which must end byte for byte like <c>--apply</c>'s.
/// </summary>
public sealed class FillFixture : IAsyncLifetime
{
    public TempDirectory Temp { get; } = new("docgen-fill");
    public FakeOpenAIServer Server { get; } = new() { Responder = Answer };
    public string ProjectDir { get; private set; } = "";
    public string PatchedDir { get; private set; } = "";
    public string Cache => Temp.Combine("cache");
    public Dictionary<string, byte[]> Before { get; } = [];
    public CliResult Diff { get; private set; } = null!;
    public CliResult CheckBefore { get; private set; } = null!;
    public CliResult Apply { get; private set; } = null!;
    public ProcessResult Build { get; private set; } = null!;
    public ProcessResult GitApply { get; private set; } = null!;
    public CliResult Again { get; private set; } = null!;
    public CliResult CheckAfter { get; private set; } = null!;
    public CliResult Stats { get; private set; } = null!;

    public string[] ModelArgs => ["--provider", "openai", "--endpoint", Server.Endpoint, "--model", "test-model", "--cache-dir", Cache];

    /// <summary>Every member documented; <c>Add</c> also with parameters, return value and an exception, and text that needs escaping.</summary>
    private static Scripted Answer(RecordedRequest request)
    {
        var ids = FakeOpenAIServer.IdsIn(request.Prompt);
        if (ids.Count == 0) return FakeOpenAIServer.DocumentEverything(request);
        var members = new JsonArray();
        foreach (var id in ids)
        {
            var entry = new JsonObject { ["id"] = id, ["summary"] = $"Docs for {id}." };
            if (id == "M:Fill.Lib.Calculator.Add(System.Int32,System.Int32)")
            {
                entry["summary"] = "Adds a & b when a < b or not.";
                entry["params"] = new JsonObject { ["a"] = "The first term.", ["b"] = "The second term." };
                entry["returns"] = "The new total.";
                entry["exceptions"] = new JsonObject { ["T:System.OverflowException"] = "Never, in practice." };
            }
            members.Add(entry);
        }
        return Scripted.Json(new JsonObject { ["members"] = members }.ToJsonString());
    }

    public async Task InitializeAsync()
    {
        ProjectDir = Fixtures.CopyTo("Fill.Lib", Temp);
        foreach (var file in Directory.GetFiles(ProjectDir, "*.cs")) Before[Path.GetFileName(file)] = File.ReadAllBytes(file);
        PatchedDir = Temp.Combine("patched");
        Directory.CreateDirectory(PatchedDir);
        foreach (var file in Directory.GetFiles(ProjectDir)) File.Copy(file, Path.Combine(PatchedDir, Path.GetFileName(file)));

        Diff = await CliResult.RunAsync(["fill", ProjectDir, .. ModelArgs]);
        CheckBefore = await CliResult.RunAsync(["fill", ProjectDir, "--check", .. ModelArgs]);
        File.WriteAllText(Temp.Combine("fill.diff"), Diff.StdOut);
        GitApply = await ProcessRunner.RunAsync("git", ["apply", "--whitespace=nowarn", Temp.Combine("fill.diff")], PatchedDir);
        Apply = await CliResult.RunAsync(["fill", ProjectDir, "--apply", .. ModelArgs]);
        Build = await ProcessRunner.DotnetAsync(ProjectDir, "build", "-nologo", "-nodeReuse:false", "--no-incremental");
        Again = await CliResult.RunAsync(["fill", ProjectDir, .. ModelArgs]);
        CheckAfter = await CliResult.RunAsync(["fill", ProjectDir, "--check", .. ModelArgs]);
        Stats = await CliResult.RunAsync("cache", "stats", "--cache-dir", Cache);
    }

    public string Source(string file) => File.ReadAllText(Path.Combine(ProjectDir, file));

    public Task DisposeAsync()
    {
        Server.Dispose();
        Temp.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class FillCommandTests(FillFixture fixture) : IClassFixture<FillFixture>
{
    [Fact]
    public void Fill_Default_PrintsAUnifiedDiffAndChangesNoFile()
    {
        fixture.Diff.ExitCode.ShouldBe(0, fixture.Diff.StdErr);
        fixture.Diff.StdOut.ShouldStartWith("--- a/Calculator.cs\n+++ b/Calculator.cs\n@@ ", customMessage: fixture.Diff.StdErr);
        fixture.Diff.StdOut.ShouldContain("+    /// Adds a &amp; b when a &lt; b or not.\n");
        fixture.Diff.StdOut.ShouldContain("+    /// <param name=\"a\">The first term.</param>\n");
        fixture.Diff.StdOut.ShouldNotContain("+    /// <summary>Written by a person");
        fixture.Diff.StdErr.ShouldMatch(@"DocGen: \d+ doc comments for 3 files \(the diff above\)");
        fixture.Diff.StdOut.ShouldNotContain("DocGen:", customMessage: "stdout holds only the diff");
        // Measured before --apply ran: the diff run left the sources alone.
        fixture.GitApply.ExitCode.ShouldBe(0, fixture.GitApply.Output);
    }

    [Fact]
    public void Fill_Apply_WritesWhatTheDiffShows()
    {
        fixture.Apply.ExitCode.ShouldBe(0, fixture.Apply.StdErr);
        fixture.Apply.StdOut.ShouldMatch(@"DocGen: wrote \d+ doc comments into 3 files");
        foreach (var file in fixture.Before.Keys)
            File.ReadAllBytes(Path.Combine(fixture.PatchedDir, file)).ShouldBe(File.ReadAllBytes(Path.Combine(fixture.ProjectDir, file)), $"{file}: git apply of the diff and --apply disagree");
    }

    [Fact]
    public void Fill_Apply_PlacesCommentsAboveAttributesBelowCommentsWithTheDeclarationsIndentation()
    {
        var calculator = fixture.Source("Calculator.cs");

        calculator.ShouldContain("""
                // Kept above the generated comment: a remark for maintainers, not API docs.
                /// <summary>
                /// Adds a &amp; b when a &lt; b or not.
                /// </summary>
                /// <param name="a">The first term.</param>
                /// <param name="b">The second term.</param>
                /// <returns>The new total.</returns>
                /// <exception cref="T:System.OverflowException">Never, in practice.</exception>
                [SuppressMessage("Style", "IDE0060")]
                public int Add(int a, int b)
            """.Replace("\r\n", "\n"));
        calculator.ShouldContain("    /// <summary>\n    /// Docs for T:Fill.Lib.Calculator.Memory.\n    /// </summary>\n    public class Memory");
        calculator.ShouldContain("        /// <summary>\n        /// Docs for P:Fill.Lib.Calculator.Memory.Slot.\n        /// </summary>\n        public int Slot");
        calculator.ShouldContain("    /// <summary>Written by a person: fill never touches this.</summary>\n    public void Reset()");
        fixture.Source("Tabs.cs").ShouldContain("\t\t/// <summary>\n\t\t/// Docs for M:Fill.Lib.Tabs.Twice(System.String).\n\t\t/// </summary>\n\t\tpublic static string Twice");
    }

    [Fact]
    public void Fill_Apply_KeepsTheFilesLineEndings()
    {
        var mode = fixture.Source("Mode.cs");

        mode.ShouldContain("    /// <summary>\r\n    /// Docs for F:Fill.Lib.Mode.Fast.\r\n    /// </summary>\r\n    Fast,\r\n");
        mode.Replace("\r\n", "").ShouldNotContain("\n", customMessage: "a CRLF file gets no LF-only line");
        fixture.Source("Calculator.cs").ShouldNotContain("\r");
    }

    [Fact]
    public void Fill_Apply_ProjectStillCompilesWithTheCommentsAsItsDocs()
    {
        fixture.Build.ExitCode.ShouldBe(0, fixture.Build.Output);
        fixture.Build.Output.ShouldNotMatch(@"warning CS15(70|72|73|74|84|87)\b", "the comments are well-formed, placed and reference what exists");
        var xml = File.ReadAllText(Path.Combine(fixture.ProjectDir, "bin", "Debug", "net10.0", "Fill.Lib.xml"));
        xml.ShouldContain("<param name=\"a\">The first term.</param>");
        xml.ShouldContain("Docs for E:Fill.Lib.Calculator.Changed.");
        xml.ShouldContain("Docs for M:Fill.Lib.Calculator.op_Addition(Fill.Lib.Calculator,Fill.Lib.Calculator).");
    }

    [Fact]
    public void Fill_AfterApply_IsIdempotentAndTheCheckPasses()
    {
        fixture.Again.ExitCode.ShouldBe(0, fixture.Again.StdErr);
        fixture.Again.StdOut.ShouldBeEmpty();
        fixture.Again.StdErr.ShouldContain("DocGen: nothing to fill; 0 declarations lack docs in the sources");
        fixture.CheckAfter.ExitCode.ShouldBe(0, fixture.CheckAfter.StdErr);
    }

    [Fact]
    public void Fill_CheckWithUndocumentedMembers_FailsWithDG0023()
    {
        fixture.CheckBefore.ExitCode.ShouldBe(ExitCodes.Errors);
        fixture.CheckBefore.StdErr.ShouldMatch(@"error DG0023: \d+ members and types have no docs written in the sources");
    }

    [Fact]
    public void Fill_RecordsItsCacheLookups_AsCacheStatsShows()
    {
        fixture.Stats.ExitCode.ShouldBe(0, fixture.Stats.StdErr);
        fixture.Stats.StdOut.ShouldContain("by model: test-model");
        fixture.Stats.StdOut.ShouldMatch(@"last \d+ runs: hit rate");
    }
}
