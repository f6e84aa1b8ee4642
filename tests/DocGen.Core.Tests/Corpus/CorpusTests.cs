using System.Text.RegularExpressions;
using DocGen.Core.Diagnostics;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Corpus;

/// <summary>
/// Every library of the corpus (tests/fixtures/Corpus/Corpus.csproj) documented from its NuGet package: the run succeeds
/// with no internal error, every local link and asset of the site resolves, no compiler-generated name shows, and a
/// few signatures and pages per library are what the library's source declares. docs/real-world.md has the figures.
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed partial class CorpusTests(CorpusFixture fixture)
{
    public static TheoryData<string> Names => [.. CorpusFixture.Libraries.Select(l => l.Package)];

    [Fact]
    public void Corpus_Libraries_AreAtLeastTwelveAndEachHasItsOwnChecks()
    {
        CorpusFixture.Libraries.Count.ShouldBeGreaterThanOrEqualTo(12);
        CorpusFixture.Libraries.Select(l => l.Package).ShouldBe(Checks.Keys, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Document_PackageAssembly_CompleteCorrectSite(string package)
    {
        var run = await fixture.RunAsync(CorpusFixture.Libraries.Single(l => l.Package == package));

        var errors = run.Result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "DG0009").ToList();
        errors.ShouldBeEmpty(string.Join("\n", errors.Take(5)));
        run.Result.Succeeded.ShouldBeTrue();

        var broken = run.BrokenLocalLinks(out var pages, out var links);
        broken.ShouldBeEmpty($"{broken.Count} of {links} local links on {pages} pages lead nowhere, e.g.:\n{string.Join("\n", broken.Take(10))}");
        File.Exists(Path.Combine(run.Site, "assets", "docgen.css")).ShouldBeTrue();
        File.Exists(Path.Combine(run.Site, "search-index.js")).ShouldBeTrue();

        var generated = run.Model.AllTypes.SelectMany(t => new[] { t.Id, t.Name, t.QualifiedName, t.Signature }
                .Concat(t.Members.SelectMany(m => new[] { m.Id, m.Name, m.DisplayName, m.Signature })))
            .Where(s => CompilerGenerated().IsMatch(s)).Distinct().ToList();
        generated.ShouldBeEmpty(string.Join("\n", generated.Take(10)));
        Directory.EnumerateFiles(run.Site, "*", SearchOption.AllDirectories).ShouldNotContain(f => f.Contains('$'));

        Checks[package](run);
    }

    /// <summary>Names only the compiler makes: extension-block markers, clone methods, backing fields, closures.</summary>
    [GeneratedRegex(@"<[A-Za-z]*>\$|\$[0-9A-F]{16}|k__BackingField|<>c|<Clone>")]
    private static partial Regex CompilerGenerated();

    private static readonly Dictionary<string, Action<CorpusRun>> Checks = new()
    {
        ["DotNext"] = run =>
        {
            // C# 14 extension members, shown as declared: instance property of a generic block, static method of a type block.
            run.Member("P:DotNext.BasicExtensions.Disclosed(``0)").Signature.ShouldStartWith("extension<T>(T value) public DisclosedEndpoint<T> Disclosed { get; }");
            run.Signatures("api/dotnext/basicextensions/keepalive.html").ShouldContain(s => s.StartsWith("extension(GC) public static void KeepAlive<T>(ref readonly T location)"));
            run.Type("T:DotNext.BasicExtensions").Members.ShouldNotContain(m => m.Name.StartsWith("get_"));
            run.Model.AllMembers.Count(m => m.IsExtension && m.Signature.StartsWith("extension")).ShouldBeGreaterThan(100);
        },
        ["Humanizer.Core"] = run =>
        {
            // Humanizer compiles internal polyfill extension blocks in: none may appear, the public classic ones must.
            run.Model.AllTypes.ShouldAllBe(t => t.Accessibility != ApiAccessibility.Internal);
            run.Signatures("api/humanizer/stringhumanizeextensions/humanize.html").ShouldContain("public static string Humanize(this string input)");
            run.Member("M:Humanizer.StringHumanizeExtensions.Humanize(System.String)").ExtendedType!.Display.ShouldBe("string");
        },
        ["Spectre.Console"] = run =>
        {
            var options = run.Type("T:Spectre.Console.Rendering.RenderOptions");
            options.Signature.ShouldStartWith("public record RenderOptions");
            // Synthesized record members are documented from their contract, never counted as missing.
            options.Members.Where(m => m.Name is "operator ==" or "operator !=" or "Deconstruct" or "Equals" or "GetHashCode" or "ToString")
                .ShouldAllBe(m => m.Provenance.IsDocumented);
            options.InheritedMembers.ShouldNotContain(i => i.DisplayName == "Equals(object?)" || i.DisplayName == "Equals(object)");
        },
        ["Newtonsoft.Json"] = run =>
        {
            // <code source> of files that are not in the package: a warning each, never an empty example.
            run.Result.Diagnostics.ShouldContain(d => d.Id == "DG0109" && d.Message.Contains("T:Newtonsoft.Json.JsonConvert"));
            run.Model.AllTypes.SelectMany(t => t.Members.Select(m => m.Docs).Prepend(t.Docs)).ShouldAllBe(d => d.Examples.All(e => !e.Nodes.IsEmpty));
            run.Page("api/newtonsoft.json/jsonvalidatingreader/index.html").ShouldContain("<div class=\"note note-caution\"><p class=\"note-title\">Caution</p>");
            // What the indexer implements, named with its generic arguments and nullable annotations.
            run.Page("api/newtonsoft.json.linq/jobject/item.html").ShouldContain("IDictionary&lt;string, JToken?&gt;.this[string]");
            run.Signatures("api/newtonsoft.json.linq/jobject/item.html").ShouldContain("public JToken? this[string propertyName] { get; set; }");
            run.Type("T:Newtonsoft.Json.Linq.JObject").Members.ShouldNotContain(m => m.Name.Contains("get_Item") || m.Name.Contains("set_Item"));
        },
        ["NodaTime"] = run =>
        {
            run.Type("T:NodaTime.Instant").Docs.ThreadSafety!.ToPlainText().ShouldStartWith("This type is an immutable value type.");
            // Implicit implementations of static abstract members (IMinMaxValue<Instant>) as the source declares them.
            run.Member("P:NodaTime.Instant.MaxValue").Signature.ShouldBe("public static Instant MaxValue { get; }");
            run.Signatures("api/nodatime/instant/op_addition.html").ShouldContain("public static Instant operator +(Instant left, Duration right)");
            run.Page("api/nodatime.timezones.cldr/index.html").ShouldContain("NodaTime.TimeZones.Cldr");
        },
        ["UnitsNet"] = run =>
        {
            run.Model.AllMembers.Count().ShouldBeGreaterThan(10_000);
            run.Signatures("api/unitsnet/length/op_addition.html").ShouldContain("public static Length operator +(Length left, Length right)");
            run.Member("P:UnitsNet.Length.Zero").Signature.ShouldBe("public static Length Zero { get; }");
        },
        ["AngleSharp"] = run =>
        {
            // Namespace AngleSharp's page and the folder of AngleSharp.Html once needed the same path.
            run.Page("api/anglesharp/index.html").ShouldContain("AngleSharp");
            run.Page("api/anglesharp.html/index.html").ShouldContain("AngleSharp.Html");
            run.Model.AllMembers.ShouldContain(m => m.Kind == ApiMemberKind.Indexer && m.ExplicitInterfaceMemberId != null && m.Parameters.Length > 0);
            run.Model.AllMembers.ShouldNotContain(m => m.ExplicitInterfaceMemberId != null && (m.Name.Contains(".get_") || m.Name.Contains(".set_")));
        },
        ["Markdig"] = run =>
        {
            run.Page("api/markdig.renderers/index.html").ShouldContain("Markdig.Renderers");
            run.Page("api/markdig.renderers.html/index.html").ShouldContain("Markdig.Renderers.Html");
            run.Page("api/markdig.renderers/htmlrenderer/index.html").ShouldContain("HtmlRenderer");
            run.Page("api/markdig.renderers.html/codeblockrenderer/index.html").ShouldContain("CodeBlockRenderer");
        },
        ["Polly.Core"] = run =>
        {
            run.Type("T:Polly.ResiliencePipeline").Signature.ShouldBe("public sealed class ResiliencePipeline");
            run.Model.AllTypes.Count().ShouldBeGreaterThan(50);
        },
        ["Serilog"] = run =>
        {
            // Comments the compiler dropped: undocumented, never documented by the compiler's note about them.
            var fallible = run.Model.AllMembers.Single(m => m.Id.StartsWith("M:Serilog.Configuration.LoggerSinkConfiguration.Fallible("));
            fallible.Docs.MalformedXml.ShouldBeNull();
            (fallible.Docs.Summary?.ToPlainText() ?? "").ShouldNotContain("Badly formed");
            (fallible.Docs.Summary?.ToPlainText() ?? "").ShouldNotContain("dropped");
            run.Result.Diagnostics.ShouldContain(d => d.Id == "DG0101");
        },
        ["CsvHelper"] = run =>
        {
            run.Type("T:CsvHelper.CsvRecordError").Signature.ShouldStartWith("public readonly record struct CsvRecordError");
            run.Type("T:CsvHelper.CsvReaderOptions").Signature.ShouldStartWith("public sealed record CsvReaderOptions");
        },
        ["ErrorOr"] = run =>
        {
            run.Type("T:ErrorOr.ErrorOr`1").Signature.ShouldStartWith("public readonly record struct ErrorOr<TValue>");
            run.Type("T:ErrorOr.ErrorOr`1").Members.Where(m => m.Name is "operator ==" or "operator !=").ShouldAllBe(m => m.Provenance.IsDocumented);
        },
        ["morelinq"] = run =>
        {
            run.Signatures("api/morelinq/moreenumerable/batch.html").ShouldContain("public static IEnumerable<TSource[]> Batch<TSource>(this IEnumerable<TSource> source, int size)");
            run.Model.AllMembers.Count(m => m.IsExtension).ShouldBeGreaterThan(300);
        },
        ["OneOf"] = run =>
        {
            // No XML file ships: a warning that says how to get docs, and a complete (undocumented) site.
            run.Result.Diagnostics.ShouldContain(d => d.Id == "DG0006" && d.Severity == DiagnosticSeverity.Warning);
            run.Type("T:OneOf.OneOf`9").Name.ShouldBe("OneOf<T0, T1, T2, T3, T4, T5, T6, T7, T8>");
            run.Signatures("api/oneof/oneof-2/index.html").ShouldContain("public readonly struct OneOf<T0, T1> : IOneOf");
        },
        ["System.Reactive"] = run =>
        {
            run.Result.Diagnostics.ShouldContain(d => d.Id == "DG0006");
            run.Type("T:System.Reactive.Linq.Observable").IsStatic.ShouldBeTrue();
            run.Type("T:System.Reactive.Linq.Observable").InheritedMembers.ShouldBeEmpty();
            run.Page("api/system.reactive.linq/observable/index.html").ShouldContain("Observable");
        },
    };
}
