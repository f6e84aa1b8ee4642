using System.IO.Abstractions;
using System.Text;

namespace DocGen.Core.Output;

/// <summary>
/// What DocGen owns in one output folder, on disk: the ownership list (<c>.docgen-owned.txt</c>, which is also
/// the folder's marker), the plain file list MSBuild reads (<c>.docgen-files.txt</c>), and the journal a run
/// appends to before it moves each new file into place. A killed run leaves the journal; the next run reads it
/// with the list, so every file DocGen ever wrote is known as its own.
/// </summary>
internal sealed class OwnershipLedger(IFileSystem fs, string root, TempFolder temp) : IDisposable
{
    private readonly Lock _journalLock = new();
    private FileSystemStream? _journal;

    private string PathOf(string name) => fs.Path.Combine(root, name);

    /// <summary>What <see cref="Load"/> found.</summary>
    /// <param name="Owned">Relative path → the hashes its content may have and still be DocGen's.</param>
    /// <param name="HasMarker">The folder has an ownership list, a journal or an earlier version's file list.</param>
    /// <param name="Rejected">Lines that were not confined paths (a tampered list): ignored.</param>
    /// <param name="Adopted">Files taken over from an earlier version's file list (no hashes).</param>
    public sealed record State(Dictionary<string, HashSet<string>> Owned, bool HasMarker, int Rejected, int Adopted);

    public State Load()
    {
        var owned = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var rejected = 0;
        var marker = false;
        foreach (var name in new[] { OutputLayout.OwnershipFileName, OutputLayout.JournalFileName })
        {
            if (!IsRegularFile(PathOf(name))) continue;
            marker = true;
            rejected += OutputLayout.ParseOwnership(OutputLayout.CompleteLines(fs.File.ReadAllText(PathOf(name))), owned);
        }
        var adopted = 0;
        var legacy = PathOf(OutputLayout.FileListName);
        if (!marker && IsRegularFile(legacy))
        {
            // Written by DocGen before ownership lists existed: its files are DocGen's as they are now.
            marker = true;
            foreach (var line in fs.File.ReadLines(legacy))
            {
                if (line.Length == 0) continue;
                if (!OutputLayout.IsConfinedRelativePath(line)) { rejected++; continue; }
                if (HashOnDisk(line) is not { } hash) continue;
                owned[line] = new HashSet<string>(StringComparer.Ordinal) { hash };
                adopted++;
            }
        }
        return new State(owned, marker, rejected, adopted);
    }

    /// <summary>The hash of a listed file's content, or null when it is missing, not a regular file, or under a link.</summary>
    public string? HashOnDisk(string relative)
    {
        var full = PathOf(relative);
        if (!ParentsAreRealFolders(full) || !IsRegularFile(full)) return null;
        return OutputLayout.Hash(fs.File.ReadAllBytes(full));
    }

    /// <summary>True when every folder between the root and <paramref name="full"/> is a real folder (no link is followed).</summary>
    public bool ParentsAreRealFolders(string full)
    {
        for (var dir = fs.Path.GetDirectoryName(full); dir is not null && dir.Length > root.Length; dir = fs.Path.GetDirectoryName(dir))
        {
            var info = fs.DirectoryInfo.New(dir);
            if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0) return false;
        }
        return true;
    }

    /// <summary>True for an existing file that is not a symbolic link.</summary>
    public bool IsRegularFile(string full)
    {
        var info = fs.FileInfo.New(full);
        return info.Exists && (info.Attributes & FileAttributes.ReparsePoint) == 0;
    }

    /// <summary>Records, before a new file is renamed into place, that it is DocGen's (flushed to the OS, not synced).</summary>
    public void Journal(string hash, string relative)
    {
        var line = Encoding.UTF8.GetBytes(OutputLayout.FormatLine(hash, relative) + "\n");
        lock (_journalLock)
        {
            _journal ??= fs.File.Open(PathOf(OutputLayout.JournalFileName), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            _journal.Write(line);
            _journal.Flush();
        }
    }

    /// <summary>Writes an empty ownership list: the folder is DocGen's from now on, even if this run is killed.</summary>
    public void WriteMarker() => WriteIfChanged(OutputLayout.OwnershipFileName, OutputLayout.FormatOwnership([]));

    /// <summary>
    /// Persists the ownership list and the file list (each atomically, and only when different, so an unchanged
    /// run touches no timestamp), then drops the journal, whose entries are now in the list.
    /// </summary>
    public void Persist(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var list = entries.ToList();
        WriteIfChanged(OutputLayout.OwnershipFileName, OutputLayout.FormatOwnership(list));
        var paths = list.Select(e => e.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        WriteIfChanged(OutputLayout.FileListName, string.Concat(paths.Select(p => p + "\n")));
        CloseJournal();
        var journal = PathOf(OutputLayout.JournalFileName);
        if (fs.File.Exists(journal)) fs.File.Delete(journal);
    }

    /// <summary>Removes the bookkeeping files (a folder DocGen gives up entirely).</summary>
    public void Delete()
    {
        CloseJournal();
        foreach (var name in new[] { OutputLayout.FileListName, OutputLayout.OwnershipFileName, OutputLayout.JournalFileName })
            if (IsRegularFile(PathOf(name))) fs.File.Delete(PathOf(name));
    }

    private void WriteIfChanged(string name, string text)
    {
        var path = PathOf(name);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (IsRegularFile(path) && fs.File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return;
        temp.Commit(temp.Write(bytes), path);
    }

    private void CloseJournal()
    {
        lock (_journalLock)
        {
            _journal?.Dispose();
            _journal = null;
        }
    }

    public void Dispose() => CloseJournal();
}
