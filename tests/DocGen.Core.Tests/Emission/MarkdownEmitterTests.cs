using DocGen.Core.Options;

namespace DocGen.Core.Tests.Emission;

public sealed class MarkdownEmitterTests(FullSiteFixture fixture) : IClassFixture<FullSiteFixture>
{
    private EmitRun Run => fixture.Run;

    [Fact]
    public void Emit_FullModel_EveryRelativeLinkResolvesToAFileAndAnchor()
    {
        var pages = Run.Files("markdown", "*.md").ToList();
        pages.ShouldContain(p => p.EndsWith(Path.Combine("markdown", "README.md")));
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            var markdown = File.ReadAllText(page);
            foreach (var link in EmitRun.MarkdownLinks(markdown))
            {
                if (link.StartsWith("https://", StringComparison.Ordinal)) continue;
                link.ShouldNotContain("javascript", Case.Insensitive);
                var parts = link.Split('#');
                var target = parts[0].Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, parts[0]));
                File.Exists(target).ShouldBeTrue($"{Run.Relative(page)} links to '{link}', which does not exist");
                if (parts.Length > 1 && target.EndsWith(".md"))
                    File.ReadAllText(target).ShouldContain($"<a id=\"{parts[1]}\"></a>", customMessage: $"{Run.Relative(page)} links to missing anchor '{link}'");
                checkedLinks++;
            }
        }
        checkedLinks.ShouldBeGreaterThan(150);
    }

    [Fact]
    public void Emit_FullModel_ShowsProvenanceOnlyWhereItTellsSomethingAndNoHtmlFiles()
    {
        var pages = Run.Files("markdown", "*.md").ToList();
        foreach (var page in pages.Where(p => !p.EndsWith("coverage.md", StringComparison.Ordinal)))
            File.ReadAllText(page).ShouldNotContain("`source`", customMessage: $"{Run.Relative(page)}: docs written in the source need no badge");
        pages.ShouldContain(p => File.ReadAllText(p).Contains("`fallback`"), "fallback docs are still marked");
        Run.Files("markdown", "*.html").ShouldBeEmpty();
    }

    [Fact]
    public void Emit_DocText_IsMarkdownEscapedButOurMarkupIsNot()
    {
        var md = Run.Markdown("api/acme.shapes/shape/area.md");
        md.ShouldContain(@"\<script\>alert('x')\</script\> \& more");
        md.ShouldContain(@"First paragraph with \*\*stars\*\* and \| pipes \|.");
        md.ShouldContain("[list](https://learn.microsoft.com/dotnet/api/system.collections.generic.list-1)");
        md.ShouldContain("[`Circle`](../circle/README.md)");
        md.ShouldContain("```csharp\nvar area = shape.Area(2);\nif (area < 1) { }\n```");
        md.ShouldContain("| a\\|b | cell |");
        md.ShouldNotContain("javascript:");
        md.ShouldNotContain("\n\n\n");
    }

    [Fact]
    public void Emit_TypeNamesWithGenerics_AreEscapedInHeadingsAndLists()
    {
        Run.Markdown("api/acme.shapes/box-1/README.md").ShouldContain(@"# Box\<T\> struct");
        Run.Markdown("api/acme.shapes/README.md").ShouldContain(@"[Box\<T\>](box-1/README.md)");
    }

    [Fact]
    public void Emit_ReadmeAndCoverage_LinkEveryNamespace()
    {
        var readme = Run.Markdown("README.md");
        readme.ShouldContain("[Acme.Shapes](api/acme.shapes/README.md)");
        readme.ShouldContain("[(global)](api/global-namespace/README.md)");
        Run.Markdown("coverage.md").ShouldContain("| [Acme.Util](api/acme.util/README.md) | 1 | 0 | 0 | 1 | 100% |");
    }

    [Fact]
    public void Emit_MarkdownOnly_ReportsUnresolvedCrefsItself()
    {
        using var run = new EmitRun(SampleModel.Full(), formats: OutputFormats.Markdown);
        run.Diagnostics.ToList().Count(d => d.Id == "DG0203").ShouldBe(2);
        Directory.Exists(Path.Combine(run.Root, "site")).ShouldBeFalse();
    }
}
