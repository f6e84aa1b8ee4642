using System.Collections.Concurrent;

namespace DocGen.Core.Output;

// Keeping a file without producing it again: an incremental run whose render key for a page did not change keeps the
// page on disk instead of rendering it and comparing the bytes (docs/performance.md).
public sealed partial class OutputWriter
{
    private readonly ConcurrentDictionary<string, byte> _reused = new(StringComparer.Ordinal);

    /// <summary>
    /// Counts <paramref name="relativePath"/> as written by this run without writing it, when the file on disk is still
    /// exactly what DocGen wrote: the ownership list records <paramref name="hash"/> for it and its content has that hash.
    /// Returns false when that does not hold (missing, edited, replaced by a link, not DocGen's): the caller then produces
    /// the file and writes it through <see cref="Write"/>, which decides as for any file.
    /// </summary>
    /// <exception cref="OutputPathException">See <see cref="Write"/>.</exception>
    /// <exception cref="OutputException">The folder could not be opened, or an earlier write stopped the run.</exception>
    public bool TryReuse(string relativePath, string hash)
    {
        var (full, key) = Claim(relativePath);
        var owned = _owned.Value;
        if (_fault is { } fault) throw fault;
        if (!_options.Tracked || !owned.TryGetValue(key, out var known) || !known.Contains(hash)) return false;
        try
        {
            // The content is hashed, not just its size and time compared: an edit that kept both is still an edit.
            if (!_ledger.ParentsAreRealFolders(full) || !_ledger.IsRegularFile(full)) return false;
            if (OutputLayout.Hash(_fs.File.ReadAllBytes(full)) != hash) return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: produce the file again and let Write report what is wrong
        }
        _files[key] = hash;
        _reused[key] = 0;
        Interlocked.Increment(ref _unchanged);
        return true;
    }

    /// <summary>The hash of what this run wrote (or found unchanged, or reused) at <paramref name="relativePath"/>; null when it did not (left alone, failed).</summary>
    public string? HashOf(string relativePath) => _files.TryGetValue(OutputPathRules.Validate(relativePath), out var hash) ? hash : null;

    /// <summary>
    /// The content of a file DocGen wrote in an earlier run (its own state, such as render keys), or null when the file
    /// is missing, not on the ownership list, or changed since: DocGen never trusts a state file someone edited.
    /// </summary>
    /// <exception cref="OutputPathException">See <see cref="Resolve"/>.</exception>
    public byte[]? ReadOwned(string relativePath)
    {
        var full = Resolve(relativePath);
        var key = OutputPathRules.Validate(relativePath);
        if (!_options.Tracked || !_owned.Value.TryGetValue(key, out var known)) return null;
        try
        {
            if (!_ledger.ParentsAreRealFolders(full) || !_ledger.IsRegularFile(full)) return null;
            var bytes = _fs.File.ReadAllBytes(full);
            return known.Contains(OutputLayout.Hash(bytes)) ? bytes : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
