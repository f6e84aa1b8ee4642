using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Cache;

namespace DocGen.Tool.Commands.Cache;

/// <summary>Pruning the cache to a size, shared by <c>docgen cache prune</c> and <c>DocGenCacheMaxSize</c> after a run.</summary>
internal static class CachePruning
{
    /// <summary>Prunes <paramref name="cacheDirectory"/> to <paramref name="maxBytes"/>; returns the line to print when entries were removed.</summary>
    public static string? Run(string cacheDirectory, long maxBytes, TextWriter stderr, bool always = false)
    {
        CacheRemoval result;
        try
        {
            result = new CacheInventory(cacheDirectory).Prune(maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CommandInputs.Print(stderr, DiagnosticIds.CacheNotAccessible.Create(cacheDirectory, ex.Message));
            return null;
        }
        if (result.Removed == 0 && !always) return null;
        var failed = result.Failed > 0 ? $", {result.Failed} could not be removed" : "";
        return $"DocGen: cache pruned to {Sizes.Format(maxBytes)}: removed {result.Removed} least recently used entries ({Sizes.Format(result.RemovedBytes)}), kept {result.Kept} ({Sizes.Format(result.KeptBytes)}){failed} → {cacheDirectory}";
    }
}

/// <summary>Byte counts for people: binary units, as <c>--cache-max-size</c> reads them.</summary>
internal static class Sizes
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => FormattableString.Invariant($"{bytes} B"),
        < 1024 * 1024 => FormattableString.Invariant($"{bytes / 1024.0:0.#} KB"),
        < 1024L * 1024 * 1024 => FormattableString.Invariant($"{bytes / (1024.0 * 1024):0.#} MB"),
        _ => FormattableString.Invariant($"{bytes / (1024.0 * 1024 * 1024):0.##} GB"),
    };
}
