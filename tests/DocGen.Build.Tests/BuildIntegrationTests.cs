using System.Text.Json;
using DocGen.Tests.Shared;

namespace DocGen.Build.Tests;

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}

/// <summary>Real <c>dotnet build</c>s of the fixtures in tests/fixtures/build through the packed DocGen.Build package.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class BuildIntegrationTests(PackedFeed feed)
{
    private const string Obj = "obj/Debug/net10.0";

    [Fact]
    public async Task Build_LibraryWithDocs_WritesSiteIntoObjAndPrintsSummary()
    {
        var project = feed.CopyFixture("Calc");

        var build = await BuildAsync(project);

        var root = Path.Combine(project, Obj, "docgen");
        var summary = build.StdOut.Split('\n').Select(l => l.Trim()).SingleOrDefault(l => l.StartsWith("DocGen: ", StringComparison.Ordinal));
        summary.ShouldNotBeNull(build.Output);
        summary.ShouldEndWith("→ " + Path.Combine(root, "site"));
        var listed = File.ReadAllLines(Path.Combine(root, ".docgen-files.txt")).Where(l => l.Length > 0).ToList();
        listed.ShouldContain("site/index.html");
        listed.ShouldContain("report.json");
        listed.ShouldAllBe(f => File.Exists(Path.Combine(root, f)));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "report.json")));
        report.RootElement.GetProperty("project").GetString().ShouldBe("Calc");
        report.RootElement.GetProperty("targetFramework").GetString().ShouldBe("net10.0");
        // DocGen switched the XML doc file on for a project that did not choose, and silenced CS1591 with it.
        File.ReadAllText(Path.Combine(project, Obj, "Calc.xml")).ShouldContain("Adds two whole numbers without checking for overflow.");
        build.Output.ShouldNotContain("CS1591");
    }

    [Fact]
    public async Task Build_LibraryWithDocs_SiteShowsDocCommentsAndFollowsAnEdit()
    {
        var project = feed.CopyFixture("Calc");
        await BuildAsync(project);
        var root = Path.Combine(project, Obj, "docgen");
        OutputText(root).ShouldContain("Adds two whole numbers without checking for overflow.");

        Edit(Path.Combine(project, "Memory.cs"), "Forgets the stored value.", "Resets the stored value to zero.");
        await BuildAsync(project);

        var text = OutputText(root);
        text.ShouldContain("Resets the stored value to zero.");
        text.ShouldNotContain("Forgets the stored value.");
    }

    [Fact]
    public async Task Build_SecondTimeWithoutChange_PassesQuestionAndTouchesNoOutput()
    {
        var project = feed.CopyFixture("Calc");
        await BuildAsync(project);
        var before = Snapshot(project, Obj);
        before.Keys.ShouldContain(k => k.EndsWith("site/index.html", StringComparison.Ordinal));

        var question = await feed.DotnetAsync(project, "build", "-question");
        question.ExitCode.ShouldBe(0, question.Output);

        var again = await BuildAsync(project);
        again.StdOut.ShouldNotContain("DocGen: ", Case.Sensitive);
        Snapshot(project, Obj).ShouldBe(before);
    }

    [Fact]
    public async Task Build_AfterDocCommentEdit_RunsEngineOnceThenIsNoOpAgain()
    {
        var project = feed.CopyFixture("Calc");
        await BuildAsync(project);
        var stamp = Path.Combine(project, Obj, "docgen.stamp");
        var stampBefore = File.GetLastWriteTimeUtc(stamp);
        var root = Path.Combine(project, Obj, "docgen");
        var before = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (Content: File.ReadAllBytes(f), Time: File.GetLastWriteTimeUtc(f)));

        Edit(Path.Combine(project, "Memory.cs"), "Forgets the stored value.", "Resets the stored value to zero.");
        var rebuild = await BuildAsync(project);

        rebuild.StdOut.ShouldContain("DocGen: ", Case.Sensitive);
        File.GetLastWriteTimeUtc(stamp).ShouldBeGreaterThan(stampBefore);
        // Write-if-changed through the build: a page whose content is the same keeps its timestamp.
        var unchanged = before.Where(f => File.Exists(f.Key) && File.ReadAllBytes(f.Key).AsSpan().SequenceEqual(f.Value.Content)).ToList();
        unchanged.ShouldNotBeEmpty();
        unchanged.ShouldAllBe(f => File.GetLastWriteTimeUtc(f.Key) == f.Value.Time);
        var question = await feed.DotnetAsync(project, "build", "-question");
        question.ExitCode.ShouldBe(0, question.Output);
    }

    [Fact]
    public async Task Clean_AfterBuild_RemovesEveryDocGenFile()
    {
        var project = feed.CopyFixture("Calc");
        await BuildAsync(project);
        Directory.EnumerateFiles(Path.Combine(project, Obj, "docgen"), "*", SearchOption.AllDirectories).ShouldNotBeEmpty();

        var clean = await feed.DotnetAsync(project, "clean");

        clean.ExitCode.ShouldBe(0, clean.Output);
        var root = Path.Combine(project, Obj, "docgen");
        (Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
        Directory.GetFiles(Path.Combine(project, Obj), "docgen*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Build_AfterOutputFolderDeletedByHand_WritesItAgain()
    {
        var project = feed.CopyFixture("Calc");
        await BuildAsync(project);
        var root = Path.Combine(project, Obj, "docgen");
        Directory.Delete(root, recursive: true);

        var question = await feed.DotnetAsync(project, "build", "-question");
        question.ExitCode.ShouldNotBe(0);
        await BuildAsync(project);

        File.Exists(Path.Combine(root, "site", "index.html")).ShouldBeTrue();
    }

    [Fact]
    public async Task Build_CustomOutputPathAndFormats_WritesOnlyThoseFormatsThereAndCleanRemovesThem()
    {
        var project = feed.CopyFixture("Calc");
        AddProperties(Path.Combine(project, "Calc.csproj"), "<DocGenOutputPath>docs-out/</DocGenOutputPath><DocGenFormats>markdown</DocGenFormats>");

        await BuildAsync(project);

        var root = Path.Combine(project, "docs-out");
        using (var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "report.json"))))
            report.RootElement.GetProperty("formats").EnumerateArray().Select(f => f.GetString()).ShouldBe(["markdown"]);
        Directory.Exists(Path.Combine(root, "site")).ShouldBeFalse();
        Directory.Exists(Path.Combine(project, Obj, "docgen")).ShouldBeFalse();

        var clean = await feed.DotnetAsync(project, "clean");
        clean.ExitCode.ShouldBe(0, clean.Output);
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task Build_MultiTargeting_DocumentsEachFrameworkInItsOwnFolderAndCleansBoth()
    {
        var project = feed.CopyFixture("Multi");
        string[] frameworks = ["net10.0", "netstandard2.0"];

        await BuildAsync(project);

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

        await BuildAsync(project);

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

        var build = await BuildAsync(project);

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
    public async Task Build_Consumer_GetsNoDocGenAssemblyOrDependency()
    {
        var project = feed.CopyFixture("Calc");

        await BuildAsync(project);

        Directory.GetFiles(Path.Combine(project, "bin/Debug/net10.0")).Select(Path.GetFileName)
            .ShouldBe(["Calc.deps.json", "Calc.dll", "Calc.pdb", "Calc.xml"], ignoreOrder: true);
        File.ReadAllText(Path.Combine(project, "bin/Debug/net10.0/Calc.deps.json")).ShouldNotContain("DocGen");
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

    [Fact]
    public async Task Build_InterruptedWhileEngineRuns_StopsEngineAndLeavesNoPartialOutput()
    {
        if (OperatingSystem.IsWindows()) return; // SIGINT and a shell-script host
        var project = feed.CopyFixture("Calc");
        var root = Path.Combine(project, Obj, "docgen");
        var started = Path.Combine(project, "engine-started");
        // Stands in for `dotnet exec docgen.dll`: leaves a half-written temp file the way a killed
        // OutputWriter would, then waits to be interrupted.
        var host = FakeHost(project, $$"""
            mkdir -p '{{root}}/site'
            printf '<html><bo' > '{{root}}/site/index.html.0a1b2c3d.tmp'
            trap 'kill $child 2>/dev/null; echo "docgen: error DG0008: Cancelled"; exit 130' INT
            touch '{{started}}'
            sleep 60 & child=$!
            wait $child
            """);

        using var build = feed.StartDotnet(project, "build", "-p:_DocGenHost=" + host);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(started) && !build.HasExited && DateTime.UtcNow < deadline) await Task.Delay(100);
        File.Exists(started).ShouldBeTrue("the fake engine never started");
        using (var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await interrupt.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await build.WaitForExitAsync(timeout.Token);

        build.ExitCode.ShouldNotBe(0);
        Directory.GetFiles(root, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        File.Exists(Path.Combine(project, Obj, "docgen.stamp")).ShouldBeFalse();
    }

    private async Task<ProcessResult> BuildAsync(string directory)
    {
        var build = await feed.DotnetAsync(directory, "build");
        build.ExitCode.ShouldBe(0, build.Output);
        return build;
    }

    /// <summary>A shell script that stands in for the <c>dotnet</c> host running the engine (set with <c>-p:_DocGenHost=</c>).</summary>
    private static string FakeHost(string project, string body)
    {
        var host = Path.Combine(project, "fake-host.sh");
        File.WriteAllText(host, "#!/bin/bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(host, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return host;
    }

    /// <summary>Every DocGen file of the project (output, key, stamp) with its last write time.</summary>
    private static Dictionary<string, DateTime> Snapshot(string project, string obj)
    {
        var dir = Path.Combine(project, obj);
        return Directory.EnumerateFiles(Path.Combine(dir, "docgen"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(dir, "docgen*"))
            .ToDictionary(f => Path.GetRelativePath(project, f).Replace('\\', '/'), File.GetLastWriteTimeUtc);
    }

    private static string OutputText(string root) => string.Join("\n",
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".html" or ".md" or ".json")
            .Select(File.ReadAllText));

    private static void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        text.ShouldContain(from);
        File.WriteAllText(file, text.Replace(from, to));
    }

    private static void AddProperties(string projectFile, string properties)
    {
        var text = File.ReadAllText(projectFile);
        File.WriteAllText(projectFile, text.Replace("</PropertyGroup>", properties + "\n  </PropertyGroup>"));
    }
}
