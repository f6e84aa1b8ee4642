using System.Text.Json;
using static DocGen.Build.Tests.BuildTestSupport;

namespace DocGen.Build.Tests;

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}

/// <summary>A second collection over the same packed feed, so that its builds run beside the first one's.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedScenarioCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed scenarios";
}

/// <summary>Real <c>dotnet build</c>s of the fixtures in tests/fixtures/build through the packed DocGen.Build package.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class BuildIntegrationTests(PackedFeed feed)
{
    [Fact]
    public async Task Build_LibraryWithDocs_WritesSiteIntoObjAndPrintsSummary()
    {
        var project = feed.CopyFixture("Calc");

        var build = await feed.BuildAsync(project);

        var root = Path.Combine(project, Obj, "docgen");
        // The summary line; a "DocGen: … fallback text … DG0410" line may come before it.
        var summary = build.StdOut.Split('\n').Select(l => l.Trim()).SingleOrDefault(l => l.StartsWith("DocGen: ", StringComparison.Ordinal) && l.Contains("% documented", StringComparison.Ordinal));
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
        await feed.BuildAsync(project);
        var root = Path.Combine(project, Obj, "docgen");
        OutputText(root).ShouldContain("Adds two whole numbers without checking for overflow.");

        Edit(Path.Combine(project, "Memory.cs"), "Forgets the stored value.", "Resets the stored value to zero.");
        await feed.BuildAsync(project);

        var text = OutputText(root);
        text.ShouldContain("Resets the stored value to zero.");
        text.ShouldNotContain("Forgets the stored value.");
    }

    [Fact]
    public async Task Build_SecondTimeWithoutChange_PassesQuestionAndTouchesNoOutput()
    {
        var project = feed.CopyFixture("Calc");
        await feed.BuildAsync(project);
        var before = Snapshot(project, Obj);
        before.Keys.ShouldContain(k => k.EndsWith("site/index.html", StringComparison.Ordinal));

        var question = await feed.DotnetAsync(project, "build", "-question");
        question.ExitCode.ShouldBe(0, question.Output);

        var again = await feed.BuildAsync(project);
        again.StdOut.ShouldNotContain("DocGen: ", Case.Sensitive);
        Snapshot(project, Obj).ShouldBe(before);
    }

    [Fact]
    public async Task Build_AfterDocCommentEdit_RunsEngineOnceThenIsNoOpAgain()
    {
        var project = feed.CopyFixture("Calc");
        await feed.BuildAsync(project);
        var stamp = Path.Combine(project, Obj, "docgen.stamp");
        var stampBefore = File.GetLastWriteTimeUtc(stamp);
        var root = Path.Combine(project, Obj, "docgen");
        var before = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (Content: File.ReadAllBytes(f), Time: File.GetLastWriteTimeUtc(f)));

        Edit(Path.Combine(project, "Memory.cs"), "Forgets the stored value.", "Resets the stored value to zero.");
        var rebuild = await feed.BuildAsync(project);

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
        await feed.BuildAsync(project);
        Directory.EnumerateFiles(Path.Combine(project, Obj, "docgen"), "*", SearchOption.AllDirectories).ShouldNotBeEmpty();

        var clean = await feed.DotnetAsync(project, "clean");

        clean.ExitCode.ShouldBe(0, clean.Output);
        var root = Path.Combine(project, Obj, "docgen");
        (Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
        Directory.GetFiles(Path.Combine(project, Obj), "docgen*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Build_ListsOnlyBookkeepingInFileWrites_AndDocGenCollectOutputsListsEveryPage()
    {
        var project = feed.CopyFixture("Calc");
        await feed.BuildAsync(project);

        // The pages stay out of the SDK's FileListAbsolute.txt (IncrementalClean would re-read them on every build).
        var fileList = File.ReadAllText(Directory.GetFiles(Path.Combine(project, Obj), "*.FileListAbsolute.txt").Single());
        fileList.ShouldContain(".docgen-files.txt");
        fileList.ShouldNotContain(Path.Combine("docgen", "site", "index.html"));

        var collect = await feed.DotnetAsync(project, "msbuild", "-t:DocGenCollectOutputs", "-getItem:DocGenOutput");

        collect.ExitCode.ShouldBe(0, collect.Output);
        using var json = JsonDocument.Parse(collect.StdOut[collect.StdOut.IndexOf('{')..]);
        var outputs = json.RootElement.GetProperty("Items").GetProperty("DocGenOutput").EnumerateArray()
            .Select(i => i.GetProperty("FullPath").GetString()).ToList();
        outputs.ShouldContain(Path.Combine(project, Obj, "docgen", "site", "index.html"));
        outputs.ShouldContain(Path.Combine(project, Obj, "docgen", "report.json"));
    }

    [Fact]
    public async Task Build_AfterOutputFolderDeletedByHand_WritesItAgain()
    {
        var project = feed.CopyFixture("Calc");
        await feed.BuildAsync(project);
        var root = Path.Combine(project, Obj, "docgen");
        Directory.Delete(root, recursive: true);

        var question = await feed.DotnetAsync(project, "build", "-question");
        question.ExitCode.ShouldNotBe(0);
        await feed.BuildAsync(project);

        File.Exists(Path.Combine(root, "site", "index.html")).ShouldBeTrue();
    }

    [Fact]
    public async Task Build_CustomOutputPathAndFormats_WritesOnlyThoseFormatsThereAndCleanRemovesThem()
    {
        var project = feed.CopyFixture("Calc");
        AddProperties(Path.Combine(project, "Calc.csproj"), "<DocGenOutputPath>docs-out/</DocGenOutputPath><DocGenFormats>markdown</DocGenFormats>");

        await feed.BuildAsync(project);

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
    public async Task Build_Consumer_GetsNoDocGenAssemblyOrDependency()
    {
        var project = feed.CopyFixture("Calc");

        await feed.BuildAsync(project);

        Directory.GetFiles(Path.Combine(project, "bin/Debug/net10.0")).Select(Path.GetFileName)
            .ShouldBe(["Calc.deps.json", "Calc.dll", "Calc.pdb", "Calc.xml"], ignoreOrder: true);
        File.ReadAllText(Path.Combine(project, "bin/Debug/net10.0/Calc.deps.json")).ShouldNotContain("DocGen");
    }
}
