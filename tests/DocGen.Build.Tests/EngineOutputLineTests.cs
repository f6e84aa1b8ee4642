namespace DocGen.Build.Tests;

public sealed class EngineOutputLineTests
{
    [Fact]
    public void Parse_WarningWithLineAndColumn_KeepsFileCodeAndPosition()
    {
        var line = EngineOutputLine.Parse("src/Lib/Greeter.cs(12,5): warning DG0101: <see cref=\"Nope\"/> does not resolve");

        line.Kind.ShouldBe(EngineLineKind.Warning);
        line.Code.ShouldBe("DG0101");
        line.File.ShouldBe("src/Lib/Greeter.cs");
        (line.Line, line.Column).ShouldBe((12, 5));
        line.Message.ShouldBe("<see cref=\"Nope\"/> does not resolve");
    }

    [Fact]
    public void Parse_ErrorWithLineOnly_HasNoColumn()
    {
        var line = EngineOutputLine.Parse("/abs/templates/type.hbs(7): error DG0201: unclosed block");

        line.Kind.ShouldBe(EngineLineKind.Error);
        line.File.ShouldBe("/abs/templates/type.hbs");
        (line.Line, line.Column).ShouldBe((7, 0));
    }

    [Fact]
    public void Parse_WindowsPathWithDriveColon_KeepsWholePath()
    {
        var line = EngineOutputLine.Parse(@"C:\src\Lib\A.cs(3,1,3,9): warning DG0102: text: with colon");

        line.File.ShouldBe(@"C:\src\Lib\A.cs");
        (line.Line, line.Column, line.EndLine, line.EndColumn).ShouldBe((3, 1, 3, 9));
        line.Message.ShouldBe("text: with colon");
    }

    [Fact]
    public void Parse_DocgenOrigin_HasNoFile()
    {
        var line = EngineOutputLine.Parse("docgen: error DG0001: DocGenFormats: unknown format 'pdf' (expected html, markdown, manifest)");

        line.Kind.ShouldBe(EngineLineKind.Error);
        line.File.ShouldBeNull();
        line.Code.ShouldBe("DG0001");
        line.Message.ShouldBe("DocGenFormats: unknown format 'pdf' (expected html, markdown, manifest)");
    }

    [Fact]
    public void Append_IndentedContinuationLines_JoinTheMessage()
    {
        var line = EngineOutputLine.Parse("docgen: error DG0009: Internal error: boom");

        EngineOutputLine.IsContinuation("    at X.Y()").ShouldBeTrue();
        EngineOutputLine.IsContinuation("DocGen: 1 types").ShouldBeFalse();
        line.Append("    at X.Y()");

        line.IsDiagnostic.ShouldBeTrue();
        line.Message.ShouldBe("Internal error: boom\nat X.Y()");
    }

    [Theory]
    [InlineData("DocGen: 312 types, 1264 members, 97% documented → /abs/obj/Debug/net10.0/docgen/site", "Summary")]
    [InlineData("docgen: info DG0401: 12 cache hits", "Info")]
    [InlineData("Reading Calc.dll…", "Text")]
    [InlineData("    at DocGen.Core.Pipeline.DocGenPipeline.RunAsync()", "Text")]
    [InlineData("", "Text")]
    public void Parse_OtherLines_AreClassified(string text, string kind) =>
        EngineOutputLine.Parse(text).Kind.ToString().ShouldBe(kind);
}
