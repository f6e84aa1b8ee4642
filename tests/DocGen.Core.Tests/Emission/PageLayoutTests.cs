using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Emission.Pages;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Tests.Shared;
using DocGen.Core.Emission.Html;

namespace DocGen.Core.Tests.Emission;

/// <summary>Page paths are collision-free by construction, and one failing page never costs the rest of the site.</summary>
public sealed class PageLayoutTests
{
    // Names chosen to collide: a namespace page against a deeper namespace's folder (A.B / A.B.Html), a type
    // against a nested type (Index / Index.Html), a member against the folder page (Index, README), case twins,
    // device names, file extensions as names.
    private static readonly string[] NamespacePool = ["A", "A.B", "A.B.Html", "A.b", "a.B.html", "Index", "A.Index", "Con", "A.Md", "A.B.C", "README", ""];
    private static readonly string[] TypePool = ["Html", "html", "Index", "index", "README", "Readme", "Md", "Con", "Box", "Box`1", "B", "C", "Item"];
    private static readonly string[] MemberPool = ["Html", "Index", "index", "README", "Item", "#ctor", "op_Addition", "System#Collections#IList#Item", "Con", "Box", "html", "Md", "B"];

    [Fact]
    public void PageNames_GeneratedNameSets_NeverPutAFileWhereAFolderOrAnotherFileIs()
    {
        var random = new Random(20261125);
        for (var round = 0; round < 300; round++)
        {
            var model = RandomModel(random);
            var pages = new PageNames(model);
            foreach (var extension in new[] { ".html", ".md" })
            {
                var links = new LinkResolver(pages, extension, null);
                var files = pages.All.Select(links.FileOf).ToList();
                files.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(files.Count, $"round {round}: two pages share a file");
                var folders = files.SelectMany(Folders).ToHashSet(StringComparer.OrdinalIgnoreCase);
                files.ShouldNotContain(f => folders.Contains(f), $"round {round}: a page file is also a folder");
                var writer = new OutputWriter(Path.GetTempPath());
                foreach (var file in files) Should.NotThrow(() => writer.Resolve("site/" + file), file);
            }
            foreach (var type in model.AllTypes)
            {
                pages.Find(type.Id).ShouldNotBeNull();
                foreach (var member in type.Members) pages.Find(member.Id).ShouldNotBeNull();
            }
        }
    }

    [Fact]
    public void Emit_NamespaceBesideDeeperNamespaceAndNestedTypeNamedHtml_WritesTheWholeSite()
    {
        // The pages of Markdig (Markdig.Renderers and Markdig.Renderers.Html) and AngleSharp (AngleSharp and AngleSharp.Html)
        // once needed one path as a file and as a folder: DirectoryNotFoundException, and a site without assets.
        var index = SampleModel.Type("A.B", "Index", summary: "The index.", members: SampleModel.Member("M:{T}.Html", "Html", "Html()", ApiMemberKind.Method, "Html."));
        var nested = SampleModel.Type("A.B", "Index.Html", summary: "Nested.") with { Id = "T:A.B.Index.Html", ContainingTypeId = "T:A.B.Index" };
        var model = SampleModel.Of(index, nested, SampleModel.Type("A.B.Html", "Renderer", summary: "Renders."), SampleModel.Type("A", "Html", summary: "A type."));
        using var run = new EmitRun(model);

        run.Diagnostics.ToList().ShouldNotContain(d => d.Severity == DiagnosticSeverity.Error);
        run.Site("api/a.b/index.html").ShouldContain("Index");
        run.Site("api/a.b.html/index.html").ShouldContain("Renderer");
        run.Site("api/a.b/index/index.html").ShouldContain("The index.");
        run.Site("api/a.b/index/html/index.html").ShouldContain("Nested.");
        run.Site("api/a.b/index/html.html").ShouldContain("Html()");
        run.Markdown("api/a.b/index/README.md").ShouldContain("The index.");
        File.Exists(Path.Combine(run.Root, "site", "assets", "docgen.css")).ShouldBeTrue();
    }

