using System.CommandLine;
using System.Globalization;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Options;
using DocGen.Core;

namespace DocGen.Tool.Commands.Cache;

/// <summary><c>docgen cache stats|prune|clear|verify [--cache-dir DIR]</c>: look after the answer cache.</summary>
internal static class CacheCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("cache", "Show, prune, clear or verify the cache of model answers.");
        command.Subcommands.Add(Verb("stats", "Entries and size, by model and use case, and the hit rate of the last runs.", stdout, stderr,
            (cache, _) => Stats(cache, stdout)));

        var maxSize = new Option<string>("--max-size") { Description = "Size to prune down to, least recently used entries first (e.g. 500MB, 2GB, or bytes).", Required = true };
        command.Subcommands.Add(Verb("prune", "Remove the least recently used entries until the cache is at most --max-size.", stdout, stderr,
            (cache, parse) =>
            {
                long bytes;
                try { bytes = OptionBinder.ParseSize(parse.GetValue(maxSize)!); }
                catch (FormatException ex)
                {
                    CommandInputs.Print(stderr, DiagnosticIds.InvalidOption.Create("--max-size: " + ex.Message));
                    return ExitCodes.Usage;
                }
                if (CachePruning.Run(cache.Directory, bytes, stderr, always: true) is not { } line) return ExitCodes.Errors;
                stdout.WriteLine(line);
                return ExitCodes.Ok;
            }, maxSize));

        command.Subcommands.Add(Verb("clear", "Remove every entry (other files in the folder are kept).", stdout, stderr, (cache, _) =>
        {
            var result = cache.Clear();
            CacheRunLog.Delete(cache.Directory);
            stdout.WriteLine($"DocGen: cache cleared: removed {result.Removed} entries ({Sizes.Format(result.RemovedBytes)}){Failed(result)} → {cache.Directory}");
            return result.Failed > 0 ? ExitCodes.Errors : ExitCodes.Ok;
        }));

        command.Subcommands.Add(Verb("verify", "Read every entry and remove those that are corrupt (they are asked again on the next run).", stdout, stderr, (cache, _) =>
        {
            var result = cache.Verify();
            stdout.WriteLine($"DocGen: cache verified: {result.Kept} entries valid, {result.Removed} corrupt removed{Failed(result)} → {cache.Directory}");
            return result.Failed > 0 ? ExitCodes.Errors : ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Verb(string name, string description, TextWriter stdout, TextWriter stderr,
        Func<CacheInventory, ParseResult, int> action, params Option[] options)
    {
        var cacheDir = new Option<string?>("--cache-dir")
        {
            Description = "The cache folder (MSBuild: DocGenCacheDirectory). Default: the per-user cache, ~/.cache/docgen.",
        };
        var command = new Command(name, description);
        command.Options.Add(cacheDir);
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(cacheDir) is { Length: > 0 } given
                ? Path.GetFullPath(given)
                // The engine's own default, so the verbs look where builds write.
                : new DocGenerationEngine().DefaultCacheDirectory(Path.Combine(Directory.GetCurrentDirectory(), "obj", "docgen"));
            try
            {
                return action(new CacheInventory(directory), parse);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                CommandInputs.Print(stderr, DiagnosticIds.CacheNotAccessible.Create(directory, ex.Message));
                return ExitCodes.Errors;
            }
        });
        return command;
    }

    private static int Stats(CacheInventory cache, TextWriter stdout)
    {
        var stats = cache.Statistics();
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine($"DocGen cache: {cache.Directory}");
        stdout.WriteLine(string.Format(inv, "  entries: {0:N0} ({1})", stats.Entries, Sizes.Format(stats.Bytes)));
        if (stats.OldestUseUtc is { } oldest && stats.NewestUseUtc is { } newest)
            stdout.WriteLine(string.Format(inv, "  last used: {0:yyyy-MM-dd HH:mm} UTC; least recently used: {1:yyyy-MM-dd HH:mm} UTC", newest, oldest));
        if (stats.Entries > 0)
        {
            stdout.WriteLine("  by model: " + Groups(stats.ByModel));
            stdout.WriteLine("  by use case: " + Groups(stats.ByUseCase));
        }
        if (stats.Unreadable > 0)
            stdout.WriteLine(string.Format(inv, "  unreadable: {0:N0} (run 'docgen cache verify' to remove them)", stats.Unreadable));

        var runs = CacheRunLog.Read(cache.Directory, 10);
        if (runs.Count == 0)
        {
            stdout.WriteLine("  last runs: none recorded (runs with a provider record their cache hits here)");
            return ExitCodes.Ok;
        }
        var hits = runs.Sum(r => r.Hits);
        var lookups = hits + runs.Sum(r => r.Misses);
        stdout.WriteLine(string.Format(inv, "  last {0} runs: hit rate {1:0.#}% ({2:N0} hits, {3:N0} misses)", runs.Count, Percent(hits, lookups), hits, lookups - hits));
        foreach (var run in runs.AsEnumerable().Reverse())
            stdout.WriteLine(string.Format(inv, "    {0:yyyy-MM-dd HH:mm} UTC  {1}: {2:0.#}% ({3} hits, {4} misses)", run.TimeUtc, run.Project, Percent(run.Hits, run.Hits + run.Misses), run.Hits, run.Misses));
        return ExitCodes.Ok;
    }

    private static double Percent(int part, int whole) => whole == 0 ? 100 : 100.0 * part / whole;

    private static string Groups(IEnumerable<CacheGroup> groups) =>
        string.Join(", ", groups.Select(g => string.Format(CultureInfo.InvariantCulture, "{0} {1:N0} ({2})", g.Name, g.Entries, Sizes.Format(g.Bytes))));

    private static string Failed(CacheRemoval result) => result.Failed > 0 ? $", {result.Failed} could not be removed" : "";
}
