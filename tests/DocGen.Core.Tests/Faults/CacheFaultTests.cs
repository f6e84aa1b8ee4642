using DocGen.Core.Model;
using DocGen.Core.Tests.Generation;

namespace DocGen.Core.Tests.Faults;

/// <summary>
/// Cache rows of the fault matrix through the engine and the pipeline: a folder where an entry belongs, a cache
/// that cannot be written, a remote cache that is down. None fails the run or loses an answer for good, the user's
/// files survive, and no temp file is left.
/// </summary>
public sealed class CacheFaultTests : IDisposable
{
    private readonly FakeOpenAIServer _server = new();
    private readonly PipelineRig _rig = new(TestModels.Calculator(3));

    public void Dispose()
    {
        _server.Dispose();
        _rig.Dispose();
    }

    private string CacheDirectory => _rig.Options(_server).CacheDirectory!;

    [Fact]
    public async Task RunAsync_FolderWhereACacheEntryBelongs_WarnsDG0425AsksAgainAndLeavesTheFolder()
    {
        await _rig.SeedAsync();
        (await _rig.RunAsync(_rig.Options(_server))).Succeeded.ShouldBeTrue();
        var entry = Directory.GetFiles(CacheDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.Delete(entry);
        Directory.CreateDirectory(entry);
        File.WriteAllText(Path.Combine(entry, "mine.txt"), "mine");
        var before = _server.Requests.Count;

        var result = await _rig.RunAsync(_rig.Options(_server));

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Diagnostics.ShouldContain(d => d.Id == "DG0425");
        result.Diagnostics.ShouldNotContain(d => d.Id == "DG0009");
        _server.Requests.Count.ShouldBeGreaterThan(before, "the blocked answer is asked again");
        result.Model!.AllMembers.ShouldAllBe(m => m.Provenance == Provenance.Generated("test-model"));
        File.ReadAllText(Path.Combine(entry, "mine.txt")).ShouldBe("mine");
        _rig.ShouldHoldThePromise();
    }

    [Fact]
    public async Task RunAsync_CacheFolderCannotBeWritten_WarnsDG0411AndStillGenerates()
    {
        await _rig.SeedAsync();
        var notAFolder = _rig.Temp.Write("cache-is-a-file", "a file where the cache folder should be");

        var result = await _rig.RunAsync(_rig.Options(_server) with { CacheDirectory = Path.Combine(notAFolder, "cache") });

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Diagnostics.ShouldContain(d => d.Id == "DG0411");
        result.Model!.AllMembers.ShouldAllBe(m => m.Provenance == Provenance.Generated("test-model"));
        File.ReadAllText(notAFolder).ShouldBe("a file where the cache folder should be");
        _rig.ShouldHoldThePromise();
    }

    [Fact]
    public async Task RunAsync_RemoteCacheDown_WarnsDG0407AndUsesTheLocalCache()
    {
        await _rig.SeedAsync();

        var result = await _rig.RunAsync(_rig.Options(_server) with { RemoteCacheUrl = "http://127.0.0.1:9/cache" });

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Diagnostics.ShouldContain(d => d.Id == "DG0407");
        result.Incomplete.ShouldBeFalse("every answer came from the model and is cached locally");
        _rig.ShouldHoldThePromise();
    }
}
