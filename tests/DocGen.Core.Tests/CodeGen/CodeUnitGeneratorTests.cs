using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Code;
using DocGen.Core.Generation.Continuation;
using DocGen.Core.Options;
using DocGen.Core.Tests.Generation;

namespace DocGen.Core.Tests.CodeGen;

public sealed class CodeUnitGeneratorTests : IDisposable
{
    private readonly FakeOpenAIServer _server = new();
    private readonly EngineHarness _h = new();
    private readonly CodeUnitScript _script = new();
    private readonly string _spec;

    public CodeUnitGeneratorTests()
    {
        _script.Attach(_server);
        _spec = _h.Temp.Write("specs/Weather.prompt.md", WeatherUnit.Spec);
    }

    public void Dispose()
    {
        _server.Dispose();
        _h.Dispose();
    }

    private string UnitFolder => Path.Combine(_h.OutputPath, "code", "Weather");

    private async Task<(CodeUnitResult Result, IReadOnlyList<Diagnostic> Diagnostics)> RunAsync(DocGenOptions? options = null, string? spec = null, CodeProject? project = null)
    {
        var diagnostics = new DiagnosticBag();
        var generator = new CodeUnitGenerator(_h.Settings);
        var result = await generator.GenerateAsync(spec ?? _spec,
            new CodeUnitContext(options ?? _h.Options(_server), _h.OutputPath, project ?? new CodeProject("Fixture"), diagnostics));
        return (result, diagnostics.ToList());
    }

    private static string Read(string path) => File.ReadAllText(path).Replace("\r\n", "\n");

    [Fact]
    public async Task GenerateAsync_TokenBudgetTooSmall_SendsNothingAndFailsTheUnit()
    {
        var (result, diagnostics) = await RunAsync(_h.Options(_server) with { TokenBudget = 10 });

        _server.Requests.ShouldBeEmpty("the code units share the run's token budget");
        result.Succeeded.ShouldBeFalse();
        result.Files.ShouldBeEmpty();
        diagnostics.ShouldContain(d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("the token budget ran out"));
    }

    [Fact]
    public async Task GenerateAllAsync_TwoRuns_ReportTheirRequestsThenTheirCacheHits()
    {
        var generator = new CodeUnitGenerator(_h.Settings);
        var context = new CodeUnitContext(_h.Options(_server), _h.OutputPath, new CodeProject("Fixture"), new DiagnosticBag());

        var first = await generator.GenerateAllAsync([_spec], context);
        var second = await generator.GenerateAllAsync([_spec], context);

        (first.Report.Units, first.Report.Files, first.Report.Requests, first.Report.CacheMisses).ShouldBe((1, 3, 4, 4));
        first.Report.TokensByUseCase.Keys.ShouldBe(["code_content", "code_structure"]);
        first.Report.Provider.ShouldBe("openai");
        (second.Report.Requests, second.Report.CacheHits, second.Report.CacheMisses).ShouldBe((0, 4, 0));
    }

    [Fact]
    public async Task GenerateAsync_ThreeFileChain_AsksInDependencyOrderShowingEarlierDeclarations()
    {
        var (result, diagnostics) = await RunAsync();

        diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
        var prompts = _server.Requests.Select(r => r.Prompt).ToList();
        prompts.Count.ShouldBe(4);
        CodeUnitScript.IsStructure(prompts[0]).ShouldBeTrue();
        prompts.Skip(1).Select(CodeUnitScript.FileOf).ShouldBe(["Models/Forecast.cs", "Sources/IForecastSource.cs", "WeatherClient.cs"]);
        prompts[0].ShouldContain("All types go in the namespace Acme.Weather.");
        prompts[1].ShouldNotContain("Files already written (their declarations)");
        prompts[2].ShouldContain("// File: Models/Forecast.cs");
        prompts[2].ShouldContain("public sealed record Forecast(string City, IReadOnlyList<DailyForecast> Days)");
        prompts[3].ShouldContain("public interface IForecastSource");
        prompts[3].ShouldContain("Forecast Get(string city, int days);");
        prompts[3].ShouldNotContain("Enumerable.Range", customMessage: "bodies of earlier files are not shown");

        result.Files.ShouldBe([
            Path.Combine(UnitFolder, "Models", "Forecast.cs"),
            Path.Combine(UnitFolder, "Sources", "IForecastSource.cs"),
            Path.Combine(UnitFolder, "WeatherClient.cs")]);
        Read(Path.Combine(UnitFolder, "WeatherClient.cs")).ShouldBe(WeatherUnit.Client + "\n");
        Read(Path.Combine(UnitFolder, "Models", "Forecast.cs")).ShouldBe(WeatherUnit.Models + "\n");
    }

