using DocGen.Core.Model;
using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace DocGen.Core.Inputs;

/// <summary>The parts of a <c>.nuspec</c> that a manifest shows. Every string is untrusted text from the package.</summary>
public sealed record NuspecMetadata(PackageLicense License, ImmutableArray<string> Authors, string? Description, string? ProjectUrl)
{
    /// <summary>The nuspec's <c>&lt;developmentDependency&gt;true&lt;/developmentDependency&gt;</c>: a build-time tool (analyzers, MinVer, SourceLink), never shipped.</summary>
    public bool DevelopmentDependency { get; init; }
}

/// <summary>Reads package metadata from a <c>.nuspec</c> file in the packages folder, offline.</summary>
public static class NuspecReader
{
    // Descriptions are shown in tables; a package cannot make the manifest arbitrarily large.
    private const int MaxDescriptionLength = 2000;

    // NuGet writes this placeholder into <licenseUrl> of packages that use <license>; it says nothing about the license.
    private const string DeprecatedLicenseUrl = "https://aka.ms/deprecateLicenseUrl";

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    /// <exception cref="XmlException">The file is not well-formed XML (DTDs are refused).</exception>
    public static NuspecMetadata Read(string path)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 4 * 1024 * 1024,
        };
        using var reader = XmlReader.Create(path, settings);
        return Parse(XDocument.Load(reader));
    }

    /// <summary>Parses nuspec XML already loaded (any nuspec schema namespace).</summary>
    public static NuspecMetadata Parse(XDocument document)
    {
        // The nuspec namespace changes with the schema version, so match on local names only.
        var metadata = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
        string? Text(string name) => metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } v ? v : null;

        var licenseElement = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
        var licenseUrl = HttpUrl(Text("licenseUrl"));
        if (string.Equals(licenseUrl, DeprecatedLicenseUrl, StringComparison.OrdinalIgnoreCase)) licenseUrl = null;

        var license = PackageLicense.Unknown;
        var licenseValue = licenseElement?.Value.Trim();
        if (!string.IsNullOrEmpty(licenseValue))
        {
            var type = (string?)licenseElement!.Attribute("type");
            license = string.Equals(type, "file", StringComparison.OrdinalIgnoreCase)
                ? new PackageLicense(LicenseKind.File, licenseValue, null)
                : new PackageLicense(LicenseKind.Expression, licenseValue, licenseUrl);
        }
        else if (licenseUrl is not null)
        {
            license = new PackageLicense(LicenseKind.Url, licenseUrl, licenseUrl);
        }

        var authors = (Text("authors") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToImmutableArray();
        var description = Text("description");
        if (description is { Length: > MaxDescriptionLength }) description = description[..MaxDescriptionLength] + "…";
        return new NuspecMetadata(license, authors, description, HttpUrl(Text("projectUrl")))
        {
            DevelopmentDependency = string.Equals(Text("developmentDependency"), "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The URL in canonical escaped form when it is an absolute http(s) URL, else null (anything else is not a link we pass on).</summary>
    internal static string? HttpUrl(string? value)
    {
        if (value is null || !Uri.TryCreate(value, UriKind.Absolute, out var uri)) return null;
        return uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }
}
