using System.Text.RegularExpressions;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Emission.Manifest;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Tests.Shared;
using DocGen.Core.Emission.Html;
using DocGen.Core.Emission.Markdown;
using DocGen.Core.Inputs;

namespace DocGen.Core.Tests.Manifest;

/// <summary>The Dependencies page is part of the site and the Markdown tree, with the site's own layout and navigation.</summary>
[Collection(RestoredFixturesCollection.Name)]
public sealed class DependenciesInSiteTests(RestoredFixtures fixture)
{
    [Fact]
    public void Emit_WithDependencies_AddsDependenciesPageToSiteAndMarkdownWithNavigationLinks()
    {
        using var output = new TempDirectory();
        var inputs = fixture.Inputs();
        var writer = new OutputWriter(output.Path);
        var diagnostics = new DiagnosticBag();
        var context = new EmissionContext(EmitterRunner.EmptyModel, inputs, new DocGenOptions { OutputPath = output.Path }, writer, diagnostics, CancellationToken.None)
        {
            Dependencies = AssetsFileReader.Read(inputs),
        };

        new HtmlSiteEmitter().Emit(context);
        new MarkdownEmitter().Emit(context);

        var page = File.ReadAllText(output.Combine("site", "dependencies.html"));
        page.ShouldContain("<link rel=\"stylesheet\" href=\"assets/docgen.css\">", customMessage: "the page uses the site's layout");
        page.ShouldContain("Newtonsoft.Json");
        page.ShouldContain("<svg class=\"docgen-graph\"");
        Regex.IsMatch(File.ReadAllText(output.Combine("site", "index.html")), "<a href=\"dependencies.html\"[^>]*>Dependencies</a>").ShouldBeTrue();

        var markdown = File.ReadAllText(output.Combine("markdown", "dependencies.md"));
        markdown.ShouldContain("```mermaid");
        markdown.ShouldContain("Newtonsoft.Json");
        File.ReadAllText(output.Combine("markdown", "README.md")).ShouldContain("[Dependencies](dependencies.md)");
    }

    [Fact]
    public void Emit_WithoutAssetsFile_HasNoDependenciesPageOrLink()
    {
        using var output = new TempDirectory();
        var writer = new OutputWriter(output.Path);
        var context = new EmissionContext(EmitterRunner.EmptyModel, fixture.Inputs() with { ProjectAssetsFile = null }, new DocGenOptions { OutputPath = output.Path }, writer, new DiagnosticBag(), CancellationToken.None);

        new HtmlSiteEmitter().Emit(context);

        File.Exists(output.Combine("site", "dependencies.html")).ShouldBeFalse();
        File.ReadAllText(output.Combine("site", "index.html")).ShouldNotContain("dependencies.html");
    }
}
