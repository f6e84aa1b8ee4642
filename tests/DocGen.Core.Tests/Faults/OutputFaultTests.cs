using System.IO.Abstractions.TestingHelpers;
using System.Text;
using DocGen.Core.Output;

namespace DocGen.Core.Tests.Faults;

/// <summary>
/// The Output stage's rows of the fault matrix, on an in-memory file system with injected faults: each leaves every
/// file whole (its previous or its new version), no temp file, a file list that names everything DocGen owns, and a
/// next run that repairs everything.
/// </summary>
public sealed class OutputFaultTests
{
    private const string Root = "/work/out";
    private static readonly (string Path, string Text)[] Site =
        [.. Enumerable.Range(0, 10).Select(i => ($"site/p{i}.html", $"page {i} v2"))];

    private readonly FaultyMockFileSystem _fs = new();

    private string Full(string relative) => _fs.Path.Combine(Root, relative);

    private void RunV1()
    {
        using var writer = new OutputWriter(Root, _fs);
        foreach (var (path, _) in Site) writer.WriteText(path, path + " v1");
        writer.Complete();
    }

    // The writer is disposed (its problems and fault stay readable), as the pipeline does at the end of a run.
    private (OutputWriter Writer, OutputException? Fault) RunV2()
    {
        using var writer = new OutputWriter(Root, _fs);
        try
        {
            foreach (var (path, text) in Site) writer.WriteText(path, text);
            writer.Complete();
            return (writer, null);
        }
        catch (OutputException ex)
        {
            writer.Abandon();
            return (writer, ex);
        }
    }

