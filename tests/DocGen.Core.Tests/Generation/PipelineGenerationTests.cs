using System.Text.Json.Nodes;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Extraction;
using DocGen.Core.Generation;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Core.Tests.Generation;

/// <summary>The engine inside the real pipeline: report.json in the output folder, unchanged rebuilds.</summary>
public sealed class PipelineGenerationTests : IDisposable
{
    private readonly FakeOpenAIServer _server = new();
    private readonly EngineHarness _h = new();

    public void Dispose()
    {
        _server.Dispose();
        _h.Dispose();
    }

    private sealed class FixedExtractor(ApiModel model) : IApiExtractor
    {
        public ApiModel Extract(ProjectInputs inputs, DocGenOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken) => model;
    }

    [Fact]
    public async Task RunAsync_WithProvider_ReportJsonHasGenerationSectionAndRebuildIsByteIdentical()
    {
        var assembly = _h.Temp.Write("Sample.dll", "not really an assembly");
        var inputs = new ProjectInputs { AssemblyPath = assembly, ProjectName = "Sample" };
        var pipeline = new DocGenPipeline(new FixedExtractor(TestModels.Calculator(3)), new DocGenerationEngine(_h.Settings), Array.Empty<IEmitter>());
        var options = _h.Options(_server) with { Formats = OutputFormats.None };
        var reportPath = Path.Combine(_h.OutputPath, RunReport.FileName);

        var first = await pipeline.RunAsync(inputs, options);
        var firstReport = JsonNode.Parse(File.ReadAllText(reportPath))!;
        var second = await pipeline.RunAsync(inputs, options);
        var secondBytes = File.ReadAllBytes(reportPath);
        var stamp = File.GetLastWriteTimeUtc(reportPath);
        await pipeline.RunAsync(inputs, options);

        first.Succeeded.ShouldBeTrue();
        second.Model!.AllMembers.ShouldAllBe(m => m.Provenance == Provenance.Generated("test-model"));
        var generation = firstReport["generation"]!;
        generation["provider"]!.GetValue<string>().ShouldBe("openai");
        generation["model"]!.GetValue<string>().ShouldBe("test-model");
        generation["endpoint"]!.GetValue<string>().ShouldBe("compatible");
        generation["requests"]!.GetValue<int>().ShouldBe(1);
        generation["members"]!["generated"]!.GetValue<int>().ShouldBe(3);
        firstReport["counts"]!["byProvenance"]!["generated"]!.GetValue<int>().ShouldBe(3);
        File.ReadAllBytes(reportPath).ShouldBe(secondBytes);
        File.GetLastWriteTimeUtc(reportPath).ShouldBe(stamp);
        _server.Requests.Count.ShouldBe(1);
        File.ReadAllText(reportPath).ShouldNotContain("SECRET");
    }

    [Fact]
    public async Task CreateDefault_RealAssemblyWithoutProvider_EngineFillsFallbackDocsAndReportsGeneration()
    {
        // A real (tiny) assembly through the default pipeline: only the generation engine marks
        // undocumented members Fallback and writes the report's generation section.
        var assembly = _h.Temp.Combine("Tiny.dll");
        var compilation = CSharpCompilation.Create("Tiny",
            [CSharpSyntaxTree.ParseText("namespace Tiny; public class Calc { public int Add(int a, int b) => a + b; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        compilation.Emit(assembly).Success.ShouldBeTrue();
        var options = _h.Options(null) with { Formats = OutputFormats.None };

        var result = await DocGenPipeline.CreateDefault().RunAsync(new ProjectInputs { AssemblyPath = assembly, ProjectName = "Tiny" }, options);

        result.Model.ShouldNotBeNull();
        var add = result.Model.AllMembers.Single(m => m.Id == "M:Tiny.Calc.Add(System.Int32,System.Int32)");
        add.Provenance.ShouldBe(Provenance.Fallback);
        add.Docs.Summary.ShouldNotBeNull();
        var generation = JsonNode.Parse(File.ReadAllText(Path.Combine(_h.OutputPath, RunReport.FileName)))!["generation"]!;
        generation["provider"]!.GetValue<string>().ShouldBe("none");
        generation["members"]!["fallback"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
    }
}
