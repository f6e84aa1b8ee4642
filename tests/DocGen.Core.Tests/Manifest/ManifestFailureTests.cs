using System.Text.Json;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Emission.Manifest;
using DocGen.Tests.Shared;
using DocGen.Core.Inputs;

namespace DocGen.Core.Tests.Manifest;

[Collection(RestoredFixturesCollection.Name)]
public sealed class ManifestFailureTests(RestoredFixtures fixture)
{
    [Fact]
    public void Emit_AssetsFileMissing_WarnsNamingFileAndMarksManifestIncomplete()
    {
        using var output = new TempDirectory();
        var missing = Path.Combine(output.Path, "nowhere", "project.assets.json");

        var (diagnostics, _) = EmitterRunner.Emit(fixture.Inputs(assetsFile: missing), Path.Combine(output.Path, "out"));

        var warning = diagnostics.ToList().ShouldHaveSingleItem();
        warning.Id.ShouldBe("DG0501");
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.File.ShouldBe(missing);
        warning.Message.ShouldContain(missing);
        using var bom = JsonDocument.Parse(EmitterRunner.Read(Path.Combine(output.Path, "out"), ManifestEmitter.SbomPath));
        bom.RootElement.GetProperty("components").GetArrayLength().ShouldBe(0);
        bom.RootElement.GetProperty("compositions")[0].GetProperty("aggregate").GetString().ShouldBe("unknown");
        ManifestEmitterTests.Property(bom.RootElement.GetProperty("metadata"), CycloneDxWriter.UnresolvedProperty)!.ShouldContain(missing);
        EmitterRunner.Read(Path.Combine(output.Path, "out"), ManifestEmitter.LockListPath).ShouldContain("# INCOMPLETE:");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"version\": 3, \"targets\": [1, 2]}")]
    [InlineData("[]")]
    public void Emit_AssetsFileMalformed_WarnsAndStillWritesManifest(string content)
    {
        using var temp = new TempDirectory();
        var assets = temp.Write("project.assets.json", content);

        var (diagnostics, _) = EmitterRunner.Emit(fixture.Inputs(assetsFile: assets), temp.Combine("out"));

        var warning = diagnostics.ToList().ShouldHaveSingleItem();
        warning.Id.ShouldBeOneOf("DG0502", "DG0503");
        warning.File.ShouldBe(assets);
        File.Exists(temp.Combine("out", "manifest", "sbom.cdx.json")).ShouldBeTrue();
        using (var bom = JsonDocument.Parse(EmitterRunner.Read(temp.Combine("out"), ManifestEmitter.SbomPath)))
            bom.RootElement.GetProperty("bomFormat").GetString().ShouldBe("CycloneDX");
        EmitterRunner.Read(temp.Combine("out"), ManifestEmitter.MarkdownPagePath).ShouldContain("**Incomplete:**");
    }

    [Fact]
    public void Emit_FrameworkNotRestored_WarnsListingTheRestoredOnes()
    {
        using var output = new TempDirectory();

        var (diagnostics, _) = EmitterRunner.Emit(fixture.Inputs(targetFramework: "net8.0"), output.Path);

        var warning = diagnostics.ToList().ShouldHaveSingleItem();
        warning.Id.ShouldBe("DG0503");
        warning.Message.ShouldContain("'net8.0'");
        warning.Message.ShouldContain("it has: net10.0");
    }

    [Fact]
    public void Emit_PackageMissingFromPackagesFolder_WarnsAndMarksComponentUnresolved()
    {
        using var temp = new TempDirectory();
        var packages = CopyNuspecsExcept(temp.Combine("packages"), "newtonsoft.json");

        var (diagnostics, _) = EmitterRunner.Emit(fixture.Inputs(packagesRoot: packages), temp.Combine("out"));

        var warning = diagnostics.ToList().ShouldHaveSingleItem();
        warning.Id.ShouldBe("DG0504");
        warning.Message.ShouldContain("Newtonsoft.Json 13.0.3");
        warning.File.ShouldBe(Path.Combine(packages, "newtonsoft.json", "13.0.3", "newtonsoft.json.nuspec"));

        using var bom = JsonDocument.Parse(EmitterRunner.Read(temp.Combine("out"), ManifestEmitter.SbomPath));
        var components = ManifestEmitterTests.Components(bom);
        var json = components["Newtonsoft.Json"];
        ManifestEmitterTests.Property(json, CycloneDxWriter.UnresolvedProperty)!.ShouldContain("not found in the packages folder");
        json.TryGetProperty("licenses", out _).ShouldBeFalse();
        json.GetProperty("purl").GetString().ShouldBe("pkg:nuget/Newtonsoft.Json@13.0.3");
        // The others were read from the private folder.
        components["Markdig"].GetProperty("licenses")[0].GetProperty("expression").GetString().ShouldBe("BSD-2-Clause");
        EmitterRunner.Read(temp.Combine("out"), ManifestEmitter.MarkdownPagePath).ShouldContain("unknown (unresolved:");
    }

    [Fact]
    public void Emit_NuspecMalformed_WarnsAndMarksComponentUnresolved()
    {
        using var temp = new TempDirectory();
        var packages = CopyNuspecsExcept(temp.Combine("packages"), "none");
        var nuspec = Path.Combine(packages, "markdig", "1.6.0", "markdig.nuspec");
        File.WriteAllText(nuspec, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><package><metadata>&a;</metadata></package>");

        var (diagnostics, _) = EmitterRunner.Emit(fixture.Inputs(packagesRoot: packages), temp.Combine("out"));

        var warning = diagnostics.ToList().ShouldHaveSingleItem();
        warning.Id.ShouldBe("DG0505");
        warning.File.ShouldBe(nuspec);
        using var bom = JsonDocument.Parse(EmitterRunner.Read(temp.Combine("out"), ManifestEmitter.SbomPath));
        ManifestEmitterTests.Property(ManifestEmitterTests.Components(bom)["Markdig"], CycloneDxWriter.UnresolvedProperty).ShouldNotBeNull();
    }

    [Fact]
    public void Emit_NoAssetsFileKnown_OnlyInfoAndProjectOnlyManifest()
    {
        using var output = new TempDirectory();

        var (diagnostics, _) = EmitterRunner.Emit(fixture.Inputs() with { ProjectAssetsFile = null }, output.Path);

        diagnostics.ToList().ShouldHaveSingleItem().Severity.ShouldBe(DiagnosticSeverity.Info);
        using var bom = JsonDocument.Parse(EmitterRunner.Read(output.Path, ManifestEmitter.SbomPath));
        bom.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString().ShouldBe("WithPackages");
    }

    [Fact]
    public void Emit_PreviousSbomCorrupt_WritesFreshOne()
    {
        using var output = new TempDirectory();
        // A folder of an earlier DocGen version (a file list without hashes) whose SBOM got damaged.
        output.Write(".docgen-files.txt", "manifest/sbom.cdx.json\n");
        output.Write("manifest/sbom.cdx.json", "{ broken");

        var (diagnostics, _) = EmitterRunner.Emit(fixture.Inputs(), output.Path);

        diagnostics.ToList().ShouldContain(d => d.Id == "DG0507");
        using var bom = JsonDocument.Parse(EmitterRunner.Read(output.Path, ManifestEmitter.SbomPath));
        bom.RootElement.GetProperty("components").GetArrayLength().ShouldBe(12);
    }

    // A private packages folder holding only the nuspecs the manifest reads, so no test touches the machine's folder.
    private string CopyNuspecsExcept(string target, string excludedFolder)
    {
        var set = AssetsFileReader.Read(fixture.Inputs());
        using var assets = JsonDocument.Parse(File.ReadAllText(fixture.AssetsFile));
        var source = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        foreach (var p in set.Packages)
        {
            var folder = Path.Combine(p.Id.ToLowerInvariant(), p.Version.ToLowerInvariant());
            if (p.Id.Equals(excludedFolder, StringComparison.OrdinalIgnoreCase)) continue;
            var nuspec = Path.Combine(folder, p.Id.ToLowerInvariant() + ".nuspec");
            Directory.CreateDirectory(Path.Combine(target, folder));
            File.Copy(Path.Combine(source, nuspec), Path.Combine(target, nuspec));
        }
        return target;
    }
}
