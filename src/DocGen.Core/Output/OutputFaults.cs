namespace DocGen.Core.Output;

/// <summary>Thrown when a relative output path is rooted, climbs out of the output root, or uses a reserved name.</summary>
public sealed class OutputPathException(string path, string reason)
    : Exception($"Output path '{path}' rejected: {reason}")
{
    public string Path { get; } = path;
}

/// <summary>Why writing to the output folder stopped.</summary>
public enum OutputFault
{
    /// <summary>The output path names an existing file, not a folder.</summary>
    RootIsFile,
    /// <summary>The folder is not empty and carries no DocGen marker.</summary>
    NotOwned,
    /// <summary>Permission denied or a read-only file system.</summary>
    AccessDenied,
    /// <summary>No space left on the device, or the quota is exhausted.</summary>
    DiskFull,
    /// <summary>Any other I/O failure (a rename that failed, a device error…).</summary>
    Io,
}

/// <summary>
/// A fault that stops all writing to one output folder. The writer remembers the first one and throws it again
/// for every later write, so a full disk is reported once and no further file is attempted.
/// </summary>
public sealed class OutputException(OutputFault fault, string path, string detail, Exception? inner = null)
    : IOException(detail, inner)
{
    public OutputFault Fault { get; } = fault;

    /// <summary>The file or folder the failure happened on.</summary>
    public string Path { get; } = path;

    /// <summary>Classifies an exception thrown by a file-system call on <paramref name="path"/>.</summary>
    public static OutputException From(Exception ex, string path) => ex switch
    {
        OutputException known => known,
        UnauthorizedAccessException => new(OutputFault.AccessDenied, path, ex.Message, ex),
        IOException io when IsDiskFull(io) => new(OutputFault.DiskFull, path, ex.Message, ex),
        // EROFS, EACCES, EPERM as raw errno (Unix) or Win32 HRESULT.
        IOException io when io.HResult is 30 or 13 or 1 or unchecked((int)0x80070005) or unchecked((int)0x80070013) => new(OutputFault.AccessDenied, path, ex.Message, ex),
        _ => new(OutputFault.Io, path, ex.Message, ex),
    };

    // ENOSPC and EDQUOT as raw errno (Unix); ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL (Windows).
    private static bool IsDiskFull(IOException io) =>
        io.HResult is 28 or 122 or unchecked((int)0x80070070) or unchecked((int)0x80070027);
}

/// <summary>Kinds of <see cref="OutputProblem"/>.</summary>
public enum OutputProblemKind
{
    /// <summary>A file DocGen did not write is where it would write one; it is left alone.</summary>
    NotOwned,
    /// <summary>A file DocGen wrote was changed since; it is neither replaced nor deleted.</summary>
    Modified,
    /// <summary>A file DocGen no longer produces was changed since it wrote it; it is kept and no longer DocGen's.</summary>
    ModifiedReleased,
    /// <summary>A folder is where DocGen writes a file; it is left alone.</summary>
    FolderInTheWay,
    /// <summary>A file is where DocGen needs a folder; it is left alone and nothing under it is written.</summary>
    FileInTheWay,
    /// <summary>A symbolic link is where DocGen needs a folder; DocGen never writes through it.</summary>
    Link,
    /// <summary>With the force option, a file DocGen had not written was replaced.</summary>
    Replaced,
    /// <summary>Lines of the ownership list or file list were not confined paths and were ignored.</summary>
    ListRejected,
    /// <summary>Temp files of an interrupted DocGen run were removed.</summary>
    OrphansRemoved,
    /// <summary>A folder written by an earlier DocGen version (a file list without hashes) was adopted.</summary>
    Adopted,
}

/// <summary>Something the writer left alone or repaired: reported as a diagnostic, never an exception.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Path">The file or folder concerned (absolute), or the list file.</param>
/// <param name="Count">For counts (rejected lines, removed orphans, adopted files).</param>
public sealed record OutputProblem(OutputProblemKind Kind, string Path, int Count = 1);
