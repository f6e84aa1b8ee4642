using System.Text.Json;
using System.Text.RegularExpressions;

namespace DocGen.Core.Generation.Cache;

/// <summary>One entry file of a cache folder.</summary>
/// <param name="Path">Full path of the entry file.</param>
/// <param name="Key">The key it is stored under (its file name).</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="LastUseUtc">When a run last wrote or read it (see <see cref="CacheInventory.LastUse"/>).</param>
public sealed record CacheEntryFile(string Path, string Key, long Size, DateTime LastUseUtc);

/// <summary>Entries and bytes of one group (a model or a use case).</summary>
public sealed record CacheGroup(string Name, int Entries, long Bytes);

/// <summary>What <c>docgen cache stats</c> shows.</summary>
public sealed record CacheStatistics(int Entries, long Bytes, DateTime? OldestUseUtc, DateTime? NewestUseUtc,
    IReadOnlyList<CacheGroup> ByModel, IReadOnlyList<CacheGroup> ByUseCase, int Unreadable);

/// <summary>What a prune, clear or verify removed.</summary>
public sealed record CacheRemoval(int Removed, long RemovedBytes, int Kept, long KeptBytes, int Failed);

/// <summary>
/// Reads and maintains a <see cref="LocalCacheStore"/> folder for <c>docgen cache</c> and <c>DocGenCacheMaxSize</c>:
/// statistics, least-recently-used pruning, clearing and verification. It touches only entry files
/// (<c>ab/abcdef….json</c> named by a SHA-256 key), never anything else a team keeps in a committed cache folder.
/// </summary>
/// <remarks>
/// "Last use" is the entry file's last write time, read in <see cref="LastUse"/> and nowhere else: the store sets it
/// when it writes an entry and refreshes it when it serves one, so ordering by it is least-recently-used order. Entries
/// are removed one file at a time; a build reading the folder meanwhile sees a removed entry as a miss and asks again.
/// </remarks>
public sealed partial class CacheInventory(string directory)
{
    /// <summary>The cache folder (full path).</summary>
    public string Directory { get; } = System.IO.Path.GetFullPath(directory);

    /// <summary>When an entry was last used: the one definition every cache maintenance step relies on.</summary>
    public static DateTime LastUse(FileInfo entry) => entry.LastWriteTimeUtc;

    /// <summary>Every entry file, least recently used first. An absent folder has none.</summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be listed.</exception>
    public IReadOnlyList<CacheEntryFile> List()
    {
        var root = new DirectoryInfo(Directory);
        if (!root.Exists) return [];
        var entries = new List<CacheEntryFile>();
        foreach (var shard in root.EnumerateDirectories())
        {
            if (!ShardName().IsMatch(shard.Name)) continue;
            foreach (var file in shard.EnumerateFiles("*.json"))
            {
                var key = System.IO.Path.GetFileNameWithoutExtension(file.Name);
                if (!EntryKey().IsMatch(key) || !key.StartsWith(shard.Name, StringComparison.Ordinal)) continue;
                entries.Add(new CacheEntryFile(file.FullName, key, file.Length, LastUse(file)));
            }
        }
        return [.. entries.OrderBy(e => e.LastUseUtc).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>Counts entries and bytes, by model and by use case (read from each entry).</summary>
    public CacheStatistics Statistics()
    {
        var entries = List();
        var models = new Dictionary<string, (int, long)>(StringComparer.Ordinal);
        var useCases = new Dictionary<string, (int, long)>(StringComparer.Ordinal);
        var unreadable = 0;
        foreach (var entry in entries)
        {
            var (model, useCase) = ReadLabels(entry);
            if (model is null) unreadable++;
            Add(models, model ?? "(unreadable)", entry.Size);
            Add(useCases, useCase ?? "(unreadable)", entry.Size);
        }
        return new CacheStatistics(entries.Count, entries.Sum(e => e.Size),
            entries.Count == 0 ? null : entries[0].LastUseUtc, entries.Count == 0 ? null : entries[^1].LastUseUtc,
            Groups(models), Groups(useCases), unreadable);

        static void Add(Dictionary<string, (int Count, long Bytes)> groups, string name, long size)
        {
            var (count, bytes) = groups.GetValueOrDefault(name);
            groups[name] = (count + 1, bytes + size);
        }

        static List<CacheGroup> Groups(Dictionary<string, (int Count, long Bytes)> groups) =>
            [.. groups.Select(g => new CacheGroup(g.Key, g.Value.Count, g.Value.Bytes)).OrderByDescending(g => g.Bytes).ThenBy(g => g.Name, StringComparer.Ordinal)];
    }

    /// <summary>Removes the least recently used entries until the folder's entries take at most <paramref name="maxBytes"/>.</summary>
    public CacheRemoval Prune(long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var entries = List();
        var total = entries.Sum(e => e.Size);
        var victims = new List<CacheEntryFile>();
        foreach (var entry in entries)
        {
            if (total <= maxBytes) break;
            victims.Add(entry);
            total -= entry.Size;
        }
        return Remove(entries, victims);
    }

    /// <summary>Removes every entry (the folder and any other file in it stay).</summary>
    public CacheRemoval Clear()
    {
        var entries = List();
        var removal = Remove(entries, entries);
        // The stores' temp folder is DocGen's own: once no writer uses it (empty), a cleared cache should not keep it.
        var temp = System.IO.Path.Combine(Directory, Output.OutputLayout.TempFolderName);
        try
        {
            if (System.IO.Directory.Exists(temp) && !System.IO.Directory.EnumerateFileSystemEntries(temp).Any()) System.IO.Directory.Delete(temp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A concurrent run is writing an entry: the folder stays.
        }
        return removal;
    }

    /// <summary>Reads every entry and removes those that do not parse or are stored under another key.</summary>
    public CacheRemoval Verify()
    {
        var entries = List();
        var corrupt = new List<CacheEntryFile>();
        foreach (var entry in entries)
        {
            byte[] bytes;
            try { bytes = File.ReadAllBytes(entry.Path); }
            catch (FileNotFoundException) { continue; } // removed by a concurrent prune
            catch (DirectoryNotFoundException) { continue; }
            if (LocalCacheStore.ParseEntry(bytes, entry.Key) is null) corrupt.Add(entry);
        }
        return Remove(entries, corrupt);
    }

    private static CacheRemoval Remove(IReadOnlyList<CacheEntryFile> all, IReadOnlyCollection<CacheEntryFile> victims)
    {
        int removed = 0, failed = 0;
        long removedBytes = 0;
        foreach (var entry in victims)
        {
            try
            {
                File.Delete(entry.Path);
                removed++;
                removedBytes += entry.Size;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed++;
            }
        }
        foreach (var shard in victims.Select(v => System.IO.Path.GetDirectoryName(v.Path)!).Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (System.IO.Directory.Exists(shard) && !System.IO.Directory.EnumerateFileSystemEntries(shard).Any()) System.IO.Directory.Delete(shard);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A concurrent run just wrote into it: keeping the folder is right.
            }
        }
        return new CacheRemoval(removed, removedBytes, all.Count - removed, all.Sum(e => e.Size) - removedBytes, failed);
    }

    private static (string? Model, string? UseCase) ReadLabels(CacheEntryFile entry)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(entry.Path));
            var root = doc.RootElement;
            string? Label(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return Label("model") is { } model ? (model, Label("useCase") ?? "(none)") : (null, null);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    [GeneratedRegex("^[0-9a-f]{2}$")]
    private static partial Regex ShardName();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex EntryKey();
}
