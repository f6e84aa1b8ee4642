using DocGen.Core.Diagnostics;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Extraction;

[Collection(SampleLibraryCollection.Name)]
public sealed class DocCommentExtractionTests(SampleLibraryFixture fixture)
{
    private const string Geo = "Sample.Library.Geometry.";

    [Fact]
    public void Extract_SummaryParamsReturnsExceptions_AreParsedWithReferences()
    {
        var add = fixture.Member("M:" + Geo + "Canvas.Add(Sample.Library.Geometry.IShape,Sample.Library.Geometry.ShapeStyle)");
        add.Provenance.ShouldBe(Provenance.FromSource);
        add.Docs.Summary!.ToPlainText().ShouldBe("Adds a shape with a style.");
        add.Docs.Params.Select(p => p.Name).ShouldBe(["shape", "style"]);
        add.Docs.Exceptions.Select(e => e.Cref).ShouldBe(["T:System.InvalidOperationException", "T:System.ObjectDisposedException"]);
        add.Docs.Exceptions[0].Content.Nodes.OfType<DocReference>().ShouldHaveSingleItem().Cref.ShouldBe("F:" + Geo + "Canvas.MaxShapes");

        var find = fixture.Member("M:" + Geo + "Canvas.TryFind(Sample.Library.Geometry.IShape,System.Int32@)");
        find.Docs.Returns!.Nodes.OfType<DocReference>().ShouldHaveSingleItem().Langword.ShouldBe("true");
        var visit = fixture.Member("M:" + Geo + "Canvas.Visit``1(Sample.Library.Geometry.ShapeVisitor{``0})");
        visit.Docs.TypeParams.ShouldHaveSingleItem().Name.ShouldBe("T");
        var index = fixture.Member("P:" + Geo + "Canvas.Item(System.Int32)");
        index.Docs.Summary!.Nodes.OfType<DocParamRef>().ShouldHaveSingleItem().Name.ShouldBe("index");
        index.Docs.Value!.ToPlainText().ShouldBe("The shape drawn at that position.");
        fixture.Member("M:Sample.Library.Collections.Lookup.Best``2(System.Collections.Generic.IEnumerable{``1},System.Func{``1,``0})")
            .Docs.TypeParams[1].Content.Nodes.OfType<DocTypeParamRef>().ShouldHaveSingleItem().Name.ShouldBe("TValue");
    }

    [Fact]
    public void Extract_Remarks_KeepListsTablesParagraphsAndLinks()
    {
        var canvas = fixture.Type("T:" + Geo + "Canvas");
        var lists = canvas.Docs.Remarks!.Nodes.OfType<DocList>().ToList();
        lists.Select(l => l.Kind).ShouldBe([DocListKind.Number, DocListKind.Table]);
        lists[0].Items.Length.ShouldBe(3);
        DocPlainText.Render(lists[1].Header!.Term!).ShouldBe("Style");
        lists[1].Items[0].Term!.Value.OfType<DocReference>().Single().Cref.ShouldBe("F:" + Geo + "ShapeStyle.Filled");
        var link = canvas.Docs.Remarks.Nodes.OfType<DocReference>().Single(r => r.Href is not null);
        link.Href.ShouldBe("https://en.wikipedia.org/wiki/Painter%27s_algorithm");
        DocPlainText.Render(link.Content).ShouldBe("the painter's algorithm");

        var ring = fixture.Type("T:Sample.Library.Collections.RingBuffer`1");
        ring.Docs.Remarks!.Nodes.OfType<DocParagraph>().Count().ShouldBe(2);
        ring.Docs.Remarks.Nodes.OfType<DocList>().Single().Kind.ShouldBe(DocListKind.Bullet);
        fixture.Type("T:" + Geo + "IShape").Docs.SeeAlso.ShouldHaveSingleItem().Cref.ShouldBe("T:" + Geo + "Shape");
    }