    [Fact]
    public async Task GenerateAsync_SecondRunAndOfflineRun_ServedFromCacheWithZeroRequests()
    {
        await RunAsync();
        var first = _server.Requests.Count;
        var stamp = new DateTime(2021, 5, 5, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(UnitFolder, "WeatherClient.cs"), stamp);

        var (second, secondDiagnostics) = await RunAsync();
        var (offline, offlineDiagnostics) = await RunAsync(_h.Options(_server) with { Provider = ProviderKind.None });

        _server.Requests.Count.ShouldBe(first, "neither the second nor the offline run asks the model");
        second.Requests.ShouldBe(0);
        second.CacheHits.ShouldBe(4);
        offline.Succeeded.ShouldBeTrue(string.Join("\n", offlineDiagnostics));
        offline.Files.Length.ShouldBe(3);
        secondDiagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ShouldBeEmpty();
        File.GetLastWriteTimeUtc(Path.Combine(UnitFolder, "WeatherClient.cs")).ShouldBe(stamp, "an unchanged file is not rewritten");
    }

    [Fact]
    public async Task GenerateAsync_ChangedSpec_AsksAgain()
    {
        await RunAsync();
        var first = _server.Requests.Count;
        File.AppendAllText(_spec, "\n- Days are at most 14.\n");

        var (result, _) = await RunAsync();

        result.Requests.ShouldBe(4);
        _server.Requests.Count.ShouldBe(first + 4);
    }

