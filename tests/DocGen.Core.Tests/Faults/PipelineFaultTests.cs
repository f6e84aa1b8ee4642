using DocGen.Core.Diagnostics;
using DocGen.Core.Pipeline;

namespace DocGen.Core.Tests.Faults;

/// <summary>
/// Environment and input rows of the fault matrix, through the whole pipeline on real temp folders (faults injected by
/// a decorating file system). Each asserts the outcome, the diagnostic id (never DG0009), that the user's files inside
/// and beside the output survive, that no temp file is left, and that the next run repairs everything.
/// </summary>
public sealed class PipelineFaultTests : IDisposable
{
    private readonly PipelineRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private static void ShouldFailWith(PipelineResult result, string id)
    {
        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ShouldBe([id], string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public async Task RunAsync_DiskFullMidSite_StopsWithDG0307AndTheNextRunMatchesACleanBuild()
    {
        await _rig.SeedAsync();
        var fs = new FaultyFileSystem(FaultPlan.DiskFullAfter(6));

        var result = await _rig.RunAsync(fileSystem: fs);

        ShouldFailWith(result, "DG0307");
        result.Diagnostics.Single(d => d.Id == "DG0307").Message.ShouldContain("Free some space");
        _rig.ShouldHoldThePromise();
        var listed = File.ReadAllLines(Path.Combine(_rig.Output, ".docgen-files.txt"));
        foreach (var file in PipelineRig.Snapshot(_rig.Output).Keys.Where(k => !k.StartsWith(".docgen-", StringComparison.Ordinal)))
            (listed.Contains(file) || File.ReadAllText(Path.Combine(_rig.Output, ".docgen-journal.txt")).Contains("  " + file + "\n")).ShouldBeTrue(file + " is recorded as DocGen's");
        await _rig.NextRunShouldRepairAsync();
    }

    [Fact]
    public async Task RunAsync_OutputFolderReadOnly_StopsWithDG0306AndChangesNoFile()
    {
        await _rig.SeedAsync();
        var before = PipelineRig.Snapshot(_rig.Output);
        var fs = new FaultyFileSystem(new FaultPlan { OnWrite = (_, _) => FaultPlan.ReadOnlyFileSystem(), OnCreateDirectory = _ => FaultPlan.ReadOnlyFileSystem() });

        var result = await _rig.RunAsync(fileSystem: fs);

        ShouldFailWith(result, "DG0306");
        var after = PipelineRig.Snapshot(_rig.Output);
        after.Keys.Order(StringComparer.Ordinal).ShouldBe(before.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, hash) in before) after[path].ShouldBe(hash, path);
        _rig.ShouldHoldThePromise();
        await _rig.NextRunShouldRepairAsync();
    }

    [Fact]
    public async Task RunAsync_PermissionDenied_StopsWithDG0306()
    {
        await _rig.SeedAsync();
        var fs = new FaultyFileSystem(new FaultPlan { OnWrite = (path, _) => FaultPlan.Denied(path) });

        ShouldFailWith(await _rig.RunAsync(fileSystem: fs), "DG0306");
        _rig.ShouldHoldThePromise();
        await _rig.NextRunShouldRepairAsync();
    }

    [Fact]
    public async Task RunAsync_RenameFails_StopsWithDG0310AndKeepsThePreviousFile()
    {
        await _rig.SeedAsync();
        var fs = new FaultyFileSystem(new FaultPlan { OnMove = (_, to) => to.EndsWith("index.html", StringComparison.Ordinal) ? new IOException("Device or resource busy", 16) : null });

        ShouldFailWith(await _rig.RunAsync(fileSystem: fs), "DG0310");
        _rig.ShouldHoldThePromise();
        await _rig.NextRunShouldRepairAsync();
    }

    [Fact]
    public async Task RunAsync_OutputNamesAnExistingFile_FailsWithDG0305AndLeavesTheFile()
    {
        var file = _rig.Temp.Write("out.txt", "my file");

        var result = await _rig.RunAsync(_rig.Options() with { OutputPath = file });

        ShouldFailWith(result, "DG0305");
        File.ReadAllText(file).ShouldBe("my file");
    }

    [Fact]
    public async Task RunAsync_NonEmptyFolderNotWrittenByDocGen_IsRefusedWithDG0302UnlessForced()
    {
        _rig.Write("thesis/chapter1.tex", "mine");
        _rig.Write("site/index.html", "my hand-made site");

        var refused = await _rig.RunAsync();

        ShouldFailWith(refused, "DG0302");
        refused.Diagnostics.Single(d => d.Id == "DG0302").Message.ShouldContain("--force-output");
        Directory.GetFiles(_rig.Output, "*", SearchOption.AllDirectories).Length.ShouldBe(2, "nothing was written");

        var forced = await _rig.RunAsync(_rig.Options() with { OutputForce = true });

        forced.Succeeded.ShouldBeTrue(string.Join("\n", forced.Diagnostics));
        forced.Diagnostics.ShouldContain(d => d.Id == "DG0314");
        File.ReadAllText(Path.Combine(_rig.Output, "thesis/chapter1.tex")).ShouldBe("mine");
    }

    [Fact]
    public async Task RunAsync_UserFileAtAPagePath_IsLeftWithDG0303AndTheRunIsIncomplete()
    {
        await _rig.SeedAsync(); // Markdown only: site/ is not DocGen's yet
        _rig.Write("site/index.html", "my own index");

        var result = await _rig.RunAsync();

        result.Succeeded.ShouldBeTrue();
        result.Diagnostics.Single(d => d.Id == "DG0303").Message.ShouldContain("Move or delete it");
        result.Incomplete.ShouldBeTrue("the build must run DocGen again once the file is resolved");
        File.ReadAllText(Path.Combine(_rig.Output, "site/index.html")).ShouldBe("my own index");
        _rig.ShouldHoldThePromise();
        File.Delete(Path.Combine(_rig.Output, "site/index.html"));
        await _rig.NextRunShouldRepairAsync();
    }

    [Fact]
    public async Task RunAsync_PageChangedByHand_IsNotOverwrittenDG0304AndTheRunIsIncomplete()
    {
        await _rig.SeedAsync();
        _rig.Write("markdown/README.md", "my edit");

        var result = await _rig.RunAsync();

        result.Succeeded.ShouldBeTrue();
        result.Diagnostics.ShouldContain(d => d.Id == "DG0304");
        result.Incomplete.ShouldBeTrue();
        File.ReadAllText(Path.Combine(_rig.Output, "markdown/README.md")).ShouldBe("my edit");
        File.Delete(Path.Combine(_rig.Output, "markdown/README.md"));
        await _rig.NextRunShouldRepairAsync();
    }

    [Fact]
    public async Task RunAsync_FolderWhereAPageGoes_FailsWithDG0308AndLeavesTheFolder()
    {
        await _rig.SeedAsync();
        _rig.Write("site/index.html/keep.txt", "mine");

        var result = await _rig.RunAsync();

        ShouldFailWith(result, "DG0308");
        File.ReadAllText(Path.Combine(_rig.Output, "site/index.html/keep.txt")).ShouldBe("mine");
        _rig.ShouldHoldThePromise();
        Directory.Delete(Path.Combine(_rig.Output, "site/index.html"), recursive: true);
        await _rig.NextRunShouldRepairAsync();
    }

    [Fact]
    public async Task RunAsync_SymlinkedFolderInsideTheOutput_IsNotWrittenThroughDG0309()
    {
        if (OperatingSystem.IsWindows()) return; // symbolic links need privileges there
        await _rig.SeedAsync();
        var outside = _rig.Temp.Write("outside/precious.txt", "outside the output");
        Directory.CreateDirectory(Path.Combine(_rig.Output, "site"));
        Directory.CreateSymbolicLink(Path.Combine(_rig.Output, "site", "api"), Path.GetDirectoryName(outside)!);

        var result = await _rig.RunAsync();

        ShouldFailWith(result, "DG0309");
        Directory.GetFiles(Path.GetDirectoryName(outside)!).ShouldBe([outside]);
        File.ReadAllText(outside).ShouldBe("outside the output");
        File.Delete(Path.Combine(_rig.Output, "site", "api"));
        await _rig.NextRunShouldRepairAsync();
    }

    [Theory]
    [InlineData("file:///x")]
    [InlineData("ftp://models.example/v1")]
    public async Task RunAsync_EndpointThatIsNotHttp_FailsWithDG0011BeforeWriting(string endpoint)
    {
        using var server = new Generation.FakeOpenAIServer();
        var result = await _rig.RunAsync(_rig.Options(server) with { Endpoint = endpoint });

        ShouldFailWith(result, "DG0011");
        Directory.Exists(_rig.Output).ShouldBeFalse();
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_CancelledMidSite_KeepsEveryFileWholeAndRecorded()
    {
        await _rig.SeedAsync();
        using var cts = new CancellationTokenSource();
        var fs = new FaultyFileSystem(new FaultPlan { OnWrite = (_, n) => { if (n == 5) cts.Cancel(); return null; } });

        await Should.ThrowAsync<OperationCanceledException>(() => _rig.RunAsync(fileSystem: fs, cancellationToken: cts.Token));

        _rig.ShouldHoldThePromise();
        File.Exists(Path.Combine(_rig.Output, ".docgen-journal.txt")).ShouldBeFalse("a cancelled run records its files in the list");
        var listed = File.ReadAllLines(Path.Combine(_rig.Output, ".docgen-files.txt"));
        PipelineRig.Snapshot(_rig.Output).Keys.Where(k => !k.StartsWith(".docgen-", StringComparison.Ordinal)).ShouldAllBe(k => listed.Contains(k));
        await _rig.NextRunShouldRepairAsync();
    }
}
