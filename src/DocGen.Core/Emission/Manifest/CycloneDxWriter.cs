using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Manifest;

/// <summary>The two fields of a BOM that identify one issue of it rather than its content.</summary>
/// <param name="SerialNumber"><c>urn:uuid:…</c>.</param>
/// <param name="Timestamp">When the BOM was made; null to leave it out.</param>
public sealed record BomIdentity(string SerialNumber, DateTimeOffset? Timestamp);

/// <summary>Renders a <see cref="DependencySet"/> as a CycloneDX 1.6 JSON BOM.</summary>
/// <remarks>
/// Output is a pure function of the set, the identity and the tool version: components and edges are
/// sorted, so the same restore always gives the same bytes.
/// </remarks>
public static class CycloneDxWriter
{
    /// <summary>The CycloneDX specification version written.</summary>
    public const string SpecVersion = "1.6";

    /// <summary>The property that marks what could not be read.</summary>
    public const string UnresolvedProperty = "docgen:unresolved";

    private static readonly BomIdentity Placeholder = new("urn:uuid:00000000-0000-0000-0000-000000000000", null);

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // A JSON file, never embedded in HTML: keep non-ASCII names readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Renders the BOM as UTF-8 JSON ending in a newline.</summary>
    public static byte[] Write(DependencySet set, BomIdentity identity, string toolVersion)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://cyclonedx.org/schema/bom-" + SpecVersion + ".schema.json");
            json.WriteString("bomFormat", "CycloneDX");
            json.WriteString("specVersion", SpecVersion);
            json.WriteString("serialNumber", identity.SerialNumber);
            json.WriteNumber("version", 1);
            WriteMetadata(json, set, identity, toolVersion);

            json.WriteStartArray("components");
            foreach (var dependency in set.Dependencies) WriteComponent(json, dependency);
            json.WriteEndArray();

