using System.Text.Json;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Emission.Manifest;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Manifest;

[Collection(RestoredFixturesCollection.Name)]
public sealed class ManifestEmitterTests(RestoredFixtures fixture)
{
    [Fact]
    public void Emit_RestoredProject_SbomListsEveryResolvedPackageWithVersionPurlAndLicense()
    {
        using var output = new TempDirectory();
        var (diagnostics, _) = EmitterRunner.Emit(fixture.Inputs(), output.Path);

        diagnostics.ToList().ShouldNotContain(d => d.Severity != DiagnosticSeverity.Info, string.Join("\n", diagnostics.ToList()));
        using var bom = JsonDocument.Parse(EmitterRunner.Read(output.Path, ManifestEmitter.SbomPath));
        var components = Components(bom);

        components.Keys.ShouldBe(
        [
            "Handlebars.Net", "Markdig", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.DependencyInjection.Abstractions",
            "Microsoft.Extensions.Logging", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options",
            "Microsoft.Extensions.Primitives", "Microsoft.NETCore.Platforms", "NETStandard.Library", "Newtonsoft.Json", "WithPackages.Lib",
        ], ignoreOrder: false);

        var json = components["Newtonsoft.Json"];
        json.GetProperty("version").GetString().ShouldBe("13.0.3");
        json.GetProperty("purl").GetString().ShouldBe("pkg:nuget/Newtonsoft.Json@13.0.3");
        json.GetProperty("bom-ref").GetString().ShouldBe("pkg:nuget/Newtonsoft.Json@13.0.3");
        json.GetProperty("licenses")[0].GetProperty("expression").GetString().ShouldBe("MIT");
        json.GetProperty("authors")[0].GetProperty("name").GetString().ShouldBe("James Newton-King");
        json.GetProperty("hashes")[0].GetProperty("alg").GetString().ShouldBe("SHA-512");
        json.GetProperty("hashes")[0].GetProperty("content").GetString()!.Length.ShouldBe(128);

        components["Markdig"].GetProperty("licenses")[0].GetProperty("expression").GetString().ShouldBe("BSD-2-Clause");
        components["Microsoft.Extensions.Logging"].GetProperty("version").GetString().ShouldBe("10.0.0");

        // NETStandard.Library 2.0.3 predates license expressions: only its URL is known.
        var urlOnly = components["NETStandard.Library"].GetProperty("licenses")[0].GetProperty("license");
        urlOnly.GetProperty("url").GetString().ShouldBe("https://github.com/dotnet/standard/blob/master/LICENSE.TXT");
        urlOnly.TryGetProperty("id", out _).ShouldBeFalse();

        var lib = components["WithPackages.Lib"];
        lib.TryGetProperty("purl", out _).ShouldBeFalse();
        Property(lib, "docgen:projectReference").ShouldBe("Lib/WithPackages.Lib.csproj");
    }

    [Fact]
    public void Emit_RestoredProject_DependencyGraphHasDirectAndTransitiveEdges()
    {
        using var output = new TempDirectory();
        EmitterRunner.Emit(fixture.Inputs(), output.Path);
        using var bom = JsonDocument.Parse(EmitterRunner.Read(output.Path, ManifestEmitter.SbomPath));

        var root = bom.RootElement.GetProperty("metadata").GetProperty("component");
        root.GetProperty("name").GetString().ShouldBe("WithPackages");
        var edges = bom.RootElement.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("ref").GetString()!, d => d.GetProperty("dependsOn").EnumerateArray().Select(x => x.GetString()!).ToList());

