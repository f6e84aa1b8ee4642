using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocGen.Tool.Commands.Cache;

/// <summary>One run's cache lookups, as <c>docgen cache stats</c> shows them.</summary>
internal sealed record CacheRun(DateTime TimeUtc, string Project, int Hits, int Misses);

/// <summary>
/// <c>runs.jsonl</c> in the cache folder: one line per run that looked answers up (hits, misses), so <c>docgen cache
/// stats</c> can show the hit rate of the last runs. Runs append one short line each (a single append, so concurrent
/// builds do not tear each other's lines); the file is cut to its last <see cref="Keep"/> lines when it grows.
/// Best effort: a cache folder that cannot be written already got its warning (DG0411) from the engine.
/// </summary>
internal static class CacheRunLog
{
    public const string FileName = "runs.jsonl";
    private const int Keep = 200;
    private const long TrimAbove = 64 * 1024;

    public static void Append(string cacheDirectory, string project, int hits, int misses)
    {
        var line = new JsonObject
        {
            ["time"] = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            ["project"] = project,
            ["hits"] = hits,
            ["misses"] = misses,
        }.ToJsonString() + "\n";
        var path = Path.Combine(cacheDirectory, FileName);
        try
        {
            Directory.CreateDirectory(cacheDirectory);
            File.AppendAllText(path, line);
            if (new FileInfo(path).Length > TrimAbove) Trim(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The last <paramref name="count"/> runs, oldest first; lines that do not parse are skipped.</summary>
    public static IReadOnlyList<CacheRun> Read(string cacheDirectory, int count)
    {
        string[] lines;
        try { lines = File.ReadAllLines(Path.Combine(cacheDirectory, FileName)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
        var runs = new List<CacheRun>();
        foreach (var line in lines.Reverse())
        {
            if (runs.Count == count) break;
            try
            {
                if (JsonNode.Parse(line) is JsonObject o && o["time"]?.GetValue<string>() is { } time
                    && DateTime.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when))
                    runs.Add(new CacheRun(when, o["project"]?.GetValue<string>() ?? "?", o["hits"]?.GetValue<int>() ?? 0, o["misses"]?.GetValue<int>() ?? 0));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
            }
        }
        runs.Reverse();
        return runs;
    }

    private static void Trim(string path)
    {
        var kept = File.ReadAllLines(path).TakeLast(Keep);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".docgen-tmp";
        try
        {
            File.WriteAllLines(temp, kept);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Removes the log (part of <c>docgen cache clear</c>).</summary>
    public static void Delete(string cacheDirectory)
    {
        try { File.Delete(Path.Combine(cacheDirectory, FileName)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