    [Fact]
    public async Task GenerateAsync_DependencyCycle_WarnsNamingTheEdgeAndStillGenerates()
    {
        _script.Structure = WeatherUnit.Structure.Replace("\"dependencies\":[]", "\"dependencies\":[\"client\"]");

        var (result, diagnostics) = await RunAsync();

        var cycle = diagnostics.Where(d => d.Id == "DG0714").ShouldHaveSingleItem();
        cycle.Severity.ShouldBe(DiagnosticSeverity.Warning);
        cycle.File.ShouldBe(_spec);
        cycle.Message.ShouldContain("'models' is generated without seeing 'client'");
        cycle.Message.ShouldContain("→");
        result.Succeeded.ShouldBeTrue();
        result.Files.Length.ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_SyntaxErrorThenFixed_RetriesOnceWithTheErrors()
    {
        _script.Files["Models/Forecast.cs"] = new Queue<string>([WeatherUnit.Models.Replace("double MaxCelsius);", "double MaxCelsius"), WeatherUnit.Models]);

        var (result, diagnostics) = await RunAsync();

        result.Succeeded.ShouldBeTrue(string.Join("\n", diagnostics));
        var modelPrompts = _server.Requests.Select(r => r.Prompt).Where(p => CodeUnitScript.FileOf(p) == "Models/Forecast.cs").ToList();
        modelPrompts.Count.ShouldBe(2);
        modelPrompts[0].ShouldNotContain("did not parse");
        modelPrompts[1].ShouldContain("Your previous answer for this file did not parse");
        modelPrompts[1].ShouldContain("Line 7, column");
        Read(Path.Combine(UnitFolder, "Models", "Forecast.cs")).ShouldBe(WeatherUnit.Models + "\n");

        // The fixed file is cached under the first request's key: the next run needs no retry.
        var (again, _) = await RunAsync();
        again.Requests.ShouldBe(0);
    }

    [Fact]
    public async Task GenerateAsync_SyntaxErrorTwice_ReportsDG0717AtTheSpecAndWritesNoBrokenFile()
    {
        _script.Files["Sources/IForecastSource.cs"] = new Queue<string>(["namespace Acme.Weather; public interface IForecastSource { Forecast Get(string city int days); }"]);

        var (result, diagnostics) = await RunAsync();

        var error = diagnostics.Where(d => d.Id == "DG0717").ShouldHaveSingleItem();
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        error.File.ShouldBe(_spec);
        error.Message.ShouldContain("Sources/IForecastSource.cs");
        error.Message.ShouldContain("Line 1, column");
        _server.Requests.Count(r => CodeUnitScript.FileOf(r.Prompt) == "Sources/IForecastSource.cs").ShouldBe(2);
        result.Succeeded.ShouldBeFalse();
        File.Exists(Path.Combine(UnitFolder, "Sources", "IForecastSource.cs")).ShouldBeFalse();
        // The client after it still sees what the broken file was meant to declare.
        _server.Requests.Last().Prompt.ShouldContain("// Classes: IForecastSource, FixedForecastSource");
    }

    [Theory]
    [InlineData("../../x.cs", "'..' segment")]
    [InlineData("CON.cs", "reserved device name")]
    [InlineData("/tmp/evil.cs", "rooted path")]
    [InlineData("C:/evil.cs", "rooted path")]
    public async Task GenerateAsync_HostileFileName_RejectsItAndWritesNothingOutside(string hostile, string reason)
    {
        _script.Structure = WeatherUnit.Structure.Replace("\"WeatherClient.cs\"", System.Text.Json.JsonSerializer.Serialize(hostile));
        _script.Files[hostile] = new Queue<string>([WeatherUnit.Client]);
        var before = Directory.GetFiles(_h.Temp.Path, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(_h.OutputPath, StringComparison.Ordinal) && !f.StartsWith(_h.CacheDirectory, StringComparison.Ordinal)).ToList();

        var (result, diagnostics) = await RunAsync();

        var rejected = diagnostics.Where(d => d.Id == "DG0713").ShouldHaveSingleItem();
        rejected.Severity.ShouldBe(DiagnosticSeverity.Error);
        rejected.File.ShouldBe(_spec);
        rejected.Message.ShouldContain(reason);
        result.Succeeded.ShouldBeFalse();
        _server.Requests.ShouldNotContain(r => CodeUnitScript.FileOf(r.Prompt) == hostile);
        result.Files.ShouldAllBe(f => f.StartsWith(UnitFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        result.Files.Length.ShouldBe(2);
        var after = Directory.GetFiles(_h.Temp.Path, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(_h.OutputPath, StringComparison.Ordinal) && !f.StartsWith(_h.CacheDirectory, StringComparison.Ordinal)).ToList();
        after.ShouldBe(before);
        File.Exists("/tmp/evil.cs").ShouldBeFalse();
    }

    [Fact]
    public async Task GenerateAsync_TruncatedStructure_IsContinuedAndCompleted()
    {
        var full = WeatherUnit.Structure;
        var cut = full.IndexOf("Sources/IForecastSource.cs", StringComparison.Ordinal) + 5;
        var first = full[..cut];
        _server.Enqueue(Scripted.Json(first, "length"), Scripted.Json(ContinuationPrompt.Tail(first) + full[cut..]));

        var (result, diagnostics) = await RunAsync();

        result.Succeeded.ShouldBeTrue(string.Join("\n", diagnostics));
        _server.Requests[1].Prompt.ShouldContain("--- CONTINUATION REQUEST ---");
        _server.Requests[1].Prompt.ShouldContain(CodeStructure.JsonTemplate);
        _server.Requests.Count.ShouldBe(5);
        result.Files.Length.ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_TruncatedStructureThatCannotBeCompleted_ReportsDG0720AndWritesNothing()
    {
        var first = WeatherUnit.Structure[..200];
        _server.Enqueue(Enumerable.Range(0, 6).Select(_ => Scripted.Json("Sorry, I cannot continue.", "length")).Prepend(Scripted.Json(first, "length")).ToArray());

        var (result, diagnostics) = await RunAsync();

        var error = diagnostics.Where(d => d.Id == "DG0720").ShouldHaveSingleItem();
        error.File.ShouldBe(_spec);
        result.Succeeded.ShouldBeFalse();
        result.Files.ShouldBeEmpty();
        _server.Requests.ShouldAllBe(r => !CodeUnitScript.IsStructure(r.Prompt) || r.Prompt.Contains("Plan the source files"));
        _server.Requests.ShouldNotContain(r => CodeUnitScript.FileOf(r.Prompt) != null);
    }

    [Fact]
    public async Task GenerateAsync_WrongShapedStructure_ReportsDG0712WithJsonPaths()
    {
        _script.Structure = """{"metadata":{"language":"csharp","projectType":"multi_file"},"files":[{"id":"a"}]}""";

        var (result, diagnostics) = await RunAsync();

        diagnostics.Where(d => d.Id == "DG0712").ShouldHaveSingleItem().Message.ShouldContain("files[0].filename is missing");
        result.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task GenerateAsync_MissingSpec_ReportsDG0710WithoutRequests()
    {
        var missing = _h.Temp.Combine("specs", "Nope.prompt.md");

        var (result, diagnostics) = await RunAsync(spec: missing);

        diagnostics.ShouldHaveSingleItem().Id.ShouldBe("DG0710");
        diagnostics[0].Message.ShouldContain(missing);
        result.Succeeded.ShouldBeFalse();
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GenerateAsync_NoProviderAndEmptyCache_ReportsDG0718NamingTheSpec()
    {
        var (result, diagnostics) = await RunAsync(_h.Options(null));

        var error = diagnostics.ShouldHaveSingleItem();
        error.Id.ShouldBe("DG0718");
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        error.File.ShouldBe(_spec);
        error.Message.ShouldContain(_spec);
        result.Succeeded.ShouldBeFalse();
        result.Files.ShouldBeEmpty();
    }

    [Fact]
    public async Task GenerateAsync_NoProviderOptionalUnit_WarnsDG0719AndGeneratesNothing()
    {
        var (result, diagnostics) = await RunAsync(_h.Options(null) with { CodeOptional = true });

        var warning = diagnostics.ShouldHaveSingleItem();
        warning.Id.ShouldBe("DG0719");
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        result.Succeeded.ShouldBeTrue();
        result.Files.ShouldBeEmpty();
        (Directory.Exists(UnitFolder) ? Directory.GetFiles(UnitFolder, "*.cs", SearchOption.AllDirectories) : []).ShouldBeEmpty();
    }

    [Fact]
    public async Task GenerateAsync_OpenAIWithoutKeyAndEmptyCache_SaysTheKeyIsMissing()
    {
        _h.Settings = _h.Settings with { GetEnvironmentVariable = _ => null };

        var (_, diagnostics) = await RunAsync(_h.Options(null) with { Provider = ProviderKind.OpenAI });

        diagnostics.Where(d => d.Id == "DG0718").ShouldHaveSingleItem().Message.ShouldContain("OPENAI_API_KEY");
    }

    [Fact]
    public async Task GenerateAsync_CSharpImportOfUnreferencedPackage_WarnsWithThePackageReference()
    {
        _script.Structure = WeatherUnit.Structure.Replace("\"imports\":[\"System\",\"System.Collections.Generic\"]", "\"imports\":[\"System\",\"Newtonsoft.Json\"]");

        var (result, diagnostics) = await RunAsync(project: new CodeProject("Fixture", ReferencedPackages: new HashSet<string>()));

        diagnostics.Where(d => d.Id == "DG0716").ShouldHaveSingleItem().Message.ShouldContain("<PackageReference Include=\"Newtonsoft.Json\"");
        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task GenerateAsync_PythonUnit_WritesRequirementsBesideTheFiles()
    {
        var spec = _h.Temp.Write("specs/tool.prompt.md", "---\nlanguage: python\ntarget: pkg\n---\nA CLI that fetches a URL with requests and prints YAML.\n");
        _script.Structure = """
            {"metadata":{"language":"python","projectType":"multi_file","projectName":"tool"},"files":[
              {"id":"util","filename":"util.py","dependencies":[],"imports":["requests","yaml","json"],"functions":[{"name":"fetch","signature":"def fetch(url: str) -> dict"}],"classes":[]},
              {"id":"main","filename":"main.py","dependencies":["util"],"imports":["util","sys"],"functions":[{"name":"main","signature":"def main() -> None"}],"classes":[]}]}
            """;
        _script.Files["util.py"] = new Queue<string>(["import requests\n\ndef fetch(url: str) -> dict:\n    return requests.get(url).json()\n"]);
        _script.Files["main.py"] = new Queue<string>(["import sys\nfrom util import fetch\n\ndef main() -> None:\n    print(fetch(sys.argv[1]))\n"]);

        var (result, diagnostics) = await RunAsync(spec: spec);

        result.Succeeded.ShouldBeTrue(string.Join("\n", diagnostics));
        var folder = Path.Combine(_h.OutputPath, "code", "tool", "pkg");
        Read(Path.Combine(folder, "requirements.txt")).ShouldBe("# Generated by DocGen from a code spec; pin the versions before publishing.\nPyYAML\nrequests\n");
        _server.Requests.Last().Prompt.ShouldContain("// Function: def fetch(url: str) -> dict");
        File.Exists(Path.Combine(folder, "main.py")).ShouldBeTrue();
        Read(Path.Combine(folder, "main.py")).ShouldBe("import sys\nfrom util import fetch\n\ndef main() -> None:\n    print(fetch(sys.argv[1]))\n");
    }

    [Fact]
    public async Task GenerateAsync_ContentForAnotherFileName_ReportsDG0722AndSkipsThatFile()
    {
        _server.Responder = request => CodeUnitScript.FileOf(request.Prompt) == "Models/Forecast.cs"
            ? Scripted.Json("""{"filename":"Other.cs","content":"class X {}"}""")
            : _script.Answer(request);

        var (result, diagnostics) = await RunAsync();

        var error = diagnostics.Where(d => d.Id == "DG0722").ShouldHaveSingleItem();
        error.File.ShouldBe(_spec);
        error.Message.ShouldContain("Models/Forecast.cs");
        result.Succeeded.ShouldBeFalse();
        File.Exists(Path.Combine(UnitFolder, "Models", "Forecast.cs")).ShouldBeFalse();
        File.Exists(Path.Combine(UnitFolder, "WeatherClient.cs")).ShouldBeTrue();
        Read(Path.Combine(UnitFolder, "WeatherClient.cs")).ShouldBe(WeatherUnit.Client + "\n");
    }

    [Theory]
    [InlineData(false, DiagnosticSeverity.Error)]
    [InlineData(true, DiagnosticSeverity.Warning)]
    public async Task GenerateAsync_ProviderRejectsTheKey_ReportsDG0721AndWritesNothing(bool optional, DiagnosticSeverity severity)
    {
        _server.Responder = _ => Scripted.Error(401);

        var (result, diagnostics) = await RunAsync(_h.Options(_server) with { CodeOptional = optional });

        var failure = diagnostics.Where(d => d.Id == "DG0721").ShouldHaveSingleItem();
        failure.Severity.ShouldBe(severity);
        failure.Message.ShouldContain("code_structure Weather");
        result.Succeeded.ShouldBe(optional);
        result.Files.ShouldBeEmpty();
        _server.Requests.Count.ShouldBe(1, "an authentication failure is not retried");
    }

    [Fact]
    public async Task GenerateAsync_Debug_DumpsPromptsAndAnswersOutsideTheUnitFolder()
    {
        var (result, _) = await RunAsync(_h.Options(_server) with { Debug = true });

        result.Succeeded.ShouldBeTrue();
        var dumps = Directory.GetFiles(Path.Combine(_h.OutputPath, "debug", "code", "Weather"), "round-*.txt", SearchOption.AllDirectories);
        dumps.Length.ShouldBe(8);
        dumps.Where(f => f.EndsWith("round-0-prompt.txt", StringComparison.Ordinal)).Select(File.ReadAllText)
            .ShouldContain(text => text.StartsWith("Plan the source files", StringComparison.Ordinal));
        Directory.GetFiles(UnitFolder, "*.txt", SearchOption.AllDirectories).ShouldNotContain(f => f.Contains("round-"));
    }
}
