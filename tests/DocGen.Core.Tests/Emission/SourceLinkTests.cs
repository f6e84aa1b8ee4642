using System.Collections.Immutable;
using DocGen.Core.Extraction;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Tests.Extraction;

namespace DocGen.Core.Tests.Emission;

public sealed class SourceLinkTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Theory]
    [InlineData("https://raw.githubusercontent.com/acme/widgets/" + Commit + "/*", "https://github.com/acme/widgets/blob/" + Commit + "/src/Widget.cs#L53")]
    [InlineData("https://gitlab.com/acme/tools/widgets/-/raw/" + Commit + "/*", "https://gitlab.com/acme/tools/widgets/-/blob/" + Commit + "/src/Widget.cs#L53")]
    [InlineData("https://dev.azure.com/acme/Tools/_apis/git/repositories/widgets/items?api-version=1.0&versionType=commit&version=" + Commit + "&path=/*",
        "https://dev.azure.com/acme/Tools/_git/widgets?path=%2Fsrc%2FWidget.cs&version=GC" + Commit + "&line=53&lineEnd=53&lineStartColumn=1&lineEndColumn=1&_a=contents")]
    [InlineData("https://api.bitbucket.org/2.0/repositories/acme/widgets/src/" + Commit + "/*", "https://bitbucket.org/acme/widgets/src/" + Commit + "/src/Widget.cs#lines-53")]
    [InlineData("https://git.example.org/raw/" + Commit + "/*", "https://git.example.org/raw/" + Commit + "/src/Widget.cs")]
    public void Browse_EachHostsRawShape_OpensTheFileAtTheLine(string template, string expected)
    {
        var mappings = ImmutableArray.Create(new SourceLinkMapping("/build/repo/*", template));

        SourceUrls.Browse(mappings, "/build/repo/src/Widget.cs", 53).ShouldBe(expected);
    }

    [Theory]
    [InlineData("https://github.com/acme/widgets.git", "https://raw.githubusercontent.com/acme/widgets/" + Commit + "/*")]
    [InlineData("git@github.com:acme/widgets.git", "https://raw.githubusercontent.com/acme/widgets/" + Commit + "/*")]
    [InlineData("https://gitlab.com/acme/tools/widgets", "https://gitlab.com/acme/tools/widgets/-/raw/" + Commit + "/*")]
    [InlineData("https://dev.azure.com/acme/Tools/_git/widgets", "https://dev.azure.com/acme/Tools/_apis/git/repositories/widgets/items?api-version=1.0&versionType=commit&version=" + Commit + "&path=/*")]
    [InlineData("https://acme.visualstudio.com/Tools/_git/widgets", "https://acme.visualstudio.com/Tools/_apis/git/repositories/widgets/items?api-version=1.0&versionType=commit&version=" + Commit + "&path=/*")]
    [InlineData("https://bitbucket.org/acme/widgets", "https://api.bitbucket.org/2.0/repositories/acme/widgets/src/" + Commit + "/*")]
    public void RawTemplate_RepositoryUrl_GivesTheTemplateSourceLinkWouldWrite(string repository, string expected) =>
        SourceUrls.RawTemplate(repository, Commit).ShouldBe(expected);

    [Fact]
    public void RawTemplate_UnknownHost_IsNull() => SourceUrls.RawTemplate("https://example.org/acme/widgets", Commit).ShouldBeNull();

    [Fact]
    public void Browse_FileOutsideEveryMapping_IsNull()
    {
        var mappings = ImmutableArray.Create(new SourceLinkMapping("/build/repo/*", "https://raw.githubusercontent.com/a/b/c/*"));

        SourceUrls.Browse(mappings, "/elsewhere/Widget.cs", 1).ShouldBeNull();
    }

    [Fact]
    public void Browse_DeterministicBuildPaths_MapThroughTheRepositoryRoot()
    {
        var mappings = ImmutableArray.Create(new SourceLinkMapping("/_/*", "https://raw.githubusercontent.com/a/b/" + Commit + "/*"));

        SourceUrls.Browse(mappings, "/home/me/b/src/My File.cs", 7, "/home/me/b").ShouldBe("https://github.com/a/b/blob/" + Commit + "/src/My%20File.cs#L7");
    }

    [Fact]
    public void Parse_SourceLinkJson_ReadsEveryDocumentAndIgnoresJunk()
    {
        SourceLinkReader.Parse("""{"documents": {"C:\\src\\*": "https://x/*", "/a/*": 3}}""").ShouldBe([new SourceLinkMapping("C:\\src\\*", "https://x/*")]);
        SourceLinkReader.Parse("not json").ShouldBeEmpty();
    }

    [Fact]
    public void Build_AssemblyWithSourceLinkPdb_TypeAndMemberPagesLinkToTheRepositoryAtTheLine()
    {
        const string source = "namespace Acme;\n/// <summary>A widget.</summary>\npublic class Widget\n{\n    /// <summary>Spins.</summary>\n    public void Spin() { }\n}\n";
        using var snippet = new Snippet(source, sourceLink: folder =>
            "{\"documents\":{\"" + folder.Replace('\\', '/') + "/*\":\"https://raw.githubusercontent.com/acme/widgets/" + Commit + "/*\"}}");
        snippet.Model.Assemblies[0].SourceLinks.ShouldNotBeEmpty("the PDB's SourceLink map was not read");

        using var run = new EmitRun(snippet.Model, formats: OutputFormats.Html | OutputFormats.Markdown);
        run.Site("api/acme/widget/index.html").ShouldContain("href=\"https://github.com/acme/widgets/blob/" + Commit + "/src/Snippet.cs#L3\"");
        run.Site("api/acme/widget/spin.html").ShouldContain("href=\"https://github.com/acme/widgets/blob/" + Commit + "/src/Snippet.cs#L6\"");
        run.Markdown("api/acme/widget/README.md").ShouldContain("[View source](https://github.com/acme/widgets/blob/" + Commit + "/src/Snippet.cs#L3)");
    }

    [Fact]
    public void Build_RepositoryUrlAndCommitMetadata_LinkToTheRepositoryWithoutAPdb()
    {
        const string source = "[assembly: System.Reflection.AssemblyMetadata(\"RepositoryUrl\", \"https://gitlab.com/acme/widgets.git\")]\n"
            + "[assembly: System.Reflection.AssemblyInformationalVersion(\"1.0.0+" + Commit + "\")]\n"
            + "namespace Acme;\n/// <summary>A widget.</summary>\npublic class Widget { }\n";
        using var snippet = new Snippet(source, gitRepository: true);

        using var run = new EmitRun(snippet.Model, formats: OutputFormats.Html);
        run.Site("api/acme/widget/index.html").ShouldContain("href=\"https://gitlab.com/acme/widgets/-/blob/" + Commit + "/src/Snippet.cs#L5\"");
    }

    [Fact]
    public void Build_NoSourceLinkData_ShowsThePlainFileAndLine()
    {
        using var snippet = new Snippet("namespace Acme;\n/// <summary>A widget.</summary>\npublic class Widget { }\n");

        using var run = new EmitRun(snippet.Model, formats: OutputFormats.Html);
        var page = run.Site("api/acme/widget/index.html");
        page.ShouldNotContain("View source");
    }
}
