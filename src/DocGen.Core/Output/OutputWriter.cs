using System.Collections.Concurrent;
using System.IO.Abstractions;
using System.Text;

namespace DocGen.Core.Output;

/// <summary>What one run did to the output folder.</summary>
public sealed record OutputSummary(
    IReadOnlyList<string> Files,
    int Written,
    int Unchanged,
    int Deleted)
{
    /// <summary>Of <see cref="Unchanged"/>, the files kept as they were without being produced again (their render key matched).</summary>
    public int Reused { get; init; }
}

/// <summary>How an <see cref="OutputWriter"/> treats its folder.</summary>
public sealed record OutputWriterOptions
{
    /// <summary>
    /// Keep an ownership list in the folder and touch only what it lists (default true). False for a file the user
    /// named themselves (a template's output in their own folder): it is written atomically, and no list is kept.
    /// </summary>
    public bool Tracked { get; init; } = true;

    /// <summary>
    /// Take over a non-empty folder that has no DocGen marker, and replace files in DocGen's way that it did not
    /// write (<c>--force-output</c>, <c>DocGenOutputForce</c>). Default false. Files DocGen did not write are still never deleted.
    /// </summary>
    public bool Force { get; init; }

    public static OutputWriterOptions Default { get; } = new();

    /// <summary>For a single file the user named (see <see cref="Tracked"/>).</summary>
    public static OutputWriterOptions Untracked { get; } = new() { Tracked = false };
}

/// <summary>
/// The only way DocGen writes files. Every path is confined under the root and no symbolic link inside it is
/// followed; a file is replaced atomically (temp file in <c>.docgen-tmp/</c>, then rename) and only when its bytes
/// changed, so an unchanged rebuild keeps every timestamp. The folder's ownership list records what DocGen wrote
/// with each file's hash: a file it did not write, or that changed since, is never replaced or deleted (it becomes
/// an <see cref="OutputProblem"/>). On <see cref="Complete"/> the files that the previous run wrote and this one
/// did not are removed and the lists are persisted.
/// </summary>
/// <remarks>Thread-safe: emitters may write in parallel. One run per folder at a time.</remarks>
public sealed partial class OutputWriter : IDisposable
{
    /// <summary>Name of the file (under the root) that lists what the last run wrote, one relative path a line (read by MSBuild).</summary>
    public const string ManifestFileName = OutputLayout.FileListName;

