using DocGen.Core.Diagnostics;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Emission;

public sealed class TemplateTests
{
    [Fact]
    public void Emit_OverrideTemplateByName_ChangesOnlyThatTemplatesOutput()
    {
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("html/namespace.sbn", "<h1>Custom {{ name }}</h1>{{ for g in groups }}{{ for t in g.items }}<a href=\"{{ t.url }}\">{{ t.name }}</a>{{ end }}{{ end }}");
        templates.Write("markdown/_badge.sbn", "[{{ $1.label }}]\n");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var ns = run.Site("api/acme.shapes/index.html");
        ns.ShouldContain("<h1>Custom Acme.Shapes</h1>");
        ns.ShouldContain("<a href=\"circle/index.html\">Circle</a>");
        ns.ShouldContain("<main id=\"content\">"); // still inside the built-in layout
        run.Site("api/acme.shapes/circle/index.html").ShouldContain("<h1><span class=\"kind\">class</span> Circle</h1>");
        run.Markdown("api/acme.shapes/README.md").ShouldContain("[Circle](circle/README.md) *(obsolete)* [source] — A round shape.");
        run.Diagnostics.ToList().ShouldNotContain(d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("type.scriban")]
    [InlineData("type.sbn-html")]
    public void Emit_OverrideWithOtherScribanExtension_IsUsed(string fileName)
    {
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("html/" + fileName, "<h1>Typed {{ name }}</h1>");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        run.Site("api/acme.shapes/circle/index.html").ShouldContain("<h1>Typed Circle</h1>");
        run.Diagnostics.ToList().ShouldNotContain(d => d.Id.StartsWith("DG020") && d.Id != "DG0203" && d.Id != "DG0204");
    }

    [Fact]
    public void Emit_OverrideThatDoesNotParse_ReportsFileLineAndColumnAndUsesBuiltIn()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("html/type.sbn", "<h1>{{ name }}</h1>\n<ul>\n{{ for g in member_groups }}\n<li>{{ g.title }}</li>\n");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldHaveSingleItem();
        error.Id.ShouldBe("DG0201");
        error.File.ShouldBe(file);
        error.Line.ShouldBe(4); // Scriban's span: the last statement of the block that has no end
        error.Column.ShouldNotBeNull();
        error.Message.ShouldContain("<end>");
        error.ToCanonicalString().ShouldStartWith($"{file}(4,{error.Column}): error DG0201:");
        run.Site("api/acme.shapes/circle/index.html").ShouldContain("<h1><span class=\"kind\">class</span> Circle</h1>");
    }

