using System.IO.Abstractions;
using System.Security.Cryptography;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Extraction;
using DocGen.Core.Generation;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Pipeline;
using DocGen.Core.Tests.Generation;
using DocGen.Tests.Shared;
using DocGen.Core.Emission.Html;
using DocGen.Core.Emission.Markdown;

namespace DocGen.Core.Tests.Faults;

/// <summary>
/// The real pipeline (engine, HTML and Markdown emitters) over a fixed model into real temp folders, with user
/// files placed inside and beside the output, and a clean build to compare a repaired output with.
/// </summary>
internal sealed class PipelineRig : IDisposable
{
    public const string UserFileInside = "notes/mine.txt";
    public const string UserFileInSite = "site/my-page.html";

    private readonly EngineHarness _h = new();

    public PipelineRig(ApiModel? model = null)
    {
        Model = model ?? TestModels.Calculator(12);
        Inputs = new ProjectInputs { AssemblyPath = _h.Temp.Write("Sample.dll", "not read: the extractor is fixed"), ProjectName = "Sample" };
        UserFileBeside = _h.Temp.Write("beside/keep.txt", "a file next to the output");
    }

    public ApiModel Model { get; }
    public ProjectInputs Inputs { get; }
    public EngineSettings Settings { get => _h.Settings; set => _h.Settings = value; }
    public string Output => _h.OutputPath;
    public string UserFileBeside { get; }
    public TempDirectory Temp => _h.Temp;

    public DocGenOptions Options(FakeOpenAIServer? server = null) =>
        _h.Options(server) with { Formats = OutputFormats.Html | OutputFormats.Markdown, OutputPath = Output };

    public Task<PipelineResult> RunAsync(DocGenOptions? options = null, IFileSystem? fileSystem = null, CancellationToken cancellationToken = default) =>
        new DocGenPipeline(new FixedExtractor(Model), new DocGenerationEngine(_h.Settings), [new HtmlSiteEmitter(), new MarkdownEmitter()], fileSystem)
            .RunAsync(Inputs, options ?? Options(), null, cancellationToken);

    /// <summary>A successful first run, then the user's files inside the output (DocGen's folder from now on).</summary>
    public async Task SeedAsync(DocGenOptions? options = null)
    {
        var first = await RunAsync(options ?? Options() with { Formats = OutputFormats.Markdown });
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics));
        Write(UserFileInside, "my notes");
        Write(UserFileInSite, "<p>my page</p>");
    }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Output, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>
    /// Every file under the output (relative path → bytes), the user's files left out. report.json and the lists
    /// that hash it are compared by name only: a repairing run rightly reports what it repaired (DG0312).
    /// </summary>
    public static Dictionary<string, string> Snapshot(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f is not UserFileInside and not UserFileInSite)
            .ToDictionary(f => f, f => f is "report.json" or ".docgen-owned.txt" ? "" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, f)))), StringComparer.Ordinal);

    /// <summary>The output of one successful run into a fresh folder with the same options.</summary>
    public async Task<Dictionary<string, string>> CleanBuildAsync(DocGenOptions? options = null)
    {
        var fresh = Temp.Combine("clean-" + Guid.NewGuid().ToString("N")[..6]);
        var result = await RunAsync((options ?? Options()) with { OutputPath = fresh });
        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        return Snapshot(fresh);
    }

    /// <summary>What every row asserts: the user's files survive, no temp file or journal is left.</summary>
    public void ShouldHoldThePromise()
    {
        File.ReadAllText(UserFileBeside).ShouldBe("a file next to the output");
        if (File.Exists(Path.Combine(Output, UserFileInside)) || Directory.Exists(Path.Combine(Output, "site")))
        {
            File.ReadAllText(Path.Combine(Output, UserFileInside)).ShouldBe("my notes");
            File.ReadAllText(Path.Combine(Output, UserFileInSite)).ShouldBe("<p>my page</p>");
        }
        Directory.Exists(Path.Combine(Output, ".docgen-tmp")).ShouldBeFalse("no temp file is left");
        Directory.GetFiles(Temp.Path, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    /// <summary>A rerun without the fault succeeds and leaves exactly what a clean build writes (plus the user's files).</summary>
    public async Task NextRunShouldRepairAsync(DocGenOptions? options = null)
    {
        var again = await RunAsync(options);
        again.Succeeded.ShouldBeTrue(string.Join("\n", again.Diagnostics));
        var expected = await CleanBuildAsync(options);
        var actual = Snapshot(Output);
        actual.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, hash) in expected) actual[path].ShouldBe(hash, path);
        ShouldHoldThePromise();
    }

    public void Dispose() => _h.Dispose();

    private sealed class FixedExtractor(ApiModel model) : IApiExtractor
    {
        public ApiModel Extract(ProjectInputs inputs, DocGenOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken) => model;
    }
}
