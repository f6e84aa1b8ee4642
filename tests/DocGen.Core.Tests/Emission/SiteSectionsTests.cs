using System.Text.RegularExpressions;

namespace DocGen.Core.Tests.Emission;

public sealed class SiteModelFixture : IDisposable
{
    internal EmitRun Run { get; } = new(SampleModel.Site());

    public void Dispose() => Run.Dispose();
}

/// <summary>What the site and the Markdown tree show around a type (extension methods, implementers, outline, navigation)
/// and that pages stay small.</summary>
public sealed class SiteSectionsTests(SiteModelFixture fixture) : IClassFixture<SiteModelFixture>
{
    private EmitRun Run => fixture.Run;

    [Fact]
    public void Emit_ExtendedType_ListsItsExtensionMethodsUnderTheirClassInHtmlAndMarkdown()
    {
        var html = Run.Site("api/acme.shapes/circle/index.html");
        html.ShouldContain("<h2 id=\"extension-methods\">Extension methods</h2>");
        html.ShouldContain("<dt>From <a href=\"../shapeextensions/index.html\">ShapeExtensions</a></dt><dd><a href=\"../shapeextensions/describe.html\">Describe(Shape)</a></dd>");
        html.ShouldContain("<a href=\"#extension-methods\">Extension methods</a>"); // in "On this page"

        var md = Run.Markdown("api/acme.shapes/circle/README.md");
        md.ShouldContain("## Extension methods");
        md.ShouldContain("[Describe(Shape)](../shapeextensions/describe.md) from [ShapeExtensions](../shapeextensions/README.md)");
    }

    [Fact]
    public void Emit_Interface_ShowsImplementedByAndNoInheritanceChain()
    {
        var html = Run.Site("api/acme.shapes/ishape/index.html");
        html.ShouldContain("<h2 id=\"implemented-by\">Implemented by</h2>");
        html.ShouldContain("href=\"../square/index.html\"");
        html.ShouldNotContain("id=\"inheritance\"");
        Run.Markdown("api/acme.shapes/ishape/README.md").ShouldContain("## Implemented by");
    }

    [Fact]
    public void Emit_MemberPages_NameTheTypeSectionByKindAndLeaveItOutForConstructors()
    {
        var property = Run.Site("api/acme.shapes/square/side.html");
        property.ShouldContain("<h3>Property value</h3>");
        property.ShouldNotContain("<h3>Returns</h3>");
        Run.Markdown("api/acme.shapes/square/side.md").ShouldContain("**Property value**");
        Run.Site("api/acme.shapes/shape/-ctor.html").ShouldNotContain("<h3>Returns</h3>");
        Run.Site("api/acme.shapes/shape/area.html").ShouldContain("<h3>Returns</h3>");
    }

    [Fact]
    public void Emit_CoveragePage_ListsPartialMembersApartWithTheirMissingParts()
    {
        var html = Run.Site("coverage.html");
        var partial = html[html.IndexOf("id=\"partial\"", StringComparison.Ordinal)..];
        partial.ShouldContain("ShapeExtensions.Describe(Shape)</a></td><td>method</td><td class=\"wide\">Acme.Shapes</td><td>missing: param:shape</td>");
        html[..html.IndexOf("id=\"partial\"", StringComparison.Ordinal)].ShouldNotContain("ShapeExtensions.Describe");
        html.ShouldContain("1 partial)");
        var md = Run.Markdown("coverage.md");
        var mdPartial = md[md.IndexOf("## Partially documented", StringComparison.Ordinal)..];
        mdPartial.ShouldContain("](api/acme.shapes/shapeextensions/describe.md#describe-shape) | method | Acme.Shapes | missing: param:shape |");
    }

    [Fact]
    public void Emit_NavTree_IsOneSharedScriptWithEveryTypeAndPagesDoNotRepeatIt()
    {
        var nav = Run.Site("assets/nav.js");
        nav.ShouldStartWith("window.DOCGEN_NAV=[");
        nav.ShouldContain("[\"Acme.Shapes\",\"api/acme.shapes/index.html\",[[\"Box\",\"record struct\",\"api/acme.shapes/box/index.html\"]");
        nav.ShouldContain("[\"Square\",\"class\",\"api/acme.shapes/square/index.html\"]");
        foreach (var page in Run.Files("site", "*.html"))
        {
            var html = File.ReadAllText(page);
            html.ShouldNotContain("DOCGEN_NAV");
            Regex.Matches(html, "assets/nav\\.js").Count.ShouldBe(1, Run.Relative(page));
        }
    }

    [Fact]
    public void Emit_SidebarWithoutScript_ListsTheNamespacesTypesAndOnMemberPagesTheMembersByKind()
    {
        var member = Run.Site("api/acme.shapes/shape/area.html");
        member.ShouldContain("<ul class=\"nav-list\" id=\"nav-types\">");
        member.ShouldContain("<a href=\"index.html\" class=\"current-parent\">Shape</a>");
        member.ShouldContain("<h3 class=\"nav-group\">Methods</h3>");
        member.ShouldContain("<a href=\"area.html\" class=\"current\" aria-current=\"page\">Area</a>");

        var type = Run.Site("api/acme.shapes/shape/index.html");
        type.ShouldContain("<a href=\"index.html\" class=\"current\" aria-current=\"page\">Shape</a>");
        type.ShouldNotContain("id=\"nav-members\""); // its body lists them
        type.ShouldContain("<table class=\"list members\" data-group=\"Methods\">");
    }

    [Fact]
    public void Emit_EveryPage_WeighesAtMost60KilobytesOfHtml()
    {
        foreach (var page in Run.Files("site", "*.html"))
            new FileInfo(page).Length.ShouldBeLessThanOrEqualTo(60 * 1024, Run.Relative(page));
    }
}
