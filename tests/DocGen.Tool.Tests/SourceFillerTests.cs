using System.Text;
using DocGen.Core.Diagnostics;
using DocGen.Core.Model;
using DocGen.Tests.Shared;
using DocGen.Tool.Commands;
using DocGen.Tool.Commands.Fill;

namespace DocGen.Tool.Tests;

/// <summary>The placement rules of <c>docgen fill</c>, on small files written for each rule.</summary>
public sealed class SourceFillerTests
{
    private static readonly DocComment Docs = new() { Summary = DocBlock.FromText("Generated text.") };

    private static FileFill Fill(string path, params FillItem[] items) =>
        SourceFiller.Create([], null).Fill(path, items, includeFallback: true, new DiagnosticBag());

    private static FillItem Item(string path, DeclarationKind kind, string name, int line, DocSource source = DocSource.Generated) =>
        new($"X:{name}", kind, name, new SourceLocation(path, line), Docs, new Provenance(source, "m"));

    [Fact]
    public void Fill_FieldDeclaringSeveralVariables_IsSkippedWithDG0022()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("A.cs", "public class A\n{\n    public int X, Y;\n}\n");
        var diagnostics = new DiagnosticBag();

        var result = SourceFiller.Create([], null).Fill(path, [Item(path, DeclarationKind.Field, "X", 3)], true, diagnostics);

        result.Edit.ShouldBeNull();
        diagnostics.ToList().ShouldHaveSingleItem().Id.ShouldBe("DG0022");
    }

    [Fact]
    public void Fill_DeclarationWithADocCommentTheCompilerDropped_IsNeverTouched()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("A.cs", "public class A\n{\n    /// <summary>Broken <b>markup</summary>\n    public int X;\n}\n");

        var result = Fill(path, Item(path, DeclarationKind.Field, "X", 4, DocSource.Fallback));

        result.Edit.ShouldBeNull();
        result.Lacking.ShouldBeEmpty("a person wrote a comment there, even if it is malformed");
    }

    [Fact]
    public void Fill_DeclarationSharingItsLine_IsSkippedWithDG0022()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("A.cs", "public class A { public int X; }\n");
        var diagnostics = new DiagnosticBag();

        var result = SourceFiller.Create([], null).Fill(path, [Item(path, DeclarationKind.Field, "X", 1)], true, diagnostics);

        result.Edit.ShouldBeNull();
        diagnostics.ToList().ShouldHaveSingleItem().Message.ShouldContain("does not start its line");
    }

    [Fact]
    public void Fill_DeclarationAfterADirective_GetsTheCommentBetweenDirectiveAndDeclaration()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("A.cs", "public class A\n{\n#if !NEVER\n    public int X;\n#endif\n}\n");

        var result = Fill(path, Item(path, DeclarationKind.Field, "X", 4));

        result.Edit!.NewText().ShouldBe("public class A\n{\n#if !NEVER\n    /// <summary>\n    /// Generated text.\n    /// </summary>\n    public int X;\n#endif\n}\n");
    }

    [Fact]
    public void Fill_FallbackDocsWithoutIncludeFallback_AreCountedButNotWritten()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("A.cs", "public class A\n{\n    public int X;\n}\n");

        var result = SourceFiller.Create([], null).Fill(path, [Item(path, DeclarationKind.Field, "X", 3, DocSource.Fallback)], includeFallback: false, new DiagnosticBag());

        result.Edit.ShouldBeNull();
        result.Lacking.ShouldHaveSingleItem();
    }

    [Fact]
    public void SourceWriter_FileWithByteOrderMark_KeepsIt()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("A.cs");
        File.WriteAllText(path, "public class A\n{\n    public int X;\n}\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var edit = Fill(path, Item(path, DeclarationKind.Field, "X", 3)).Edit!;

        SourceWriter.Write(path, edit.NewText());

        var bytes = File.ReadAllBytes(path);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes[3..]).ShouldContain("    /// Generated text.\n    /// </summary>\n    public int X;");
        Directory.GetFiles(temp.Path).ShouldBe([path], "no temp file is left behind");
    }

    [Fact]
    public void UnifiedDiff_InsertionsFarApart_AreSeparateHunksWithContext()
    {
        var old = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        var edit = new FileEdit("/x/F.cs", old, [new LineInsertion(2, ["new A"]), new LineInsertion(15, ["new B", "new C"])], "\n");

        var diff = edit.UnifiedDiff("F.cs");

        diff.ShouldBe("--- a/F.cs\n+++ b/F.cs\n@@ -1,5 +1,6 @@\n line 1\n line 2\n+new A\n line 3\n line 4\n line 5\n"
            + "@@ -13,6 +14,8 @@\n line 13\n line 14\n line 15\n+new B\n+new C\n line 16\n line 17\n line 18\n");
    }
}
