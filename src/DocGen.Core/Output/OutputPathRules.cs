using System.Text;

namespace DocGen.Core.Output;

/// <summary>The rules every relative output path must meet before anything is written (names come from templates and models).</summary>
internal static class OutputPathRules
{
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>Returns the path with forward slashes.</summary>
    /// <exception cref="OutputPathException">Empty, rooted, climbing out, a reserved or invalid name, or one of DocGen's bookkeeping names.</exception>
    public static string Validate(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath)) throw new OutputPathException(relativePath, "empty");
        var normalized = relativePath.Replace('\\', '/');
        if (normalized.StartsWith('/') || Path.IsPathRooted(relativePath) || (normalized.Length > 1 && normalized[1] == ':'))
            throw new OutputPathException(relativePath, "rooted paths are not allowed");
        foreach (var segment in normalized.Split('/'))
        {
            if (segment is "" or "." or "..") throw new OutputPathException(relativePath, "empty, '.' or '..' segments are not allowed");
            if (segment.IndexOfAny(['\0', ':', '*', '?', '"', '<', '>', '|']) >= 0 || segment.Any(char.IsControl))
                throw new OutputPathException(relativePath, $"segment '{segment}' has a character that is invalid in file names");
            if (ReservedNames.Contains(segment.Split('.')[0])) throw new OutputPathException(relativePath, $"'{segment}' is a reserved device name");
            if (segment.EndsWith('.') || segment.EndsWith(' ')) throw new OutputPathException(relativePath, "names must not end with '.' or a space");
            if (Encoding.UTF8.GetByteCount(segment) > 255) throw new OutputPathException(relativePath, "a name is longer than 255 bytes");
        }
        var first = normalized.Split('/')[0];
        if (OutputLayout.IsBookkeeping(first)) throw new OutputPathException(relativePath, $"'{first}' is DocGen's own bookkeeping name");
        return normalized;
    }
}
