using System.Xml.Linq;
using DocGen.Core.Emission.Pages;
using DocGen.Core.Emission.Rendering;
using DocGen.Core.Extraction;
using DocGen.Core.Model;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Extraction;

/// <summary>The doc tags real libraries use: the safe HTML subset, Sandcastle's code sources, notes, thread safety, overloads (defect 8).</summary>
public sealed class RealWorldDocTagsTests
{
    private static readonly PageNames NoPages = new(new ApiModel([]));
    private static readonly RenderScope Scope = new(new IndexPage("index"), "M:X.Y", null);

    private static DocComment Parse(string inner, DocParseOptions? options = null) =>
        DocCommentParser.Parse(XElement.Parse("<member name=\"M:X.Y\">" + inner + "</member>"), options ?? new DocParseOptions());

    private static string Html(DocBlock? block) => new DocHtmlRenderer(new LinkResolver(NoPages, ".html", null), null).Render(block, Scope);

    private static string Markdown(DocBlock? block) => new DocMarkdownRenderer(new LinkResolver(NoPages, ".md", null), null).Render(block, Scope);

    [Fact]
    public void Parse_SafeHtmlSubset_IsRenderedAsStructure()
    {
        var docs = Parse("""
            <remarks>Intro <b>bold</b>, <strong>strong</strong>, <i>it</i>, <em>em</em>, H<sub>2</sub>O, x<sup>2</sup>, <tt>mono</tt>.<br/>Next line.
            <p>A paragraph with <a href="https://example.com/x">a link</a>.</p>
            <ul><li>one</li><li>two</li></ul>
            <ol><li>first</li></ol>
            <table><tr><th>Key</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr></table>
            <pre>  line 1
              line 2</pre></remarks>
            """);
        var html = Html(docs.Remarks);

        html.ShouldContain("<strong>bold</strong>");
        html.ShouldContain("<strong>strong</strong>");
        html.ShouldContain("<em>it</em>");
        html.ShouldContain("<em>em</em>");
        html.ShouldContain("H<sub>2</sub>O");
        html.ShouldContain("x<sup>2</sup>");
        html.ShouldContain("<code>mono</code>");
        html.ShouldContain(".<br>Next line.");
        html.ShouldContain("<p>A paragraph with <a href=\"https://example.com/x\" class=\"external\" rel=\"noopener\">a link</a>.</p>");
        html.ShouldContain("<ul><li>one</li><li>two</li></ul>");
        html.ShouldContain("<ol><li>first</li></ol>");
        html.ShouldContain("<table class=\"doc-table\"><tr><th>Key</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr></table>");
        html.ShouldContain("<pre><code>line 1\nline 2</code></pre>");

        var md = Markdown(docs.Remarks);
        md.ShouldContain("**bold**");
        md.ShouldContain("*it*");
        md.ShouldContain("- one\n- two");
        md.ShouldContain("| Key | Value |\n| --- | --- |\n| a | 1 |");
    }

    [Fact]
    public void Parse_OtherTags_AreShownEscapedAsTextNeverAsMarkup()
    {
        var docs = Parse("<summary>Before <script>alert('x')</script> and <div onclick=\"evil()\">inside</div> after.</summary>");
        docs.Summary!.ToPlainText().ShouldContain("<script>alert('x')</script>");
        var html = Html(docs.Summary);
        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        html.ShouldContain("&lt;div onclick=&quot;evil()&quot;&gt;inside&lt;/div&gt;");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<div");
        Markdown(docs.Summary).ShouldContain(@"\<script\>");
    }

    [Fact]
    public void Parse_SandcastleSections_NoteThreadSafetyAndOverloads()
    {
        var docs = Parse("""
            <summary>Text.<note type="caution">Be careful.</note></summary>
            <threadsafety static="true" instance="false"/>
            <overloads><summary>Adds things, in several ways.</summary></overloads>
            """);
        var html = Html(docs.Summary);
        html.ShouldContain("<div class=\"note note-caution\"><p class=\"note-title\">Caution</p>Be careful.</div>");
        Markdown(docs.Summary).ShouldContain("> **Caution:** Be careful.");
        docs.ThreadSafety!.ToPlainText().ShouldBe("Static members of this type are thread safe. Instance members of this type are not guaranteed to be thread safe.");
        docs.Overloads!.ToPlainText().ShouldBe("Adds things, in several ways.");
        Parse("<threadsafety>Immutable, so safe.</threadsafety>").ThreadSafety!.ToPlainText().ShouldBe("Immutable, so safe.");
    }

