using System.Collections.Concurrent;
using System.Text;

namespace DocGen.Core.Output;

/// <summary>Thrown when a relative output path is rooted, climbs out of the output root, or uses a reserved name.</summary>
public sealed class OutputPathException(string path, string reason)
    : Exception($"Output path '{path}' rejected: {reason}")
{
    public string Path { get; } = path;
}

/// <summary>What one run did to the output folder.</summary>
public sealed record OutputSummary(
    IReadOnlyList<string> Files,
    int Written,
    int Unchanged,
    int Deleted);

/// <summary>
/// The only way DocGen writes files. Every path is confined under the root; a file is replaced
/// atomically (temp file + rename) and only when its bytes changed, so an unchanged rebuild keeps
/// every timestamp; on <see cref="Complete"/> the files that the previous run wrote and this one did
/// not are removed, and the list of files is persisted for MSBuild's <c>FileWrites</c>.
/// </summary>
/// <remarks>Thread-safe: emitters may write in parallel.</remarks>
public sealed class OutputWriter
{
    /// <summary>Name of the file (under the root) that lists what the last run wrote, one relative path a line.</summary>
    public const string ManifestFileName = ".docgen-files.txt";

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private readonly string _root;
    private readonly ConcurrentDictionary<string, string> _files = new(StringComparer.OrdinalIgnoreCase);
    // Directories this run already created: a site has ~20,000 pages in a few thousand folders, and asking the
    // file system again for every page costs a failed mkdir and stats each time.
    private readonly ConcurrentDictionary<string, byte> _directories = new(StringComparer.Ordinal);
    private int _written;
    private int _unchanged;

    public OutputWriter(string root)
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
    }

    /// <summary>The absolute output root.</summary>
    public string Root => _root;

    /// <summary>Validates and resolves a relative path (forward slashes) to an absolute path under the root.</summary>
    /// <exception cref="OutputPathException">The path is empty, rooted, climbs out, or uses a reserved or invalid name.</exception>
    public string Resolve(string relativePath)
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
        var full = Path.GetFullPath(Path.Combine(_root, normalized));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new OutputPathException(relativePath, "it resolves outside the output folder");
        return full;
    }

    /// <summary>Writes UTF-8 text (no BOM).</summary>
    public void WriteText(string relativePath, string content)
    {
        // Encoded into a pooled buffer: tens of thousands of pages each allocated their bytes otherwise.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(content.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(content, buffer);
            Write(relativePath, buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes bytes if they differ from what is on disk. Returns true when the file was (re)written.</summary>
    /// <exception cref="OutputPathException">See <see cref="Resolve"/>; also when two paths in one run differ only by case.</exception>
    public bool Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var full = Resolve(relativePath);
        var key = Path.GetRelativePath(_root, full).Replace('\\', '/');
        var previous = _files.GetOrAdd(key, key);
        if (!string.Equals(previous, key, StringComparison.Ordinal))
            throw new OutputPathException(relativePath, $"it differs only by case from '{previous}', which would collide on case-insensitive file systems");

        if (File.Exists(full) && SameContent(full, content))
        {
            Interlocked.Increment(ref _unchanged);
            return false;
        }
        var directory = Path.GetDirectoryName(full)!;
        if (!_directories.ContainsKey(directory))
        {
            Directory.CreateDirectory(directory);
            _directories.TryAdd(directory, 0);
        }
        var temp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var moved = false;
        try
        {
            // The temp name is unique to this write, so no lock is needed: FileShare.None would add an flock (and its
            // release) per file, and a handle with RandomAccess skips FileStream's buffer and seek.
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
                RandomAccess.Write(handle, content, 0);
            File.Move(temp, full, overwrite: true);
            moved = true;
        }
        finally
        {
            if (!moved && File.Exists(temp)) File.Delete(temp);
        }
        Interlocked.Increment(ref _written);
        return true;
    }

    /// <summary>True when the path was written (or found unchanged) in this run.</summary>
    public bool Contains(string relativePath) => _files.ContainsKey(relativePath.Replace('\\', '/'));

    /// <summary>
    /// Removes files that the previous run listed and this run did not write, then persists the list.
    /// Call once, after every emitter succeeded; when a run fails, skip it so the previous outputs stay.
    /// </summary>
    public OutputSummary Complete()
    {
        var manifestPath = Path.Combine(_root, ManifestFileName);
        var deleted = 0;
        if (File.Exists(manifestPath))
        {
            foreach (var line in File.ReadAllLines(manifestPath))
            {
                if (line.Length == 0 || _files.ContainsKey(line)) continue;
                string full;
                try { full = Resolve(line); }
                catch (OutputPathException) { continue; } // a tampered list must not delete outside the root
                if (File.Exists(full)) { File.Delete(full); deleted++; }
                DeleteEmptyParents(Path.GetDirectoryName(full)!);
            }
        }
        var files = _files.Keys.Order(StringComparer.Ordinal).ToList();
        Write(ManifestFileName, Encoding.UTF8.GetBytes(string.Join('\n', files) + "\n"));
        return new OutputSummary(files.Select(f => Path.Combine(_root, f)).ToList(), _written, _unchanged, deleted);
    }

    /// <summary>
    /// For a failed run: deletes nothing and persists the union of the previous list and this run's
    /// files, so that nothing written is forgotten by <c>dotnet clean</c>.
    /// </summary>
    public OutputSummary Abandon()
    {
        foreach (var previous in ReadManifest(_root))
        {
            var rel = Path.GetRelativePath(_root, previous).Replace('\\', '/');
            if (File.Exists(previous)) _files.TryAdd(rel, rel);
        }
        var files = _files.Keys.Order(StringComparer.Ordinal).ToList();
        Write(ManifestFileName, Encoding.UTF8.GetBytes(string.Join('\n', files) + "\n"));
        return new OutputSummary(files.Select(f => Path.Combine(_root, f)).ToList(), _written, _unchanged, 0);
    }

    /// <summary>Reads the persisted list of files that the last completed run wrote (absolute paths), for a skipped MSBuild target.</summary>
    public static IReadOnlyList<string> ReadManifest(string root)
    {
        var path = Path.Combine(root, ManifestFileName);
        if (!File.Exists(path)) return [];
        return File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => Path.GetFullPath(Path.Combine(root, l))).ToList();
    }

    private void DeleteEmptyParents(string directory)
    {
        while (directory.Length > _root.Length && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }

    private static bool SameContent(string path, ReadOnlySpan<byte> content)
    {
        var info = new FileInfo(path);
        if (info.Length != content.Length) return false;
        return File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
    }
}
