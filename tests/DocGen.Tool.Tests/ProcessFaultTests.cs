using System.Diagnostics;
using System.Globalization;
using DocGen.Tests.Shared;
using Xunit.Abstractions;
using DocGen.Core;

namespace DocGen.Tool.Tests;

/// <summary>
/// Process and environment rows of the fault matrix with a real engine process on real folders: kill -9 and Ctrl+C
/// mid-write, a read-only folder and a full disk (a read-only bind mount and a tiny tmpfs, which need root; the tests
/// say so and pass without asserting when mounting is impossible). Each asserts the exit code, the id, that no file
/// is partial or unrecorded, that the user's files inside and beside the output survive, and that the next run
/// leaves exactly what a clean build writes.
/// </summary>
public sealed class ProcessFaultTests(SyntheticLibrary library, ITestOutputHelper output) : IClassFixture<SyntheticLibrary>, IDisposable
{
    private const string UserFile = "my-notes.txt";
    private readonly TempDirectory _dir = new("docgen-faults");

    private string Output => _dir.Combine("out");

    public void Dispose() => _dir.Dispose();

    private string[] Args(string outputPath, string formats = "html,markdown") =>
        ["build", library.Assembly, "--output", outputPath, "--formats", formats, "--deterministic"];

    private async Task SeedAsync(string outputPath)
    {
        // A small first run makes the folder DocGen's; then the user keeps a file in it and one beside it.
        (await CliResult.RunAsync(Args(outputPath, "manifest"))).ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(outputPath, UserFile), "mine");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(outputPath)!, "beside.txt"), "also mine");
    }

    private void UserFilesShouldSurvive(string outputPath)
    {
        File.ReadAllText(Path.Combine(outputPath, UserFile)).ShouldBe("mine");
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(outputPath)!, "beside.txt")).ShouldBe("also mine");
    }

    private async Task NextRunShouldMatchACleanBuildAsync(string outputPath)
    {
        var again = await CliResult.RunAsync(Args(outputPath));
        again.ExitCode.ShouldBe(0, again.StdErr);
        Directory.Exists(Path.Combine(outputPath, ".docgen-tmp")).ShouldBeFalse("the orphan temp files were removed");
        File.Exists(Path.Combine(outputPath, ".docgen-journal.txt")).ShouldBeFalse();
        var clean = _dir.Combine("clean-" + Guid.NewGuid().ToString("N")[..6]);
        (await CliResult.RunAsync(Args(clean))).ExitCode.ShouldBe(0);
        var expected = SyntheticLibrary.Hashes(clean, SyntheticLibrary.IsPageOrList);
        var actual = SyntheticLibrary.Hashes(outputPath, SyntheticLibrary.IsPageOrList);
        actual.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, hash) in expected) actual[file].ShouldBe(hash, file);
        UserFilesShouldSurvive(outputPath);
    }

    [Fact]
    public async Task Engine_KilledMidWrite_LeavesNoUnrecordedFileAndTheNextRunEqualsACleanBuild()
    {
        if (OperatingSystem.IsWindows()) return;
        await SeedAsync(Output);
        using var engine = SyntheticLibrary.StartEngine(Args(Output));
        await SyntheticLibrary.WaitForFilesAsync(engine, Path.Combine(Output, "site"), 300);

        engine.Kill(); // SIGKILL: no handler runs, nothing is cleaned up
        await engine.WaitForExitAsync();

        SyntheticLibrary.ShouldRecordEveryFileItLeft(Output, UserFile);
        UserFilesShouldSurvive(Output);
        await NextRunShouldMatchACleanBuildAsync(Output);
    }

    [Fact]
    public async Task Engine_InterruptedMidWrite_Exits130WithDG0008AndRecordsEveryFile()
    {
        if (OperatingSystem.IsWindows()) return;
        await SeedAsync(Output);
        using var engine = SyntheticLibrary.StartEngine(Args(Output));
        await SyntheticLibrary.WaitForFilesAsync(engine, Path.Combine(Output, "site"), 300);

        using (var interrupt = Process.Start("kill", ["-INT", engine.Id.ToString(CultureInfo.InvariantCulture)]))
            await interrupt.WaitForExitAsync();
        var stdoutTask = engine.StandardOutput.ReadToEndAsync();
        var stderr = await engine.StandardError.ReadToEndAsync();
        var stdout = await stdoutTask;
        await engine.WaitForExitAsync();

        engine.ExitCode.ShouldBe(130, stderr);
        stderr.ShouldContain("error DG0008: Cancelled");
        (stdout + stderr).ShouldNotContain("DG0009");
        Directory.Exists(Path.Combine(Output, ".docgen-tmp")).ShouldBeFalse("a cancelled run leaves no temp file");
        File.Exists(Path.Combine(Output, ".docgen-journal.txt")).ShouldBeFalse("a cancelled run records its files in the list");
        SyntheticLibrary.ShouldRecordEveryFileItLeft(Output, UserFile);
        UserFilesShouldSurvive(Output);
        await NextRunShouldMatchACleanBuildAsync(Output);
    }

    [Fact]
    public async Task Engine_ReadOnlyOutputFolder_ExitsWithDG0306AndChangesNothing()
    {
        if (!OperatingSystem.IsLinux()) return;
        await SeedAsync(Output);
        var before = SyntheticLibrary.Hashes(Output);
        var readOnly = _dir.Combine("read-only");
        Directory.CreateDirectory(readOnly);
        // chmod does not stop root, which the tests run as: a read-only bind mount of the folder does.
        if (!await Root.TryAsync(output, "mount", "--bind", Output, readOnly)) return;
        try
        {
            if (!await Root.TryAsync(output, "mount", "-o", "remount,bind,ro", readOnly)) return;

            var result = await CliResult.RunAsync(Args(readOnly));

            result.ExitCode.ShouldBe(ExitCodes.Errors, result.StdErr);
            result.StdErr.ShouldContain("error DG0306:");
            (result.StdOut + result.StdErr).ShouldNotContain("DG0009");
            result.StdErr.ShouldNotContain("   at ");
        }
        finally
        {
            await Root.TryAsync(output, "umount", readOnly);
        }
        SyntheticLibrary.Hashes(Output).ShouldBe(before);
        await NextRunShouldMatchACleanBuildAsync(Output);
    }

    [Fact]
    public async Task Engine_DiskFullOnTinyTmpfs_ExitsWithDG0307LeavesNoPartialFileAndCompletesOnceThereIsSpace()
    {
        if (!OperatingSystem.IsLinux()) return;
        var mount = _dir.Combine("tiny");
        Directory.CreateDirectory(mount);
        if (!await Root.TryAsync(output, "mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount)) return;
        try
        {
            var target = Path.Combine(mount, "out");
            await SeedAsync(target);

            var full = await CliResult.RunAsync(Args(target));

            full.ExitCode.ShouldBe(ExitCodes.Errors, full.StdErr);
            full.StdErr.ShouldContain("error DG0307:");
            (full.StdOut + full.StdErr).ShouldNotContain("DG0009");
            Directory.Exists(Path.Combine(target, ".docgen-tmp")).ShouldBeFalse("no temp file is left on the full disk");
            SyntheticLibrary.ShouldRecordEveryFileItLeft(target, UserFile);
            UserFilesShouldSurvive(target);

            (await Root.TryAsync(output, "mount", "-o", "remount,size=256m", mount)).ShouldBeTrue();
            await NextRunShouldMatchACleanBuildAsync(target);
        }
        finally
        {
            await Root.TryAsync(output, "umount", mount);
        }
    }

    /// <summary>Privileged commands: false (with the reason in the test output) when they cannot run here.</summary>
    private static class Root
    {
        public static async Task<bool> TryAsync(ITestOutputHelper log, string command, params string[] arguments)
        {
            try
            {
                var result = await ProcessRunner.RunAsync(command, arguments, Path.GetTempPath(), timeout: TimeSpan.FromSeconds(30));
                if (result.ExitCode == 0) return true;
                log.WriteLine($"skipped: '{command} {string.Join(' ', arguments)}' failed ({result.ExitCode}): {result.Output.Trim()}");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                log.WriteLine($"skipped: '{command}' cannot run: {ex.Message}");
            }
            return false;
        }
    }
}