    [Fact]
    public void Extract_CodeBlocks_KeepLinesDedentedAndLanguage()
    {
        var shape = fixture.Type("T:" + Geo + "Shape");
        var code = shape.Docs.Remarks!.Nodes.OfType<DocCodeBlock>().ShouldHaveSingleItem();
        code.Language.ShouldBe("csharp");
        code.Text.ShouldBe("var shapes = new List<Shape> { new Circle(2), new Rectangle(1, 3) };\nshapes.Sort();\nforeach (var shape in shapes)\n    Console.WriteLine(shape);");
        var example = fixture.Type("T:" + Geo + "Circle").Docs.Examples.ShouldHaveSingleItem();
        example.Nodes.OfType<DocCodeBlock>().Single().Text.ShouldBe("var c = new Circle(2);\nConsole.WriteLine(c.Area); // 12.566...");
    }

    [Fact]
    public void Extract_Text_IsWhitespaceNormalised()
    {
        var summary = fixture.Type("T:" + Geo + "Canvas").Docs.Remarks!.Nodes.OfType<DocText>().First().Text;
        summary.ShouldBe("Drawing happens in three steps:");
        fixture.Model.AllTypes.SelectMany(t => t.Members.Append<object>(t)).ShouldNotBeEmpty();
        fixture.Model.AllMembers.Where(m => m.Docs.Summary is not null)
            .SelectMany(m => m.Docs.Summary!.Nodes.OfType<DocText>()).ShouldAllBe(t => !t.Text.Contains('\n') && !t.Text.Contains("  "));
    }

    [Fact]
    public void Extract_HostileHtml_StaysPlainTextNodes()
    {
        var escape = fixture.Member("M:Sample.Library.Text.Awkward.EscapeHtml(System.String)");
        escape.Docs.Summary!.Nodes.OfType<DocInlineCode>().ShouldHaveSingleItem().Text.ShouldBe("<script>alert(1)</script>");
        escape.Docs.Remarks!.ToPlainText().ShouldContain("<img src=x onerror=alert(1)>");
        escape.Docs.Remarks.ToPlainText().ShouldContain("& must become &amp;");
    }

    [Fact]
    public void Extract_InheritDoc_FollowsBaseInterfaceAndBcl()
    {
        // class → base (abstract, itself inheritdoc) → interface
        var area = fixture.Member("P:" + Geo + "Circle.Area");
        area.Provenance.ShouldBe(Provenance.Inherited);
        area.Docs.Summary!.ToPlainText().ShouldBe("Gets the area enclosed by the shape.");
        area.Docs.Value!.ToPlainText().ShouldBe("The area in square units; never negative.");
        // own remarks + inherited rest: own docs win, provenance stays Source
        var scale = fixture.Member("M:" + Geo + "Circle.Scale(System.Double)");
        scale.Provenance.ShouldBe(Provenance.FromSource);
        scale.Docs.Remarks!.ToPlainText().ShouldBe("The result is always a Circle.");
        scale.Docs.Summary!.ToPlainText().ShouldBe("Returns a copy of the shape scaled by factor.");
        scale.Docs.Exceptions.ShouldHaveSingleItem().Cref.ShouldBe("T:System.ArgumentOutOfRangeException");
        // BCL: from the reference pack's XML files
        var toString = fixture.Member("M:" + Geo + "Shape.ToString");
        toString.Provenance.ShouldBe(Provenance.Inherited);
        toString.Docs.Summary!.ToPlainText().ShouldNotBeNullOrWhiteSpace();
        fixture.Member("M:" + Geo + "Canvas.Dispose").Docs.Summary!.ToPlainText().ShouldContain("unmanaged resources");
        fixture.Member("M:" + Geo + "Shape.CompareTo(Sample.Library.Geometry.Shape)").Docs.Params.ShouldHaveSingleItem().Name.ShouldBe("other");
        fixture.Member("P:Sample.Library.Collections.RingBuffer`1.Newest").Docs.Exceptions.ShouldHaveSingleItem();
    }

    [Fact]
    public void Extract_InheritDocWithCrefAndPath_SelectsOnlyThatPart()
    {
        var scale = fixture.Member("M:" + Geo + "Rectangle.Scale(System.Double)");
        scale.Provenance.ShouldBe(Provenance.Inherited);
        scale.Docs.Summary!.ToPlainText().ShouldBe("Returns a copy of the shape scaled by factor.");
        scale.Docs.Returns.ShouldBeNull();
        scale.Docs.Exceptions.ShouldBeEmpty();
        fixture.Member("M:Sample.Library.Text.Awkward.Describe(System.Object)").Docs.Returns.ShouldNotBeNull();
    }

