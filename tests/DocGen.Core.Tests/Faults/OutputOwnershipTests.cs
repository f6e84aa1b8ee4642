using System.IO.Abstractions.TestingHelpers;
using System.Text;
using DocGen.Core.Output;

namespace DocGen.Core.Tests.Faults;

/// <summary>Ownership of the output folder: DocGen replaces and deletes only files it wrote and recorded, unchanged.</summary>
public sealed class OutputOwnershipTests
{
    private const string Root = "/work/out";
    private readonly FaultyMockFileSystem _fs = new();

    private OutputWriter Writer(bool force = false) => new(Root, _fs, new OutputWriterOptions { Force = force });

    private string Read(string relative) => _fs.File.ReadAllText(_fs.Path.Combine(Root, relative));

    private OutputSummary Run(params (string Path, string Text)[] files) => Run(false, files);

    private OutputSummary Run(bool force, params (string Path, string Text)[] files)
    {
        using var writer = Writer(force);
        foreach (var (path, text) in files) writer.WriteText(path, text);
        return writer.Complete();
    }

    [Fact]
    public void Complete_NewFolder_WritesOwnershipListWithHashesAndPlainList()
    {
        Run(("site/index.html", "<html>"), ("report.json", "{}"));

        var owned = Read(".docgen-owned.txt").Split('\n');
        owned[0].ShouldStartWith("# docgen-owned/1");
        owned.ShouldContain(OutputLayout.Hash(Encoding.UTF8.GetBytes("<html>")) + "  site/index.html");
        Read(".docgen-files.txt").ShouldBe("report.json\nsite/index.html\n");
        _fs.Directory.Exists(_fs.Path.Combine(Root, ".docgen-tmp")).ShouldBeFalse("no temp folder stays after a run");
        _fs.File.Exists(_fs.Path.Combine(Root, ".docgen-journal.txt")).ShouldBeFalse();
    }

    [Fact]
    public void Write_UserFileAtDocGensPath_LeavesItAndReportsNotOwned()
    {
        Run(("markdown/index.md", "ours"));
        _fs.File.WriteAllText(_fs.Path.Combine(Root, "markdown/README.md"), "mine");
        using var writer = Writer();

        var written = writer.WriteText("markdown/README.md", "DocGen's readme");
        writer.WriteText("markdown/index.md", "ours");
        var summary = writer.Complete();

        written.ShouldBeFalse();
        Read("markdown/README.md").ShouldBe("mine");
        writer.Problems.ShouldBe([new OutputProblem(OutputProblemKind.NotOwned, _fs.Path.Combine(Root, "markdown/README.md"))]);
        summary.Files.ShouldNotContain(_fs.Path.Combine(Root, "markdown/README.md"));
        Read(".docgen-files.txt").ShouldNotContain("README.md");
    }

    [Fact]
    public void Complete_FewerFormatsWithUserFileAtDocGensPath_NeverDeletesIt()
    {
        // The defect: echo mine > out/markdown/README.md; build; build with fewer formats → the file was gone.
        Run(("markdown/index.md", "ours"), ("site/index.html", "ours"));
        _fs.File.WriteAllText(_fs.Path.Combine(Root, "markdown/README.md"), "mine");
        Run(("markdown/README.md", "DocGen's readme"), ("markdown/index.md", "ours"), ("site/index.html", "ours"));

        Run(("site/index.html", "ours"));

        Read("markdown/README.md").ShouldBe("mine");
        _fs.File.Exists(_fs.Path.Combine(Root, "markdown/index.md")).ShouldBeFalse("DocGen's own stale file is removed");
    }

    [Fact]
    public void Write_FileChangedSinceDocGenWroteIt_IsNotReplacedAndWarnsAgainNextRun()
    {
        Run(("site/a.html", "v1"));
        _fs.File.WriteAllText(_fs.Path.Combine(Root, "site/a.html"), "edited by hand");

        using (var writer = Writer())
        {
            writer.WriteText("site/a.html", "v2").ShouldBeFalse();
            writer.Complete();
            writer.Problems.Single().Kind.ShouldBe(OutputProblemKind.Modified);
        }
        using var again = Writer();
        again.WriteText("site/a.html", "v2");
        again.Complete();

        Read("site/a.html").ShouldBe("edited by hand");
        again.Problems.Single().Kind.ShouldBe(OutputProblemKind.Modified);
    }

