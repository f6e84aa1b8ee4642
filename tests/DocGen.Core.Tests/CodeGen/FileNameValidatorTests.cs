using DocGen.Core.Generation.Code;

namespace DocGen.Core.Tests.CodeGen;

public sealed class FileNameValidatorTests
{
    [Theory]
    [InlineData("Client.cs")]
    [InlineData("Models/Forecast.cs")]
    [InlineData(@"Models\Units.cs")]
    [InlineData("Wetter/Größe.cs")]
    public void Validate_SaneCSharpName_IsAccepted(string name) => FileNameValidator.Validate(name, CodeLanguage.CSharp).ShouldBeNull();

    [Theory]
    [InlineData("/etc/passwd.cs", "rooted")]
    [InlineData(@"C:\Windows\x.cs", "rooted")]
    [InlineData(@"\\server\share\x.cs", "rooted")]
    [InlineData("~/x.cs", "rooted")]
    [InlineData("../../Program.cs", "'..'")]
    [InlineData("Models/../../x.cs", "'..'")]
    [InlineData("./x.cs", "'.'")]
    [InlineData("a//b.cs", "empty")]
    [InlineData("CON.cs", "reserved device name")]
    [InlineData("Models/aux.cs", "reserved device name")]
    [InlineData("lpt1", "reserved device name")]
    [InlineData("file.cs:stream", "invalid in file names")]
    [InlineData("what?.cs", "invalid in file names")]
    [InlineData("tab\there.cs", "invalid in file names")]
    [InlineData("evil\u202Egnp.cs", "invisible formatting character U+202E")]
    [InlineData("trailing.cs.", "ends with '.'")]
    [InlineData(" lead.cs", "white space")]
    [InlineData("x.exe", "does not have an extension for CSharp")]
    [InlineData("Makefile", "does not have an extension")]
    [InlineData(".editorconfig", "hidden")]
    [InlineData("", "empty")]
    [InlineData("a/b/c/d/e/f/g/h/i/j.cs", "deeper than 8")]
    public void Validate_HostileName_IsRejectedWithReason(string name, string reason) =>
        FileNameValidator.Validate(name, CodeLanguage.CSharp).ShouldNotBeNull().ShouldContain(reason);

    [Fact]
    public void Validate_SegmentOver255Bytes_IsRejected()
    {
        var name = new string('é', 128) + ".cs"; // 256 bytes of é, plus the extension

        FileNameValidator.Validate(name, CodeLanguage.CSharp).ShouldNotBeNull().ShouldContain("255 bytes");
    }

    [Theory]
    [InlineData("src/index.ts", CodeLanguage.TypeScript, true)]
    [InlineData("src/index.py", CodeLanguage.TypeScript, false)]
    [InlineData("app.py", CodeLanguage.Python, true)]
    [InlineData("package.json", CodeLanguage.TypeScript, false)]
    [InlineData("requirements.txt", CodeLanguage.Python, false)]
    [InlineData("lib.mjs", CodeLanguage.JavaScript, true)]
    public void Validate_ExtensionFitsLanguage(string name, CodeLanguage language, bool accepted) =>
        (FileNameValidator.Validate(name, language) is null).ShouldBe(accepted);

    [Theory]
    [InlineData("specs/Weather.prompt.md", "Weather")]
    [InlineData(@"specs\Client.md", "Client")]
    [InlineData("specs/my spec!.prompt.md", "my_spec_")]
    [InlineData("specs/CON.prompt.md", "_CON")]
    [InlineData("specs/...md", "unit")]
    [InlineData("specs/Wetter.Größe.md", "Wetter.Gr__e")]
    public void UnitFolderName_FromSpecPath_IsSafe(string spec, string expected) =>
        FileNameValidator.UnitFolderName(spec).ShouldBe(expected);

    [Fact]
    public void UnitFolderName_LongNames_AreCutAndKeptDistinct()
    {
        var a = FileNameValidator.UnitFolderName("specs/" + new string('a', 300) + "1.md");
        var b = FileNameValidator.UnitFolderName("specs/" + new string('a', 300) + "2.md");

        a.Length.ShouldBeLessThanOrEqualTo(64);
        a.ShouldNotBe(b);
        FileNameValidator.ValidateFolder(a).ShouldBeNull();
    }

    [Fact]
    public void OutputRelativePath_IncludesUnitAndTarget()
    {
        var spec = CodeSpec.Parse("specs/Weather.prompt.md", "---\ntarget: Http\n---\nx");

        FileNameValidator.OutputRelativePath(spec, @"Models\Forecast.cs").ShouldBe("code/Weather/Http/Models/Forecast.cs");
    }
}
