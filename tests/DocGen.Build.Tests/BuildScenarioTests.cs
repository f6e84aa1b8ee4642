using DocGen.Tests.Shared;
using System.Text.Json;
using static DocGen.Build.Tests.BuildTestSupport;

namespace DocGen.Build.Tests;

/// <summary>
/// Real <c>dotnet build</c>s of the other fixtures (multi-targeting, a solution, DocGen off, bad properties)
/// and of a project whose engine host is faked to time diagnostics, crashes and Ctrl+C.
/// </summary>
[Collection(PackedFeedScenarioCollection.Name)]
public sealed class BuildScenarioTests(PackedFeed feed)
{
    [Fact]
    public async Task Build_MultiTargeting_DocumentsEachFrameworkInItsOwnFolderAndCleansBoth()
    {
        var project = feed.CopyFixture("Multi");
        string[] frameworks = ["net10.0", "netstandard2.0"];

        await feed.BuildAsync(project);

        foreach (var tfm in frameworks)
        {
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "obj/Debug", tfm, "docgen/report.json")));
            report.RootElement.GetProperty("targetFramework").GetString().ShouldBe(tfm);
        }
        var question = await feed.DotnetAsync(project, "build", "-question");
        question.ExitCode.ShouldBe(0, question.Output);

        var clean = await feed.DotnetAsync(project, "clean");
        clean.ExitCode.ShouldBe(0, clean.Output);
        foreach (var tfm in frameworks)
            Directory.Exists(Path.Combine(project, "obj/Debug", tfm, "docgen")).ShouldBeFalse();
    }

    [Fact]
    public async Task Build_MultiTargetingWithDocGenTargetFramework_DocumentsOnlyThatFramework()
    {
        var project = feed.CopyFixture("Multi");
        AddProperties(Path.Combine(project, "Multi.csproj"), "<DocGenTargetFramework>netstandard2.0</DocGenTargetFramework>");

        await feed.BuildAsync(project);

        File.Exists(Path.Combine(project, "obj/Debug/netstandard2.0/docgen/report.json")).ShouldBeTrue();
        Directory.Exists(Path.Combine(project, "obj/Debug/net10.0/docgen")).ShouldBeFalse();
    }

    [Fact]
    public async Task Build_TwoProjectSolutionInParallel_DocumentsBothProjects()
    {
        var solution = feed.CopyFixture("Solution");

        var build = await feed.DotnetAsync(solution, "build", "Solution.slnx", "-m");

        build.ExitCode.ShouldBe(0, build.Output);
        foreach (var name in new[] { "Lib", "App" })
        {
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(solution, name, Obj, "docgen/report.json")));
            report.RootElement.GetProperty("project").GetString().ShouldBe(name);
        }
        var question = await feed.DotnetAsync(solution, "build", "Solution.slnx", "-m", "-question");
        question.ExitCode.ShouldBe(0, question.Output);
    }

    [Fact]
    public async Task Build_DocGenDisabled_WritesNothing()
    {
        var project = feed.CopyFixture("Off");

        var build = await feed.BuildAsync(project);

        build.StdOut.ShouldNotContain("DocGen: ", Case.Sensitive);
        Directory.Exists(Path.Combine(project, Obj, "docgen")).ShouldBeFalse();
        Directory.GetFiles(Path.Combine(project, Obj), "docgen*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Build_InvalidFormats_FailsWithDG0001NamingTheProperty()
    {
        var project = feed.CopyFixture("Calc");

        var build = await feed.DotnetAsync(project, "build", "-p:DocGenFormats=pdf");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain("error DG0001: DocGenFormats: unknown format 'pdf'");
        File.Exists(Path.Combine(project, Obj, "docgen.stamp")).ShouldBeFalse();
    }

    [Fact]
    public async Task Build_MisspelledProperty_FailsWithDG0601SuggestingTheKnownName()
    {
        var project = feed.CopyFixture("Calc");
        AddProperties(Path.Combine(project, "Calc.csproj"), "<DocGenFormat>html</DocGenFormat>");

        var build = await feed.DotnetAsync(project, "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain("Calc.csproj : error DG0601: DocGenFormat: unknown DocGen property");
        build.StdOut.ShouldContain("Did you mean 'DocGenFormats'?");
    }

    [Fact]
    public async Task Build_EngineDiagnostics_BecomeMSBuildWarningsAndErrorsWithIdsAndLocations()
    {
        if (OperatingSystem.IsWindows()) return;
        var project = feed.CopyFixture("Calc");
        var source = Path.Combine(project, "Calculator.cs");
        var host = FakeHost(project, $"""
            echo '{source}(12,5): warning DG0101: <see cref="Nope"/> does not resolve'
            echo 'docgen: warning DG0006: No XML documentation file' >&2
            echo '{source}(3): error DG0201: template failed'
            echo '    at line 4 of type.hbs'
            echo 'DocGen: 2 types, 3 members, 67% documented → /x/site'
            exit 1
            """);

        var build = await feed.DotnetAsync(project, "build", "-p:_DocGenHost=" + host);

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain($"{source}(12,5): warning DG0101: <see cref=\"Nope\"/> does not resolve", Case.Sensitive);
        build.StdOut.ShouldContain(Path.Combine(project, "Calc.csproj") + " : warning DG0006: No XML documentation file", Case.Sensitive);
        build.StdOut.ShouldContain($"{source}(3): error DG0201: template failed", Case.Sensitive);
        build.StdOut.ShouldContain("at line 4 of type.hbs", Case.Sensitive); // a continuation line stays with its error
        build.StdOut.ShouldContain("DocGen: 2 types, 3 members, 67% documented → /x/site", Case.Sensitive);
        build.StdOut.ShouldNotContain("DG0604");
        File.Exists(Path.Combine(project, Obj, "docgen.stamp")).ShouldBeFalse();
    }

    [Fact]
    public async Task Build_EngineCrashesWithoutAnError_FailsWithDG0605AndItsLastLines()
    {
        if (OperatingSystem.IsWindows()) return;
        var project = feed.CopyFixture("Calc");
        var host = FakeHost(project, """
            echo 'Unhandled exception. System.InvalidProgramException: boom' >&2
            exit 134
            """);

        var build = await feed.DotnetAsync(project, "build", "-p:_DocGenHost=" + host);

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain("error DG0605: The DocGen engine stopped unexpectedly (exit code 134)", Case.Sensitive);
        build.StdOut.ShouldContain("System.InvalidProgramException: boom", Case.Sensitive);
    }

    [InterruptFact]
    public async Task Build_InterruptedWhileEngineRuns_StopsEngineAndLeavesNoPartialOutput()
    {
        var project = feed.CopyFixture("Calc");
        var root = Path.Combine(project, Obj, "docgen");
        var started = Path.Combine(project, "engine-started");
        // Stands in for `dotnet exec docgen.dll`: leaves a half-written temp file the way a killed
        // OutputWriter would (in .docgen-tmp/, named by its process id), then waits to be interrupted. The
        // other *.tmp files are a user's and an earlier version's look-alike: never DocGen's to delete.
        var host = FakeHost(project, $$"""
            mkdir -p '{{root}}/site' '{{root}}/.docgen-tmp'
            printf '<html><bo' > "{{root}}/.docgen-tmp/$$-1f.tmp"
            printf 'mine' > '{{root}}/site/index.html.0a1b2c3d.tmp'
            printf 'mine' > '{{root}}/notes.tmp'
            trap 'kill $child 2>/dev/null; echo "docgen: error DG0008: Cancelled"; exit 130' INT
            touch '{{started}}'
            sleep 60 & child=$!
            wait $child
            """);

        var output = new System.Text.StringBuilder();
        using var build = feed.StartDotnet(project, output, "build", "-p:_DocGenHost=" + host);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(started) && !build.HasExited && DateTime.UtcNow < deadline) await Task.Delay(100);
        File.Exists(started).ShouldBeTrue("the fake engine never started");
        using (var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await interrupt.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await build.WaitForExitAsync(timeout.Token);
        string Log() { lock (output) return output.ToString(); }

        build.ExitCode.ShouldNotBe(0, Log());
        Directory.Exists(Path.Combine(root, ".docgen-tmp")).ShouldBeFalse("the interrupted engine's temp file is removed\n" + Log());
        Directory.GetFiles(root, "*.tmp", SearchOption.AllDirectories).Select(Path.GetFileName)
            .ShouldBe(["index.html.0a1b2c3d.tmp", "notes.tmp"], ignoreOrder: true);
        File.Exists(Path.Combine(project, Obj, "docgen.stamp")).ShouldBeFalse();
    }
}
