using System.Collections.Immutable;
using DocGen.Core.Diagnostics;

namespace DocGen.Core.Model;

/// <summary>Whether a dependency is a NuGet package or another project of the build.</summary>
public enum DependencyKind
{
    /// <summary>A NuGet package restored into the packages folder.</summary>
    Package,
    /// <summary>A <c>ProjectReference</c>.</summary>
    Project,
}

/// <summary>How a package states its license in its <c>.nuspec</c>.</summary>
public enum LicenseKind
{
    /// <summary>The nuspec says nothing usable about the license.</summary>
    None,
    /// <summary><c>&lt;license type="expression"&gt;</c>: an SPDX license expression such as <c>MIT</c>.</summary>
    Expression,
    /// <summary><c>&lt;license type="file"&gt;</c>: a file inside the package; <see cref="PackageLicense.Value"/> is its path.</summary>
    File,
    /// <summary>Only the deprecated <c>&lt;licenseUrl&gt;</c>.</summary>
    Url,
}

/// <summary>A package's license as its nuspec states it. Every string is untrusted text from the package.</summary>
/// <param name="Kind">Which form the nuspec uses.</param>
/// <param name="Value">The SPDX expression, the file path inside the package, or the URL.</param>
/// <param name="Url">The license URL when there is one (for an expression, NuGet's <c>licenses.nuget.org</c> link).</param>
public sealed record PackageLicense(LicenseKind Kind, string? Value, string? Url)
{
    /// <summary>No license information.</summary>
    public static PackageLicense Unknown { get; } = new(LicenseKind.None, null, null);

    /// <summary>A short human-readable form: the expression, <c>file: LICENSE.txt</c>, the URL, or <c>unknown</c>.</summary>
    public string Display => Kind switch
    {
        LicenseKind.Expression => Value ?? "unknown",
        LicenseKind.File => "file: " + Value,
        LicenseKind.Url => Value ?? "unknown",
        _ => "unknown",
    };
}

/// <summary>
/// One resolved dependency of the documented target framework: a package or a project reference.
/// Metadata from the nuspec (license, authors, description, project URL) is untrusted text.
/// </summary>
public sealed record ResolvedDependency
{
    /// <summary>Package id (as the assets file spells it) or project name.</summary>
    public required string Id { get; init; }
    /// <summary>The resolved (normalised) version.</summary>
    public required string Version { get; init; }
    public DependencyKind Kind { get; init; } = DependencyKind.Package;
    /// <summary>True when the project references it itself (a <c>PackageReference</c> or <c>ProjectReference</c>), false when it came in transitively.</summary>
    public bool IsDirect { get; init; }
    /// <summary>True for packages the SDK references implicitly (e.g. <c>NETStandard.Library</c>).</summary>
    public bool IsAutoReferenced { get; init; }
    /// <summary>
    /// True when the package is not a runtime dependency of the project: referenced with <c>PrivateAssets="all"</c>
    /// or without its runtime assets, a <c>developmentDependency</c> package (analyzers, MinVer, SourceLink, reference
    /// assemblies), or reachable only through such packages. The SBOM marks it <c>scope: excluded</c>.
    /// </summary>
    public bool IsDevelopmentDependency { get; init; }
    /// <summary>Ids of the dependencies of this one that the target resolved, sorted (case-insensitively).</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];
    public PackageLicense License { get; init; } = PackageLicense.Unknown;
    /// <summary>Nuspec <c>&lt;authors&gt;</c>, split at commas.</summary>
    public ImmutableArray<string> Authors { get; init; } = [];
    public string? Description { get; init; }
    /// <summary>Nuspec <c>&lt;projectUrl&gt;</c> when it is an absolute http(s) URL.</summary>
    public string? ProjectUrl { get; init; }
    /// <summary>The package's SHA-512 (lower-case hex) from the assets file, when known.</summary>
    public string? Sha512 { get; init; }
    /// <summary>For a project reference: its path relative to the project, as the assets file has it.</summary>
    public string? ProjectPath { get; init; }
    /// <summary>Why the nuspec metadata could not be read (missing folder, malformed file); null when it was read.</summary>
    public string? Unresolved { get; init; }

    /// <summary>Package URL, <c>pkg:nuget/Id@Version</c>, for packages; null for projects.</summary>
    public string? Purl => Kind == DependencyKind.Package ? PackageUrl.ForNuGet(Id, Version) : null;
}

/// <summary>
/// The resolved dependency set of one project for one target framework, read from
/// <c>project.assets.json</c> and the nuspecs in the packages folder. Immutable; what could not be
/// read is marked (<see cref="Unreadable"/>, <see cref="ResolvedDependency.Unresolved"/>) and
/// explained in <see cref="Diagnostics"/>, never thrown.
/// </summary>
public sealed record DependencySet
{
    /// <summary>Display name of the project.</summary>
    public required string ProjectName { get; init; }
    /// <summary>The project's version from the assets file (<c>1.0.0</c> when unknown).</summary>
    public string ProjectVersion { get; init; } = "1.0.0";
    /// <summary>The target framework this set is for, e.g. <c>net10.0</c>.</summary>
    public string TargetFramework { get; init; } = "";
    /// <summary>The assets file read (or looked for), or null when none was known.</summary>
    public string? AssetsFile { get; init; }
    /// <summary>The assets <c>targets</c> key used, e.g. <c>net10.0</c> or <c>net10.0/linux-x64</c>.</summary>
    public string? TargetKey { get; init; }
    /// <summary>Packages and project references, sorted by id (case-insensitively), then version.</summary>
    public ImmutableArray<ResolvedDependency> Dependencies { get; init; } = [];
    /// <summary>Why the dependency graph itself could not be read (no assets file, bad JSON, unknown framework); null when it was read.</summary>
    public string? Unreadable { get; init; }
    /// <summary>Warnings and notes found while reading; the emitter reports them.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The packages only.</summary>
    public IEnumerable<ResolvedDependency> Packages => Dependencies.Where(d => d.Kind == DependencyKind.Package);

    /// <summary>The direct dependencies (packages and projects).</summary>
    public IEnumerable<ResolvedDependency> Direct => Dependencies.Where(d => d.IsDirect);

    /// <summary>
    /// The set with the version the build stamped into the assembly: <c>AssemblyInformationalVersion</c> (which the SDK
    /// takes from <c>$(Version)</c>, and which tools such as MinVer set after restore), without its <c>+commit</c> build
    /// metadata. The assets file only knows the project file's version at restore time, often the default <c>1.0.0</c>.
    /// </summary>
    public DependencySet WithStampedVersion(Model.ApiModel? model)
    {
        var stamped = model?.Assemblies.FirstOrDefault()?.InformationalVersion?.Split('+')[0].Trim();
        return string.IsNullOrEmpty(stamped) ? this : this with { ProjectVersion = stamped };
    }

    /// <summary>Finds a dependency by id (case-insensitive, like NuGet).</summary>
    public ResolvedDependency? Find(string id) => Dependencies.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
}