            WriteDependencies(json, set);
            if (set.Unreadable is not null)
            {
                // The graph below the project is not known: say so in the form BOM tools understand.
                json.WriteStartArray("compositions");
                json.WriteStartObject();
                json.WriteString("aggregate", "unknown");
                json.WriteStartArray("dependencies");
                json.WriteStringValue(RootRef(set));
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>SHA-256 of the BOM without its identity: equal exactly when two BOMs differ only by serial number and timestamp.</summary>
    public static byte[] ContentHash(DependencySet set, string toolVersion) =>
        SHA256.HashData(Write(set, Placeholder, toolVersion));

    /// <summary>A serial number derived from <paramref name="contentHash"/>: an RFC 9562 version 8 (custom) UUID.</summary>
    public static string SerialFromHash(ReadOnlySpan<byte> contentHash)
    {
        Span<byte> b = stackalloc byte[16];
        contentHash[..16].CopyTo(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x80); // version 8
        b[8] = (byte)((b[8] & 0x3F) | 0x80); // RFC variant
        var hex = Convert.ToHexStringLower(b);
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>The <c>bom-ref</c> of the project itself.</summary>
    public static string RootRef(DependencySet set) => "project:" + set.ProjectName + "@" + set.ProjectVersion;

    /// <summary>The <c>bom-ref</c> of a dependency: its purl for a package.</summary>
    public static string RefOf(ResolvedDependency d) => d.Purl ?? "project:" + d.Id + "@" + d.Version;

    private static void WriteMetadata(Utf8JsonWriter json, DependencySet set, BomIdentity identity, string toolVersion)
    {
        json.WriteStartObject("metadata");
        if (identity.Timestamp is { } time)
            json.WriteString("timestamp", time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        // Made from the restore's resolved graph during the build: the "build" phase in CycloneDX terms.
        json.WriteStartArray("lifecycles");
        json.WriteStartObject();
        json.WriteString("phase", "build");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", "DocGen");
        json.WriteString("version", toolVersion);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("component");
        json.WriteString("type", "library");
        json.WriteString("bom-ref", RootRef(set));
        json.WriteString("name", set.ProjectName);
        json.WriteString("version", set.ProjectVersion);
        json.WriteEndObject();

        json.WriteStartArray("properties");
        WriteProperty(json, "docgen:targetFramework", set.TargetFramework);
        if (set.TargetKey is not null) WriteProperty(json, "docgen:assetsTarget", set.TargetKey);
        if (set.Unreadable is not null) WriteProperty(json, UnresolvedProperty, set.Unreadable);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter json, ResolvedDependency d)
    {
        json.WriteStartObject();
        json.WriteString("type", "library");
        json.WriteString("bom-ref", RefOf(d));
        if (d.Authors.Length > 0)
        {
            json.WriteStartArray("authors");
            foreach (var author in d.Authors)
            {
                json.WriteStartObject();
                json.WriteString("name", author);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteString("name", d.Id);
        json.WriteString("version", d.Version);
        if (d.Description is not null) json.WriteString("description", d.Description);
        // A build-time tool (analyzer, MinVer, SourceLink, reference assemblies) is not part of what ships.
        json.WriteString("scope", d.IsDevelopmentDependency ? "excluded" : "required");
        if (d.Sha512 is not null)
        {
            json.WriteStartArray("hashes");
            json.WriteStartObject();
            json.WriteString("alg", "SHA-512");
            json.WriteString("content", d.Sha512);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        WriteLicenses(json, d.License);
        if (d.Purl is not null) json.WriteString("purl", d.Purl);
        if (d.ProjectUrl is not null)
        {
            json.WriteStartArray("externalReferences");
            json.WriteStartObject();
            json.WriteString("url", d.ProjectUrl);
            json.WriteString("type", "website");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteStartArray("properties");
        WriteProperty(json, "docgen:direct", d.IsDirect ? "true" : "false");
        if (d.IsAutoReferenced) WriteProperty(json, "docgen:autoReferenced", "true");
        if (d.IsDevelopmentDependency) WriteProperty(json, "docgen:developmentDependency", "true");
        if (d.ProjectPath is not null) WriteProperty(json, "docgen:projectReference", d.ProjectPath);
        if (d.Unresolved is not null) WriteProperty(json, UnresolvedProperty, d.Unresolved);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLicenses(Utf8JsonWriter json, PackageLicense license)
    {
        if (license.Kind == LicenseKind.None || string.IsNullOrEmpty(license.Value)) return;
        json.WriteStartArray("licenses");
        json.WriteStartObject();
        if (license.Kind == LicenseKind.Expression)
        {
            json.WriteString("expression", license.Value);
            json.WriteString("acknowledgement", "declared");
        }
        else
        {
            // Only an SPDX id may go in "id"; a URL or a file is a named license pointing at the text.
            json.WriteStartObject("license");
            json.WriteString("name", license.Kind == LicenseKind.File ? "License file in package: " + license.Value : "See license URL");
            json.WriteString("acknowledgement", "declared");
            if (license.Url is not null) json.WriteString("url", license.Url);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteDependencies(Utf8JsonWriter json, DependencySet set)
    {
        json.WriteStartArray("dependencies");
        // The root's edges are its runtime graph; build-time tools stay listed (scope "excluded") but hang off nothing.
        WriteEdges(json, RootRef(set), set.Dependencies.Where(d => d.IsDirect && !d.IsDevelopmentDependency).Select(RefOf));
        foreach (var d in set.Dependencies)
            WriteEdges(json, RefOf(d), d.DependsOn.Select(set.Find).OfType<ResolvedDependency>().Select(RefOf));
        json.WriteEndArray();
    }

    private static void WriteEdges(Utf8JsonWriter json, string from, IEnumerable<string> to)
    {
        json.WriteStartObject();
        json.WriteString("ref", from);
        json.WriteStartArray("dependsOn");
        foreach (var target in to.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) json.WriteStringValue(target);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