    [Fact]
    public void Emit_OnePageCannotBeWritten_ReportsThatPageAndWritesEverythingElse()
    {
        using var dir = new TempDirectory("docgen-page-failure");
        // A folder where one page's file should go (the old collision's shape): that page is left alone and named,
        // and the other pages, the assets and the search index are still written.
        Directory.CreateDirectory(Path.Combine(dir.Path, "site", "api", "acme.shapes", "circle", "index.html"));
        var options = new DocGenOptions { OutputPath = dir.Path, Formats = OutputFormats.Html, OutputForce = true };
        using var writer = new OutputWriter(dir.Path, new System.IO.Abstractions.FileSystem(), new OutputWriterOptions { Force = true });
        var diagnostics = new DiagnosticBag();
        var context = new EmissionContext(SampleModel.Full(), new ProjectInputs { AssemblyPath = "Acme.dll" }, options, writer, diagnostics, CancellationToken.None);

        new HtmlSiteEmitter().Emit(context);
        OutputDiagnostics.Report(writer, diagnostics);

        var failure = diagnostics.ToList().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldHaveSingleItem();
        failure.Id.ShouldBe("DG0308");
        failure.Message.ShouldContain("site/api/acme.shapes/circle/index.html");
        File.Exists(Path.Combine(dir.Path, "site", "assets", "docgen.css")).ShouldBeTrue();
        File.Exists(Path.Combine(dir.Path, "site", "search-index.js")).ShouldBeTrue();
        File.Exists(Path.Combine(dir.Path, "site", "api", "acme.shapes", "shape", "index.html")).ShouldBeTrue();
        File.Exists(Path.Combine(dir.Path, "site", "index.html")).ShouldBeTrue();
    }

    [Fact]
    public void PageNames_SeveralConversionOperators_PageIsTitledByWhatItHolds()
    {
        var money = SampleModel.Type("A", "Money", members: [
            SampleModel.Member("M:{T}.op_Implicit(A.Money)~System.Int32", "implicit operator int", "implicit operator int(Money)", ApiMemberKind.ConversionOperator),
            SampleModel.Member("M:{T}.op_Implicit(A.Money)~System.String", "implicit operator string", "implicit operator string(Money)", ApiMemberKind.ConversionOperator),
            SampleModel.Member("M:{T}.op_Explicit(A.Money)~System.Double", "explicit operator double", "explicit operator double(Money)", ApiMemberKind.ConversionOperator)]);
        var pages = new PageNames(SampleModel.Of(money));

        ((MemberPage)pages.Find("M:A.Money.op_Implicit(A.Money)~System.Int32")!.Page).Name.ShouldBe("implicit operator");
        ((MemberPage)pages.Find("M:A.Money.op_Explicit(A.Money)~System.Double")!.Page).Name.ShouldBe("explicit operator double");
    }

    private static IEnumerable<string> Folders(string file)
    {
        for (var i = file.IndexOf('/'); i >= 0; i = file.IndexOf('/', i + 1)) yield return file[..i];
    }

    private static ApiModel RandomModel(Random random)
    {
        var types = new List<TypeModel>();
        foreach (var ns in NamespacePool.Where(_ => random.Next(3) > 0))
            foreach (var name in TypePool.Where(_ => random.Next(4) == 0))
                AddType(ns, null, name, 0);
        return SampleModel.Of([.. types]);

        void AddType(string ns, TypeModel? outer, string name, int depth)
        {
            var id = outer is null ? "T:" + (ns.Length == 0 ? "" : ns + ".") + name : outer.Id + "." + name;
            if (types.Any(t => t.Id == id)) return;
            var members = MemberPool.Where(_ => random.Next(4) == 0)
                .Select(m => SampleModel.Member("M:{T}." + m + "(System.Int32)", m, m + "(int)", ApiMemberKind.Method))
                .ToArray();
            var type = SampleModel.Type(ns, name, members: members) with { Id = id, ContainingTypeId = outer?.Id };
            type = type with { Members = [.. type.Members.Select(m => m with { Id = "M:" + id[2..] + "." + m.Name + "(System.Int32)", ContainingTypeId = id })] };
            types.Add(type);
            if (depth < 2)
                foreach (var child in TypePool.Where(_ => random.Next(6) == 0)) AddType(ns, type, child, depth + 1);
        }
    }
}
