using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Code;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.CodeGen;

public sealed class CodeSpecTests
{
    [Fact]
    public void Parse_FrontMatter_ReadsEveryKeyAndBody()
    {
        var spec = CodeSpec.Parse("specs/Weather.prompt.md",
            "---\r\nlanguage: csharp\r\nnamespace: Acme.Weather\r\nproject type: multi_file\r\ntarget: Clients/Http\r\n---\r\n# Weather client\r\n\r\nA typed client.\r\n");

        spec.Language.ShouldBe(CodeLanguage.CSharp);
        spec.Namespace.ShouldBe("Acme.Weather");
        spec.ProjectType.ShouldBe(CodeProjectType.MultiFile);
        spec.Target.ShouldBe("Clients/Http");
        spec.UnitName.ShouldBe("Weather");
        spec.Body.ShouldBe("# Weather client\n\nA typed client.");
        spec.BodyStartLine.ShouldBe(7);
    }

    [Fact]
    public void Parse_NoFrontMatter_UsesDefaults()
    {
        var spec = CodeSpec.Parse("Client.md", "Write a client.");

        spec.Language.ShouldBe(CodeLanguage.CSharp);
        spec.ProjectType.ShouldBe(CodeProjectType.MultiFile);
        spec.Namespace.ShouldBeNull();
        spec.Target.ShouldBeNull();
        spec.UnitName.ShouldBe("Client");
    }

    [Theory]
    [InlineData("projectType: single_file", CodeProjectType.SingleFile)]
    [InlineData("Project-Type: \"single-file\"", CodeProjectType.SingleFile)]
    [InlineData("project_type: multi_file", CodeProjectType.MultiFile)]
    public void Parse_KeySpellings_AreOneKey(string line, CodeProjectType expected) =>
        CodeSpec.Parse("a.md", $"---\n{line}\n---\nx").ProjectType.ShouldBe(expected);

    [Theory]
    [InlineData("ts", CodeLanguage.TypeScript)]
    [InlineData("Python", CodeLanguage.Python)]
    [InlineData("C#", CodeLanguage.CSharp)]
    [InlineData("javascript", CodeLanguage.JavaScript)]
    public void Parse_LanguageAliases_Normalise(string value, CodeLanguage expected) =>
        CodeSpec.Parse("a.md", $"---\nlanguage: {value}\n---\nx").Language.ShouldBe(expected);

    [Theory]
    [InlineData("---\nlanguage: csharp\nno closing fence", "no closing '---'", 1)]
    [InlineData("---\nlanguage: cobol\n---\nx", "language 'cobol' is not supported", 2)]
    [InlineData("---\n\nlanguage csharp\n---\nx", "is not 'key: value'", 3)]
    [InlineData("---\nlangauge: csharp\n---\nx", "unknown front matter key 'langauge'", 2)]
    [InlineData("---\nlanguage: csharp\nlanguage: python\n---\nx", "appears twice", 3)]
    [InlineData("---\nnamespace: Acme Weather\n---\nx", "is not a C# namespace name", 2)]
    [InlineData("---\ntarget: ../../src\n---\nx", "target '../../src' is rejected", 2)]
    [InlineData("---\ntarget: /etc\n---\nx", "rooted path", 2)]
    [InlineData("---\nlanguage: csharp\n---\n  \n", "has no text", 4)]
    public void Parse_Invalid_ThrowsWithLine(string text, string expected, int line)
    {
        var ex = Should.Throw<CodeSpecException>(() => CodeSpec.Parse("s.md", text));

        ex.Message.ShouldContain(expected);
        ex.Line.ShouldBe(line);
    }

    [Fact]
    public void Load_MissingSpec_ReportsDG0710NamingIt()
    {
        var diagnostics = new DiagnosticBag();

        CodeSpec.Load("specs/Nope.prompt.md", diagnostics).ShouldBeNull();

        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0710");
        d.Severity.ShouldBe(DiagnosticSeverity.Error);
        d.ToCanonicalString().ShouldBe("specs/Nope.prompt.md: error DG0710: The code spec 'specs/Nope.prompt.md' does not exist");
    }

    [Fact]
    public void Load_InvalidSpec_ReportsDG0711WithLine()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("Bad.prompt.md", "---\nlanguage: cobol\n---\nx");
        var diagnostics = new DiagnosticBag();

        CodeSpec.Load(path, diagnostics).ShouldBeNull();

        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0711");
        d.File.ShouldBe(path);
        d.Line.ShouldBe(2);
    }

    [Fact]
    public void Fingerprint_ChangesWithBodyAndOptionsNotWithPathOrLineEndings()
    {
        var a = CodeSpec.Parse("specs/A.md", "---\nlanguage: csharp\n---\nWrite it.\n");
        var moved = CodeSpec.Parse("other/A.md", "---\r\nlanguage: csharp\r\n---\r\nWrite it.\r\n");
        var edited = CodeSpec.Parse("specs/A.md", "---\nlanguage: csharp\n---\nWrite it twice.\n");
        var otherNs = CodeSpec.Parse("specs/A.md", "---\nlanguage: csharp\nnamespace: X\n---\nWrite it.\n");

        moved.Fingerprint.ShouldBe(a.Fingerprint);
        edited.Fingerprint.ShouldNotBe(a.Fingerprint);
        otherNs.Fingerprint.ShouldNotBe(a.Fingerprint);
        a.Fingerprint.Length.ShouldBe(64);
    }
}