        edges[root.GetProperty("bom-ref").GetString()!].ShouldBe(
        [
            "pkg:nuget/Markdig@1.6.0", "pkg:nuget/Microsoft.Extensions.Logging@10.0.0", "pkg:nuget/NETStandard.Library@2.0.3",
            "pkg:nuget/Newtonsoft.Json@13.0.3", "project:WithPackages.Lib@1.0.0",
        ]);
        edges["pkg:nuget/Microsoft.Extensions.Logging@10.0.0"].ShouldBe(
        [
            "pkg:nuget/Microsoft.Extensions.DependencyInjection@10.0.0", "pkg:nuget/Microsoft.Extensions.Logging.Abstractions@10.0.0",
            "pkg:nuget/Microsoft.Extensions.Options@10.0.0",
        ]);
        edges["pkg:nuget/Microsoft.Extensions.Options@10.0.0"].ShouldBe(
            ["pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@10.0.0", "pkg:nuget/Microsoft.Extensions.Primitives@10.0.0"]);
        edges["pkg:nuget/NETStandard.Library@2.0.3"].ShouldBe(["pkg:nuget/Microsoft.NETCore.Platforms@1.1.0"]);
        edges["project:WithPackages.Lib@1.0.0"].ShouldBe(["pkg:nuget/Handlebars.Net@2.4.3"]);
        edges["pkg:nuget/Newtonsoft.Json@13.0.3"].ShouldBeEmpty();

