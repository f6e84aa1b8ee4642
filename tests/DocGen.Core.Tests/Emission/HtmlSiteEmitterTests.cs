using System.Text.RegularExpressions;
using DocGen.Core.Diagnostics;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Tests.Emission;

/// <summary>One emission of the full sample model, shared by the tests that only read it.</summary>
public sealed class FullSiteFixture : IDisposable
{
    internal EmitRun Run { get; } = new(SampleModel.Full());

    public void Dispose() => Run.Dispose();
}

public sealed class HtmlSiteEmitterTests(FullSiteFixture fixture) : IClassFixture<FullSiteFixture>
{
    private EmitRun Run => fixture.Run;

    [Fact]
    public void Emit_FullModel_EveryInternalLinkResolvesToAFile()
    {
        var pages = Run.Files("site", "*.html").ToList();
        pages.Count.ShouldBeGreaterThan(20);
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            foreach (var link in EmitRun.HtmlLinks(html))
            {
                if (link.StartsWith("https://", StringComparison.Ordinal) || link.StartsWith("mailto:", StringComparison.Ordinal) || link == "data:,") continue; // data:, is the empty icon
                link.ShouldNotStartWith("javascript", Case.Insensitive);
                var parts = link.Split('#');
                var target = parts[0].Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, parts[0]));
                File.Exists(target).ShouldBeTrue($"{Run.Relative(page)} links to '{link}', which does not exist");
                if (parts.Length > 1 && target.EndsWith(".html", StringComparison.Ordinal))
                    File.ReadAllText(target).ShouldContain($"id=\"{parts[1]}\"", customMessage: $"{Run.Relative(page)} links to missing anchor '{link}'");
                checkedLinks++;
            }
        }
        checkedLinks.ShouldBeGreaterThan(200);
    }

    [Fact]
    public void Emit_FullModel_WritesIndexNamespaceTypeMemberAndCoveragePages()
    {
        Run.Site("index.html").ShouldContain("Acme.Shapes");
        Run.Site("api/acme.shapes/index.html").ShouldContain("Circle");
        Run.Site("api/acme.shapes/shape/index.html").ShouldContain("A shape.");
        Run.Site("api/acme.shapes/shape/area.html").ShouldContain("Area&lt;T&gt;(double)");
        Run.Site("coverage.html").ShouldContain("Documentation coverage");
        Run.Site("api/global-namespace/program/index.html").ShouldContain("In the global namespace.");
        Run.Site("search-index.js").ShouldStartWith("window.DOCGEN_SEARCH=[");
        Run.Site("assets/docgen.css").ShouldContain("prefers-color-scheme");
    }

    [Fact]
    public void Emit_ScriptInSummary_IsEscapedText()
    {
        var html = Run.Site("api/acme.shapes/shape/area.html");
        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        html.ShouldNotContain("<script>alert");
        html.ShouldContain("bullet &lt;b&gt;one&lt;/b&gt;");
    }

    [Fact]
    public void Emit_JavascriptHref_IsDroppedAndReported()
    {
        var html = Run.Site("api/acme.shapes/shape/area.html");
        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldContain("click me");
        html.ShouldContain("href=\"https://example.com/a?b=1&amp;c=2\"");
        Run.Diagnostics.ToList().Count(d => d.Id == "DG0204").ShouldBe(1);
    }

    [Fact]
    public void Emit_BclCref_LinksToLearn()
    {
        var html = Run.Site("api/acme.shapes/shape/area.html");
        html.ShouldContain("href=\"https://learn.microsoft.com/dotnet/api/system.collections.generic.list-1\"");
        html.ShouldContain("https://learn.microsoft.com/dotnet/api/system.argumentoutofrangeexception");
        // internal cref relative to the member page
        html.ShouldContain("href=\"../circle/index.html\"");
    }

    [Fact]
    public void Emit_UnresolvedCrefs_ShowAsTextWithOneWarningEach()
    {
        var html = Run.Site("api/acme.shapes/shape/area.html");
        html.ShouldContain("<code>Thing</code>");
        html.ShouldContain("<code>Unknown</code>");
        html.ShouldNotContain("Elsewhere.Unknown\"");
        var warnings = Run.Diagnostics.ToList().Where(d => d.Id == "DG0203").ToList();
        // Rendered on the type page and the member page, by both emitters: still one warning per cref.
        warnings.Count.ShouldBe(2);
        warnings.ShouldAllBe(w => w.Message.Contains("M:Acme.Shapes.Shape.Area``1(System.Double)") && w.File == "src/Shapes/Shape.cs" && w.Line == 42);
        warnings.ShouldContain(w => w.Message.Contains("!:Missing.Thing"));
    }

    [Fact]
    public void Emit_TypePage_ShowsInheritanceInterfacesDerivedAndInheritedMembers()
    {
        var shape = Run.Site("api/acme.shapes/shape/index.html");
        shape.ShouldContain("<svg class=\"type-diagram\"");
        shape.ShouldContain("https://learn.microsoft.com/dotnet/api/system.object");
        shape.ShouldContain("https://learn.microsoft.com/dotnet/api/system.idisposable");
        shape.ShouldContain("href=\"../circle/index.html\"");
        EmitRun.WithoutHighlighting(shape).ShouldContain("[Serializable]");
        shape.ShouldContain("badge-generated");
        shape.ShouldContain("generated (gpt-4o-mini)");
        foreach (var group in new[] { "Constructors", "Properties", "Indexers", "Methods", "Events", "Operators", "Conversion operators", "Fields", "Constants", "Finalizer" })
            shape.ShouldContain($">{group}</h2>");

        var circle = Run.Site("api/acme.shapes/circle/index.html");
        circle.ShouldContain("Inherited members");
        circle.ShouldContain("href=\"../shape/name.html#name\"");
        circle.ShouldContain("https://learn.microsoft.com/dotnet/api/system.object.tostring");
        circle.ShouldContain("Obsolete: Use Ellipse.");
    }

    [Fact]
    public void Emit_EnumAndDelegate_ShowValuesAndInvokeSignature()
    {
        var color = Run.Site("api/acme.shapes/color/index.html");
        color.ShouldContain("id=\"value-red\"");
        color.ShouldContain("flags");
        File.Exists(Path.Combine(Run.Root, "site/api/acme.shapes/color/red.html")).ShouldBeFalse();
        var handler = Run.Site("api/acme.shapes/shapehandler/index.html");
        handler.ShouldContain("Invoke");
        handler.ShouldContain("https://learn.microsoft.com/dotnet/api/system.boolean");
    }

    [Fact]
    public void Emit_OverloadsAndGenericArity_ShareOrSeparatePagesAsExpected()
    {
        var area = Run.Site("api/acme.shapes/shape/area.html");
        area.ShouldContain("Area()");
        area.ShouldContain("Area&lt;T&gt;(double)");
        area.ShouldContain("2 overloads");
        Run.Site("api/acme.shapes/shape/-ctor.html").ShouldContain("Shape(string)");
        Run.Site("api/acme.shapes/box-1/index.html").ShouldContain("A box of T.");
        Run.Site("api/acme.shapes/box/index.html").ShouldContain("A plain box.");
    }

    [Fact]
    public void Emit_Signatures_AreHighlightedWithTheirTypesLinked()
    {
        var make = SampleModel.Member("M:{T}.Make(Acme.Widget)", "Make", "Make(Widget)", ApiMemberKind.Method) with
        {
            Signature = "public static Widget Make(Widget other)",
            ReturnType = new TypeRef("Widget", "T:Acme.Widget"),
            Parameters = [new ParameterModel("other", new TypeRef("Widget", "T:Acme.Widget"), null, null)],
            Attributes = ["[Obsolete(\"old\")]"],
        };
        var widget = SampleModel.Type("Acme", "Widget", ApiTypeKind.Class, null, null, make) with
        {
            Signature = "public class Widget : IDisposable",
            Interfaces = [new TypeRef("IDisposable", "T:System.IDisposable")],
        };
        using var run = new EmitRun(SampleModel.Of(widget), formats: OutputFormats.Html);

        var typeSignature = Signature(run.Site("api/acme/widget/index.html"));
        typeSignature.ShouldContain("<span class=\"k\">class</span>");
        typeSignature.ShouldContain("<a class=\"t\" href=\"https://learn.microsoft.com/dotnet/api/system.idisposable\">IDisposable</a>");
        var memberSignature = Signature(run.Site("api/acme/widget/make.html"));
        memberSignature.ShouldContain("<a class=\"t\" href=\"index.html\">Widget</a>");
        memberSignature.ShouldContain("<span class=\"p\">other</span>");
        memberSignature.ShouldContain("[<span class=\"t\">Obsolete</span>(<span class=\"s\">&quot;old&quot;</span>)]");
    }

    private static string Signature(string html) => Regex.Match(html, "<pre class=\"sig\">.*?</pre>", RegexOptions.Singleline).Value;

    [Fact]
    public void Emit_MalformedDocs_ShowRawXmlEscaped()
    {
        var odd = Run.Site("api/acme.util/odd/index.html");
        odd.ShouldContain("could not be parsed");
        EmitRun.WithoutHighlighting(odd).ShouldContain("&lt;summary&gt;unclosed &lt;b&gt;");
    }

    [Fact]
    public void Emit_CoveragePage_CountsDocumentedAndMissingPerNamespace()
    {
        var expected = ModelStatistics.Compute(SampleModel.Full());
        var html = Run.Site("coverage.html");
        html.ShouldContain($"<strong>{expected.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture)}%</strong> documented: {expected.Documented} of {expected.Total}");
        // Acme.Util: the type (source) is documented; nothing else (documented, partial, missing, total).
        html.ShouldContain("<td><a href=\"api/acme.util/index.html\">Acme.Util</a></td><td class=\"num wide\">1</td><td class=\"num wide\">0</td><td class=\"num wide\">0</td><td class=\"num\">1</td>");
        html.ShouldContain("href=\"api/acme.shapes/ishape/draw.html#draw\"");
        html.ShouldContain("IShape.Draw()");
        html.ShouldNotContain(">Circle.Radius<");
    }

    [Fact]
    public void Emit_SearchIndex_ListsTypesAndMembersWithSiteRelativeUrls()
    {
        var js = Run.Site("search-index.js");
        js.ShouldContain("[\"Circle\",\"class\",\"Acme.Shapes\",\"api/acme.shapes/circle/index.html\",\"A round shape.\",\"public class Circle\"]");
        js.ShouldContain("\"Area\",\"method\",\"Acme.Shapes.Shape\",\"api/acme.shapes/shape/area.html\"");
        js.ShouldNotContain("<script>");
    }

    [Fact]
    public void Emit_ReportsNoTemplateErrors()
    {
        Run.Diagnostics.ToList().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
    }
}