    [Fact]
    public void Extract_InheritDocCycle_WarnsAndLeavesMissing()
    {
        var loop = fixture.Member("M:Sample.Library.Text.Awkward.Loop1");
        loop.Provenance.ShouldBe(Provenance.Missing);
        fixture.Diagnostics.ShouldContain(d => d.Id == "DG0103" && d.Message.Contains("M:Sample.Library.Text.Awkward.Loop1"));
    }

    [Fact]
    public void Extract_MalformedDocComment_WarnsWithIdAndKeepsRawText()
    {
        var member = fixture.Member("M:Sample.Library.Text.Awkward.Malformed(System.Int32)");
        member.Docs.MalformedXml.ShouldNotBeNull();
        member.Docs.MalformedXml.ShouldContain("<b>bold tag is never closed.</summary>");
        member.Docs.Summary.ShouldBeNull();
        var warning = fixture.Diagnostics.Single(d => d.Id == "DG0101");
        warning.Message.ShouldContain("M:Sample.Library.Text.Awkward.Malformed(System.Int32)");
        warning.File!.ShouldEndWith("Awkward.cs");
        warning.Line.ShouldBe(member.Source!.Line);
        // Without sources the warning still names the member.
        fixture.LoneDllDiagnostics.ShouldContain(d => d.Id == "DG0101" && d.Message.Contains("Awkward.Malformed"));
    }

    [Fact]
    public void Extract_UnresolvedCref_KeepsBangPrefixAndReportsInfo()
    {
        var member = fixture.Member("M:Sample.Library.Text.Awkward.UnresolvedReference");
        member.Docs.Summary!.Nodes.OfType<DocReference>().ShouldHaveSingleItem().Cref.ShouldBe("!:DoesNotExist");
        fixture.Diagnostics.ShouldContain(d => d.Id == "DG0105" && d.Message.Contains("DoesNotExist"));
    }

    [Fact]
    public void Extract_UndocumentedMember_IsMissing()
    {
        var contains = fixture.Member("M:" + Geo + "Circle.Contains(Sample.Library.Geometry.Point)");
        contains.Provenance.ShouldBe(Provenance.Missing);
        contains.Docs.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Parse_DocXml_HandlesEveryTagShape()
    {
        var xml = System.Xml.Linq.XElement.Parse("""
            <member name="M:X.Y">
              <summary>
                First   line
                second <c>code</c> and <see langword="null"/>.
                <para>Para with <paramref name="a"/>.</para>
              </summary>
              <seealso href="https://example.com">site</seealso>
              <example><code>
                  a();
                    b();
              </code></example>
              <list type="bullet"><item>loose item</item></list>
            </member>
            """);
        var docs = DocGen.Core.Extraction.DocCommentParser.Parse(xml);
        docs.Summary!.Nodes[0].ShouldBe(new DocText("First line second "));
        docs.Summary.Nodes[1].ShouldBe(new DocInlineCode("code"));
        docs.Summary.Nodes.OfType<DocParagraph>().ShouldHaveSingleItem();
        docs.SeeAlso.ShouldHaveSingleItem().Href.ShouldBe("https://example.com");
        docs.Examples.ShouldHaveSingleItem().Nodes.OfType<DocCodeBlock>().Single().Text.ShouldBe("a();\n  b();");
    }
}

[Collection(SampleLibraryCollection.Name)]
public sealed class TypeInheritDocTests(SampleLibraryFixture fixture)
{
    [Fact]
    public void Extract_TypeInheritDocFromBclBase_TakesTheBaseSummaryAndKeepsOwnRemarks()
    {
        var type = fixture.Type("T:Sample.Library.Geometry.ShapeException");
        type.Docs.Summary!.ToPlainText().ShouldContain("errors");
        type.Docs.Remarks!.ToPlainText().ShouldBe("Thrown when a shape cannot be built from the values given.");
        type.Provenance.ShouldBe(Provenance.FromSource);
        var message = fixture.Member("P:Sample.Library.Geometry.ShapeException.Message");
        message.Provenance.ShouldBe(Provenance.Inherited);
        message.Docs.Summary!.ToPlainText().ShouldNotBeNullOrWhiteSpace();
    }
}

[Collection(SampleLibraryCollection.Name)]
public sealed class ImpliedAndNestedInheritDocTests(SampleLibraryFixture fixture)
{
    [Fact]
    public void Extract_UndocumentedOverride_InheritsImplicitly()
    {
        // Records synthesize ToString/Equals/GetHashCode: nobody documents them, the base members' docs apply.
        var toString = fixture.Member("M:Sample.Library.Geometry.Rectangle.ToString");
        toString.Provenance.ShouldBe(Provenance.Inherited);
        toString.Docs.Summary!.ToPlainText().ShouldNotBeNullOrWhiteSpace();
        fixture.Member("M:Sample.Library.Geometry.Point.Equals(Sample.Library.Geometry.Point)").Provenance.ShouldBe(Provenance.Inherited);
        // Nothing to inherit from, but the record's contract says what it does (issue 11): documented, never missing,
        // and no DG0104 noise for members that never asked.
        var deconstruct = fixture.Member("M:Sample.Library.Geometry.Rectangle.Deconstruct(System.Double@,System.Double@)");
        deconstruct.Provenance.ShouldBe(Provenance.Inherited);
        deconstruct.Docs.Summary!.ToPlainText().ShouldBe("Deconstructs the Rectangle into its positional values.");
        fixture.Diagnostics.ShouldNotContain(d => d.Id == "DG0104");
    }

