using System.IO.Abstractions;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Core.Output;

namespace DocGen.Core.Generation.Cache;

/// <summary>One entry of the cache folder, for pruning.</summary>
/// <param name="Key">The entry's key.</param>
/// <param name="Path">Its file.</param>
/// <param name="LastUsedUtc">When it was last written or read (to a resolution of <see cref="LocalCacheStore.LastUseResolution"/>).</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record CacheEntryInfo(string Key, string Path, DateTime LastUsedUtc, long Length);

/// <summary>
/// Key-addressed JSON entries in a folder (<c>ab/abcdef….json</c>). Writes are atomic (a temp file in the folder's
/// <c>.docgen-tmp/</c>, then a rename), so concurrent builds sharing the folder never see a torn entry; an entry
/// that does not parse or names another key is a miss and is removed; a folder where an entry belongs is a miss,
/// is left alone and counted (<see cref="Blocked"/>).
/// </summary>
/// <remarks>
/// Not written through the OutputWriter on purpose: the cache is not an output, must survive <c>dotnet clean</c>,
/// and must never be removed as a stale output file. Entries are immutable once written, so a file's modification
/// time is free to record its last use: a hit older than <see cref="LastUseResolution"/> touches it, which lets a
/// prune order entries by last use (<see cref="EntriesByLastUse"/>) at the cost of one timestamp write per entry per day.
/// </remarks>
public sealed class LocalCacheStore
{
    public const string Schema = "docgen-cache/1";

    /// <summary>A hit refreshes the entry's last-use time when it is older than this (one day): cheap, and fine enough for LRU.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromDays(1);

    // A shared cache may be written by other machines, whose live temp files carry process ids unknown here.
    private static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    private readonly IFileSystem _fs;
    private readonly TimeProvider _clock;
    private readonly TempFolder _temp;
    private int _corrupt;
    private int _blocked;
    private int _sweptOrphans;

    /// <param name="directory">The cache folder.</param>
    /// <param name="fileSystem">Null for the real file system.</param>
    /// <param name="clock">Null for the system clock.</param>
    public LocalCacheStore(string directory, IFileSystem? fileSystem = null, TimeProvider? clock = null)
    {
        _fs = fileSystem ?? new FileSystem();
        _clock = clock ?? TimeProvider.System;
        Directory = _fs.Path.GetFullPath(directory);
        _temp = new TempFolder(_fs, Directory);
    }

    public string Directory { get; }

    /// <summary>Entries found corrupt (and removed) during this run.</summary>
    public int Corrupt => _corrupt;

    /// <summary>Entries whose path is taken by a folder (or something else that is not a file): not read, not written.</summary>
    public int Blocked => _blocked;

    private string PathOf(string key) => _fs.Path.Combine(Directory, key[..2], key + ".json");

    /// <summary>The stored answer for <paramref name="key"/>, or null.</summary>
    public JsonNode? TryGet(string key)
    {
        var path = PathOf(key);
        byte[] bytes;
        DateTime lastUse;
        try
        {
            var info = _fs.FileInfo.New(path);
            if (!info.Exists)
            {
                if (_fs.Directory.Exists(path)) Interlocked.Increment(ref _blocked);
                return null;
            }
            lastUse = info.LastWriteTimeUtc;
            bytes = _fs.File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
        var answer = ParseEntry(bytes, key);
        if (answer is null)
        {
            Interlocked.Increment(ref _corrupt);
            try { _fs.File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return null;
        }
        Touch(path, lastUse);
        return answer;
    }

    /// <summary>The answer inside an entry's bytes, or null when they are not a valid entry for the key.</summary>
    public static JsonNode? ParseEntry(ReadOnlySpan<byte> bytes, string key)
    {
        try
        {
            var node = JsonNode.Parse(bytes);
            if (node is JsonObject o && o["schema"]?.GetValue<string>() == Schema && o["key"]?.GetValue<string>() == key && o["answer"] is JsonNode answer)
                return answer.DeepClone();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException) { }
        return null;
    }

    /// <summary>The bytes of an entry.</summary>
    public static byte[] CreateEntry(string key, string useCase, string model, JsonNode answer)
    {
        var entry = new JsonObject
        {
            ["schema"] = Schema,
            ["key"] = key,
            ["useCase"] = useCase,
            ["model"] = model,
            ["answer"] = answer.DeepClone(),
        };
        return Encoding.UTF8.GetBytes(entry.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Stores bytes atomically. A folder where the entry belongs is counted in <see cref="Blocked"/> and left alone.</summary>
    /// <exception cref="IOException">The folder is not writable or the disk is full (no partial entry is left).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public void Put(string key, byte[] entry)
    {
        var path = PathOf(key);
        if (_fs.Directory.Exists(path))
        {
            Interlocked.Increment(ref _blocked);
            return;
        }
        if (Interlocked.Exchange(ref _sweptOrphans, 1) == 0) _temp.RemoveOrphans(OrphanAge, _clock);
        _fs.Directory.CreateDirectory(_fs.Path.GetDirectoryName(path)!);
        _temp.Commit(_temp.Write(entry), path);
    }

    /// <summary>Every entry, least recently used first: what a prune removes first.</summary>
    public IEnumerable<CacheEntryInfo> EntriesByLastUse()
    {
        if (!_fs.Directory.Exists(Directory)) return [];
        return _fs.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories)
            .Select(f => _fs.FileInfo.New(f))
            .Where(f => f.Name.Length > 5 && _fs.Path.GetFileName(f.DirectoryName) == f.Name[..2])
            .Select(f => new CacheEntryInfo(_fs.Path.GetFileNameWithoutExtension(f.Name), f.FullName, f.LastWriteTimeUtc, f.Length))
            .OrderBy(e => e.LastUsedUtc)
            .ThenBy(e => e.Key, StringComparer.Ordinal);
    }

    private void Touch(string path, DateTime lastUse)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (now - lastUse < LastUseResolution) return;
        // A read-only shared cache (a committed folder, a CI restore) cannot record use; that only weakens pruning.
        try { _fs.File.SetLastWriteTimeUtc(path, now); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
