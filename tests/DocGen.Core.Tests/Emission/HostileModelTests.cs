using System.Text.RegularExpressions;
using DocGen.Core.Emission.Manifest;
using DocGen.Core.Model;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using DocGen.Core.Inputs;

namespace DocGen.Core.Tests.Emission;

/// <summary>
/// Hostile text in every string of the model that reaches a page (doc comments, obsolete messages, constant and
/// default values, attributes, source paths, the model name of generated docs, the assembly, nuspec metadata)
/// is shown as text on every page kind of the site and the Markdown tree, never as markup.
/// </summary>
public sealed partial class HostileModelTests : IDisposable
{
    // The backtick would end a code span around the text; the quote would end an attribute.
    private const string Hostile = "a`b <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) \" onmouseover=\"alert(1)";

    private readonly EmitRun _run = new(Model(), dependencies: Dependencies());

    private static ApiModel Model()
    {
        var docs = new DocComment
        {
            Summary = SampleModel.Text(Hostile),
            Remarks = SampleModel.Text(Hostile),
            Exceptions = [new CrefDoc("T:System.InvalidOperationException", SampleModel.Text(Hostile))],
            // Every highlighter (C# through Roslyn, markup through ColorCode, shell through our tokenizer) sees the text.
            Examples = [SampleModel.Block(
                new DocCodeBlock("var s = \"" + Hostile + "\"; // " + Hostile + "\n" + Hostile, "csharp"),
                new DocCodeBlock("<a title=\"" + Hostile + "\">" + Hostile + "</a><!-- " + Hostile + " -->", "xml"),
                new DocCodeBlock("{ \"" + Hostile + "\": \"" + Hostile + "\" }", "json"),
                new DocCodeBlock("echo \"" + Hostile + "\" # " + Hostile + "\n$" + Hostile, "bash"),
                new DocCodeBlock(Hostile, null))],
        };
        var member = SampleModel.Member("M:{T}.Run(System.String)", "Run", "Run(string)", ApiMemberKind.Method, null, Provenance.Generated(Hostile)) with
        {
            Docs = docs,
            Parameters = [new ParameterModel("text", new TypeRef("string", "T:System.String"), null, "\"" + Hostile + "\"")],
            Obsolete = new ObsoleteInfo(Hostile, false),
            Attributes = ["[Description(\"" + Hostile + "\")]"],
            Source = new SourceLocation("src/" + Hostile + ".cs", 3),
        };
        var constant = SampleModel.Member("F:{T}.Text", "Text", "Text", ApiMemberKind.Constant) with { ConstantValue = "\"" + Hostile + "\"" };
        var type = SampleModel.Type("Acme", "Evil", ApiTypeKind.Class, null, Provenance.Generated(Hostile), member, constant) with
        {
            Docs = docs,
            Obsolete = new ObsoleteInfo(Hostile, false),
            Source = new SourceLocation("src/" + Hostile + ".cs", 1),
            // Reaches the inheritance diagram (SVG and Mermaid) and the signature's type links.
            Interfaces = [new TypeRef(Hostile, null)],
            BaseTypes = [new TypeRef(Hostile, "T:System." + Hostile)],
        };
        var values = SampleModel.Type("Acme", "Mode", ApiTypeKind.Enum, Hostile, null,
            SampleModel.Member("F:{T}.On", "On", "On", ApiMemberKind.EnumValue, Hostile) with { ConstantValue = "1" }) with { EnumUnderlyingType = "int" };
        var model = SampleModel.Of(type, values);
        return model with { Assemblies = [model.Assemblies[0] with { Name = "Acme" + Hostile, Version = Hostile, TargetFramework = Hostile }] };
    }

    private static DependencySet Dependencies() => new()
    {
        ProjectName = Hostile,
        TargetFramework = Hostile,
        Dependencies =
        [
            new ResolvedDependency
            {
                Id = "Evil" + Hostile,
                Version = Hostile,
                IsDirect = true,
                Description = Hostile,
                Authors = [Hostile],
                License = new PackageLicense(LicenseKind.Expression, Hostile, null),
                ProjectUrl = NuspecReader.HttpUrl("https://example.org/" + Uri.EscapeDataString(Hostile)),
            },
        ],
    };

    [Fact]
    public void Emit_HostileModel_WritesEveryPageKindInBothFormats()
    {
        // Every namespace and type page is its folder's index (README in Markdown); member pages sit in their type's folder.
        foreach (var (html, markdown) in new[]
        {
            ("index.html", "README.md"), ("coverage.html", "coverage.md"), ("dependencies.html", "dependencies.md"),
            ("api/acme/index.html", "api/acme/README.md"), ("api/acme/evil/index.html", "api/acme/evil/README.md"),
            ("api/acme/evil/run.html", "api/acme/evil/run.md"), ("api/acme/mode/index.html", "api/acme/mode/README.md"),
        })
        {
            File.Exists(Path.Combine(_run.Root, "site", html)).ShouldBeTrue(html);
            File.Exists(Path.Combine(_run.Root, "markdown", markdown)).ShouldBeTrue(markdown);
        }
    }

    [Fact]
    public void Emit_HostileModel_EveryHtmlPageShowsTheTextEscapedAndNoMarkupFromIt()
    {
        foreach (var file in _run.Files("site", "*.html"))
        {
            var html = File.ReadAllText(file);
            var page = _run.Relative(file);
            html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;", customMessage: $"{page} does not show the hostile text, so it proves nothing");
            Regex.Matches(html, "<script").Count.ShouldBe(4, $"{page}: only the layout's own four scripts (theme, tree, site script, search)");
            html.ShouldNotContain("<img", customMessage: page);
            html.ShouldNotContain("\" onmouseover=\"", customMessage: $"{page}: an attribute was left");
            html.ShouldNotContain("href=\"javascript:", Case.Insensitive, page);
        }
    }

    [Fact]
    public void Emit_HostileModel_EveryMarkdownPageShowsTheTextEscapedAndNoMarkupOrLinkFromIt()
    {
        // Parsed as GitHub renders it: raw HTML may only be DocGen's own anchors, and no link may run script.
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        foreach (var file in _run.Files("markdown", "*.md"))
        {
            var markdown = File.ReadAllText(file);
            var page = _run.Relative(file);
            // The Markdown coverage page shows only names and fixed labels: no text of the model can reach it.
            if (page != "markdown/coverage.md")
                markdown.ShouldContain("onerror", customMessage: $"{page} does not show the hostile text (escaped, or in code), so it proves nothing");
            var document = Markdown.Parse(markdown, pipeline);
            foreach (var html in document.Descendants<HtmlInline>())
                DocGenAnchor().IsMatch(html.Tag).ShouldBeTrue($"{page} has raw HTML from the model: {html.Tag}");
            foreach (var block in document.Descendants<HtmlBlock>())
                block.Lines.ToString().ShouldBeEmpty($"{page} has a raw HTML block");
            foreach (var link in document.Descendants<LinkInline>())
                (link.Url ?? "").ShouldNotStartWith("javascript", Case.Insensitive, page);
        }
    }

    public void Dispose() => _run.Dispose();

    [GeneratedRegex("^(<a id=\"[a-z0-9-]+\">|</a>)$")]
    private static partial Regex DocGenAnchor();
}
