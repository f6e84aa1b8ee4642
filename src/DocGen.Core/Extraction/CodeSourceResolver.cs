using System.Collections.Concurrent;
using System.Text;

namespace DocGen.Core.Extraction;

/// <summary>
/// Loads the files of Sandcastle/DocFX <c>&lt;code source="…" region="…"/&gt;</c>: the path is relative to the project's
/// folder, and the file must lie inside the project's repository (the nearest folder above it with a <c>.git</c>),
/// or inside the project folder when there is none, so that the docs of a package cannot publish arbitrary files
/// of the machine that builds them. A region is the lines between <c>#region name</c> and its <c>#endregion</c>.
/// </summary>
internal sealed class CodeSourceResolver
{
    private const int MaxBytes = 1 << 20;
    private readonly string? _root;
    private readonly string? _boundary;
    private readonly ConcurrentDictionary<string, string?> _files = new(StringComparer.Ordinal);

    /// <param name="root">The folder relative paths start from (the project's), or null when there is none.</param>
    public CodeSourceResolver(string? root)
    {
        if (root is null || !Directory.Exists(root)) return;
        _root = Path.GetFullPath(root);
        _boundary = _root;
        for (var dir = new DirectoryInfo(_root); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                _boundary = dir.FullName;
                break;
            }
    }

    public CodeSourceResult Load(string source, string? region)
    {
        if (_root is null || _boundary is null) return new(null, $"refers to '{source}', but there is no project folder to find it in");
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(_root, source.Replace('\\', Path.DirectorySeparatorChar)));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return new(null, $"refers to '{source}', which is not a valid path");
        }
        var boundary = _boundary.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(boundary, StringComparison.Ordinal))
            return new(null, $"refers to '{source}', which is outside the project's repository");
        var text = _files.GetOrAdd(full, Read);
        if (text is null) return new(null, $"refers to '{source}', which does not exist or cannot be read (looked for '{full}')");
        if (string.IsNullOrWhiteSpace(region)) return new(DocCommentParser.Dedent(text), null);
        return Region(text, region.Trim()) is { } cut
            ? new(DocCommentParser.Dedent(cut), null)
            : new(null, $"refers to the region '{region}' of '{source}', which has no such #region");
    }

    private static string? Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxBytes) return null;
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The lines inside <c>#region name</c> … its <c>#endregion</c> (nested regions kept, their markers dropped).</summary>
    internal static string? Region(string text, string name)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var sb = new StringBuilder();
        var depth = -1;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            var isStart = trimmed.StartsWith("#region", StringComparison.OrdinalIgnoreCase);
            var isEnd = trimmed.StartsWith("#endregion", StringComparison.OrdinalIgnoreCase);
            if (depth < 0)
            {
                if (isStart && trimmed[7..].Trim().Trim('"').Equals(name, StringComparison.Ordinal)) depth = 0;
                continue;
            }
            if (isStart) { depth++; continue; }
            if (isEnd)
            {
                if (depth == 0) return sb.ToString();
                depth--;
                continue;
            }
            sb.Append(line).Append('\n');
        }
        return null;
    }
}
