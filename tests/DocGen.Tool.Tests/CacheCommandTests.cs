using System.Text.Json.Nodes;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Inputs;
using DocGen.Tests.Shared;
using DocGen.Core;

namespace DocGen.Tool.Tests;

/// <summary><c>docgen cache</c> on a real cache folder written with the store's own entry format.</summary>
public sealed class CacheCommandTests
{
    /// <summary>Writes <paramref name="count"/> entries of about <paramref name="size"/> bytes, the first the least recently used.</summary>
    private static List<string> Seed(string directory, int count, int size, string model = "test-model", string useCase = "member_docs")
    {
        var store = new LocalCacheStore(directory);
        var keys = new List<string>();
        var start = DateTime.UtcNow.AddDays(-count);
        for (var i = 0; i < count; i++)
        {
            var key = CacheKey.Compute(new JsonObject { ["n"] = i, ["model"] = model, ["useCase"] = useCase });
            store.Put(key, LocalCacheStore.CreateEntry(key, useCase, model, new JsonObject { ["summary"] = new string('x', size) }));
            File.SetLastWriteTimeUtc(Path.Combine(directory, key[..2], key + ".json"), start.AddHours(i));
            keys.Add(key);
        }
        return keys;
    }

    private static long EntryBytes(string directory) => new CacheInventory(directory).List().Sum(e => e.Size);

    [Fact]
    public async Task CachePrune_MaxSize_RemovesTheLeastRecentlyUsedUntilItFits()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var keys = Seed(cache, 10, 1000);
        var entrySize = new CacheInventory(cache).List()[0].Size;

        var result = await CliResult.RunAsync("cache", "prune", "--max-size", (entrySize * 4 + 10).ToString(System.Globalization.CultureInfo.InvariantCulture), "--cache-dir", cache);

        result.ExitCode.ShouldBe(0, result.StdErr);
        EntryBytes(cache).ShouldBeLessThanOrEqualTo(entrySize * 4 + 10);
        new CacheInventory(cache).List().Select(e => e.Key).ShouldBe(keys[6..], ignoreOrder: true, "the four most recently used stay");
        result.StdOut.ShouldContain("removed 6 least recently used entries");
    }

    [Fact]
    public async Task CachePrune_EntryReadRecently_SurvivesNewerWrittenOnes()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var keys = Seed(cache, 3, 1000);
        // Last use is the entry file's time, which a run that reads the entry refreshes.
        File.SetLastWriteTimeUtc(Path.Combine(cache, keys[0][..2], keys[0] + ".json"), DateTime.UtcNow);
        var oneEntry = new CacheInventory(cache).List().Max(e => e.Size);

        var result = await CliResult.RunAsync("cache", "prune", "--max-size", oneEntry.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cache-dir", cache);

        result.ExitCode.ShouldBe(0, result.StdErr);
        new CacheInventory(cache).List().Select(e => e.Key).ShouldBe([keys[0]]);
    }

    [Fact]
    public async Task CacheStats_SeededCache_ShowsEntriesModelsUseCasesAndHitRate()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        Seed(cache, 3, 100, model: "gpt-x");
        Seed(cache, 2, 100, model: "llama", useCase: "type_overview");
        File.WriteAllText(Path.Combine(cache, "runs.jsonl"),
            """{"time":"2026-01-01T10:00:00Z","project":"Lib","hits":3,"misses":1}""" + "\n" + """{"time":"2026-01-02T10:00:00Z","project":"Lib","hits":4,"misses":0}""" + "\n");

        var result = await CliResult.RunAsync("cache", "stats", "--cache-dir", cache);

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldContain("entries: 5 (");
        result.StdOut.ShouldMatch(@"by model: gpt-x 3 \([^)]+\), llama 2");
        result.StdOut.ShouldMatch(@"by use case: member_docs 3 \([^)]+\), type_overview 2");
        result.StdOut.ShouldContain("last 2 runs: hit rate 87.5% (7 hits, 1 misses)");
    }

    [Fact]
    public async Task CacheVerify_CorruptEntry_IsRemovedAndValidOnesKept()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var keys = Seed(cache, 3, 100);
        File.WriteAllText(Path.Combine(cache, keys[1][..2], keys[1] + ".json"), "{\"schema\":\"docgen-cache/1\",\"key\":\"tru");

        var result = await CliResult.RunAsync("cache", "verify", "--cache-dir", cache);

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldContain("2 entries valid, 1 corrupt removed");
        new CacheInventory(cache).List().Select(e => e.Key).ShouldBe([keys[0], keys[2]], ignoreOrder: true);
    }

    [Fact]
    public async Task CacheClear_RemovesEntriesButNotOtherFiles()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        Seed(cache, 4, 100);
        var readme = temp.Write("cache/README.md", "Our team's committed cache.");

        var result = await CliResult.RunAsync("cache", "clear", "--cache-dir", cache);

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldContain("removed 4 entries");
        new CacheInventory(cache).List().ShouldBeEmpty();
        File.Exists(readme).ShouldBeTrue();
        Directory.GetDirectories(cache).ShouldBeEmpty("emptied shard folders go too");
    }

    [Fact]
    public async Task CachePrune_WithoutMaxSize_IsAUsageError()
    {
        var result = await CliResult.RunAsync("cache", "prune");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("--max-size");
    }
}
