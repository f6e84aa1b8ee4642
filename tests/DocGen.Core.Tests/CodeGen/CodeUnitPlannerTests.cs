using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Code;

namespace DocGen.Core.Tests.CodeGen;

public sealed class CodeUnitPlannerTests
{
    private static CodeFilePlan File(string id, string name, params string[] deps) => new(id, name, "", [.. deps], [], [], []);

    [Fact]
    public void Plan_HostileFileName_IsDroppedWithDG0713AndOthersStayOrdered()
    {
        var spec = CodeSpec.Parse("specs/W.prompt.md", "x");
        var structure = new CodeStructure(new("csharp", CodeProjectType.MultiFile, "W"),
            [File("client", "Client.cs", "models", "evil"), File("evil", "../../Program.cs"), File("models", @"Models\Forecast.cs")]);
        var diagnostics = new DiagnosticBag();

        var plan = CodeUnitPlanner.Plan(spec, structure, diagnostics);

        plan.Select(f => f.FileName).ShouldBe(["Models/Forecast.cs", "Client.cs"]);
        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0713");
        d.File.ShouldBe("specs/W.prompt.md");
        d.Message.ShouldContain("file 'evil': '../../Program.cs' has an empty, '.' or '..' segment");
    }

    [Fact]
    public void Plan_SingleFileSpecWithSeveralFiles_ReportsDG0712()
    {
        var spec = CodeSpec.Parse("s.md", "---\nproject type: single_file\n---\nx");
        var diagnostics = new DiagnosticBag();

        CodeUnitPlanner.Plan(spec, new CodeStructure(new("csharp", CodeProjectType.MultiFile, ""), [File("a", "A.cs"), File("b", "B.cs")]), diagnostics).ShouldBeEmpty();

        diagnostics.ToList().ShouldHaveSingleItem().Id.ShouldBe("DG0712");
    }

    [Fact]
    public void Plan_PythonUnit_RejectsCSharpFile()
    {
        var spec = CodeSpec.Parse("s.md", "---\nlanguage: python\n---\nx");
        var diagnostics = new DiagnosticBag();

        var plan = CodeUnitPlanner.Plan(spec, new CodeStructure(new("python", CodeProjectType.MultiFile, ""), [File("a", "app.py"), File("b", "B.cs")]), diagnostics);

        plan.Select(f => f.Id).ShouldBe(["a"]);
        diagnostics.ToList().ShouldHaveSingleItem().Message.ShouldContain("does not have an extension for Python");
    }
}

public sealed class GeneratedFileSummaryTests
{
    [Fact]
    public void DescribeCSharp_File_ShowsCallableSurfaceWithoutBodies()
    {
        const string source = """
            using System.Net.Http.Json;

            namespace Acme.Weather;

            /// <summary>Forecast.</summary>
            public sealed record Forecast(string City, IReadOnlyList<Day> Days);

            public enum Units { Metric, Imperial }

            [Obsolete]
            public sealed class WeatherClient(HttpClient http) : IDisposable
            {
                private readonly int _secret = 42;
                public const string BaseUrl = "https://api.example.com/v1";
                public Units Units { get; set; } = Units.Metric;
                public string Name => "weather";
                public async Task<Forecast> GetAsync(string city, int days = 3, CancellationToken ct = default)
                {
                    return await http.GetFromJsonAsync<Forecast>($"{BaseUrl}/{city}?days={days}", ct) ?? throw new InvalidOperationException();
                }
                void Helper() { }
                public void Dispose() => http.Dispose();
                internal sealed class Cache { public int Size { get; private set; } }
                private sealed class Hidden { }
            }
            """;

        var summary = GeneratedFileSummary.DescribeCSharp("WeatherClient.cs", source);

        summary.ShouldBe("""
            // File: WeatherClient.cs
            namespace Acme.Weather
            public sealed record Forecast(string City, IReadOnlyList<Day> Days)
            public enum Units
            { Metric, Imperial }
            public sealed class WeatherClient(HttpClient http) : IDisposable
            {
                public const string BaseUrl = "https://api.example.com/v1";
                public Units Units { get; set; }
                public string Name { get; }
                public async Task<Forecast> GetAsync(string city, int days = 3, CancellationToken ct = default);
                public void Dispose();
                internal sealed class Cache
                {
                    public int Size { get; }
                }
            }

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void DescribePlan_ListsClassesAndSignatures() =>
        GeneratedFileSummary.DescribePlan(new CodeFilePlan("api", "src/api.ts", "", [], [], [new CodeFunction("get", "get(city: string): Promise<Forecast>")], ["Client"]))
            .ShouldBe("// File: src/api.ts\n// Classes: Client\n// Function: get(city: string): Promise<Forecast>\n");
}
