using System.Collections.Immutable;
using System.Xml.Linq;
using DocGen.Core.Emission.Manifest;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using DocGen.Core.Model;
using DocGen.Core.Inputs;

namespace DocGen.Core.Tests.Manifest;

public sealed class DependenciesPageTests
{
    private const string Hostile = "<script>alert(1)</script> | [x](javascript:alert(1)) \"quote\"\n# heading";

    private static DependencySet HostileSet() => new()
    {
        ProjectName = "App<b>",
        TargetFramework = "net10.0",
        Dependencies =
        [
            new ResolvedDependency
            {
                Id = "Evil\"]; n0 --> n1; click n0 call alert(1)",
                Version = "1.0.0",
                IsDirect = true,
                Description = Hostile,
                Authors = ["<img src=x onerror=alert(1)>"],
                License = new PackageLicense(LicenseKind.Expression, Hostile, null),
                ProjectUrl = NuspecReader.HttpUrl("https://example.org/a(b)<c>|d"),
            },
        ],
    };

    [Fact]
    public void RenderHtmlBody_UntrustedNuspecText_IsEscaped()
    {
        var html = DependenciesPage.RenderHtmlBody(HostileSet());

        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("App<b>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        // The fragment is well-formed markup, so nothing in it escaped its element.
        Should.NotThrow(() => XElement.Parse(html.Replace("&nbsp;", " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void RenderMarkdown_UntrustedNuspecText_CannotBreakTableOrInjectHtmlOrLinks()
    {
        var markdown = DependenciesPage.RenderMarkdown(HostileSet());

        markdown.ShouldNotContain("<script>");
        // Parsed as GitHub renders it: no HTML and no link but the package's own.
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        document.Descendants<HtmlInline>().ShouldBeEmpty();
        document.Descendants<LinkInline>().Select(l => l.Url).ShouldBe(["https://example.org/a%28b%29%3Cc%3E%7Cd"]);
        var row = markdown.Split('\n').Single(l => l.StartsWith("| [Evil", StringComparison.Ordinal));
        // Four cells: every pipe inside a value is escaped.
        row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|').ShouldBe(5);
        row.ShouldContain("(https://example.org/a%28b%29%3Cc%3E%7Cd)");
    }

    [Fact]
    public void ToMermaid_HostileId_LabelReducedToSafeCharacters()
    {
        var mermaid = DependencyGraph.ToMermaid(HostileSet());

        var label = mermaid.Split('\n').Single(l => l.StartsWith("  n1[", StringComparison.Ordinal));
        label.ShouldBe("  n1[\"Evil___ n0 --_ n1_ click n0 call alert_1_ 1.0.0\"]");
        mermaid.ShouldNotContain("click n0 call alert(1)");
    }

    [Fact]
    public void ToSvg_CycleInGraph_Terminates()
    {
        var set = new DependencySet
        {
            ProjectName = "P",
            Dependencies =
            [
                new ResolvedDependency { Id = "A", Version = "1", IsDirect = true, DependsOn = ["B"] },
                new ResolvedDependency { Id = "B", Version = "1", DependsOn = ["A"] },
            ],
        };

        var svg = DependencyGraph.ToSvg(set);

        XElement.Parse(svg).Name.LocalName.ShouldBe("svg");
        svg.Split("<path d=\"M", StringSplitOptions.None).Length.ShouldBe(1 + 1 + 3); // marker path + 3 edges
    }

    [Fact]
    public void PackageUrl_UnusualCharacters_PercentEncoded()
    {
        PackageUrl.ForNuGet("My.Package", "1.0.0-beta+build.5").ShouldBe("pkg:nuget/My.Package@1.0.0-beta%2Bbuild.5");
        PackageUrl.ForNuGet("a/b@c", "1").ShouldBe("pkg:nuget/a%2Fb%40c@1");
    }

    [Fact]
    public void NuspecParse_LicenseForms_Recognised()
    {
        static PackageLicense License(string metadata) =>
            NuspecReader.Parse(XDocument.Parse($"<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata>{metadata}</metadata></package>")).License;

        License("<license type=\"expression\">Apache-2.0 OR MIT</license><licenseUrl>https://licenses.nuget.org/Apache-2.0%20OR%20MIT</licenseUrl>")
            .ShouldBe(new PackageLicense(LicenseKind.Expression, "Apache-2.0 OR MIT", "https://licenses.nuget.org/Apache-2.0%20OR%20MIT"));
        License("<license type=\"file\">LICENSE.txt</license><licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>")
            .ShouldBe(new PackageLicense(LicenseKind.File, "LICENSE.txt", null));
        License("<licenseUrl>javascript:alert(1)</licenseUrl>").ShouldBe(PackageLicense.Unknown);
        License("").ShouldBe(PackageLicense.Unknown);
    }
}
