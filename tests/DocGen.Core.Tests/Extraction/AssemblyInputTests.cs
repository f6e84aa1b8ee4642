using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;
using DocGen.Core.Options;
using DocGen.Core.Pipeline;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Extraction;

/// <summary>What a user hands DocGen by mistake: a .dll without its .xml, a file that is no .NET assembly (defect 13).</summary>
public sealed class AssemblyInputTests
{
    [Fact]
    public async Task Run_DllWithoutXml_WarnsWithTheFixAndStillWritesTheSite()
    {
        using var snippet = new Snippet("namespace NoXml; /// <summary>Thing.</summary>\npublic class Thing { }");
        using var output = new TempDirectory("docgen-noxml");
        File.Delete(snippet.XmlPath);

        var result = await DocGenPipeline.CreateDefault().RunAsync(ProjectEvaluator.FromAssembly(snippet.AssemblyPath),
            new DocGenOptions { OutputPath = output.Path, Formats = OutputFormats.Html });

        result.Succeeded.ShouldBeTrue();
        var warning = result.Diagnostics.Where(d => d.Id == "DG0006").ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Message.ShouldContain("<GenerateDocumentationFile>true</GenerateDocumentationFile>");
        File.Exists(Path.Combine(output.Path, "site", "index.html")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("native")]
    public async Task Run_FileThatIsNoNetAssembly_IsAnErrorAndWritesNoSite(string kind)
    {
        using var temp = new TempDirectory("docgen-notnet");
        var dll = temp.Combine("Broken.dll");
        // A PE header with no CLI metadata reads like a native DLL; random bytes like a corrupt download.
        File.WriteAllBytes(dll, kind == "native" ? NativeLookingPe() : [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        var output = temp.Combine("out");

        var result = await DocGenPipeline.CreateDefault().RunAsync(ProjectEvaluator.FromAssembly(dll),
            new DocGenOptions { OutputPath = output, Formats = OutputFormats.Html | OutputFormats.Markdown });

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Id == "DG0107" && d.Severity == DiagnosticSeverity.Error);
        result.Diagnostics.ShouldNotContain(d => d.Id == "DG0009");
        Directory.Exists(Path.Combine(output, "site")).ShouldBeFalse("no site may claim that a broken file is a fully documented library");
        Directory.Exists(Path.Combine(output, "markdown")).ShouldBeFalse();
    }

    /// <summary>The smallest "MZ … PE" file: a DOS header pointing at a PE signature and an empty COFF header.</summary>
    private static byte[] NativeLookingPe()
    {
        var bytes = new byte[512];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[0x3C] = 0x80;
        bytes[0x80] = (byte)'P';
        bytes[0x81] = (byte)'E';
        bytes[0x84] = 0x4C; // machine: i386
        bytes[0x85] = 0x01;
        return bytes;
    }
}
