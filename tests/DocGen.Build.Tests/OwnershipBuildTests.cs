using System.Security.Cryptography;
using static DocGen.Build.Tests.BuildTestSupport;

namespace DocGen.Build.Tests;

/// <summary>
/// Ownership through real builds: <c>dotnet clean</c> and rebuilds never delete or overwrite a user's file, a
/// tampered file list reaches nothing outside the output folder, and a build whose model requests failed is not
/// recorded as up to date.
/// </summary>
[Collection(PackedFeedScenarioCollection.Name)]
public sealed class OwnershipBuildTests(PackedFeed feed)
{
    private static string Hash(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    [Fact]
    public async Task Clean_TamperedListNamingFilesOutside_DeletesOnlyDocGensFilesInside()
    {
        if (OperatingSystem.IsWindows()) return; // the symbolic link
        var project = feed.CopyFixture("Calc");
        await feed.BuildAsync(project);
        var root = Path.Combine(project, Obj, "docgen");
        var victim = Path.Combine(project, "victim.txt");
        File.WriteAllText(victim, "precious");
        var outside = Path.Combine(Path.GetDirectoryName(project)!, "outside");
        Directory.CreateDirectory(outside);
        var behindLink = Path.Combine(outside, "behind-link.txt");
        File.WriteAllText(behindLink, "also precious");
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), outside);
        // Lines that name files outside the folder, with their right hashes: only the confinement stops them.
        File.AppendAllText(Path.Combine(root, ".docgen-owned.txt"),
            $"{Hash(victim)}  ../../../../victim.txt\n{Hash(victim)}  {victim}\n{Hash(behindLink)}  linked/behind-link.txt\n");
        File.AppendAllText(Path.Combine(root, ".docgen-files.txt"), "../../../../victim.txt\nlinked/behind-link.txt\n");

        var clean = await feed.DotnetAsync(project, "clean");

        clean.ExitCode.ShouldBe(0, clean.Output);
        clean.StdOut.ShouldContain("warning DG0311:");
        File.ReadAllText(victim).ShouldBe("precious");
        File.ReadAllText(behindLink).ShouldBe("also precious");
        File.Exists(Path.Combine(root, "site", "index.html")).ShouldBeFalse("DocGen's own pages are cleaned");
    }

    [Fact]
    public async Task Clean_UserFileAndEditedPageInTheOutputFolder_SurviveWithAWarning()
    {
        var project = feed.CopyFixture("Calc");
        await feed.BuildAsync(project);
        var root = Path.Combine(project, Obj, "docgen");
        File.WriteAllText(Path.Combine(root, "mine.txt"), "mine");
        File.WriteAllText(Path.Combine(root, "site", "index.html"), "<p>my edit</p>");

        var clean = await feed.DotnetAsync(project, "clean");

        clean.ExitCode.ShouldBe(0, clean.Output);
        clean.StdOut.ShouldContain("warning DG0304:");
        File.ReadAllText(Path.Combine(root, "mine.txt")).ShouldBe("mine");
        File.ReadAllText(Path.Combine(root, "site", "index.html")).ShouldBe("<p>my edit</p>");
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ShouldBe(["mine.txt", "site/index.html"], ignoreOrder: true);
    }

    [Fact]
    public async Task Build_UserEditsAPageThenBuildsFewerFormats_TheirFileIsNeitherOverwrittenNorDeleted()
    {
        // The defect: echo mine > out/markdown/README.md; build; build with fewer formats → the file was gone.
        var project = feed.CopyFixture("Calc");
        await feed.BuildAsync(project);
        var root = Path.Combine(project, Obj, "docgen");
        File.WriteAllText(Path.Combine(root, "markdown", "README.md"), "mine");
        File.WriteAllText(Path.Combine(root, "markdown", "notes.md"), "also mine");

        var fewer = await feed.DotnetAsync(project, "build", "-p:DocGenFormats=html");

        fewer.ExitCode.ShouldBe(0, fewer.Output);
        fewer.StdOut.ShouldContain("warning DG0304:");
        File.ReadAllText(Path.Combine(root, "markdown", "README.md")).ShouldBe("mine");
        File.ReadAllText(Path.Combine(root, "markdown", "notes.md")).ShouldBe("also mine");
        Directory.GetFiles(Path.Combine(root, "markdown"), "*", SearchOption.AllDirectories).Select(Path.GetFileName)
            .ShouldBe(["README.md", "notes.md"], ignoreOrder: true, "DocGen's own stale pages are removed, the user's stay");
    }

    [Fact]
    public async Task Build_ModelUnreachable_LeavesTheStampSoTheNextBuildAsksAgain()
    {
        var project = feed.CopyFixture("Calc");
        File.WriteAllText(Path.Combine(project, "Extra.cs"), "namespace Calc;\npublic class Extra { public int Undocumented() => 1; }\n");
        var key = new Dictionary<string, string?> { ["DOCGEN_API_KEY"] = "sk-test-not-a-real-key" };
        string[] provider = ["-p:DocGenProvider=openai", "-p:DocGenEndpoint=http://127.0.0.1:9/v1", "-p:DocGenCacheDirectory=" + Path.Combine(project, "cache")];

        var build = await feed.DotnetAsync(project, key, ["build", .. provider]);

        build.ExitCode.ShouldBe(0, build.Output);
        build.StdOut.ShouldContain("warning DG0404:");
        build.StdOut.ShouldContain("the next build runs DocGen again");
        File.Exists(Path.Combine(project, Obj, "docgen.stamp")).ShouldBeFalse("a fallen-back run must not be frozen as up to date");
        File.Exists(Path.Combine(project, Obj, "docgen", "site", "index.html")).ShouldBeTrue("the site is still written, with fallback docs");
        var question = await feed.DotnetAsync(project, key, ["build", "-question", .. provider]);
        question.ExitCode.ShouldNotBe(0, "the DocGen target is out of date until the model answers");
    }
}
