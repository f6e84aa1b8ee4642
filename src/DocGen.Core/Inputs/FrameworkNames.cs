using System.Globalization;

namespace DocGen.Core.Inputs;

/// <summary>
/// Compares target framework names in the forms an assets file uses: short folder names
/// (<c>net10.0</c>, <c>netstandard2.0</c>, <c>net472</c>) and, in older files, full names
/// (<c>.NETCoreApp,Version=v10.0</c>, <c>.NETStandard,Version=v2.0</c>).
/// </summary>
internal static class FrameworkNames
{
    /// <summary>True when both name the same framework (case-insensitively, after normalising).</summary>
    public static bool Same(string? a, string? b) =>
        !string.IsNullOrEmpty(a) && !string.IsNullOrEmpty(b) && string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The short folder name for a full framework name; other names are returned lower-cased.</summary>
    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        var comma = trimmed.IndexOf(",Version=v", StringComparison.OrdinalIgnoreCase);
        if (comma < 0) return trimmed.ToLowerInvariant();

        var identifier = trimmed[..comma].ToLowerInvariant();
        var rest = trimmed[(comma + ",Version=v".Length)..];
        var extra = rest.IndexOf(',');
        var versionText = extra < 0 ? rest : rest[..extra];
        if (!Version.TryParse(versionText.Contains('.') ? versionText : versionText + ".0", out var version)) return trimmed.ToLowerInvariant();
        var v = version.Major.ToString(CultureInfo.InvariantCulture) + "." + version.Minor.ToString(CultureInfo.InvariantCulture);
        return identifier switch
        {
            ".netcoreapp" when version.Major >= 5 => "net" + v,
            ".netcoreapp" => "netcoreapp" + v,
            ".netstandard" => "netstandard" + v,
            // .NET Framework folder names drop the dots: v4.7.2 → net472.
            ".netframework" => "net" + versionText.Replace(".", "", StringComparison.Ordinal),
            _ => trimmed.ToLowerInvariant(),
        };
    }
}
