using DocGen.Core.Diagnostics;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Emission;

public sealed class TemplateTests
{
    [Fact]
    public void Emit_OverrideTemplateByName_ChangesOnlyThatTemplatesOutput()
    {
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("html/namespace.hbs", "<h1>Custom {{Name}}</h1>{{#each Groups}}{{#each Items}}<a href=\"{{Url}}\">{{Name}}</a>{{/each}}{{/each}}");
        templates.Write("markdown/_badge.hbs", "[{{Label}}]\n");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var ns = run.Site("api/acme.shapes/index.html");
        ns.ShouldContain("<h1>Custom Acme.Shapes</h1>");
        ns.ShouldContain("<a href=\"circle/index.html\">Circle</a>");
        ns.ShouldContain("<main id=\"content\">"); // still inside the built-in layout
        run.Site("api/acme.shapes/circle/index.html").ShouldContain("<h1><span class=\"kind\">class</span> Circle</h1>");
        run.Markdown("api/acme.shapes/README.md").ShouldContain("[Circle](circle/README.md) *(obsolete)* [source] — A round shape.");
        run.Diagnostics.ToList().ShouldNotContain(d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Emit_OverrideThatDoesNotCompile_ReportsFileAndLineAndUsesBuiltIn()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("html/type.hbs", "<h1>{{Name}}</h1>\n<ul>\n{{#each MemberGroups}}\n<li>{{Title}}</li>\n");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldHaveSingleItem();
        error.Id.ShouldBe("DG0201");
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        error.File.ShouldBe(file);
        error.Line.ShouldBe(3);
        error.ToCanonicalString().ShouldStartWith($"{file}(3): error DG0201:");
        run.Site("api/acme.shapes/circle/index.html").ShouldContain("<h1><span class=\"kind\">class</span> Circle</h1>");
    }

    [Fact]
    public void Emit_OverrideWithUnclosedMustache_ReportsHandlebarsPosition()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("markdown/member.hbs", "# {{Name}}\n\nText {{Type.Name\nmore\n");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Id == "DG0201").ShouldHaveSingleItem();
        error.File.ShouldBe(file);
        error.Line.ShouldBe(3);
        run.Markdown("api/acme.shapes/shape/area.md").ShouldContain("# Shape.Area method");
    }

    [Fact]
    public void Emit_OverrideFailingAtRuntime_ReportsOnceWithLineAndFallsBack()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("html/member.hbs", "<h1>{{Name}}</h1>\n\n{{shout Name}}\n");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Id == "DG0202").ShouldHaveSingleItem();
        error.File.ShouldBe(file);
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("shout");
        run.Site("api/acme.shapes/shape/area.html").ShouldContain("2 overloads");
    }

    [Theory]
    [InlineData("A\n{{> badge Badge}}\n{{#if Flag}}\nB\n{{/if}}\nC")] // standalone with a context, then a standalone block
    [InlineData("A\n{{> badge}}\n{{#if Flag}}\nB\n{{/if}}\nC")] // standalone without a context
    [InlineData("A {{> badge Badge}} B {{> badge Badge}}\nC")] // inside a line, twice
    [InlineData("{{#each Items}}- {{> badge this}}\n{{/each}}")] // in a loop, on `this`
    [InlineData("  {{> badge Badge}}\nA")] // indented standalone: left as a partial call
    [InlineData("{{> badge Badge}}")] // the whole template, no newline
    public void Render_InlinedPartials_MatchHandlebarsPartials(string page)
    {
        // Partial calls are inlined for speed; the output must stay what Handlebars' own partials give.
        const string badge = "{{#if Label}}[{{Label}}]{{/if}}\n{{#if Title}}({{Title}}){{/if}}";
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("markdown/_badge.hbs", badge + "\n");
        templates.Write("markdown/member.hbs", page);
        var diagnostics = new DiagnosticBag();
        var store = DocGen.Core.Emission.Rendering.TemplateStore.Load("markdown", templates.Path, null, diagnostics, reportShared: true);
        var model = new
        {
            Flag = true,
            Label = "outer",
            Title = "",
            Badge = new { Label = "source", Title = "From source" },
            Items = new object[] { new { Label = "a", Title = "t" }, new { Label = "", Title = "u" } },
        };

        var reference = HandlebarsDotNet.Handlebars.Create();
        reference.RegisterTemplate("badge", badge);
        var expected = new StringWriter();
        reference.Compile(new StringReader(page))(expected, model);

        store.Render("member", model, "test").ShouldBe(expected.ToString());
        diagnostics.ToList().ShouldBeEmpty();
    }

    [Fact]
    public void Emit_PartialOverrideFailingAtRuntime_ReportsItsLineAndFallsBack()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("html/_badge.hbs", "<b>\n{{shout Label}}</b>");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Id == "DG0202").ShouldHaveSingleItem();
        error.File.ShouldBe(file);
        error.Line.ShouldBe(2);
        run.Site("api/acme.shapes/circle/index.html").ShouldContain("<span class=\"badge");
    }

    [Fact]
    public void Emit_UnknownOverrideAndMissingFolder_AreReported()
    {
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("html/typo.hbs", "x");
        templates.Write("type.hbs", "x");
        using (var run = new EmitRun(SampleModel.Full(), templates.Path))
        {
            run.Diagnostics.ToList().Count(d => d.Id == "DG0206").ShouldBe(2);
        }
        using var missing = new EmitRun(SampleModel.Full(), Path.Combine(templates.Path, "nope"));
        missing.Diagnostics.ToList().Where(d => d.Id == "DG0205").ShouldHaveSingleItem();
        missing.Site("index.html").ShouldContain("Acme.Shapes");
    }

    [Fact]
    public void Emit_AssetInTemplatesFolder_ReplacesBuiltInAsset()
    {
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("html/assets/docgen.css", "body { background: hotpink; }");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);
        run.Site("assets/docgen.css").ShouldBe("body { background: hotpink; }");
        run.Site("assets/docgen.js").ShouldContain("DOCGEN_SEARCH");
        run.Diagnostics.ToList().ShouldNotContain(d => d.Id == "DG0206");
    }

    [Fact]
    public void Emit_AbsoluteSourcePathsUnderTheProject_AreShownRelative()
    {
        var projectDir = Path.Combine(Path.GetTempPath(), "proj-" + Guid.NewGuid().ToString("N")[..6]);
        var type = SampleModel.Type("Acme", "Thing", summary: "A thing.") with { Source = new DocGen.Core.Model.SourceLocation(Path.Combine(projectDir, "src", "Thing.cs"), 7) };
        using var run = new EmitRun(SampleModel.Of(type), projectPath: Path.Combine(projectDir, "Acme.csproj"));
        var html = run.Site("api/acme/thing/index.html");
        html.ShouldContain("src/Thing.cs:7");
        html.ShouldNotContain(projectDir);
    }

    [Fact]
    public void Emit_TwoRuns_ProduceByteIdenticalFiles()
    {
        using var first = new EmitRun(SampleModel.Full());
        using var second = new EmitRun(SampleModel.Full());
        var a = first.Files("", "*").Select(first.Relative).ToList();
        var b = second.Files("", "*").Select(second.Relative).ToList();
        b.ShouldBe(a);
        foreach (var relative in a)
            File.ReadAllBytes(Path.Combine(second.Root, relative)).ShouldBe(File.ReadAllBytes(Path.Combine(first.Root, relative)), relative);
    }

    [Fact]
    public void Emit_ThousandMembers_WritesEveryPageWithSharedNavigation()
    {
        // Speed is measured by build/bench.sh, not here. This checks what the per-folder link caches must keep true:
        // every page of a type lists all its members, with the current one marked, and every namespace.
        var model = SampleModel.Large(100, 10);
        using var run = new EmitRun(model);
        run.Files("site", "*.html").Count().ShouldBeGreaterThan(100 + 100 * 5);
        run.Diagnostics.ToList().ShouldNotContain(d => d.Id == "DG0203");
        var memberPages = run.Files("site", "*.html").Where(f => Path.GetFileName(Path.GetDirectoryName(f)) is "type0" or "type21" && Path.GetFileName(f) != "index.html").ToList();
        memberPages.ShouldNotBeEmpty();
        foreach (var page in memberPages)
        {
            var html = File.ReadAllText(page);
            var self = Path.GetFileName(page);
            html.ShouldContain($"<a href=\"{self}\" class=\"current\" aria-current=\"page\">");
            System.Text.RegularExpressions.Regex.Matches(html, "class=\"current\" aria-current=\"page\"").Count.ShouldBe(1);
            System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"method[0-9]+\\.html\"").Count.ShouldBe(5); // the type's five member names
            System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"\\.\\./\\.\\./big\\.ns[0-9]+/index\\.html\"").Select(m => m.Value).Distinct().Count().ShouldBe(19); // every other namespace
            html.ShouldContain("<a href=\"../index.html\""); // and its own
        }
    }
}

public sealed class EmitterContractTests
{
    [Fact]
    public void Emit_CancelledToken_ThrowsOperationCanceled()
    {
        using var dir = new DocGen.Tests.Shared.TempDirectory("docgen-cancel");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var context = new DocGen.Core.Emission.EmissionContext(SampleModel.Full(), new DocGen.Core.Inputs.ProjectInputs { AssemblyPath = "a.dll" },
            new DocGen.Core.Options.DocGenOptions { OutputPath = dir.Path }, new DocGen.Core.Output.OutputWriter(dir.Path), new DiagnosticBag(), cts.Token);
        Should.Throw<OperationCanceledException>(() => new DocGen.Core.Emission.HtmlSiteEmitter().Emit(context));
    }

    [Fact]
    public void Emit_EmptyModel_WritesHomeAndCoverageOnly()
    {
        using var run = new EmitRun(new DocGen.Core.Model.ApiModel([]));
        run.Site("index.html").ShouldContain("0 types and 0 members");
        run.Site("coverage.html").ShouldContain("Everything is documented.");
        run.Markdown("README.md").ShouldStartWith("# API");
        run.Diagnostics.ToList().ShouldBeEmpty();
    }
}