    [Fact]
    public void Write_ChangedFileDeletedByUser_IsWrittenAgain()
    {
        Run(("site/a.html", "v1"));
        _fs.File.WriteAllText(_fs.Path.Combine(Root, "site/a.html"), "edited");
        Run(("site/a.html", "v2"));
        _fs.File.Delete(_fs.Path.Combine(Root, "site/a.html"));

        Run(("site/a.html", "v2"));

        Read("site/a.html").ShouldBe("v2");
    }

    [Fact]
    public void Complete_StaleFileChangedByUser_IsKeptAndNoLongerListed()
    {
        Run(("site/a.html", "v1"), ("site/b.html", "v1"));
        _fs.File.WriteAllText(_fs.Path.Combine(Root, "site/b.html"), "my notes");
        using var writer = Writer();
        writer.WriteText("site/a.html", "v1");

        var summary = writer.Complete();

        summary.Deleted.ShouldBe(0);
        Read("site/b.html").ShouldBe("my notes");
        writer.Problems.Single().Kind.ShouldBe(OutputProblemKind.ModifiedReleased);
        Read(".docgen-files.txt").ShouldBe("site/a.html\n");
    }

    [Fact]
    public void Open_NonEmptyFolderWithoutMarker_IsRefusedAndNothingIsWritten()
    {
        _fs.AddFile(_fs.Path.Combine(Root, "thesis.tex"), new MockFileData("mine"));
        using var writer = Writer();

        var ex = Should.Throw<OutputException>(() => writer.WriteText("site/index.html", "<html>"));

        ex.Fault.ShouldBe(OutputFault.NotOwned);
        _fs.Directory.GetFileSystemEntries(Root).ShouldBe([_fs.Path.Combine(Root, "thesis.tex")]);
        Should.Throw<OutputException>(() => writer.Complete()).Fault.ShouldBe(OutputFault.NotOwned);
        writer.Abandon();
        _fs.Directory.GetFileSystemEntries(Root).Length.ShouldBe(1, "Abandon of a refused folder writes nothing either");
    }

    [Fact]
    public void Open_ForceOnForeignFolder_ReplacesFilesInItsWayButDeletesNothingItDidNotWrite()
    {
        _fs.AddFile(_fs.Path.Combine(Root, "thesis.tex"), new MockFileData("mine"));
        _fs.AddFile(_fs.Path.Combine(Root, "site/index.html"), new MockFileData("old hand-made site"));
        using var writer = Writer(force: true);

        writer.WriteText("site/index.html", "<html>").ShouldBeTrue();
        writer.Complete();

        Read("site/index.html").ShouldBe("<html>");
        Read("thesis.tex").ShouldBe("mine");
        writer.Problems.Single().Kind.ShouldBe(OutputProblemKind.Replaced);
        Run(("report.json", "{}"));
        Read("thesis.tex").ShouldBe("mine");
        _fs.File.Exists(_fs.Path.Combine(Root, "site/index.html")).ShouldBeFalse("replaced under force, it became DocGen's");
    }

    [Fact]
    public void Open_FolderOfEarlierVersion_IsAdoptedNotRefused()
    {
        // DocGen 0.1 wrote only a plain list: its files are DocGen's, an unlisted file is the user's.
        _fs.AddFile(_fs.Path.Combine(Root, ".docgen-files.txt"), new MockFileData("site/index.html\nsite/old.html\n"));
        _fs.AddFile(_fs.Path.Combine(Root, "site/index.html"), new MockFileData("v1"));
        _fs.AddFile(_fs.Path.Combine(Root, "site/old.html"), new MockFileData("v1"));
        _fs.AddFile(_fs.Path.Combine(Root, "site/mine.html"), new MockFileData("mine"));
        using var writer = Writer();

        writer.WriteText("site/index.html", "v2").ShouldBeTrue();
        var summary = writer.Complete();

        Read("site/index.html").ShouldBe("v2");
        summary.Deleted.ShouldBe(1);
        _fs.File.Exists(_fs.Path.Combine(Root, "site/old.html")).ShouldBeFalse();
        Read("site/mine.html").ShouldBe("mine");
        writer.Problems.ShouldContain(p => p.Kind == OutputProblemKind.Adopted && p.Count == 2);
        Read(".docgen-owned.txt").ShouldContain("  site/index.html");
    }

