using System.Text.RegularExpressions;
using DocGen.Tests.Shared;

namespace DocGen.Build.Tests;

[CollectionDefinition(Name)]
public sealed class QuickStartCollection : ICollectionFixture<QuickStartFixture>
{
    public const string Name = "packed feed quick start";
}

/// <summary>
/// Follows the README's quick start literally: its <c>nuget.config</c> (pointing at the packed local feed, the only
/// change) in an empty folder, then its shell block line for line (<c>dotnet tool install -g</c> into a private
/// <c>DOTNET_CLI_HOME</c>, a fresh <c>dotnet new classlib</c>, <c>docgen init</c>, <c>dotnet build</c>). The installed
/// tool is kept for the other tests of the class.
/// </summary>
public sealed class QuickStartFixture : IAsyncLifetime
{
    // The pack is shared by every PackedFeed (it is static): this instance only gives access to it.
    private readonly PackedFeed feed = new();

    public TempDirectory Temp { get; } = new("docgen-quickstart");
    public ProcessResult QuickStart { get; private set; } = null!;
    public string CliHome => Temp.Combine("cli-home");
    public string Docgen => Path.Combine(CliHome, ".dotnet", "tools", "docgen");

    public async Task InitializeAsync()
    {
        await feed.InitializeAsync();
        var readme = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("## Quick start", StringComparison.Ordinal);
        var section = readme[start..readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal)];
        var config = Block(section, "xml");
        config.ShouldContain("/path/to/docgen-packages");
        File.WriteAllText(Temp.Combine("nuget.config"), config.Replace("/path/to/docgen-packages", feed.FeedDirectory));
        QuickStart = await RunAsync(Temp.Path, Block(section, "sh"));
        // Read now: a test of the class runs dotnet clean on the project.
        var index = Path.Combine(Temp.Path, "MyLib", "obj", "Debug", "net10.0", "docgen", "site", "index.html");
        SiteIndex = File.Exists(index) ? File.ReadAllText(index) : null;
    }

    /// <summary>The site's index page right after the quick start, or null when there was none.</summary>
    public string? SiteIndex { get; private set; }

    /// <summary>Runs shell lines with the environment of a fresh machine: its own tool home, the tool folder on PATH.</summary>
    public Task<ProcessResult> RunAsync(string directory, string script) =>
        ProcessRunner.RunAsync("bash", ["-c", "set -euo pipefail\n" + script], directory, new Dictionary<string, string?>
        {
            ["DOTNET_CLI_HOME"] = CliHome,
            ["PATH"] = Path.Combine(CliHome, ".dotnet", "tools") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            // The tool's launcher finds the runtime beside the dotnet that runs the tests.
            ["DOTNET_ROOT"] = DotnetRoot(),
            ["NUGET_PACKAGES"] = feed.PackagesDirectory,
            ["MSBUILDTERMINALLOGGER"] = "off",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            // No compiler server left running after the test.
            ["UseSharedCompilation"] = "false",
        }, TimeSpan.FromMinutes(8));

    private static string? DotnetRoot()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : Environment.ProcessPath;
        return host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? Path.GetDirectoryName(host) : Environment.GetEnvironmentVariable("DOTNET_ROOT");
    }

    private static string Block(string markdown, string language)
    {
        var match = Regex.Match(markdown, "```" + language + "\n(.*?)```", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"the quick start has a ```{language} block");
        return match.Groups[1].Value;
    }

    public async Task DisposeAsync()
    {
        await feed.DisposeAsync();
        Temp.Dispose();
    }
}

[Collection(QuickStartCollection.Name)]
public sealed class QuickStartTests(QuickStartFixture fixture)
{
    private string MyLib => fixture.Temp.Combine("MyLib");
    private string Site => Path.Combine(MyLib, "obj", "Debug", "net10.0", "docgen", "site");

    [Fact]
    public void ReadmeQuickStart_FreshClassLib_BuildsItsSite()
    {
        fixture.QuickStart.ExitCode.ShouldBe(0, fixture.QuickStart.Output);
        File.Exists(fixture.Docgen).ShouldBeTrue("dotnet tool install -g put docgen into the tool folder");
        File.ReadAllText(Path.Combine(MyLib, "MyLib.csproj")).ShouldContain("<PackageReference Include=\"DocGen.Build\"");
        fixture.SiteIndex.ShouldNotBeNull("the build wrote obj/Debug/net10.0/docgen/site/index.html").ShouldContain("MyLib");
        fixture.QuickStart.StdOut.ShouldMatch(@"DocGen: \d+ types, \d+ members, [\d.]+% documented; \d+ files written");
        fixture.QuickStart.StdOut.ShouldContain("DG0410", customMessage: "the fallback note is shown without -v");
    }

    [Fact]
    public async Task ReadmeQuickStart_CliBuildAndDotnetClean_ShareOneOutputFolder()
    {
        fixture.QuickStart.ExitCode.ShouldBe(0, fixture.QuickStart.Output);

        var cli = await fixture.RunAsync(MyLib, "docgen build");
        cli.ExitCode.ShouldBe(0, cli.Output);
        cli.StdOut.ShouldContain("→ " + Site);

        var clean = await fixture.RunAsync(MyLib, "dotnet clean");
        clean.ExitCode.ShouldBe(0, clean.Output);
        Directory.Exists(Path.Combine(MyLib, "obj", "Debug", "net10.0", "docgen")).ShouldBeFalse("dotnet clean removes what the CLI and the build wrote");
    }

    [Fact]
    public async Task Init_SolutionWithCentralPackageManagement_BuildsEveryProjectsSite()
    {
        fixture.QuickStart.ExitCode.ShouldBe(0, fixture.QuickStart.Output);
        var root = fixture.Temp.Combine("Solution");
        Directory.CreateDirectory(root);
        File.Copy(fixture.Temp.Combine("nuget.config"), Path.Combine(root, "nuget.config"));
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"),
            "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");

        var run = await fixture.RunAsync(root, """
            dotnet new sln -n App
            dotnet new classlib -o src/Alpha
            dotnet new classlib -o src/Beta
            dotnet sln add src/Alpha/Alpha.csproj src/Beta/Beta.csproj
            docgen init --ci github
            dotnet build
            """);

        run.ExitCode.ShouldBe(0, run.Output);
        File.ReadAllText(Path.Combine(root, "Directory.Build.props")).ShouldContain("<PackageReference Include=\"DocGen.Build\" PrivateAssets=\"all\" />");
        foreach (var project in new[] { "Alpha", "Beta" })
            File.ReadAllText(Path.Combine(root, "src", project, "obj", "Debug", "net10.0", "docgen", "site", "index.html")).ShouldContain(project);
        var workflow = File.ReadAllText(Path.Combine(root, ".github", "workflows", "docgen.yml"));
        workflow.ShouldMatch(@"run: dotnet build App\.slnx? -c Release");
        workflow.ShouldContain("cp -r src/Beta/obj/Release/*/docgen/site/. _site/Beta/");
    }
}