    [Fact]
    public void CodeSource_RegionOfAFileInTheRepository_IsTheExampleAndAMissingOneIsAWarningNotAnEmptyBox()
    {
        using var repo = new TempDirectory("docgen-code-source");
        Directory.CreateDirectory(repo.Combine(".git"));
        repo.Write("samples/Usage.cs", """
            class Usage
            {
                void Run()
                {
                    #region Create
                    var box = new Box();
                    #region Inner
                    box.Fill();
                    #endregion
                    #endregion
                }
            }
            """);
        repo.Write("outside.txt", "secret");
        var project = Directory.CreateDirectory(repo.Combine("src", "Lib")).FullName;
        var resolver = new CodeSourceResolver(project);
        var problems = new List<string>();
        var options = new DocParseOptions { LoadCodeSource = resolver.Load, ReportProblem = problems.Add };

        var docs = Parse("""
            <example><code source="..\..\samples\Usage.cs" region="Create" lang="cs"/></example>
            <example><code source="..\..\samples\Missing.cs" region="X"/></example>
            <example><code source="../../../../../etc/passwd"/></example>
            """, options);

        var example = docs.Examples.ShouldHaveSingleItem();
        var code = example.Nodes.OfType<DocCodeBlock>().ShouldHaveSingleItem();
        code.Text.ShouldBe("var box = new Box();\nbox.Fill();");
        code.Language.ShouldBe("cs");
        problems.Count.ShouldBe(2);
        problems[0].ShouldContain("Missing.cs");
        problems[1].ShouldContain("outside the project's repository");
    }

    [Fact]
    public void Extract_CodeSourceNotFound_IsAWarningNamingTheMember()
    {
        using var snippet = new Snippet("""
            namespace Cs;
            /// <summary>Thing.</summary>
            public class Thing
            {
                /// <summary>Runs.</summary>
                /// <example><code source="..\Docs\Samples.cs" region="Run"/></example>
                public void Run() { }
            }
            """);
        snippet.Diagnostics.ShouldContain(d => d.Id == "DG0109" && d.Message.Contains("M:Cs.Thing.Run") && d.Message.Contains("Samples.cs"));
        snippet.Member("M:Cs.Thing.Run").Docs.Examples.ShouldBeEmpty();
    }

    [Fact]
    public void Extract_CrefToAGenericNetType_LinkTextKeepsItsTypeParameters()
    {
        using var snippet = new Snippet("""
            namespace Gen;
            /// <summary>Wraps an <see cref="System.Collections.Generic.IEnumerable{T}"/> and calls <see cref="System.Collections.Generic.List{T}.Add(T)"/>.</summary>
            public class Wrapper { }
            """);
        var html = Html(snippet.Type("T:Gen.Wrapper").Docs.Summary);
        html.ShouldContain("<code>IEnumerable&lt;T&gt;</code>");
        html.ShouldContain("<code>List&lt;T&gt;.Add</code>");
    }

    [Fact]
    public void Extract_CrefToAnEnumValueOfAnotherAssembly_LinksTheEnumPageWithTheValuesAnchor()
    {
        using var snippet = new Snippet("""
            namespace En;
            /// <summary>Starts on <see cref="System.DayOfWeek.Monday"/>; see <see cref="string.Empty"/>.</summary>
            public class Week { }
            """);
        var docs = snippet.Type("T:En.Week").Docs;
        var html = Html(docs.Summary);
        html.ShouldContain("href=\"https://learn.microsoft.com/dotnet/api/system.dayofweek#system-dayofweek-monday\"");
        html.ShouldContain("href=\"https://learn.microsoft.com/dotnet/api/system.string.empty\"");
    }

    [Fact]
    public void Extract_ManyMalformedComments_OneSummaryWarningEachListedAsInfoAndNoCompilerNoteAsDocs()
    {
        var members = string.Join("\n", Enumerable.Range(0, 12).Select(i => $"    /// <summary>Broken {i} <b>unclosed</summary>\n    public void M{i}() {{ }}"));
        using var snippet = new Snippet("namespace Bad;\n/// <summary>Holder.</summary>\npublic class Holder\n{\n" + members + "\n}\n");

        snippet.Diagnostics.Where(d => d.Severity == DocGen.Core.Diagnostics.DiagnosticSeverity.Warning).ShouldHaveSingleItem().Id.ShouldBe("DG0110");
        snippet.Diagnostics.Count(d => d.Id == "DG0101" && d.Severity == DocGen.Core.Diagnostics.DiagnosticSeverity.Info).ShouldBe(12);
        snippet.Member("M:Bad.Holder.M3").Docs.MalformedXml!.ShouldContain("Broken 3");

        // Without the sources (a package's .dll and .xml), nothing of the comment survives: undocumented, not the compiler's note.
        var bag = new DocGen.Core.Diagnostics.DiagnosticBag();
        var lone = new RoslynApiExtractor().Extract(snippet.Inputs with { SourceFiles = [] }, new DocGen.Core.Options.DocGenOptions(), bag, CancellationToken.None);
        var m3 = lone.AllMembers.Single(m => m.Id == "M:Bad.Holder.M3");
        m3.Provenance.ShouldBe(Provenance.Missing);
        m3.Docs.IsEmpty.ShouldBeTrue();
    }
}
