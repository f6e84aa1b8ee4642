using DocGen.Core.Extraction;
using DocGen.Core.Model;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Extraction;

[Collection(SampleLibraryCollection.Name)]
public sealed class SourceAndFingerprintTests(SampleLibraryFixture fixture)
{
    private const string RenderId = "M:Sample.Library.Geometry.Canvas.Render(System.String,System.Int32)";

    [Fact]
    public void Extract_WithSources_LocatesDeclarationsByLine()
    {
        var render = fixture.Member(RenderId);
        render.Source!.Path.ShouldEndWith(Path.Combine("Geometry", "Canvas.cs"));
        var lines = File.ReadAllLines(render.Source.Path);
        lines[render.Source.Line - 1].ShouldContain("public string Render(");
        render.DeclarationText!.ShouldStartWith("public string Render(string title = DefaultTitle, int indent = 2)");
        render.DeclarationText.ShouldNotContain("///");
        render.DeclarationText.ShouldContain("\n{\n    var pad"); // dedented to the declaration's column

        var type = fixture.Type("T:Sample.Library.Geometry.Canvas");
        File.ReadAllLines(type.Source!.Path)[type.Source.Line - 1].ShouldContain("public class Canvas");
        // Positional record parameters and primary constructors point at the type's header.
        fixture.Member("P:Sample.Library.Geometry.Rectangle.Width").Source!.Line.ShouldBe(fixture.Type("T:Sample.Library.Geometry.Rectangle").Source!.Line);
        fixture.Member("M:Sample.Library.Text.TextExtensions.Words(System.String)").DeclarationText!.ShouldStartWith("public int Words()");
    }

    [Fact]
    public void Extract_DefineConstants_SelectTheCompiledBranch()
    {
        fixture.Member("P:Sample.Library.Text.Awkward.Extras").DeclarationText.ShouldBe("public static bool Extras => true;");
    }

    [Fact]
    public void Extract_Twice_GivesIdenticalFingerprints()
    {
        var (again, _) = SampleLibraryFixture.Extract(fixture.Inputs);
        again.AllMembers.Select(m => m.Fingerprint).ShouldBe(fixture.Model.AllMembers.Select(m => m.Fingerprint));
        again.AllTypes.Select(t => t.Fingerprint).ShouldBe(fixture.Model.AllTypes.Select(t => t.Fingerprint));
        fixture.Model.AllMembers.ShouldAllBe(m => m.Fingerprint.Length == 64);
        fixture.Model.AllMembers.Select(m => m.Fingerprint).ShouldBeUnique();
    }

    [Fact]
    public void Extract_BodyEdit_ChangesOnlyThatMembersFingerprint()
    {
        var edited = ExtractWithEditedCanvas(text => text.Replace("var pad = new string(' ', indent);", "var pad = new string('\\t', indent);"));
        edited[RenderId].ShouldNotBe(fixture.Member(RenderId).Fingerprint);
        edited["M:Sample.Library.Geometry.Canvas.Clear"].ShouldBe(fixture.Member("M:Sample.Library.Geometry.Canvas.Clear").Fingerprint);
    }

    [Fact]
    public void Extract_WhitespaceAndCommentEdit_KeepsFingerprint()
    {
        var edited = ExtractWithEditedCanvas(text => text.Replace("var pad = new string(' ', indent);", "// padding first\n        var   pad =\n            new string(' ', indent); /* spaces */"));
        edited[RenderId].ShouldBe(fixture.Member(RenderId).Fingerprint);
    }

    [Fact]
    public void Normalize_CommentsAndLayout_AreIgnoredButCodeIsNot()
    {
        var a = SourceNormalizer.Normalize("public int Add(int a, int b)\n{\n    return a + b; // sum\n}");
        var b = SourceNormalizer.Normalize("public int Add(int a,int b) { /* sum */ return a+b; }");
        a.ShouldBe(b);
        a.ShouldBe("public int Add ( int a , int b ) { return a + b ; }");
        SourceNormalizer.Normalize("var s = \"a  b\";").ShouldContain("\"a  b\"");
        SourceNormalizer.Normalize("return a - b;").ShouldNotBe(SourceNormalizer.Normalize("return a + b;"));
        SourceNormalizer.Normalize(null).ShouldBe("");
    }

    private Dictionary<string, string> ExtractWithEditedCanvas(Func<string, string> edit)
    {
        using var temp = new TempDirectory("docgen-edit");
        var sources = fixture.Inputs.SourceFiles.Select(path =>
        {
            if (!path.EndsWith("Canvas.cs", StringComparison.Ordinal)) return path;
            var original = File.ReadAllText(path);
            var changed = edit(original);
            changed.ShouldNotBe(original);
            return temp.Write("Canvas.cs", changed);
        }).ToList();
        var (model, _) = SampleLibraryFixture.Extract(fixture.Inputs with { SourceFiles = [.. sources] });
        return model.AllMembers.ToDictionary(m => m.Id, m => m.Fingerprint);
    }
}
