using DocGen.Core.Options;

namespace DocGen.Core.Emission;

/// <summary>Writes the CycloneDX SBOM and lock list under <c>manifest/</c>. (Stub.)</summary>
public sealed class ManifestEmitter : IEmitter
{
    public string Name => "manifest";
    public bool IsEnabled(DocGenOptions options) => options.Formats.HasFlag(OutputFormats.Manifest);
    public void Emit(EmissionContext context) { }
}