        var components = Components(bom);
        Property(components["Newtonsoft.Json"], "docgen:direct").ShouldBe("true");
        Property(components["Microsoft.Extensions.Primitives"], "docgen:direct").ShouldBe("false");
        Property(components["Handlebars.Net"], "docgen:direct").ShouldBe("false");
    }

    [Fact]
    public void Emit_RestoredProject_LockListHasOneSortedLinePerPackageWithDirectMarkers()
    {
        using var output = new TempDirectory();
        EmitterRunner.Emit(fixture.Inputs(), output.Path);
        var lines = EmitterRunner.Read(output.Path, ManifestEmitter.LockListPath).Split('\n');

        lines.Where(l => l.Length > 0 && !l.StartsWith('#')).ShouldBe(
        [
            "Handlebars.Net==2.4.3",
            "Markdig==1.6.0  # direct",
            "Microsoft.Extensions.DependencyInjection==10.0.0",
            "Microsoft.Extensions.DependencyInjection.Abstractions==10.0.0",
            "Microsoft.Extensions.Logging==10.0.0  # direct",
            "Microsoft.Extensions.Logging.Abstractions==10.0.0",
            "Microsoft.Extensions.Options==10.0.0",
            "Microsoft.Extensions.Primitives==10.0.0",
            "Microsoft.NETCore.Platforms==1.1.0",
            "NETStandard.Library==2.0.3  # direct",
            "Newtonsoft.Json==13.0.3  # direct",
        ]);
        lines.ShouldContain("# project reference: WithPackages.Lib 1.0.0 (Lib/WithPackages.Lib.csproj)");
    }

    [Fact]
    public void Emit_RestoredProject_DependenciesPagesListPackagesLicensesAndGraph()
    {
        using var output = new TempDirectory();
        EmitterRunner.Emit(fixture.Inputs(), output.Path);

        var markdown = EmitterRunner.Read(output.Path, ManifestEmitter.MarkdownPagePath);
        markdown.ShouldContain("# Dependencies of WithPackages (net10.0)");
        markdown.ShouldContain("| [Newtonsoft.Json](https://www.newtonsoft.com/json) | 13.0.3 | MIT |");
        markdown.ShouldContain("4 direct and 7 transitive packages");
        markdown.ShouldContain("```mermaid\ngraph LR\n  n0[\"WithPackages 1.0.0\"]");
        var direct = markdown[markdown.IndexOf("## Direct packages", StringComparison.Ordinal)..markdown.IndexOf("## Transitive packages", StringComparison.Ordinal)];
        direct.ShouldContain("Markdig");
        direct.ShouldNotContain("Microsoft.Extensions.Primitives");

        var html = EmitterRunner.Read(output.Path, ManifestEmitter.HtmlPagePath);
        html.ShouldStartWith("<!doctype html>");
        html.ShouldContain("<svg class=\"docgen-graph\"");
        html.ShouldContain("<td>BSD-2-Clause</td>");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("src=\"http");
    }

    [Fact]
    public void Emit_SecondRunWithoutChange_RewritesNoFileAndKeepsSerialAndTimestamp()
    {
        using var output = new TempDirectory();
        var clock = new SteppingClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        EmitterRunner.Emit(fixture.Inputs(), output.Path, emitter: new ManifestEmitter(clock, _ => null));
        var first = EmitterRunner.Read(output.Path, ManifestEmitter.SbomPath);
        first.ShouldContain("\"timestamp\": \"2026-01-02T03:04:05Z\"");

        clock.Advance(TimeSpan.FromHours(1));
        var writer = new Output.OutputWriter(output.Path);
        new ManifestEmitter(clock, _ => null).Emit(new EmissionContext(EmitterRunner.EmptyModel, fixture.Inputs(), new Options.DocGenOptions(), writer, new DiagnosticBag(), CancellationToken.None));
        var summary = writer.Complete();

        summary.Written.ShouldBe(0);
        EmitterRunner.Read(output.Path, ManifestEmitter.SbomPath).ShouldBe(first);
    }

    [Fact]
    public void Emit_ContentChanged_GetsNewSerialAndTimestamp()
    {
        using var output = new TempDirectory();
        var clock = new SteppingClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        EmitterRunner.Emit(fixture.Inputs(), output.Path, emitter: new ManifestEmitter(clock, _ => null));
        using var first = JsonDocument.Parse(EmitterRunner.Read(output.Path, ManifestEmitter.SbomPath));

        clock.Advance(TimeSpan.FromHours(1));
        // Same graph under another project name: different content.
        EmitterRunner.Emit(fixture.Inputs() with { ProjectName = "Renamed" }, output.Path, emitter: new ManifestEmitter(clock, _ => null));
        using var second = JsonDocument.Parse(EmitterRunner.Read(output.Path, ManifestEmitter.SbomPath));

        second.RootElement.GetProperty("serialNumber").GetString().ShouldNotBe(first.RootElement.GetProperty("serialNumber").GetString());
        second.RootElement.GetProperty("metadata").GetProperty("timestamp").GetString().ShouldBe("2026-01-02T04:04:05Z");
    }

    [Fact]
    public void Emit_Deterministic_SameBytesInAnotherFolderWithContentDerivedSerial()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        EmitterRunner.Emit(fixture.Inputs(), a.Path, deterministic: true);
        EmitterRunner.Emit(fixture.Inputs(), b.Path, deterministic: true, emitter: new ManifestEmitter(new SteppingClock(DateTimeOffset.UnixEpoch.AddYears(40)), _ => null));

        var first = EmitterRunner.Read(a.Path, ManifestEmitter.SbomPath);
        first.ShouldBe(EmitterRunner.Read(b.Path, ManifestEmitter.SbomPath));
        first.ShouldContain("\"timestamp\": \"1970-01-01T00:00:00Z\"");
        using var bom = JsonDocument.Parse(first);
        var serial = bom.RootElement.GetProperty("serialNumber").GetString()!;
        serial.ShouldMatch("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    }

    [Fact]
    public void Emit_DeterministicWithSourceDateEpoch_UsesThatTime()
    {
        using var output = new TempDirectory();
        EmitterRunner.Emit(fixture.Inputs(), output.Path, deterministic: true,
            emitter: new ManifestEmitter(TimeProvider.System, name => name == "SOURCE_DATE_EPOCH" ? "1700000000" : null));

        EmitterRunner.Read(output.Path, ManifestEmitter.SbomPath).ShouldContain("\"timestamp\": \"2023-11-14T22:13:20Z\"");
    }

    internal static Dictionary<string, JsonElement> Components(JsonDocument bom) =>
        bom.RootElement.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);

    internal static string? Property(JsonElement component, string name) =>
        component.TryGetProperty("properties", out var props)
            ? props.EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).Select(p => p.GetProperty("value").GetString()).FirstOrDefault()
            : null;
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public void Advance(TimeSpan by) => _now += by;
    public override DateTimeOffset GetUtcNow() => _now;
}