    private readonly IFileSystem _fs;
    private readonly OutputWriterOptions _options;
    private readonly string _root;
    private readonly TempFolder _temp;
    private readonly OwnershipLedger _ledger;
    private readonly Lazy<Dictionary<string, HashSet<string>>> _owned;
    // Case-insensitive name → the spelling first written, to refuse paths that collide on case-insensitive disks.
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _files = new(StringComparer.Ordinal);
    // Files DocGen wrote that the user changed: left alone this run, still listed so the next run warns again.
    private readonly ConcurrentDictionary<string, HashSet<string>> _kept = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(OutputProblemKind, string), OutputProblem> _problems = new();
    // Folders checked in this run (a site has thousands): true when real, false when a link or file is in the way.
    private readonly ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);
    private volatile OutputException? _fault;
    private int _written;
    private int _unchanged;

    /// <summary>A tracked writer on the real file system.</summary>
    public OutputWriter(string root) : this(root, new FileSystem(), OutputWriterOptions.Default) { }

    public OutputWriter(string root, IFileSystem fileSystem, OutputWriterOptions? options = null)
    {
        _fs = fileSystem;
        _options = options ?? OutputWriterOptions.Default;
        _root = _fs.Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        _temp = new TempFolder(_fs, _root);
        _ledger = new OwnershipLedger(_fs, _root, _temp);
        _owned = new(OpenFolder, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The absolute output root.</summary>
    public string Root => _root;

    /// <summary>The first fault that stopped writing, if one did.</summary>
    public OutputException? Fault => _fault;

    /// <summary>Files left alone, folders in the way, repairs: for the caller to report.</summary>
    public IReadOnlyList<OutputProblem> Problems => [.. _problems.Values.OrderBy(p => p.Kind).ThenBy(p => p.Path, StringComparer.Ordinal)];

    /// <summary>True when <paramref name="root"/> carries DocGen's ownership list or an earlier version's file list.</summary>
    public static bool IsOwnedFolder(string root) =>
        File.Exists(Path.Combine(root, OutputLayout.OwnershipFileName)) || File.Exists(Path.Combine(root, OutputLayout.FileListName));

    /// <summary>
    /// Opens the folder now rather than at the first write: checks it is DocGen's (or empty, or forced), reads its
    /// lists and removes orphan temp files of interrupted runs. Idempotent.
    /// </summary>
    /// <exception cref="OutputException">The folder is a file, not DocGen's, or cannot be read or created.</exception>
    public void Open() => _ = _owned.Value;

    /// <summary>Validates and resolves a relative path (forward slashes) to an absolute path under the root.</summary>
    /// <exception cref="OutputPathException">The path is empty, rooted, climbs out, or uses a reserved or invalid name.</exception>
    public string Resolve(string relativePath)
    {
        var normalized = OutputPathRules.Validate(relativePath);
        var full = _fs.Path.GetFullPath(_fs.Path.Combine(_root, normalized));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new OutputPathException(relativePath, "it resolves outside the output folder");
        return full;
    }

    /// <summary>Writes UTF-8 text (no BOM).</summary>
    public bool WriteText(string relativePath, string content)
    {
        // Encoded into a pooled buffer: tens of thousands of pages each allocated their bytes otherwise.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(content.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(content, buffer);
            return Write(relativePath, buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes bytes if they differ from what is on disk and the file there is DocGen's. Returns true when the file
    /// was (re)written; false when it was unchanged or left alone (see <see cref="Problems"/>).
    /// </summary>
    /// <exception cref="OutputPathException">See <see cref="Resolve"/>; also when two paths in one run differ only by case.</exception>
    /// <exception cref="OutputException">The folder cannot be written (not DocGen's, read-only, disk full…); every later write throws it too.</exception>
    public bool Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var (full, key) = Claim(relativePath);
        var owned = _owned.Value;
        if (_fault is { } fault) throw fault;
        try
        {
            if (!EnsureDirectory(_fs.Path.GetDirectoryName(full)!)) return false;
            var hash = OutputLayout.Hash(content);
            var info = _fs.FileInfo.New(full);
            if (info.Exists)
            {
                if ((info.Attributes & FileAttributes.ReparsePoint) != 0) return LeaveAlone(OutputProblemKind.NotOwned, key, full, null);
                owned.TryGetValue(key, out var known);
                byte[]? existing = null;
                if (info.Length == content.Length && (existing = _fs.File.ReadAllBytes(full)).AsSpan().SequenceEqual(content))
                {
                    if (known is null && _options.Tracked && !_options.Force) return LeaveAlone(OutputProblemKind.NotOwned, key, full, null);
                    _files[key] = hash;
                    Interlocked.Increment(ref _unchanged);
                    return false;
                }
                if (_options.Tracked && !(known is not null && known.Contains(OutputLayout.Hash(existing ?? _fs.File.ReadAllBytes(full)))))
                {
                    if (!_options.Force) return LeaveAlone(known is null ? OutputProblemKind.NotOwned : OutputProblemKind.Modified, key, full, known);
                    Note(OutputProblemKind.Replaced, full);
                }
            }
            else if (_fs.Directory.Exists(full))
            {
                return LeaveAlone(OutputProblemKind.FolderInTheWay, key, full, null);
            }

            var temp = _temp.Write(content);
            try
            {
                if (_options.Tracked) _ledger.Journal(hash, key);
            }
            catch
            {
                _temp.Discard(temp);
                throw;
            }
            _temp.Commit(temp, full);
            _files[key] = hash;
            Interlocked.Increment(ref _written);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Stop(ex, full);
        }
    }

    // Resolves a path and reserves its spelling for this run: two paths that differ only by case would collide on
    // case-insensitive file systems.
    private (string Full, string Key) Claim(string relativePath)
    {
        var full = Resolve(relativePath);
        var key = Path.GetRelativePath(_root, full).Replace('\\', '/');
        var previous = _names.GetOrAdd(key, key);
        if (!string.Equals(previous, key, StringComparison.Ordinal))
            throw new OutputPathException(relativePath, $"it differs only by case from '{previous}', which would collide on case-insensitive file systems");
        return (full, key);
    }

    /// <summary>True when the path was written (or found unchanged) in this run.</summary>
    public bool Contains(string relativePath) => _files.ContainsKey(relativePath.Replace('\\', '/'));

    /// <summary>
    /// Removes the files that the previous run listed and this run did not write (only while their content is
    /// what DocGen wrote), then persists the lists. Call once, after every emitter succeeded; when a run fails,
    /// call <see cref="Abandon"/> so the previous outputs stay.
    /// </summary>
    /// <exception cref="OutputException">The folder could not be opened or the lists not written.</exception>
    public OutputSummary Complete()
    {
        var owned = _owned.Value;
        if (_fault is { } fault) throw fault;
        var deleted = 0;
        try
        {
            foreach (var (path, known) in owned)
            {
                if (_files.ContainsKey(path) || _kept.ContainsKey(path)) continue;
                var full = _fs.Path.Combine(_root, path);
                if (_ledger.HashOnDisk(path) is not { } hash) continue; // gone, or not a plain file under real folders: not ours to touch
                if (!known.Contains(hash))
                {
                    Note(OutputProblemKind.ModifiedReleased, full);
                    continue;
                }
                _fs.File.Delete(full);
                deleted++;
                DeleteEmptyParents(_fs.Path.GetDirectoryName(full)!);
            }
            if (_options.Tracked) _ledger.Persist(Entries(includePrevious: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Stop(ex, _root);
        }
        _temp.RemoveIfEmpty();
        return Summary(deleted);
    }

    /// <summary>
    /// For a failed or cancelled run: deletes nothing and persists the previous list together with this run's
    /// files, so nothing written is forgotten by the next run or <c>dotnet clean</c>. Never throws: when the lists
    /// cannot be written (a full disk) the journal keeps this run's files for the next run.
    /// </summary>
    public OutputSummary Abandon()
    {
        try
        {
            _ = _owned.Value;
            if (_options.Tracked) _ledger.Persist(Entries(includePrevious: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Stop(ex, _root);
            return Summary(0);
        }
        _temp.RemoveIfEmpty();
        return Summary(0);
    }

    /// <summary>Gives the folder up: removes every file DocGen owns in it (unchanged ones only), the lists, and the folder if empty.</summary>
    public void Retire()
    {
        Complete();
        _ledger.Delete();
        _temp.RemoveIfEmpty();
        if (_fs.Directory.Exists(_root) && !_fs.Directory.EnumerateFileSystemEntries(_root).Any()) _fs.Directory.Delete(_root);
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _temp.RemoveIfEmpty();
    }

    private Dictionary<string, HashSet<string>> OpenFolder()
    {
        try
        {
            var root = _fs.DirectoryInfo.New(_root);
            if (!root.Exists && (_fs.File.Exists(_root) || _fs.FileInfo.New(_root).LinkTarget is not null))
                throw new OutputException(OutputFault.RootIsFile, _root, $"'{_root}' is a file, not a folder");
            if (!_options.Tracked)
            {
                _fs.Directory.CreateDirectory(_root);
                RemoveOrphans();
                return new(StringComparer.Ordinal);
            }
            if (!root.Exists)
            {
                _fs.Directory.CreateDirectory(_root);
                _ledger.WriteMarker();
                return new(StringComparer.Ordinal);
            }
            var state = _ledger.Load();
            if (state.Rejected > 0) Note(OutputProblemKind.ListRejected, _fs.Path.Combine(_root, OutputLayout.OwnershipFileName), state.Rejected);
            if (state.Adopted > 0) Note(OutputProblemKind.Adopted, _root, state.Adopted);
            if (!state.HasMarker)
            {
                var foreign = _fs.Directory.EnumerateFileSystemEntries(_root).Count(e => !OutputLayout.IsBookkeeping(_fs.Path.GetFileName(e)) && !IsDocGenTree(e));
                if (foreign > 0 && !_options.Force)
                    throw new OutputException(OutputFault.NotOwned, _root, $"'{_root}' is not empty ({foreign} entries) and was not written by DocGen");
                _ledger.WriteMarker();
            }
            RemoveOrphans();
            return state.Owned;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Stop(ex, _root);
        }
    }

    // A folder holding only folders that other DocGen writers own (code units write obj/docgen/code/<unit>/ before
    // the docs run creates obj/docgen/'s own list) is not someone else's content.
    private bool IsDocGenTree(string path)
    {
        var info = _fs.DirectoryInfo.New(path);
        if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0) return false;
        if (_fs.File.Exists(_fs.Path.Combine(path, OutputLayout.OwnershipFileName))) return true;
        return _fs.Directory.EnumerateFileSystemEntries(path).All(IsDocGenTree);
    }

    private void RemoveOrphans()
    {
        var removed = _temp.RemoveOrphans();
        if (removed > 0) Note(OutputProblemKind.OrphansRemoved, _temp.FullPath, removed);
    }

    // Creates the folders of a path, checking each one below the root once: a link is never followed and a file
    // in the way is never removed; either becomes a problem and nothing under it is written.
    private bool EnsureDirectory(string directory)
    {
        if (directory.Length <= _root.Length) return true;
        if (_directories.TryGetValue(directory, out var ok)) return ok;
        ok = EnsureDirectory(_fs.Path.GetDirectoryName(directory)!) && CheckOrCreate(directory);
        _directories[directory] = ok;
        return ok;
    }

    private bool CheckOrCreate(string directory)
    {
        var info = _fs.DirectoryInfo.New(directory);
        if (info.Exists)
        {
            if ((info.Attributes & FileAttributes.ReparsePoint) == 0) return true;
            Note(OutputProblemKind.Link, directory);
            return false;
        }
        if (_fs.File.Exists(directory) || _fs.FileInfo.New(directory).LinkTarget is not null)
        {
            Note(OutputProblemKind.FileInTheWay, directory);
            return false;
        }
        _fs.Directory.CreateDirectory(directory);
        return true;
    }

    private bool LeaveAlone(OutputProblemKind kind, string key, string full, HashSet<string>? known)
    {
        Note(kind, full);
        if (known is not null) _kept[key] = known;
        return false;
    }

    private void Note(OutputProblemKind kind, string path, int count = 1) =>
        _problems.TryAdd((kind, path), new OutputProblem(kind, path, count));

    private OutputException Stop(Exception ex, string path)
    {
        var fault = OutputException.From(ex, path);
        Interlocked.CompareExchange(ref _fault, fault, null);
        return _fault!;
    }

    private IEnumerable<KeyValuePair<string, string>> Entries(bool includePrevious)
    {
        var entries = _files.ToList();
        foreach (var (path, hashes) in _kept)
            if (!_files.ContainsKey(path)) entries.AddRange(hashes.Select(h => KeyValuePair.Create(path, h)));
        if (!includePrevious) return entries;
        foreach (var (path, hashes) in _owned.Value)
        {
            if (_files.ContainsKey(path) || _kept.ContainsKey(path) || !_ledger.IsRegularFile(_fs.Path.Combine(_root, path))) continue;
            entries.AddRange(hashes.Select(h => KeyValuePair.Create(path, h)));
        }
        return entries;
    }

    private OutputSummary Summary(int deleted)
    {
        var files = _files.Keys.Concat(_kept.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new OutputSummary([.. files.Select(f => _fs.Path.Combine(_root, f))], _written, _unchanged, deleted) { Reused = _reused.Count };
    }

    private void DeleteEmptyParents(string directory)
    {
        while (directory.Length > _root.Length && _fs.Directory.Exists(directory) && !_fs.Directory.EnumerateFileSystemEntries(directory).Any())
        {
            _fs.Directory.Delete(directory);
            directory = _fs.Path.GetDirectoryName(directory)!;
        }
    }
}
