using DocGen.Core.Generation.Code;

namespace DocGen.Core.Tests.CodeGen;

public sealed class CodeStructureParserTests
{
    internal const string ThreeFiles = """
        {"metadata":{"language":"csharp","projectType":"multi_file","projectName":"Weather"},
         "files":[
          {"id":"client","filename":"WeatherClient.cs","fileType":"service","dependencies":["models","units"],"imports":["System.Net.Http.Json"],
           "functions":[{"name":"GetAsync","signature":"Task<Forecast> GetAsync(string city)"}],"classes":[{"name":"WeatherClient"}]},
          {"id":"models","filename":"Models/Forecast.cs","fileType":"model","dependencies":["units"],"imports":[],"functions":[],"classes":[{"name":"Forecast"}]},
          {"id":"units","filename":"Models/Units.cs","fileType":"model","dependencies":[],"imports":[],"functions":[],"classes":[{"name":"Units"}]}
         ]}
        """;

    [Fact]
    public void Parse_ValidAnswer_ReturnsEveryField()
    {
        var result = CodeStructureParser.Parse(ThreeFiles);

        result.Errors.ShouldBeEmpty();
        var s = result.Structure!;
        s.Metadata.ShouldBe(new CodeStructureMetadata("csharp", CodeProjectType.MultiFile, "Weather"));
        s.Files.Select(f => f.Id).ShouldBe(["client", "models", "units"]);
        var client = s.Files[0];
        client.FileName.ShouldBe("WeatherClient.cs");
        client.Dependencies.ShouldBe(["models", "units"]);
        client.Imports.ShouldBe(["System.Net.Http.Json"]);
        client.Functions.ShouldHaveSingleItem().ShouldBe(new CodeFunction("GetAsync", "Task<Forecast> GetAsync(string city)"));
        client.Classes.ShouldBe(["WeatherClient"]);
    }

    [Fact]
    public void Parse_InsideMarkdownFence_IsAccepted() =>
        CodeStructureParser.Parse("```json\n" + ThreeFiles + "\n```").Succeeded.ShouldBeTrue();

    [Fact]
    public void Parse_TruncatedAnswer_IsReportedAsTruncatedNotMalformed()
    {
        var cut = ThreeFiles[..(ThreeFiles.Length / 2)];

        var result = CodeStructureParser.Parse(cut);

        result.Succeeded.ShouldBeFalse();
        result.IsTruncated.ShouldBeTrue();
        result.Errors.ShouldHaveSingleItem().ShouldContain("ends before its JSON is complete");
    }

    [Fact]
    public void Parse_MalformedJson_IsNotTruncated()
    {
        var result = CodeStructureParser.Parse("""{"metadata": {"language": "csharp",}, "files": [}""");

        result.IsTruncated.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().ShouldStartWith("the answer is not valid JSON");
    }

    [Fact]
    public void Parse_BadShape_ReportsEveryProblemWithItsPath()
    {
        var result = CodeStructureParser.Parse("""
            {"metadata":{"language":"csharp","projectType":"several"},
             "files":[
               {"id":"a","filename":"A.cs","dependencies":"b"},
               {"id":"a","filename":"a.cs","imports":[1]},
               {"filename":"C.cs","functions":[{"signature":"void X()"}]},
               "D.cs"
             ]}
            """);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBe([
            "metadata.projectType must be \"single_file\" or \"multi_file\", not \"several\"",
            "files[0].dependencies must be an array of strings, not a string",
            "files[1].id \"a\" is used by an earlier file",
            "files[1].filename \"a.cs\" repeats files[0].filename (names are compared ignoring case)",
            "files[1].imports[0] must be a non-empty string, not a number",
            "files[2].id is missing",
            "files[2].functions[0].name is missing",
            "files[3] must be an object, not a string",
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("", "the answer is empty")]
    [InlineData("[]", "the answer must be a JSON object, not an array")]
    [InlineData("""{"metadata":{"language":"csharp","projectType":"multi_file"}}""", "files is missing or not an array")]
    [InlineData("""{"metadata":{"language":"csharp","projectType":"multi_file"},"files":[]}""", "files is empty")]
    [InlineData("""{"files":[{"id":"a","filename":"A.cs"}]}""", "metadata is missing or not an object")]
    [InlineData("""{"metadata":{"language":"csharp","projectType":"single_file"},"files":[{"id":"a","filename":"A.cs"},{"id":"b","filename":"B.cs"}]}""", "single_file but files has 2 entries")]
    public void Parse_Invalid_ExplainsWhy(string json, string expected) =>
        CodeStructureParser.Parse(json).Errors.ShouldContain(e => e.Contains(expected));
}
