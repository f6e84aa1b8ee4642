using System.Diagnostics;
using System.IO.Abstractions;

namespace DocGen.Core.Output;

/// <summary>
/// The <c>.docgen-tmp</c> folder of one output root. Every file DocGen writes is first written here under a name
/// that carries the writing process's id, then renamed into place, so a reader never sees a half-written file and
/// a user's own <c>*.tmp</c> files are never mistaken for DocGen's. Orphans (their process is gone: killed,
/// power cut) are removed by the next run that opens the folder.
/// </summary>
internal sealed class TempFolder(IFileSystem fs, string root)
{
    private static readonly int ProcessId = Environment.ProcessId;
    // Process-wide (several writers or cache stores of one process may share a folder) and starting at random (a
    // shared cache folder may be written by another machine whose process has the same id).
    private static long s_sequence = Random.Shared.NextInt64(1L << 40) << 16;
    private volatile bool _ready;

    public string FullPath { get; } = fs.Path.Combine(root, OutputLayout.TempFolderName);

    /// <summary>Writes <paramref name="content"/> to a new temp file and returns its path.</summary>
    /// <exception cref="IOException">Also when the temp folder is a link or a file (it is never written through).</exception>
    public string Write(ReadOnlySpan<byte> content)
    {
        if (!_ready) Prepare();
        var path = fs.Path.Combine(FullPath, OutputLayout.TempFileName(ProcessId, Interlocked.Increment(ref s_sequence)));
        var done = false;
        try
        {
            // CreateNew: a temp name is never reused, so an existing file there is not ours to truncate. No buffer: the
            // content is written in one call. Shared access avoids an advisory lock per file on Unix.
            using (var stream = fs.File.Open(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete, BufferSize = 0,
            }))
                stream.Write(content);
            done = true;
            return path;
        }
        finally
        {
            if (!done) TryDelete(path);
        }
    }

    /// <summary>Renames a temp file over <paramref name="target"/> (atomic on one file system); the temp file is removed if that fails.</summary>
    public void Commit(string temp, string target)
    {
        var moved = false;
        try
        {
            fs.File.Move(temp, target, overwrite: true);
            moved = true;
        }
        finally
        {
            if (!moved) TryDelete(temp);
        }
    }

    /// <summary>Discards a temp file that will not be committed.</summary>
    public void Discard(string temp) => TryDelete(temp);

    /// <summary>Removes temp files whose process is no longer running; returns how many. Nothing else is touched.</summary>
    /// <param name="minimumAge">Only files at least this old (a folder shared between machines, whose process ids mean nothing here).</param>
    /// <param name="clock">For <paramref name="minimumAge"/>; null for the system clock.</param>
    public int RemoveOrphans(TimeSpan? minimumAge = null, TimeProvider? clock = null)
    {
        if (!IsRealFolder()) return 0;
        var removed = 0;
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        foreach (var file in fs.Directory.EnumerateFiles(FullPath))
        {
            if (!OutputLayout.TryParseTempFileName(fs.Path.GetFileName(file), out var pid) || IsRunning(pid)) continue;
            if (minimumAge is { } age && now - fs.File.GetLastWriteTimeUtc(file) < age) continue;
            if (TryDelete(file)) removed++;
        }
        if (minimumAge is null) RemoveIfEmpty();
        return removed;
    }

    /// <summary>Removes the temp folder when no temp file is left in it (after a run, so nothing of DocGen's stays behind).</summary>
    public void RemoveIfEmpty()
    {
        try
        {
            if (IsRealFolder() && !fs.Directory.EnumerateFileSystemEntries(FullPath).Any()) fs.Directory.Delete(FullPath);
            _ready = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another writer of this process is using it, or the folder is read-only: it is removed next time.
        }
    }

    private void Prepare()
    {
        var info = fs.DirectoryInfo.New(FullPath);
        if (info.Exists && (info.Attributes & FileAttributes.ReparsePoint) != 0)
            throw new OutputException(OutputFault.Io, FullPath, $"'{FullPath}' is a symbolic link; DocGen writes its temp files only into a real folder of its own. Remove the link.");
        if (!info.Exists && (fs.File.Exists(FullPath) || fs.FileInfo.New(FullPath).LinkTarget is not null))
            throw new OutputException(OutputFault.Io, FullPath, $"'{FullPath}' is a file; DocGen needs this name for its temp folder. Move the file away.");
        fs.Directory.CreateDirectory(FullPath);
        _ready = true;
    }

    private bool IsRealFolder()
    {
        var info = fs.DirectoryInfo.New(FullPath);
        return info.Exists && (info.Attributes & FileAttributes.ReparsePoint) == 0;
    }

    private bool TryDelete(string path)
    {
        try
        {
            fs.File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="pid"/> is this process or a running one (its temp files may be in use).</summary>
    internal static bool IsRunning(int pid)
    {
        if (pid == ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
