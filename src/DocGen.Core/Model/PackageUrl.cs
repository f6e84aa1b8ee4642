using System.Text;

namespace DocGen.Core.Model;

/// <summary>Builds package URLs (purl, https://github.com/package-url/purl-spec) for NuGet packages.</summary>
public static class PackageUrl
{
    /// <summary><c>pkg:nuget/Id@Version</c>, with every character outside the purl-safe set percent-encoded.</summary>
    /// <remarks>NuGet ids keep their case: the purl type <c>nuget</c> is case-preserving.</remarks>
    public static string ForNuGet(string id, string version) => "pkg:nuget/" + Encode(id) + "@" + Encode(version);

    private static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
