using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Pipeline;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Corpus;

/// <summary>One library of the corpus: a package, the <c>lib/</c> folder and assembly documented, and why it is in it.</summary>
public sealed record CorpusLibrary(string Package, string Version, string Tfm, string Assembly, string Why)
{
    public override string ToString() => Package;
}

/// <summary>
/// Restores tests/fixtures/Corpus once per test run (one restore of PackageDownload items, into a private packages
/// folder under artifacts/ that later runs reuse), and documents a library on request into a temp folder.
/// </summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("docgen-corpus");

    public static string ProjectFile => Path.Combine(Fixtures.FixturesRoot, "Corpus", "Corpus.csproj");

    public static string PackagesFolder => Path.Combine(Fixtures.RepositoryRoot, "artifacts", "corpus", "packages");

    /// <summary>The libraries, as Corpus.csproj lists them.</summary>
    public static IReadOnlyList<CorpusLibrary> Libraries { get; } = [.. XDocument.Load(ProjectFile).Descendants("PackageDownload").Select(e => new CorpusLibrary(
        (string)e.Attribute("Include")!, ((string)e.Attribute("Version")!).Trim('[', ']'), (string)e.Attribute("Tfm")!, (string)e.Attribute("Assembly")!, (string)e.Attribute("Why")!))];

    public async Task InitializeAsync()
    {
        var project = Fixtures.CopyTo("Corpus", _temp);
        var restore = await ProcessRunner.DotnetAsync(project, "restore", "Corpus.csproj", "--packages", PackagesFolder,
            "--configfile", Path.Combine(Fixtures.RepositoryRoot, "nuget.config"), "-nodeReuse:false");
        restore.ExitCode.ShouldBe(0, "restoring the corpus failed:\n" + restore.Output);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The .dll of a library in the packages folder (NuGet lays packages out in lower case).</summary>
    public static string AssemblyOf(CorpusLibrary library) =>
        Path.Combine(PackagesFolder, library.Package.ToLowerInvariant(), library.Version, "lib", library.Tfm, library.Assembly);

    /// <summary>Documents <paramref name="library"/> as <c>docgen build Lib.dll --formats html</c> does.</summary>
    public async Task<CorpusRun> RunAsync(CorpusLibrary library)
    {
        var output = _temp.Combine("out", library.Package);
        var result = await DocGenPipeline.CreateDefault().RunAsync(ProjectEvaluator.FromAssembly(AssemblyOf(library)),
            new DocGenOptions { OutputPath = output, Formats = OutputFormats.Html });
        return new CorpusRun(library, result, Path.Combine(output, "site"));
    }
}

[CollectionDefinition(Name)]
public sealed class CorpusCollection : ICollectionFixture<CorpusFixture>
{
    public const string Name = "Real-world corpus";
}

/// <summary>One library documented: the pipeline's result and the site it wrote.</summary>
public sealed partial class CorpusRun(CorpusLibrary library, PipelineResult result, string site)
{
    public CorpusLibrary Library => library;
    public PipelineResult Result => result;
    public ApiModel Model => result.Model!;
    public string Site => site;

    public TypeModel Type(string id) => Model.AllTypes.SingleOrDefault(t => t.Id == id) ?? throw new ShouldAssertException($"{library}: no type {id}");

    public MemberModel Member(string id) => Model.AllMembers.SingleOrDefault(m => m.Id == id) ?? throw new ShouldAssertException($"{library}: no member {id}");

    public string Page(string relative)
    {
        var path = Path.Combine(site, relative);
        File.Exists(path).ShouldBeTrue($"{library}: {relative} was not written");
        return File.ReadAllText(path);
    }

    /// <summary>The C# declarations on a page (the signature boxes), unescaped.</summary>
    public IReadOnlyList<string> Signatures(string relative) =>
        [.. SignatureBox().Matches(Page(relative)).Select(m => System.Net.WebUtility.HtmlDecode(Markup().Replace(m.Groups[1].Value, "")))];

    /// <summary>Every relative href and src of every page that does not lead to a file of the site.</summary>
    public IReadOnlyList<string> BrokenLocalLinks(out int pages, out int links)
    {
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var broken = new List<string>();
        pages = 0;
        links = 0;
        foreach (var page in files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList())
        {
            pages++;
            var folder = Path.GetDirectoryName(page)!;
            foreach (Match m in HrefOrSrc().Matches(File.ReadAllText(page)))
            {
                var target = System.Net.WebUtility.HtmlDecode(m.Groups[1].Value);
                if (target.Length == 0 || target[0] == '#' || target.Contains(':')) continue; // anchors and absolute URLs
                links++;
                var path = target.Split('#', '?')[0];
                if (!files.Contains(Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path)))))
                    broken.Add(Path.GetRelativePath(site, page) + " → " + target);
            }
        }
        return broken;
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex HrefOrSrc();

    // Signatures are highlighted: the text is what is left without the spans and type links.
    [GeneratedRegex("<pre class=\"sig\"><code class=\"language-csharp\">(.*?)</code></pre>", RegexOptions.Singleline)]
    private static partial Regex SignatureBox();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Markup();
}
