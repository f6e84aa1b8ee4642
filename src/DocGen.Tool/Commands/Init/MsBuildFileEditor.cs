using System.Xml;
using System.Xml.Linq;

namespace DocGen.Tool.Commands.Init;

/// <summary>
/// Plans the lines <c>docgen init</c> adds to a project file, <c>Directory.Build.props</c> or
/// <c>Directory.Packages.props</c>: blocks inserted before the closing <c>&lt;/Project&gt;</c> line, indented like the
/// file and with its line ending, everything else left byte for byte. The XML is only read (to see what is there).
/// </summary>
internal static class MsBuildFileEditor
{
    /// <summary>The comment that marks the properties block, so a second init finds it and adds nothing.</summary>
    public const string PropertiesMarker = "DocGen properties (docgen init)";

    /// <summary>A new file holding only the blocks.</summary>
    public static FileEdit Create(string path, IReadOnlyList<string> block) =>
        new(path, null, [new LineInsertion(0, ["<Project>", .. block.Select(l => l.Length == 0 ? l : "  " + l), "</Project>"])], "\n");

    /// <summary>The blocks inserted before <c>&lt;/Project&gt;</c>; null when the file has no closing tag on a line of its own.</summary>
    public static FileEdit? Append(string path, string text, IReadOnlyList<string> block)
    {
        var lines = FileEdit.SplitLines(text);
        var closing = lines.FindLastIndex(l => l.Trim() == "</Project>");
        if (closing < 0) return null;
        var indent = Indentation(lines);
        // One blank line between what is there and the new blocks.
        var inserted = closing > 0 && lines[closing - 1].Trim().Length == 0 ? new List<string>() : [""];
        inserted.AddRange(block.Select(l => Reindent(l, indent)));
        return new FileEdit(path, text, [new LineInsertion(closing, inserted)], FileEdit.DetectLineEnding(text));
    }

    /// <summary>A block line (written with two-space steps) one level in, in the file's own indentation unit.</summary>
    private static string Reindent(string line, string unit)
    {
        if (line.Length == 0) return line;
        var trimmed = line.TrimStart(' ');
        var leading = line.Length - trimmed.Length;
        return string.Concat(Enumerable.Repeat(unit, 1 + leading / 2)) + new string(' ', leading % 2) + trimmed;
    }

    /// <summary>The indentation unit of the file's first indented element line (two spaces when none is).</summary>
    private static string Indentation(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('<') && trimmed.Length < line.Length) return line[..(line.Length - trimmed.Length)];
        }
        return "  ";
    }

    /// <summary>Reads what the file says; null when it is not XML (init then leaves it alone).</summary>
    public static XDocument? Load(string text)
    {
        try { return XDocument.Parse(text); }
        catch (XmlException) { return null; }
    }

    /// <summary>True when a <c>PackageReference</c> (or <c>PackageVersion</c>) names <paramref name="package"/>.</summary>
    public static bool References(XDocument document, string element, string package) =>
        document.Descendants().Any(e => e.Name.LocalName == element
            && string.Equals((string?)e.Attribute("Include") ?? (string?)e.Attribute("Update"), package, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the file turns on central package management.</summary>
    public static bool ManagesVersionsCentrally(XDocument document) =>
        document.Descendants().Any(e => e.Name.LocalName == "ManagePackageVersionsCentrally" && e.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the properties block is already there.</summary>
    public static bool HasPropertiesBlock(string text) => text.Contains(PropertiesMarker, StringComparison.Ordinal);

    /// <summary>The package reference, as an ItemGroup (without a version under central package management).</summary>
    public static IReadOnlyList<string> ReferenceBlock(string version, bool central) =>
    [
        "<ItemGroup>",
        central
            ? "  <PackageReference Include=\"DocGen.Build\" PrivateAssets=\"all\" />"
            : $"  <PackageReference Include=\"DocGen.Build\" Version=\"{version}\" PrivateAssets=\"all\" />",
        "</ItemGroup>",
    ];

    /// <summary>The version entry for <c>Directory.Packages.props</c>.</summary>
    public static IReadOnlyList<string> VersionBlock(string version) =>
    [
        "<ItemGroup>",
        $"  <PackageVersion Include=\"DocGen.Build\" Version=\"{version}\" />",
        "</ItemGroup>",
    ];

    /// <summary>The commented block of the common properties (docs/msbuild.md has them all).</summary>
    public static IReadOnlyList<string> PropertiesBlock() =>
    [
        $"<!-- {PropertiesMarker}: every build writes the API site to obj/<Configuration>/<tfm>/docgen/site/index.html.",
        "     Uncomment what you need; docs/msbuild.md lists every property. -->",
        "<PropertyGroup>",
        "  <!-- <DocGenFormats>html;markdown;manifest</DocGenFormats> -->",
        "  <!-- <DocGenOutputPath>$(MSBuildProjectDirectory)/site/</DocGenOutputPath> -->",
        "  <!-- <DocGenIncludeInternals>true</DocGenIncludeInternals> -->",
        "  <!-- Docs written by a language model where a member has none; the key comes from OPENAI_API_KEY: -->",
        "  <!-- <DocGenProvider>openai</DocGenProvider> -->",
        "  <!-- <DocGenModel>gpt-4o-mini</DocGenModel> -->",
        "  <!-- <DocGenEndpoint>http://localhost:11434/v1</DocGenEndpoint> -->",
        "  <!-- <DocGenCacheDirectory>$(MSBuildThisFileDirectory).docgen-cache/</DocGenCacheDirectory> -->",
        "  <!-- <DocGenCacheMaxSize>500MB</DocGenCacheMaxSize> -->",
        "  <!-- <DocGenMinCoverage>80</DocGenMinCoverage> -->",
        "  <!-- <DocGenEnabled>false</DocGenEnabled> -->",
        "</PropertyGroup>",
    ];
}