    private void ShouldBeWholeAndListed()
    {
        foreach (var (path, text) in Site)
            Read(path).ShouldBeOneOf(path + " v1", text);
        _fs.AllFiles.ShouldNotContain(f => f.Contains(".docgen-tmp"));
        var listed = _fs.File.ReadAllText(Full(".docgen-files.txt")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        listed.ShouldBe(Site.Select(s => s.Path).Order(StringComparer.Ordinal));
    }

    private string Read(string relative) => _fs.File.ReadAllText(Full(relative));

    private void NextRunRepairs()
    {
        _fs.Plan.OnWrite = null;
        _fs.Plan.OnMove = null;
        var (writer, fault) = RunV2();
        fault.ShouldBeNull();
        writer.Problems.ShouldBeEmpty();
        foreach (var (path, text) in Site) Read(path).ShouldBe(text);
        _fs.Directory.GetFileSystemEntries(Root).Select(_fs.Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe([".docgen-files.txt", ".docgen-owned.txt", "site"]);
    }

    [Fact]
    public void Write_DiskFullOnFourthFile_StopsWritingLeavesWholeFilesAndAListThatNextRunCompletes()
    {
        RunV1();
        _fs.Plan.OnWrite = (path, n) => n > 3 ? FaultPlan.DiskFull() : null;

        var (writer, fault) = RunV2();

        fault.ShouldNotBeNull().Fault.ShouldBe(OutputFault.DiskFull);
        writer.Fault.ShouldBe(fault);
        Should.Throw<OutputException>(() => writer.WriteText("site/later.html", "x")).ShouldBeSameAs(fault, "no write is tried after the disk filled up");
        _fs.File.Exists(Full("site/later.html")).ShouldBeFalse();
        ShouldBeWholeAndListed();
        NextRunRepairs();
    }

    [Fact]
    public void Write_DiskFullOnFirstRunEver_ListsTheFilesWrittenSoFar()
    {
        _fs.Plan.OnWrite = (path, n) => n > 4 && !path.EndsWith(".docgen-journal.txt", StringComparison.Ordinal) ? FaultPlan.DiskFull() : null;

        var (_, fault) = RunV2();

        fault!.Fault.ShouldBe(OutputFault.DiskFull);
        _fs.AllFiles.ShouldNotContain(f => f.Contains(".docgen-tmp"));
        // The lists could not be written on the full disk: the journal still names what was written.
        var written = _fs.Directory.GetFiles(Full("site")).Select(f => "site/" + _fs.Path.GetFileName(f)).ToList();
        written.ShouldNotBeEmpty();
        var journal = _fs.File.Exists(Full(".docgen-journal.txt")) ? Read(".docgen-journal.txt") : Read(".docgen-owned.txt");
        written.ShouldAllBe(f => journal.Contains("  " + f + "\n"));
        NextRunRepairs();
    }

    [Fact]
    public void Write_PermissionDenied_StopsWithAccessDeniedAndChangesNothing()
    {
        RunV1();
        _fs.Plan.OnWrite = (path, _) => FaultPlan.Denied(path);

        var (_, fault) = RunV2();

        fault!.Fault.ShouldBe(OutputFault.AccessDenied);
        foreach (var (path, _) in Site) Read(path).ShouldBe(path + " v1");
        ShouldBeWholeAndListed();
        NextRunRepairs();
    }

    [Fact]
    public void Write_ReadOnlyFileSystem_IsAccessDenied()
    {
        RunV1();
        _fs.Plan.OnWrite = (_, _) => FaultPlan.ReadOnlyFileSystem();

        RunV2().Fault!.Fault.ShouldBe(OutputFault.AccessDenied);
        ShouldBeWholeAndListed();
    }

    [Fact]
    public void Write_RenameFails_KeepsThePreviousFileAndRemovesTheTempFile()
    {
        RunV1();
        _fs.Plan.OnMove = (_, destination) => destination.EndsWith("p2.html", StringComparison.Ordinal) ? new IOException("Device or resource busy", 16) : null;

        var (_, fault) = RunV2();

        fault!.Fault.ShouldBe(OutputFault.Io);
        fault.Path.ShouldBe(Full("site/p2.html"));
        Read("site/p2.html").ShouldBe("site/p2.html v1");
        ShouldBeWholeAndListed();
        NextRunRepairs();
    }

    [Fact]
    public void Write_FolderWhereAFileGoes_LeavesTheFolderAndWritesTheRest()
    {
        RunV1();
        _fs.File.Delete(Full("site/p3.html"));
        _fs.AddFile(Full("site/p3.html/notes.txt"), new MockFileData("mine"));

        var (writer, fault) = RunV2();

        fault.ShouldBeNull();
        writer.Problems.ShouldBe([new OutputProblem(OutputProblemKind.FolderInTheWay, Full("site/p3.html"))]);
        Read("site/p3.html/notes.txt").ShouldBe("mine");
        Read("site/p4.html").ShouldBe("page 4 v2");
    }

    [Fact]
    public void Write_FileWhereAFolderGoes_LeavesTheFileAndWritesNothingUnderIt()
    {
        _fs.AddFile(Full(".docgen-owned.txt"), new MockFileData(OutputLayout.FormatOwnership([])));
        _fs.AddFile(Full("site"), new MockFileData("a file named site"));

        var (writer, fault) = RunV2();

        fault.ShouldBeNull();
        writer.Problems.ShouldBe([new OutputProblem(OutputProblemKind.FileInTheWay, Full("site"))]);
        Read("site").ShouldBe("a file named site");
    }

    [Fact]
    public void Write_SymlinkedFolderInsideRoot_IsNeverWrittenThrough()
    {
        _fs.AddFile("/elsewhere/keep.txt", new MockFileData("outside"));
        _fs.AddFile(Full(".docgen-owned.txt"), new MockFileData(OutputLayout.FormatOwnership([])));
        _fs.Directory.CreateSymbolicLink(Full("site"), "/elsewhere");

        var (writer, _) = RunV2();

        writer.Problems.ShouldBe([new OutputProblem(OutputProblemKind.Link, Full("site"))]);
        _fs.Directory.GetFiles("/elsewhere").ShouldBe(["/elsewhere/keep.txt"]);
    }

    [Fact]
    public void Write_SymlinkWhereAFileGoes_IsLeftAndItsTargetUntouched()
    {
        RunV1();
        _fs.AddFile("/elsewhere/target.html", new MockFileData("outside"));
        _fs.File.Delete(Full("site/p1.html"));
        _fs.File.CreateSymbolicLink(Full("site/p1.html"), "/elsewhere/target.html");

        var (writer, _) = RunV2();

        writer.Problems.ShouldBe([new OutputProblem(OutputProblemKind.NotOwned, Full("site/p1.html"))]);
        _fs.File.ReadAllText("/elsewhere/target.html").ShouldBe("outside");
    }

    [Fact]
    public void Open_OrphansOfADeadRun_AreRemovedAndNothingElse()
    {
        RunV1();
        const int deadPid = 2_000_000_000;
        _fs.AddFile(Full($".docgen-tmp/{deadPid}-1a.tmp"), new MockFileData("<html><bo"));
        _fs.AddFile(Full($".docgen-tmp/{Environment.ProcessId}-1.tmp"), new MockFileData("in use by this process"));
        _fs.AddFile(Full("site/p1.html.0a1b2c3d.tmp"), new MockFileData("a user's temp file"));
        using var writer = new OutputWriter(Root, _fs);

        writer.Open();

        _fs.File.Exists(Full($".docgen-tmp/{deadPid}-1a.tmp")).ShouldBeFalse();
        _fs.File.Exists(Full($".docgen-tmp/{Environment.ProcessId}-1.tmp")).ShouldBeTrue();
        Read("site/p1.html.0a1b2c3d.tmp").ShouldBe("a user's temp file");
        writer.Problems.ShouldBe([new OutputProblem(OutputProblemKind.OrphansRemoved, Full(".docgen-tmp"))]);
    }

    [Fact]
    public void Open_JournalOfAKilledRun_MakesItsFilesDocGens()
    {
        RunV1();
        // A run killed after writing new files: they are on disk and in the journal, not in the list.
        var killed = new OutputWriter(Root, _fs);
        killed.WriteText("site/new.html", "new v1");
        killed.WriteText("site/p0.html", "page 0 v1.5");
        killed.Dispose(); // what the OS does to a killed process's handles; neither Complete nor Abandon ran
        Read(".docgen-files.txt").ShouldNotContain("new.html");

        var (writer, fault) = RunV2();

        fault.ShouldBeNull();
        writer.Problems.ShouldBeEmpty();
        _fs.File.Exists(Full("site/new.html")).ShouldBeFalse("the killed run's file is DocGen's, so the next run removes it");
        Read("site/p0.html").ShouldBe("page 0 v2");
        _fs.File.Exists(Full(".docgen-journal.txt")).ShouldBeFalse();
    }

    [Fact]
    public void Write_JournalEntryIsWrittenBeforeTheFileAppears()
    {
        RunV1();
        string? journalAtRename = null;
        _fs.Plan.OnMove = (_, destination) =>
        {
            if (destination.EndsWith("p5.html", StringComparison.Ordinal)) journalAtRename = Read(".docgen-journal.txt");
            return null;
        };

        RunV2();

        journalAtRename.ShouldNotBeNull().ShouldContain(OutputLayout.Hash(Encoding.UTF8.GetBytes("page 5 v2")) + "  site/p5.html\n");
    }
}