    [Fact]
    public void Emit_OverrideWithStrayBrace_ReportsItsPosition()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("markdown/member.sbn", "# {{ name }}\n\nText {{ type.name }\nmore\n");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Id == "DG0201").ShouldHaveSingleItem();
        error.File.ShouldBe(file);
        error.Line.ShouldBe(3);
        error.Column.ShouldBe(19); // the stray '}'
        run.Markdown("api/acme.shapes/shape/area.md").ShouldContain("# Shape.Area method");
    }

    [Fact]
    public void Emit_OverrideFailingAtRuntime_ReportsOnceWithLineAndFallsBack()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("html/member.sbn", "<h1>{{ name }}</h1>\n\n{{ shout name }}\n");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Id == "DG0202").ShouldHaveSingleItem();
        error.File.ShouldBe(file);
        error.Line.ShouldBe(3);
        error.Column.ShouldBe(4);
        error.Message.ShouldContain("shout");
        run.Site("api/acme.shapes/shape/area.html").ShouldContain("2 overloads");
    }

    [Fact]
    public void Emit_OverrideWithMisspeltField_IsAnErrorNotAHole()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("html/namespace.sbn", "<h1>{{ nmae }}</h1>");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Id == "DG0202").ShouldHaveSingleItem();
        error.File.ShouldBe(file);
        error.Message.ShouldContain("nmae");
        run.Site("api/acme.shapes/index.html").ShouldContain("<h1><span class=\"kind\">namespace</span> Acme.Shapes</h1>");
    }

    [Fact]
    public void Emit_OverrideThatNeverEnds_IsStoppedAndFallsBack()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("html/_badge.sbn", "{{ for i in 0..100000000 }}{{ end }}");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Id == "DG0202").ShouldHaveSingleItem();
        error.File.ShouldBe(file);
        error.Message.ShouldContain("LoopLimit");
        run.Site("api/acme.shapes/circle/index.html").ShouldContain("<span class=\"badge badge-source\"");
    }

    [Fact]
    public void Emit_PartialOverrideFailingAtRuntime_ReportsItsLineAndFallsBack()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("html/_badge.sbn", "<b>\n{{ shout $1.label }}</b>");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Id == "DG0202").ShouldHaveSingleItem();
        error.File.ShouldBe(file);
        error.Line.ShouldBe(2);
        run.Site("api/acme.shapes/circle/index.html").ShouldContain("<span class=\"badge");
    }

    [Fact]
    public void Emit_OverrideIncludingUnknownPartial_NamesTheKnownOnes()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("html/index.sbn", "<h1>{{ title }}</h1>\n{{ include 'footer' }}");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Id == "DG0202").ShouldHaveSingleItem();
        error.File.ShouldBe(file);
        error.Line.ShouldBe(2);
        error.Message.ShouldContain("footer");
        error.Message.ShouldContain("badge, docs, header, namespaces, sidebar");
        run.Site("index.html").ShouldContain("<h2>Namespaces</h2>");
    }

    [Fact]
    public void Emit_OverrideOfPartial_IsUsedByBuiltInPagesThroughInclude()
    {
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("html/_badge.sbn", "<i data-kind=\"{{ $1.label }}\">{{ $1.text }}</i>\n");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var type = run.Site("api/acme.shapes/circle/index.html");
        type.ShouldContain("<i data-kind=\"source\">source</i></p>"); // the final newline of a partial file is dropped
        type.ShouldNotContain("class=\"badge badge-");
        run.Diagnostics.ToList().ShouldNotContain(d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Emit_DependenciesOverride_SeesThePackagesNotPreRenderedMarkup()
    {
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("markdown/dependencies.sbn", "{{ for p in direct }}- {{ p.id }} {{ p.version }} ({{ p.license }}){{ end }}\n{{ projects.size }} projects\n");
        var dependencies = new DocGen.Core.Model.DependencySet
        {
            ProjectName = "Acme",
            TargetFramework = "net10.0",
            Dependencies =
            [
                new DocGen.Core.Model.ResolvedDependency
                {
                    Id = "Json_Lib", Version = "2.0.1", IsDirect = true,
                    License = new DocGen.Core.Model.PackageLicense(DocGen.Core.Model.LicenseKind.Expression, "MIT", null),
                },
            ],
        };
        using var run = new EmitRun(SampleModel.Full(), templates.Path, dependencies: dependencies);

        var page = run.Markdown("dependencies.md");
        page.ShouldContain("- Json\\_Lib 2.0.1 (MIT)\n0 projects\n"); // plain text, escaped by the Markdown template
        run.Site("dependencies.html").ShouldContain("<h2>Direct packages</h2>"); // the site still uses the built-in one
        run.Diagnostics.ToList().ShouldNotContain(d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Emit_AssigningToAModelField_IsAnError()
    {
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("html/index.sbn", "{{ title = \"x\" }}{{ title }}");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        run.Diagnostics.ToList().Where(d => d.Id == "DG0202").ShouldHaveSingleItem();
    }

    [Fact]
    public void Emit_UnknownOverrideAndMissingFolder_AreReported()
    {
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("html/typo.sbn", "x");
        templates.Write("type.sbn", "x");
        templates.Write("html/README.md", "notes");
        using (var run = new EmitRun(SampleModel.Full(), templates.Path))
        {
            run.Diagnostics.ToList().Count(d => d.Id == "DG0206").ShouldBe(2);
        }
        using var missing = new EmitRun(SampleModel.Full(), Path.Combine(templates.Path, "nope"));
        missing.Diagnostics.ToList().Where(d => d.Id == "DG0205").ShouldHaveSingleItem();
        missing.Site("index.html").ShouldContain("Acme.Shapes");
    }

    [Fact]
    public void Emit_HandlebarsOverride_IsAnErrorPointingAtTheMigrationAndIgnored()
    {
        using var templates = new TempDirectory("docgen-templates");
        var file = templates.Write("html/type.hbs", "<h1>{{Name}}</h1>");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);

        var error = run.Diagnostics.ToList().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldHaveSingleItem();
        error.Id.ShouldBe("DG0208");
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        error.File.ShouldBe(file);
        error.Message.ShouldContain("type.sbn");
        error.Message.ShouldContain("docs/templates.md");
        run.Site("api/acme.shapes/circle/index.html").ShouldContain("<h1><span class=\"kind\">class</span> Circle</h1>");
    }

    [Fact]
    public void Emit_AssetInTemplatesFolder_ReplacesBuiltInAsset()
    {
        using var templates = new TempDirectory("docgen-templates");
        templates.Write("html/assets/docgen.css", "body { background: hotpink; }");
        using var run = new EmitRun(SampleModel.Full(), templates.Path);
        run.Site("assets/docgen.css").ShouldBe("body { background: hotpink; }");
        run.Site("assets/docgen-search.js").ShouldContain("DOCGEN_SEARCH");
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

/// <summary>The worked examples of docs/templates.md are real files that render.</summary>
public sealed class TemplateExampleTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(DocGen.Tests.Shared.Fixtures.RepositoryRoot, "docs", "templates.md"));

    [Fact]
    public void Emit_CustomHomePageExample_RendersInsideTheLayout()
    {
        var folder = Path.Combine(DocGen.Tests.Shared.Fixtures.FixturesRoot, "templates");
        var model = SampleModel.Of(SampleModel.Type("Acme", "Good", summary: "Fine."), SampleModel.Type("Acme", "Better", summary: "Finer."), SampleModel.Type("Acme.Bare", "Raw"));
        using var run = new EmitRun(model, folder);

        var home = run.Site("index.html");
        home.ShouldContain("<p class=\"lead\">3 types in 2 namespaces, 66.7% documented (<a href=\"coverage.html\">details</a>).</p>");
        home.ShouldContain("<ul class=\"namespace-cards\">\n  <li>\n    <a href=\"api/acme/index.html\">Acme</a>\n    <span class=\"meter\" style=\"--p:100\"></span>\n    2 types\n  </li>\n");
        home.ShouldContain("  <li class=\"needs-docs\">\n    <a href=\"api/acme.bare/index.html\">Acme.Bare</a>\n    <span class=\"meter\" style=\"--p:0\"></span>\n    1 type\n  </li>\n</ul>");
        home.ShouldContain("<main id=\"content\">");
        run.Diagnostics.ToList().ShouldNotContain(d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("templates/html/index.sbn")]
    [InlineData("Models.Lib/templates/models.ts.sbn")]
    [InlineData("Models.Lib/templates/api-summary.md.sbn")]
    public void Docs_WorkedExample_QuotesTheTestedTemplate(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(DocGen.Tests.Shared.Fixtures.FixturesRoot, fixture)).Replace("\r\n", "\n").TrimEnd();
        Docs.Replace("\r\n", "\n").ShouldContain(text, customMessage: $"docs/templates.md must show {fixture} as it is");
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
        Should.Throw<OperationCanceledException>(() => new DocGen.Core.Emission.Html.HtmlSiteEmitter().Emit(context));
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
