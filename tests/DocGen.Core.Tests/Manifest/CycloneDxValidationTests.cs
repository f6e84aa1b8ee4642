using DocGen.Core.Emission;
using DocGen.Tests.Shared;
using DocGen.Core.Emission.Manifest;

namespace DocGen.Core.Tests.Manifest;

/// <summary>
/// Proves the SBOM is readable by the CycloneDX ecosystem: the official CycloneDX JavaScript library
/// validates it against the JSON schema of the spec version we write (tests/tools/cyclonedx).
/// </summary>
[Collection(RestoredFixturesCollection.Name)]
public sealed class CycloneDxValidationTests(RestoredFixtures fixture)
{
    private static readonly string ToolFolder = Path.Combine(Fixtures.RepositoryRoot, "tests", "tools", "cyclonedx");

    [Fact]
    public async Task Validate_SbomOfRestoredProject_AcceptedByCycloneDxLibrary()
    {
        using var output = new TempDirectory();
        EmitterRunner.Emit(fixture.Inputs(), output.Path);

        var result = await ValidateAsync(Path.Combine(output.Path, ManifestEmitter.SbomPath));

        result.ExitCode.ShouldBe(0, result.Output);
        result.StdOut.ShouldContain("valid CycloneDX 1.6 BOM (12 components)");
    }

    [Fact]
    public async Task Validate_SbomWithUnreadableParts_StillAccepted()
    {
        using var output = new TempDirectory();
        EmitterRunner.Emit(fixture.Inputs(assetsFile: output.Combine("missing.json")), output.Combine("out"));

        var result = await ValidateAsync(output.Combine("out", "manifest", "sbom.cdx.json"));

        result.ExitCode.ShouldBe(0, result.Output);
    }

    [Theory]
    [InlineData("\"serialNumber\": \"urn:uuid:", "\"serialNumber\": \"uuid:", "/serialNumber")]
    [InlineData("\"acknowledgement\": \"declared\"", "\"acknowledgement\": \"guessed\"", "acknowledgement")]
    [InlineData("\"type\": \"library\"", "\"type\": \"nuget-package\"", "/type")]
    [InlineData("\"alg\": \"SHA-512\"", "\"alg\": \"sha512\"", "/alg")]
    public async Task Validate_DeliberatelyBrokenBom_Rejected(string valid, string invalid, string reported)
    {
        using var output = new TempDirectory();
        EmitterRunner.Emit(fixture.Inputs(), output.Path);
        var text = File.ReadAllText(Path.Combine(output.Path, ManifestEmitter.SbomPath));
        text.ShouldContain(valid);

        var result = await ValidateAsync(output.Write("broken.cdx.json", text.Replace(valid, invalid, StringComparison.Ordinal)));

        result.ExitCode.ShouldBe(1, result.Output);
        result.StdErr.ShouldContain("not a valid CycloneDX 1.6 BOM");
        result.StdErr.ShouldContain(reported);
    }

    [Fact]
    public async Task Validate_DanglingDependencyReference_Rejected()
    {
        using var output = new TempDirectory();
        EmitterRunner.Emit(fixture.Inputs(), output.Path);
        var broken = File.ReadAllText(Path.Combine(output.Path, ManifestEmitter.SbomPath))
            .Replace("\"ref\": \"pkg:nuget/Markdig@1.6.0\"", "\"ref\": \"pkg:nuget/Markdig@9.9.9\"", StringComparison.Ordinal);

        var result = await ValidateAsync(output.Write("dangling.cdx.json", broken));

        result.ExitCode.ShouldBe(1, result.Output);
        result.StdErr.ShouldContain("pkg:nuget/Markdig@9.9.9");
    }

    private static async Task<ProcessResult> ValidateAsync(string bom)
    {
        Directory.Exists(Path.Combine(ToolFolder, "node_modules", "@cyclonedx", "cyclonedx-library")).ShouldBeTrue(
            "The CycloneDX validator is not installed. Run: npm ci --prefix tests/tools/cyclonedx");
        return await ProcessRunner.RunAsync("node", [Path.Combine(ToolFolder, "validate.mjs"), bom, "--spec", "1.6"], ToolFolder, timeout: TimeSpan.FromMinutes(1));
    }
}
