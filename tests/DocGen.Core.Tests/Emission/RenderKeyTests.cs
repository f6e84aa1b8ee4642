using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Emission.Html;
using DocGen.Core.Emission.Markdown;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Emission;

/// <summary>
/// Incremental rendering: a run renders only the pages whose render key (their view models, the templates, DocGen's
/// build) changed or whose file is not what DocGen wrote; the others are kept (counted in <see cref="OutputSummary.Reused"/>).
/// </summary>
public sealed class RenderKeyTests : IDisposable
{
    private readonly TempDirectory _dir = new("docgen-render-keys");

    public void Dispose() => _dir.Dispose();

    private sealed record Outcome(OutputSummary Summary, IReadOnlyList<OutputProblem> Problems, DiagnosticBag Diagnostics);

    private Outcome Emit(ApiModel model, string? templates = null)
    {
        var options = new DocGenOptions { OutputPath = _dir.Path, TemplatesDirectory = templates, Formats = OutputFormats.Html | OutputFormats.Markdown };
        using var writer = new OutputWriter(_dir.Path);
        var diagnostics = new DiagnosticBag();
        var context = new EmissionContext(model, new ProjectInputs { AssemblyPath = "Acme.dll" }, options, writer, diagnostics, CancellationToken.None);
        new HtmlSiteEmitter().Emit(context);
        new MarkdownEmitter().Emit(context);
        var summary = writer.Complete();
        return new Outcome(summary, writer.Problems, diagnostics);
    }

    private int PageCount() =>
        Directory.EnumerateFiles(Path.Combine(_dir.Path, "site"), "*.html", SearchOption.AllDirectories).Count()
        + Directory.EnumerateFiles(Path.Combine(_dir.Path, "markdown"), "*.md", SearchOption.AllDirectories).Count();

    private Dictionary<string, string> Snapshot() => Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(_dir.Path, f).Replace('\\', '/'), File.ReadAllText);

    private static ApiModel WithSummary(ApiModel model, string memberId, string summary) => model with
    {
        Assemblies = [.. model.Assemblies.Select(a => a with
        {
            Namespaces = [.. a.Namespaces.Select(n => n with
            {
                Types = [.. n.Types.Select(t => t with
                {
                    Members = [.. t.Members.Select(m => m.Id == memberId ? m with { Docs = m.Docs with { Summary = SampleModel.Text(summary) } } : m)],
                })],
            })],
        })],
    };

    private string PagePath(string format, string needle) =>
        Snapshot().Keys.Single(k => k.StartsWith(format + "/", StringComparison.Ordinal) && k.Contains(needle, StringComparison.Ordinal));

    [Fact]
    public void Emit_NothingChanged_RendersNoPageAndWritesNothing()
    {
        Emit(SampleModel.Full()).Summary.Reused.ShouldBe(0);
        var pages = PageCount();

        var again = Emit(SampleModel.Full());

        again.Summary.Reused.ShouldBe(pages);
        again.Summary.Written.ShouldBe(0);
        again.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Emit_OneDocCommentEdited_RendersExactlyTheTypeAndMemberPagesOfEachFormat()
    {
        var sides = $"F:{SampleModel.Ns}.Shape.Sides";
        Emit(SampleModel.Full());
        var before = Snapshot();
        var pages = PageCount();

        var edited = Emit(WithSummary(SampleModel.Full(), sides, "How many sides the shape has."));

        // The member's own page and its type's page (which lists the summary), in HTML and in Markdown: 4 pages.
        edited.Summary.Reused.ShouldBe(pages - 4);
        var after = Snapshot();
        var changed = after.Where(f => !before.TryGetValue(f.Key, out var old) || old != f.Value).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        var sidesPages = changed.Where(c => c.Contains("sides", StringComparison.OrdinalIgnoreCase)).ToList();
        sidesPages.Count.ShouldBe(2);
        changed.ShouldContain(PagePath("site", "search-index"));
        changed.Where(c => !c.StartsWith('.') && !c.Contains("search-index", StringComparison.Ordinal)).Count().ShouldBe(4, string.Join(", ", changed));
        after[sidesPages.Single(p => p.StartsWith("site/", StringComparison.Ordinal))].ShouldContain("How many sides the shape has.");
    }

    [Fact]
    public void Emit_PageEditedByTheUser_IsRenderedAgainAndKeptWithAWarning()
    {
        Emit(SampleModel.Full());
        var page = Path.Combine(_dir.Path, PagePath("site", "shape/sides"));
        File.AppendAllText(page, "<!-- mine -->");
        var pages = PageCount();

        var again = Emit(SampleModel.Full());

        again.Summary.Reused.ShouldBe(pages - 1);
        again.Problems.ShouldContain(new OutputProblem(OutputProblemKind.Modified, page));
        File.ReadAllText(page).ShouldEndWith("<!-- mine -->");
    }

    [Fact]
    public void Emit_PageDeleted_IsRenderedAndWrittenAgain()
    {
        Emit(SampleModel.Full());
        var page = Path.Combine(_dir.Path, PagePath("markdown", "shape/sides"));
        var text = File.ReadAllText(page);
        File.Delete(page);
        var pages = PageCount() + 1;

        var again = Emit(SampleModel.Full());

        again.Summary.Reused.ShouldBe(pages - 1);
        again.Summary.Written.ShouldBe(1);
        File.ReadAllText(page).ShouldBe(text);
    }

    [Fact]
    public void Emit_TemplateOverrideAdded_RendersEveryPageOfThatFormat()
    {
        Emit(SampleModel.Full());
        var markdownPages = Directory.EnumerateFiles(Path.Combine(_dir.Path, "markdown"), "*.md", SearchOption.AllDirectories).Count();
        using var templates = new TempDirectory("docgen-render-keys-templates");
        Directory.CreateDirectory(Path.Combine(templates.Path, "html"));
        var layout = DocGen.Core.Emission.Rendering.TemplateSources.Embedded("html")["layout"];
        File.WriteAllText(Path.Combine(templates.Path, "html", "layout.sbn"), layout.Replace("</body>", "<!-- custom --></body>", StringComparison.Ordinal));

        var again = Emit(SampleModel.Full(), templates.Path);

        again.Summary.Reused.ShouldBe(markdownPages);
        File.ReadAllText(Path.Combine(_dir.Path, "site", "index.html")).ShouldContain("<!-- custom -->");
    }

    [Fact]
    public void Emit_RenderKeysTamperedWith_AreNotTrustedAndEveryPageIsRendered()
    {
        Emit(SampleModel.Full());
        var keys = Path.Combine(_dir.Path, ".docgen-render-html.txt");
        File.Exists(keys).ShouldBeTrue();
        // Claim that a page which will change is current: a run that believed this would keep a stale page.
        File.WriteAllText(keys, File.ReadAllText(keys) + "\n");
        var sides = $"F:{SampleModel.Ns}.Shape.Sides";

        var again = Emit(WithSummary(SampleModel.Full(), sides, "Edited while the keys were tampered with."));

        again.Problems.ShouldContain(new OutputProblem(OutputProblemKind.Modified, keys));
        File.ReadAllText(Path.Combine(_dir.Path, PagePath("site", "shape/sides"))).ShouldContain("Edited while the keys were tampered with.");
        var markdownPages = Directory.EnumerateFiles(Path.Combine(_dir.Path, "markdown"), "*.md", SearchOption.AllDirectories).Count();
        again.Summary.Reused.ShouldBe(markdownPages - 2);
    }
}
