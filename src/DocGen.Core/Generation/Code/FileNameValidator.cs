using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DocGen.Core.Generation.Code;

/// <summary>
/// Checks the file names a model proposes before anything is written, and derives a unit's folder
/// name from its spec. A name from a model is untrusted input: it must be relative, stay inside the
/// unit folder, avoid device names and characters some file system refuses, carry an extension that
/// fits the unit's language, and no segment may exceed 255 UTF-8 bytes.
/// </summary>
public static class FileNameValidator
{
    /// <summary>Most folders a generated path may have.</summary>
    public const int MaxDepth = 8;

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    private static readonly Dictionary<CodeLanguage, string[]> Extensions = new()
    {
        [CodeLanguage.CSharp] = [".cs", ".json", ".md", ".txt", ".xml"],
        [CodeLanguage.TypeScript] = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".json", ".md", ".css"],
        [CodeLanguage.JavaScript] = [".js", ".mjs", ".cjs", ".jsx", ".json", ".md", ".css"],
        [CodeLanguage.Python] = [".py", ".pyi", ".json", ".md", ".txt", ".toml", ".cfg", ".ini"],
    };

    /// <summary>Files the manifest step writes itself; a model may not propose them.</summary>
    private static readonly HashSet<string> ManifestNames = new(StringComparer.OrdinalIgnoreCase) { "package.json", "requirements.txt" };

    /// <summary>The extensions accepted for <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> AllowedExtensions(CodeLanguage language) => Extensions[language];

    /// <summary>Validates a generated file's name (forward or back slashes separate folders).</summary>
    /// <returns>Null when it is acceptable, else the reason.</returns>
    public static string? Validate(string? fileName, CodeLanguage language)
    {
        var pathError = ValidatePath(fileName);
        if (pathError is not null) return pathError;
        var normalized = fileName!.Replace('\\', '/');
        var name = normalized[(normalized.LastIndexOf('/') + 1)..];
        if (name.StartsWith('.')) return $"'{name}' is a hidden file name";
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension.Length == 0 || !Extensions[language].Contains(extension))
            return $"'{name}' does not have an extension for {language} ({string.Join(", ", Extensions[language])})";
        if (ManifestNames.Contains(name)) return $"'{name}' is written by DocGen's manifest step, not by the model";
        return null;
    }

    /// <summary>Validates a relative folder (a spec's <c>target</c>).</summary>
    /// <returns>Null when acceptable, else the reason.</returns>
    public static string? ValidateFolder(string? folder) => ValidatePath(folder?.TrimEnd('/', '\\'));

    /// <summary>Normalises an accepted name: forward slashes, no leading <c>./</c>.</summary>
    public static string Normalize(string fileName) => fileName.Replace('\\', '/');

    private static string? ValidatePath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return "the name is empty";
        if (path != path.Trim()) return "the name starts or ends with white space";
        var normalized = path.Replace('\\', '/');
        if (normalized.StartsWith('/') || normalized.StartsWith('~') || (normalized.Length > 1 && normalized[1] == ':') || Path.IsPathRooted(path))
            return $"'{Clip(path)}' is a rooted path";
        var segments = normalized.Split('/');
        if (segments.Length > MaxDepth + 1) return $"'{Clip(path)}' is nested deeper than {MaxDepth} folders";
        foreach (var segment in segments)
        {
            if (segment is "" or "." or "..") return $"'{Clip(path)}' has an empty, '.' or '..' segment";
            foreach (var c in segment)
            {
                if (c is '<' or '>' or ':' or '"' or '|' or '?' or '*' || char.IsControl(c))
                    return $"'{Clip(path)}' has the character U+{(int)c:X4}, which is invalid in file names";
                // Bidirectional overrides and zero-width characters make a name read differently than it is.
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                    return $"'{Clip(path)}' has the invisible formatting character U+{(int)c:X4}";
            }
            if (segment.EndsWith('.') || segment.EndsWith(' ')) return $"'{Clip(segment)}' ends with '.' or a space";
            if (ReservedNames.Contains(segment.Split('.')[0].TrimEnd(' '))) return $"'{Clip(segment)}' is a reserved device name";
            if (Encoding.UTF8.GetByteCount(segment) > 255) return $"a name in '{Clip(path)}' is longer than 255 bytes";
        }
        return null;
    }

    /// <summary>
    /// The folder name of a unit, from its spec's file name: <c>specs/Weather.prompt.md</c> →
    /// <c>Weather</c>. Characters other than letters, digits, <c>-</c>, <c>_</c> and <c>.</c> become
    /// <c>_</c>; reserved names get a leading <c>_</c>; long names are cut and suffixed with a short hash
    /// of the full name, so two long specs never share a folder.
    /// </summary>
    public static string UnitFolderName(string specPath)
    {
        var name = Path.GetFileName(specPath.Replace('\\', '/').TrimEnd('/'));
        foreach (var suffix in new[] { ".md", ".markdown", ".txt" })
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) { name = name[..^suffix.Length]; break; }
        if (name.EndsWith(".prompt", StringComparison.OrdinalIgnoreCase)) name = name[..^".prompt".Length];

        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            sb.Append(c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? c : '_');
        var safe = sb.ToString().Trim('.', ' ');
        if (safe.Length == 0) safe = "unit";
        if (ReservedNames.Contains(safe.Split('.')[0])) safe = "_" + safe;
        if (safe.Length > 64)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
            safe = safe[..55].TrimEnd('.') + "-" + hash;
        }
        return safe;
    }

    /// <summary>The path of a generated file relative to the DocGen output root: <c>code/&lt;unit&gt;/[target/]file</c>.</summary>
    public static string OutputRelativePath(CodeSpec spec, string fileName) =>
        string.Join('/', new[] { "code", spec.UnitName, spec.Target, Normalize(fileName) }.Where(p => !string.IsNullOrEmpty(p)));

    private static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
