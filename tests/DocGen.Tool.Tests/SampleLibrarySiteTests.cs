using System.Text.Json;
using System.Text.RegularExpressions;
using DocGen.Tests.Shared;

namespace DocGen.Tool.Tests;

/// <summary>Builds tests/fixtures/Sample.Library (every tag and member kind) through the CLI once.</summary>
public sealed class SampleSiteFixture : IAsyncLifetime
{
    public TempDirectory Temp { get; } = new("docgen-sample");
    public string Output => Temp.Combine("out");
    public string Site => Path.Combine(Output, "site");
    public string Markdown => Path.Combine(Output, "markdown");
    public CliResult Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var project = Fixtures.CopyTo("Sample.Library", Temp);
        Run = await CliResult.RunAsync("build", Path.Combine(project, "Sample.Library.csproj"), "--output", Output);
    }

    public Task DisposeAsync()
    {
        Temp.Dispose();
        return Task.CompletedTask;
    }

    public IEnumerable<string> HtmlPages => Directory.GetFiles(Site, "*.html", SearchOption.AllDirectories);

    public string Page(string relative) => File.ReadAllText(Path.Combine(Site, relative));
}

/// <summary>End to end: a real project with every doc tag and member kind, asserted on the produced pages.</summary>
public sealed partial class SampleLibrarySiteTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    [Fact]
    public void Build_Sample_SucceedsWithTheExpectedWarnings()
    {
        sample.Run.ExitCode.ShouldBe(0, sample.Run.StdOut + sample.Run.StdErr);
        sample.Run.StdErr.ShouldContain("warning DG0101: The XML doc comment of 'M:Sample.Library.Text.Awkward.Malformed(System.Int32)'");
        sample.Run.StdErr.ShouldContain("warning DG0203: Reference '!:DoesNotExist'");
        sample.Run.StdErr.ShouldContain("warning DG0103:");
        sample.Run.StdErr.ShouldMatch(@"Awkward\.cs\(\d+\): warning DG0101", "diagnostics carry the source file and line");

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Output, "report.json")));
        var counts = report.RootElement.GetProperty("counts");
        counts.GetProperty("types").GetInt32().ShouldBeGreaterThan(20);
        counts.GetProperty("members").GetInt32().ShouldBeGreaterThan(150);
    }

    [Fact]
    public void Site_EveryRelativeLinkAndAsset_ResolvesToAFile()
    {
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var page in sample.HtmlPages)
        {
            foreach (Match m in HrefOrSrc().Matches(File.ReadAllText(page)))
            {
                var target = System.Net.WebUtility.HtmlDecode(m.Groups[1].Value);
                if (target.StartsWith('#') || target.Contains("://") || target.StartsWith("mailto:") || target == "data:,") continue; // data:, is the empty icon
                target = target.Split('#')[0].Split('?')[0];
                checkedLinks++;
                if (!File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(target)))))
                    broken.Add($"{Path.GetRelativePath(sample.Site, page)} → {target}");
            }
        }
        checkedLinks.ShouldBeGreaterThan(1000);
        broken.ShouldBeEmpty();
    }

    [Fact]
    public void Markdown_EveryRelativeLink_ResolvesToAFile()
    {
        var broken = new List<string>();
        foreach (var page in Directory.GetFiles(sample.Markdown, "*.md", SearchOption.AllDirectories))
        {
            foreach (Match m in MarkdownLink().Matches(File.ReadAllText(page)))
            {
                var target = m.Groups[1].Value;
                if (target.StartsWith('#') || target.Contains("://")) continue;
                target = Uri.UnescapeDataString(target.Split('#')[0]);
                if (!File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target))))
                    broken.Add($"{Path.GetRelativePath(sample.Markdown, page)} → {target}");
            }
        }
        broken.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(sample.Markdown, "README.md")).ShouldContain("Sample.Library.Geometry");
    }

    [Fact]
    public void Site_HostileTextFromDocComments_IsShownEscapedNeverAsMarkup()
    {
        foreach (var page in sample.HtmlPages)
        {
            var html = File.ReadAllText(page);
            html.ShouldNotContain("<script>alert", customMessage: page);
            html.ShouldNotContain("<img src=x", customMessage: page);
        }
        var escape = sample.Page("api/sample.library.text/awkward/escapehtml.html");
        escape.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        escape.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
    }

    [Fact]
    public void Site_MalformedDocComment_IsShownAsEscapedRawText()
    {
        // The raw XML is highlighted: look for its text without the highlighting spans.
        var page = Regex.Replace(sample.Page("api/sample.library.text/awkward/malformed.html"), "</?span( class=\"[a-z]{1,2}\")?>", "");

        page.ShouldContain("&lt;b&gt;bold tag is never closed");
        page.ShouldNotContain("<b>bold tag");
    }

    [Fact]
    public void Site_TypePage_HasSignatureInheritanceAndMembersGroupedByKind()
    {
        var canvas = sample.Page("api/sample.library.geometry/canvas/index.html");

        foreach (var section in new[] { "Constructors", "Properties", "Indexers", "Methods", "Events", "Constants", "Nested types", "Inherited members", "Inheritance" })
            canvas.ShouldContain($">{section}</h2>");
        canvas.ShouldContain("https://learn.microsoft.com/dotnet/api/system.object");
    }

    [Fact]
    public void Site_UnicodeIdentifiers_GetPagesAndSearchEntries()
    {
        File.Exists(Path.Combine(sample.Site, "api", "sample.library.geometry", "ñandú", "index.html")).ShouldBeTrue();
        var script = File.ReadAllText(Path.Combine(sample.Site, "search-index.js"));
        var json = script[(script.IndexOf('=') + 1)..].Trim().TrimEnd(';');
        using var index = JsonDocument.Parse(json);
        index.RootElement.EnumerateArray().Select(e => e[0].GetString()).ShouldContain("Größe");
    }

    [Fact]
    public void Output_NeverShowsCompilerGeneratedNames()
    {
        foreach (var file in Directory.GetFiles(sample.Output, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            text.ShouldNotContain("<G>$", customMessage: file);
            text.ShouldNotContain("&lt;G&gt;$", customMessage: file);
        }
    }

    [Fact]
    public void Site_CoveragePage_ListsTheUndocumentedMember()
    {
        var coverage = sample.Page("coverage.html");

        coverage.ShouldContain("Sample.Library.Geometry");
        coverage.ShouldContain("Contains");
        coverage.ShouldMatch(@"\d+(\.\d)?%");
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex HrefOrSrc();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