    [Fact]
    public void Complete_TamperedListNamingFilesOutside_TouchesNothingOutsideTheRoot()
    {
        Run(("site/index.html", "<html>"));
        _fs.AddFile("/work/victim.txt", new MockFileData("precious"));
        _fs.AddFile("/etc/passwd-copy", new MockFileData("root:x:0:0"));
        var hash = OutputLayout.Hash(Encoding.UTF8.GetBytes("precious"));
        _fs.File.AppendAllText(_fs.Path.Combine(Root, ".docgen-owned.txt"),
            $"{hash}  ../victim.txt\n{hash}  /etc/passwd-copy\n{hash}  site/../../victim.txt\nnot a line at all\n");
        using var writer = Writer();

        writer.Complete();

        _fs.File.ReadAllText("/work/victim.txt").ShouldBe("precious");
        _fs.File.ReadAllText("/etc/passwd-copy").ShouldBe("root:x:0:0");
        writer.Problems.ShouldContain(p => p.Kind == OutputProblemKind.ListRejected && p.Count == 4);
        Read(".docgen-owned.txt").ShouldNotContain("victim");
    }

    [Fact]
    public void Open_RootIsAFile_FailsWithRootIsFile()
    {
        _fs.AddFile("/work/out.txt", new MockFileData("a file"));
        using var writer = new OutputWriter("/work/out.txt", _fs);

        Should.Throw<OutputException>(() => writer.Open()).Fault.ShouldBe(OutputFault.RootIsFile);
        _fs.File.ReadAllText("/work/out.txt").ShouldBe("a file");
    }

    [Fact]
    public void Open_FolderHoldingOnlyDocGenSubfolders_IsDocGens()
    {
        // Code units write obj/docgen/code/<unit>/ (with their own list) before the docs run opens obj/docgen/.
        using (var unit = new OutputWriter(Root + "/code/Weather", _fs))
        {
            unit.WriteText("Client.cs", "class C {}");
            unit.Complete();
        }

        Run(("site/index.html", "<html>"));

        Read("site/index.html").ShouldBe("<html>");
        Read("code/Weather/Client.cs").ShouldBe("class C {}");
    }

    [Fact]
    public void Resolve_BookkeepingName_IsRejected()
    {
        using var writer = Writer();

        Should.Throw<OutputPathException>(() => writer.WriteText(".docgen-owned.txt", "x"));
        Should.Throw<OutputPathException>(() => writer.WriteText(".docgen-tmp/1-1.tmp", "x"));
    }

    [Fact]
    public void Write_PathsDifferingOnlyByCase_SecondIsRejected()
    {
        using var writer = Writer();
        writer.WriteText("site/Type.html", "a");

        Should.Throw<OutputPathException>(() => writer.WriteText("site/type.html", "b"));
    }

    [Fact]
    public void Abandon_AfterPartialRun_ListsPreviousAndNewFilesAndDeletesNothing()
    {
        Run(("site/a.html", "v1"), ("site/b.html", "v1"));
        using var writer = Writer();
        writer.WriteText("site/c.html", "v1");

        writer.Abandon();

        Read(".docgen-files.txt").ShouldBe("site/a.html\nsite/b.html\nsite/c.html\n");
        Run(("site/c.html", "v1"));
        _fs.File.Exists(_fs.Path.Combine(Root, "site/a.html")).ShouldBeFalse("an abandoned run's list still lets the next run clean up");
    }
}
