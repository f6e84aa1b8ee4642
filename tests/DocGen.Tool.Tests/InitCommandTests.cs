using System.Xml.Linq;
using DocGen.Core.Pipeline;
using DocGen.Tests.Shared;
using DocGen.Core;

namespace DocGen.Tool.Tests;

/// <summary>
/// <c>docgen init</c> on project and solution folders written as <c>dotnet new</c> writes them (the build of the result,
/// with the packed package, is in DocGen.Build.Tests' QuickStartTests).
/// </summary>
public sealed class InitCommandTests
{
    private const string ClassLib = """
        <Project Sdk="Microsoft.NET.Sdk">

          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>

        </Project>

        """;

    [Fact]
    public async Task Init_ProjectFolder_AddsTheReferenceAndPropertiesToTheProjectAndShowsTheDiff()
    {
        using var temp = new TempDirectory();
        var project = temp.Write("MyLib/MyLib.csproj", ClassLib);

        var result = await CliResult.RunAsync("init", temp.Combine("MyLib"));

        result.ExitCode.ShouldBe(0, result.StdErr);
        var text = File.ReadAllText(project);
        text.ShouldStartWith(ClassLib[..ClassLib.IndexOf("</Project>", StringComparison.Ordinal)], customMessage: "what was there stays byte for byte");
        var reference = XDocument.Parse(text).Descendants("PackageReference").ShouldHaveSingleItem();
        reference.Attribute("Include")!.Value.ShouldBe("DocGen.Build");
        reference.Attribute("Version")!.Value.ShouldBe(ToolVersion.Value);
        reference.Attribute("PrivateAssets")!.Value.ShouldBe("all");
        text.ShouldContain("<!-- <DocGenProvider>openai</DocGenProvider> -->");
        result.StdOut.ShouldContain("+    <PackageReference Include=\"DocGen.Build\"");
        result.StdOut.ShouldContain("DocGen: init edited ");
    }

    [Fact]
    public async Task Init_RunTwice_ChangesNothingTheSecondTime()
    {
        using var temp = new TempDirectory();
        var project = temp.Write("MyLib/MyLib.csproj", ClassLib);
        (await CliResult.RunAsync("init", temp.Combine("MyLib"), "--ci", "github")).ExitCode.ShouldBe(0);
        var first = File.ReadAllText(project);

        var second = await CliResult.RunAsync("init", temp.Combine("MyLib"), "--ci", "github");

        second.ExitCode.ShouldBe(0, second.StdErr);
        second.StdOut.ShouldContain("nothing to change");
        File.ReadAllText(project).ShouldBe(first);
    }

    [Fact]
    public async Task Init_SolutionWithCentralPackageManagement_UsesDirectoryBuildPropsAndPackagesProps()
    {
        using var temp = new TempDirectory();
        temp.Write("App.sln", "");
        temp.Write("src/Lib/Lib.csproj", ClassLib);
        temp.Write("tests/Lib.Tests/Lib.Tests.csproj", ClassLib);
        var packages = temp.Write("Directory.Packages.props", "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");

        var result = await CliResult.RunAsync("init", temp.Path, "--ci", "gitlab", "--pages");

        result.ExitCode.ShouldBe(0, result.StdErr);
        var props = XDocument.Load(temp.Combine("Directory.Build.props"));
        var reference = props.Descendants("PackageReference").ShouldHaveSingleItem();
        reference.Attribute("Version").ShouldBeNull("the version is managed centrally");
        XDocument.Load(packages).Descendants("PackageVersion").ShouldHaveSingleItem().Attribute("Version")!.Value.ShouldBe(ToolVersion.Value);
        var ci = File.ReadAllText(temp.Combine(".gitlab-ci.yml"));
        ci.ShouldContain("pages:");
        ci.ShouldContain("dotnet build App.sln -c Release");
        ci.ShouldContain("cp -r src/Lib/obj/Release/*/docgen/site/. public/");
        ci.ShouldNotContain("Lib.Tests", customMessage: "test projects' sites are not published");
    }

    [Fact]
    public async Task Init_CiFileWithOtherContent_IsLeftAloneAndNothingIsWritten()
    {
        using var temp = new TempDirectory();
        var project = temp.Write("MyLib.csproj", ClassLib);
        var workflow = temp.Write(".github/workflows/docgen.yml", "name: mine\n");

        var result = await CliResult.RunAsync("init", temp.Path, "--ci", "github");

        result.ExitCode.ShouldBe(ExitCodes.Errors);
        result.StdErr.ShouldContain("error DG0025: DocGen leaves '" + workflow + "' alone");
        File.ReadAllText(workflow).ShouldBe("name: mine\n");
        File.ReadAllText(project).ShouldBe(ClassLib, "a conflict stops every change, not only the conflicting one");
    }

    [Fact]
    public async Task Init_CiGithubWithPages_WritesAWorkflowThatBuildsUploadsAndDeploys()
    {
        using var temp = new TempDirectory();
        temp.Write("MyLib.csproj", ClassLib);

        var result = await CliResult.RunAsync("init", temp.Path, "--ci", "github", "--pages");

        result.ExitCode.ShouldBe(0, result.StdErr);
        var workflow = File.ReadAllText(temp.Combine(".github", "workflows", "docgen.yml"));
        workflow.ShouldContain("run: dotnet build MyLib.csproj -c Release");
        workflow.ShouldContain("path: ~/.cache/docgen");
        workflow.ShouldContain("cp -r obj/Release/*/docgen/site/. _site/");
        workflow.ShouldContain("uses: actions/upload-artifact@v4");
        workflow.ShouldContain("uses: actions/deploy-pages@v4");
    }

    [Fact]
    public async Task Init_DryRun_PrintsTheDiffAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var project = temp.Write("MyLib.csproj", ClassLib);

        var result = await CliResult.RunAsync("init", temp.Path, "--ci", "azure", "--dry-run");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldContain("+++ b/");
        result.StdOut.ShouldContain("azure-pipelines.yml");
        File.ReadAllText(project).ShouldBe(ClassLib);
        File.Exists(temp.Combine("azure-pipelines.yml")).ShouldBeFalse();
    }

    [Fact]
    public async Task Init_PagesWithAzure_IsAUsageError()
    {
        using var temp = new TempDirectory();
        temp.Write("MyLib.csproj", ClassLib);

        var result = await CliResult.RunAsync("init", temp.Path, "--ci", "azure", "--pages");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("DG0001");
    }
}
