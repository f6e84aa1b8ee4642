using System.Text.RegularExpressions;
using DocGen.Core.Emission.Diagrams;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Tests.Emission;

public sealed class DiagramTests
{
    private static ApiModel Model()
    {
        var shape = SampleModel.Type("Acme", "Shape", ApiTypeKind.Class) with
        {
            BaseTypes = [new TypeRef("object", "T:System.Object")],
            Interfaces = [new TypeRef("IShape", "T:Acme.IShape"), new TypeRef("IDisposable", "T:System.IDisposable")],
            DerivedTypes = [new TypeRef("Circle", "T:Acme.Circle")],
        };
        var circle = SampleModel.Type("Acme", "Circle", ApiTypeKind.Class) with
        {
            BaseTypes = [new TypeRef("Shape", "T:Acme.Shape"), new TypeRef("object", "T:System.Object")],
            Interfaces = [new TypeRef("IShape", "T:Acme.IShape"), new TypeRef("IDisposable", "T:System.IDisposable")],
        };
        var ishape = SampleModel.Type("Acme", "IShape", ApiTypeKind.Interface) with { DerivedTypes = [new TypeRef("Shape", "T:Acme.Shape")] };
        var lone = SampleModel.Type("Acme", "Lone", ApiTypeKind.Class);
        return SampleModel.Of(shape, circle, ishape, lone);
    }

    [Fact]
    public void Emit_TypePage_DrawsAnSvgWhoseBoxesAreKeyboardReachableLinks()
    {
        using var run = new EmitRun(Model(), formats: OutputFormats.Html);
        var html = run.Site("api/acme/shape/index.html");
        var svg = Regex.Match(html, "<svg class=\"type-diagram\".*?</svg>", RegexOptions.Singleline).Value;

        svg.ShouldContain("role=\"group\"");
        svg.ShouldContain("aria-label=\"Inheritance of Shape\"");
        svg.ShouldNotContain("role=\"img\"");
        svg.ShouldContain("<a href=\"https://learn.microsoft.com/dotnet/api/system.object\">");
        svg.ShouldContain("<a href=\"../circle/index.html\">");
        svg.ShouldContain("<a href=\"../ishape/index.html\">");
        svg.ShouldContain("dg-self");
        svg.ShouldContain("dg-implements");
        html.ShouldNotContain("role=\"img\"");
    }

    [Fact]
    public void Emit_NamespacePage_DrawsTheRelationsOfItsTypesOnly()
    {
        using var run = new EmitRun(Model(), formats: OutputFormats.Html | OutputFormats.Markdown);
        var html = run.Site("api/acme/index.html");
        var svg = Regex.Match(html, "<svg class=\"type-diagram\".*?</svg>", RegexOptions.Singleline).Value;

        svg.ShouldContain(">Shape</text>");
        svg.ShouldContain(">Circle</text>");
        svg.ShouldContain(">IShape</text>");
        svg.ShouldNotContain(">Lone</text>", customMessage: "a type without relations is not drawn");
        svg.ShouldNotContain("IDisposable", customMessage: "only the namespace's own types");
        // Circle gets IShape through Shape: only Shape → IShape is drawn.
        Regex.Matches(svg, "dg-implements").Count.ShouldBe(1);

        var markdown = run.Markdown("api/acme/README.md");
        markdown.ShouldContain("```mermaid\nclassDiagram\n");
        markdown.ShouldContain("class n0[\"Circle\"]");
    }

    [Fact]
    public void Emit_TypePage_MarkdownGetsAMermaidClassDiagram()
    {
        using var run = new EmitRun(Model(), formats: OutputFormats.Markdown);
        var markdown = run.Markdown("api/acme/shape/README.md");

        markdown.ShouldContain("```mermaid\nclassDiagram\n");
        markdown.ShouldContain("<|-- n");
        markdown.ShouldContain("<|.. n");
    }

    [Fact]
    public void Mermaid_NamesWithSyntax_BecomeHarmlessLabels()
    {
        var graph = TypeGraph.Inheritance("t", [new DiagramNode("Base\"]\n`x`<T>", null)], new DiagramNode("Self", null, IsSelf: true), [], []);

        var text = MermaidDiagram.Render(graph);

        text.ShouldContain("class n0[\"Base'' 'x'‹T›\"]");
        text.Split('\n').Length.ShouldBe(4);
    }

    [Fact]
    public void Svg_LabelsAreEscaped()
    {
        var graph = TypeGraph.Inheritance("<b>t</b>", [new DiagramNode("<script>x</script>", "a\"b")], new DiagramNode("Self", null, IsSelf: true), [], []);

        var svg = SvgDiagram.Render(graph);

        svg.ShouldNotContain("<script>");
        svg.ShouldContain("&lt;script&gt;x&lt;/script&gt;");
        svg.ShouldContain("href=\"a&quot;b\"");
        svg.ShouldContain("aria-label=\"&lt;b&gt;t&lt;/b&gt;\"");
    }
}

/// <summary>The inheritance diagram in Chromium: its boxes are links a keyboard reaches, and it draws in both themes.</summary>
public sealed class DiagramBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task TypePage_DiagramLinks_AreReachedByTabAndOpenTheirPage()
    {
        var context = await fixture.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(Path.Combine(fixture.Run.Root, "site", "api", "acme.shapes", "shape", "index.html")).AbsoluteUri);

        var links = page.Locator("svg.type-diagram a");
        (await links.CountAsync()).ShouldBeGreaterThan(1);
        (await links.First.EvaluateAsync<int>("a => a.tabIndex")).ShouldBe(0);
        // Tab until focus lands in the diagram: it is in the page's tab order.
        var reached = false;
        for (var i = 0; i < 200 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("!!(document.activeElement && document.activeElement.closest && document.activeElement.closest('svg.type-diagram'))");
        }
        reached.ShouldBeTrue("no Tab press reached a link of the diagram");

        await page.EvaluateAsync("document.documentElement.setAttribute('data-theme', 'dark')");
        var fill = await page.Locator("svg.type-diagram .dg-node rect").First.EvaluateAsync<string>("r => getComputedStyle(r).fill");
        fill.ShouldBe("rgb(21, 27, 35)"); // --bg-soft of the dark theme
        errors.ShouldBeEmpty();
    }
}
