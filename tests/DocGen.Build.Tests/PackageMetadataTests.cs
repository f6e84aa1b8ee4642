using System.IO.Compression;
using System.Xml.Linq;
using DocGen.Tests.Shared;

namespace DocGen.Build.Tests;

/// <summary>What nuget.org and Visual Studio show of the two packages, and what Visual Studio's up-to-date check sees.</summary>
[Collection(PackedFeedScenarioCollection.Name)]
public sealed class PackageMetadataTests(PackedFeed feed)
{
    [Theory]
    [InlineData("DocGen.Build")]
    [InlineData("DocGen.Tool")]
    public void Pack_Nuspec_HasLicenseReadmeIconRepositoryAndProjectUrl(string package)
    {
        using var zip = ZipFile.OpenRead(package == "DocGen.Build" ? feed.BuildPackagePath : feed.ToolPackagePath);
        var metadata = XDocument.Load(zip.GetEntry(package + ".nuspec")!.Open()).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        license.Attribute("type")!.Value.ShouldBe("expression");
        license.Value.ShouldNotBeNullOrWhiteSpace();
        zip.GetEntry(Value("readme")!).ShouldNotBeNull("the readme is in the package");
        zip.GetEntry(Value("icon")!).ShouldNotBeNull("the icon is in the package");
        Value("projectUrl").ShouldStartWith("https://");
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        repository.Attribute("url")!.Value.ShouldBe(Value("projectUrl"));
        repository.Attribute("commit")!.Value.ShouldMatch("^[0-9a-f]{40}$");
    }

    [Fact]
    public void Pack_ToolPackage_HasNoSatelliteResourceFolders()
    {
        using var zip = ZipFile.OpenRead(feed.ToolPackagePath);

        zip.Entries.Select(e => e.FullName).ShouldNotContain(e => e.EndsWith(".resources.dll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_ProjectWithSpecsAndTemplates_ListsThemAsUpToDateCheckInputs()
    {
        var project = feed.CopyFixture("Calc");
        File.WriteAllText(Path.Combine(project, "client.prompt.md"), "Write a client.");
        Directory.CreateDirectory(Path.Combine(project, "doc-templates"));
        File.WriteAllText(Path.Combine(project, "doc-templates", "type.hbs"), "{{name}}");
        var csproj = Path.Combine(project, "Calc.csproj");
        BuildTestSupport.AddProperties(csproj, "<DocGenTemplatesDirectory>doc-templates</DocGenTemplatesDirectory>");
        BuildTestSupport.Edit(csproj, "</Project>",
            "<ItemGroup><DocGenCode Include=\"client.prompt.md\" /><DocGenTemplate Include=\"models.hbs\" OutputPath=\"models.ts\" /></ItemGroup>\n</Project>");

        // Restore first: an evaluation with -restore reports the items of the evaluation before the package was there.
        (await feed.DotnetAsync(project, "restore")).ExitCode.ShouldBe(0);
        var evaluation = await feed.DotnetAsync(project, "msbuild", "-getItem:UpToDateCheckInput");

        evaluation.ExitCode.ShouldBe(0, evaluation.Output);
        evaluation.StdOut.ShouldContain("client.prompt.md");
        evaluation.StdOut.ShouldContain("models.hbs");
        evaluation.StdOut.ShouldContain("type.hbs");
    }
}
