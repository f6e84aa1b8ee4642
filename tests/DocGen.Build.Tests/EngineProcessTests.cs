using System.Diagnostics;
using DocGen.Tests.Shared;

namespace DocGen.Build.Tests;

/// <summary>The engine process with fake <c>dotnet</c> hosts (shell scripts), so cancellation can be timed.</summary>
public sealed class EngineProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new("docgen-engine");

    [Fact]
    public void Run_ArgumentsWithSpacesAndQuotes_ReachTheHostIntact()
    {
        if (OperatingSystem.IsWindows()) return; // the fake host is a shell script
        var host = Script("echo-args", """printf '%s\n' "$@"; printf 'stderr line\n' >&2""");
        using var engine = new EngineProcess(host, "/pkg/tools/docgen.dll", _dir.Combine("a dir", "re\"quest.json"));
        var lines = new List<string>();

        var exit = engine.Run(lines.Add);

        exit.ShouldBe(0);
        lines.ShouldBe(["exec", "/pkg/tools/docgen.dll", "build", "--request", _dir.Combine("a dir", "re\"quest.json"), "stderr line"], ignoreOrder: true);
    }

    [InterruptFact]
    public async Task Cancel_EngineHandlesInterrupt_ExitsWithItsOwnCode()
    {
        var host = Script("polite", """
            trap 'kill $child 2>/dev/null; echo "docgen: error DG0008: Cancelled"; exit 130' INT
            echo started
            sleep 30 & child=$!
            wait $child
            """);
        using var engine = new EngineProcess(host, "e.dll", "r.json", TimeSpan.FromSeconds(20));
        var lines = new List<string>();
        using var started = new ManualResetEventSlim();

        var run = Task.Run(() => engine.Run(l => { lock (lines) lines.Add(l); started.Set(); }));
        started.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        var watch = Stopwatch.StartNew();
        engine.Cancel();
        var exit = await run.WaitAsync(TimeSpan.FromSeconds(15));

        exit.ShouldBe(130);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10)); // the interrupt, not the kill timer, ended it
        engine.WasCancelled.ShouldBeTrue();
        lines.ShouldContain("docgen: error DG0008: Cancelled");
    }

    [Fact]
    public async Task Cancel_EngineIgnoresInterrupt_IsKilledAfterGracePeriod()
    {
        if (OperatingSystem.IsWindows()) return;
        var host = Script("stubborn", """
            trap '' INT
            echo started
            sleep 60
            """);
        using var engine = new EngineProcess(host, "e.dll", "r.json", TimeSpan.FromMilliseconds(300));
        using var started = new ManualResetEventSlim();

        var run = Task.Run(() => engine.Run(_ => started.Set()));
        started.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        var watch = Stopwatch.StartNew();
        engine.Cancel();
        var exit = await run.WaitAsync(TimeSpan.FromSeconds(15));

        exit.ShouldNotBe(0);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        engine.WasCancelled.ShouldBeTrue();
    }

    [Fact]
    public void RemoveTemporaryFiles_AfterKill_DeletesOnlyThatEnginesTempFiles()
    {
        var partial = _dir.Write("out/.docgen-tmp/4242-1f.tmp", "<html><bo");
        var otherRun = _dir.Write("out/.docgen-tmp/4343-1.tmp", "<html>");
        var page = _dir.Write("out/site/types/Calc.html", "<html></html>");
        // Names that the engine of an earlier version used, and a user's own temp files: never DocGen's to delete.
        var lookalike = _dir.Write("out/site/types/Calc.html.0a1b2c3d.tmp", "mine");
        var userTemp = _dir.Write("out/notes.tmp", "mine");

        EngineProcess.RemoveTemporaryFiles(_dir.Combine("out"), 4242);

        File.Exists(partial).ShouldBeFalse();
        File.Exists(otherRun).ShouldBeTrue();
        File.Exists(page).ShouldBeTrue();
        File.Exists(lookalike).ShouldBeTrue();
        File.Exists(userTemp).ShouldBeTrue();
    }

    [Fact]
    public void RemoveTemporaryFiles_TempFolderIsALink_TouchesNothingBehindIt()
    {
        if (OperatingSystem.IsWindows()) return;
        var outside = _dir.Write("elsewhere/4242-1.tmp", "not DocGen's");
        Directory.CreateDirectory(_dir.Combine("out"));
        Directory.CreateSymbolicLink(_dir.Combine("out", ".docgen-tmp"), _dir.Combine("elsewhere"));

        EngineProcess.RemoveTemporaryFiles(_dir.Combine("out"), 4242);

        File.Exists(outside).ShouldBeTrue();
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("with space", "\"with space\"")]
    [InlineData("", "\"\"")]
    [InlineData(@"C:\dir\", @"""C:\dir\\""")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    public void Quote_Argument_FollowsProcessArgumentRules(string argument, string expected) =>
        EngineProcess.Quote(argument).ShouldBe(expected);

    public void Dispose() => _dir.Dispose();

    private string Script(string name, string body)
    {
        var path = _dir.Write(name + ".sh", "#!/bin/bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
