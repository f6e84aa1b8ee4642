using System.IO.Abstractions;
using System.IO.Abstractions.TestingHelpers;

namespace DocGen.Core.Tests.Faults;

/// <summary>
/// Which file-system calls fail, for the fault matrix: a decorating file system asks it before every write
/// (a temp file, the journal), rename and folder creation, and throws what it returns.
/// </summary>
internal sealed class FaultPlan
{
    private int _writes;

    /// <summary>Opening a file for writing: (path, how many files were opened for writing so far, this one included).</summary>
    public Func<string, int, Exception?>? OnWrite { get; set; }

    /// <summary>Renaming a temp file into place: (source, destination).</summary>
    public Func<string, string, Exception?>? OnMove { get; set; }

    /// <summary>Creating a folder.</summary>
    public Func<string, Exception?>? OnCreateDirectory { get; set; }

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>The disk fills up once <paramref name="n"/> files have been written.</summary>
    public static FaultPlan DiskFullAfter(int n) => new() { OnWrite = (_, count) => count > n ? DiskFull() : null };

    public static IOException DiskFull() => new("No space left on device", 28);

    public static IOException ReadOnlyFileSystem() => new("Read-only file system", 30);

    public static UnauthorizedAccessException Denied(string path) => new($"Access to the path '{path}' is denied.");

    internal void BeforeWrite(string path)
    {
        if (OnWrite?.Invoke(path, Interlocked.Increment(ref _writes)) is { } ex) throw ex;
    }

    internal void BeforeMove(string source, string destination)
    {
        if (OnMove?.Invoke(source, destination) is { } ex) throw ex;
    }

    internal void BeforeCreateDirectory(string path)
    {
        if (OnCreateDirectory?.Invoke(path) is { } ex) throw ex;
    }
}

/// <summary>The real file system with faults injected (pipeline and cache tests on real temp folders).</summary>
internal sealed class FaultyFileSystem : FileSystem
{
    private readonly IFile _file;
    private readonly IDirectory _directory;

    public FaultyFileSystem(FaultPlan plan)
    {
        Plan = plan;
        _file = new FaultyFile(this, plan);
        _directory = new FaultyDirectory(this, plan);
    }

    public FaultPlan Plan { get; }

    public override IFile File => _file;

    public override IDirectory Directory => _directory;

    private sealed class FaultyFile(IFileSystem fs, FaultPlan plan) : FileWrapper(fs)
    {
        public override FileSystemStream Open(string path, FileStreamOptions options)
        {
            if ((options.Access & FileAccess.Write) != 0) plan.BeforeWrite(path);
            return base.Open(path, options);
        }

        public override FileSystemStream Open(string path, FileMode mode, FileAccess access, FileShare share)
        {
            if ((access & FileAccess.Write) != 0) plan.BeforeWrite(path);
            return base.Open(path, mode, access, share);
        }

        public override void Move(string sourceFileName, string destFileName, bool overwrite)
        {
            plan.BeforeMove(sourceFileName, destFileName);
            base.Move(sourceFileName, destFileName, overwrite);
        }
    }

    private sealed class FaultyDirectory(IFileSystem fs, FaultPlan plan) : DirectoryWrapper(fs)
    {
        public override IDirectoryInfo CreateDirectory(string path)
        {
            plan.BeforeCreateDirectory(path);
            return base.CreateDirectory(path);
        }
    }
}

/// <summary>An in-memory file system with faults injected (unit tests of the writer and the cache store).</summary>
internal sealed class FaultyMockFileSystem : MockFileSystem
{
    private readonly IFile _file;

    public FaultyMockFileSystem(FaultPlan? plan = null)
    {
        Plan = plan ?? new FaultPlan();
        _file = new FaultyMockFile(this, Plan);
    }

    public FaultPlan Plan { get; }

    public override IFile File => _file;

    private sealed class FaultyMockFile(IMockFileDataAccessor fs, FaultPlan plan) : MockFile(fs)
    {
        public override FileSystemStream Open(string path, FileStreamOptions options)
        {
            if ((options.Access & FileAccess.Write) != 0) plan.BeforeWrite(path);
            return base.Open(path, options);
        }

        public override FileSystemStream Open(string path, FileMode mode, FileAccess access, FileShare share)
        {
            if ((access & FileAccess.Write) != 0) plan.BeforeWrite(path);
            return base.Open(path, mode, access, share);
        }

        public override void Move(string sourceFileName, string destFileName, bool overwrite)
        {
            plan.BeforeMove(sourceFileName, destFileName);
            base.Move(sourceFileName, destFileName, overwrite);
        }
    }
}