    [Fact]
    public void Extract_InheritDocInsideSummary_SplicesTheSourceSection()
    {
        var create = fixture.Member("M:Sample.Library.Geometry.Square.Create(System.Double)");
        create.Docs.Summary!.ToPlainText().ShouldBe("Creates a shape whose largest extent is size. The result is always a Square.");
        create.Docs.Params.ShouldHaveSingleItem().Content.ToPlainText().ShouldBe("The side length.");
        create.ImplementedMemberIds.ShouldBe(["M:Sample.Library.Geometry.IShapeFactory`1.Create(System.Double)"]);
        create.Provenance.ShouldBe(Provenance.FromSource);
    }
}

public sealed class DocCommentParserTests
{
    [Fact]
    public void Parse_PathologicallyDeepNesting_FlattensInsteadOfOverflowing()
    {
        const int depth = 20_000;
        var xml = "<member><summary>" + string.Concat(Enumerable.Repeat("<para>", depth)) + "deep" + string.Concat(Enumerable.Repeat("</para>", depth)) + "</summary></member>";
        var element = System.Xml.Linq.XElement.Parse(xml);
        var docs = DocGen.Core.Extraction.DocCommentParser.Parse(element);
        docs.Summary!.ToPlainText().ShouldBe("deep");
    }

    [Fact]
    public void Parse_FormattingTags_KeepTheirTextAndSpacing()
    {
        var element = System.Xml.Linq.XElement.Parse("<member><summary>The <b>bold</b>, <i>italic</i> and<br/>next.</summary></member>");
        DocGen.Core.Extraction.DocCommentParser.Parse(element).Summary!.ToPlainText().ShouldBe("The bold, italic and next.");
    }
}

[Collection(SampleLibraryCollection.Name)]
public sealed class ParallelExtractionTests(SampleLibraryFixture fixture)
{
    [Fact]
    public void Extract_Again_GivesTheSameWarningsInTheSameOrderAndTheSameFingerprints()
    {
        // Types are extracted in parallel; their warnings are reported in type order, so builds log the same lines.
        var (model, diagnostics) = SampleLibraryFixture.Extract(fixture.Inputs);

        diagnostics.Select(d => d.ToCanonicalString()).ShouldBe(fixture.Diagnostics.Select(d => d.ToCanonicalString()));
        diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning).ShouldBeGreaterThan(2);
        model.AllMembers.Select(m => m.Id + " " + m.Fingerprint).ShouldBe(fixture.Model.AllMembers.Select(m => m.Id + " " + m.Fingerprint));
    }
}
