using System.IO.Abstractions.TestingHelpers;
using System.Text.Json.Nodes;
using DocGen.Core.Generation.Cache;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Faults;

/// <summary>The cache rows of the fault matrix, and the last-use record that lets a prune evict least recently used entries.</summary>
public sealed class CacheStoreFaultTests
{
    private const string CacheRoot = "/cache";
    private static readonly string KeyA = new('a', 64);
    private static readonly string KeyB = new('b', 64);

    private readonly FaultyMockFileSystem _fs = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private LocalCacheStore Store() => new(CacheRoot, _fs, _clock);

    private static byte[] Entry(string key) => LocalCacheStore.CreateEntry(key, "member_docs", "m", new JsonObject { ["summary"] = "S" });

    private string PathOf(string key) => $"{CacheRoot}/{key[..2]}/{key}.json";

    [Fact]
    public void TryGet_FolderWhereAnEntryBelongs_IsAMissLeftAloneAndCounted()
    {
        _fs.AddFile(PathOf(KeyA) + "/mine.txt", new MockFileData("mine"));
        var store = Store();

        store.TryGet(KeyA).ShouldBeNull();
        store.Put(KeyA, Entry(KeyA));

        store.Blocked.ShouldBe(2);
        _fs.File.ReadAllText(PathOf(KeyA) + "/mine.txt").ShouldBe("mine");
        _fs.AllFiles.ShouldNotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Put_DiskFull_ThrowsAndLeavesNoPartialEntry()
    {
        _fs.Plan.OnWrite = (_, _) => FaultPlan.DiskFull();
        var store = Store();

        Should.Throw<IOException>(() => store.Put(KeyA, Entry(KeyA)));

        _fs.AllFiles.ShouldBeEmpty();
        store.TryGet(KeyA).ShouldBeNull();
    }

    [Fact]
    public void Put_ReadOnlyCache_ThrowsUnauthorizedAndWritesNothing()
    {
        _fs.Plan.OnWrite = (path, _) => FaultPlan.Denied(path);

        Should.Throw<UnauthorizedAccessException>(() => Store().Put(KeyA, Entry(KeyA)));

        _fs.AllFiles.ShouldBeEmpty();
    }

    [Fact]
    public void TryGet_CorruptEntry_IsAMissAndRemoved()
    {
        _fs.AddFile(PathOf(KeyA), new MockFileData("{\"schema\":\"docgen-cache/1\",\"key\":\"tru"));
        var store = Store();

        store.TryGet(KeyA).ShouldBeNull();

        store.Corrupt.ShouldBe(1);
        _fs.File.Exists(PathOf(KeyA)).ShouldBeFalse();
    }

    [Fact]
    public void TryGet_HitOlderThanADay_RecordsTheUse()
    {
        var store = Store();
        store.Put(KeyA, Entry(KeyA));
        var written = _fs.File.GetLastWriteTimeUtc(PathOf(KeyA));
        _clock.Advance(TimeSpan.FromDays(3));

        store.TryGet(KeyA).ShouldNotBeNull();

        _fs.File.GetLastWriteTimeUtc(PathOf(KeyA)).ShouldBe(_clock.GetUtcNow().UtcDateTime);
        _fs.File.GetLastWriteTimeUtc(PathOf(KeyA)).ShouldBeGreaterThan(written);
    }

    [Fact]
    public void TryGet_HitWithinADay_WritesNothing()
    {
        var store = Store();
        store.Put(KeyA, Entry(KeyA));
        _fs.File.SetLastWriteTimeUtc(PathOf(KeyA), _clock.GetUtcNow().UtcDateTime.AddHours(-5));
        var before = _fs.File.GetLastWriteTimeUtc(PathOf(KeyA));

        store.TryGet(KeyA).ShouldNotBeNull();

        _fs.File.GetLastWriteTimeUtc(PathOf(KeyA)).ShouldBe(before);
    }

    [Fact]
    public void EntriesByLastUse_AfterHits_OrdersLeastRecentlyUsedFirst()
    {
        var store = Store();
        store.Put(KeyA, Entry(KeyA));
        store.Put(KeyB, Entry(KeyB));
        _fs.File.SetLastWriteTimeUtc(PathOf(KeyA), _clock.GetUtcNow().UtcDateTime.AddDays(-10));
        _fs.File.SetLastWriteTimeUtc(PathOf(KeyB), _clock.GetUtcNow().UtcDateTime.AddDays(-5));
        store.EntriesByLastUse().Select(e => e.Key).ShouldBe([KeyA, KeyB]);

        store.TryGet(KeyA);

        store.EntriesByLastUse().Select(e => e.Key).ShouldBe([KeyB, KeyA]);
    }

    [Fact]
    public void Put_OrphanTempFileOfADeadProcess_IsRemovedOnceOldEnough()
    {
        _fs.AddFile($"{CacheRoot}/.docgen-tmp/2000000000-1.tmp", new MockFileData("torn"));
        _fs.AddFile($"{CacheRoot}/.docgen-tmp/2000000001-1.tmp", new MockFileData("torn"));
        _fs.File.SetLastWriteTimeUtc($"{CacheRoot}/.docgen-tmp/2000000000-1.tmp", _clock.GetUtcNow().UtcDateTime.AddHours(-2));
        _fs.File.SetLastWriteTimeUtc($"{CacheRoot}/.docgen-tmp/2000000001-1.tmp", _clock.GetUtcNow().UtcDateTime.AddMinutes(-5));

        Store().Put(KeyA, Entry(KeyA));

        _fs.File.Exists($"{CacheRoot}/.docgen-tmp/2000000000-1.tmp").ShouldBeFalse();
        _fs.File.Exists($"{CacheRoot}/.docgen-tmp/2000000001-1.tmp").ShouldBeTrue("another machine may still be writing it");
    }

    [Fact]
    public async Task Put_ConcurrentWritersOnRealDisk_LeaveOnlyWholeEntries()
    {
        using var dir = new TempDirectory("docgen-cache");
        var keys = Enumerable.Range(0, 50).Select(i => i.ToString("x2") + new string('c', 62)).ToList();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var store = new LocalCacheStore(dir.Path);
            foreach (var key in keys) store.Put(key, Entry(key));
        })));

        var reader = new LocalCacheStore(dir.Path);
        keys.ShouldAllBe(k => reader.TryGet(k) != null);
        Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        reader.Corrupt.ShouldBe(0);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
