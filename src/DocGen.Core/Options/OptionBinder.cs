using System.Collections.Immutable;
using System.Globalization;

namespace DocGen.Core.Options;

/// <summary>One setting with its CLI flag and MSBuild property, and how to parse it.</summary>
/// <param name="Flag">CLI flag, e.g. <c>--formats</c>.</param>
/// <param name="Property">MSBuild property, e.g. <c>DocGenFormats</c>.</param>
/// <param name="Description">One line for <c>--help</c> and <c>docs/configuration.md</c>.</param>
/// <param name="IsSwitch">True for flags that take no value on the command line (<c>--debug</c>).</param>
/// <param name="Apply">Parses a value into the options or throws <see cref="FormatException"/> with the reason.</param>
public sealed record OptionDefinition(
    string Flag,
    string Property,
    string Description,
    bool IsSwitch,
    Func<DocGenOptions, string, DocGenOptions> Apply);

/// <summary>
/// Binds raw string values (CLI flags or MSBuild properties) to <see cref="DocGenOptions"/>. Both front
/// ends go through the same table, so a value accepted by one is accepted by the other, and an error
/// names the flag or property the user wrote.
/// </summary>
public static class OptionBinder
{
    public static ImmutableArray<OptionDefinition> Definitions { get; } =
    [
        new("--output", "DocGenOutputPath", "Output folder (site/, markdown/, manifest/, report.json).", false, (o, v) => o with { OutputPath = v }),
        new("--force-output", "DocGenOutputForce", "Write into a non-empty folder DocGen did not create, replacing files in its way (never deleting them).", true, (o, v) => o with { OutputForce = ParseBool(v) }),
        new("--configuration", "Configuration", "Configuration to build and document (default Debug).", false, (o, v) => o with { Configuration = v }),
        new("--framework", "DocGenTargetFramework", "Target framework to document when the project has several.", false, (o, v) => o with { Framework = v }),
        new("--formats", "DocGenFormats", "Outputs to write: html, markdown, manifest (comma or semicolon separated).", false, (o, v) => o with { Formats = ParseFormats(v) }),
        new("--include-internals", "DocGenIncludeInternals", "Document internal API too.", true, (o, v) => o with { IncludeInternals = ParseBool(v) }),
        new("--templates", "DocGenTemplatesDirectory", "Folder of templates that override the embedded ones by file name.", false, (o, v) => o with { TemplatesDirectory = v }),
        new("--debug", "DocGenDebug", "Write debug dumps under OUTPUT/debug/.", true, (o, v) => o with { Debug = ParseBool(v) }),
        new("--deterministic", "DocGenDeterministic", "Fix timestamps and serial numbers for reproducible output.", true, (o, v) => o with { Deterministic = ParseBool(v) }),
        new("--provider", "DocGenProvider", "Language model provider: none (default) or openai.", false, (o, v) => o with { Provider = ParseProvider(v) }),
        new("--model", "DocGenModel", "Model id or Azure deployment name (default gpt-4o-mini).", false, (o, v) => o with { Model = v }),
        new("--endpoint", "DocGenEndpoint", "OpenAI-compatible endpoint including /v1.", false, (o, v) => o with { Endpoint = v }),
        new("--max-concurrency", "DocGenMaxConcurrency", "Concurrent model requests (default 4).", false, (o, v) => o with { MaxConcurrency = ParseInt(v) }),
        new("--token-budget", "DocGenTokenBudget", "Maximum tokens one run may spend.", false, (o, v) => o with { TokenBudget = ParseLong(v) }),
        new("--context-window", "DocGenContextWindow", "Tokens one model request may hold (default: the model's window; 8192 for unknown models).", false, (o, v) => o with { ContextWindow = ParseInt(v) }),
        new("--cache-dir", "DocGenCacheDirectory", "Cache folder for model answers (default: the per-user cache, ~/.cache/docgen).", false, (o, v) => o with { CacheDirectory = v }),
        new("--remote-cache", "DocGenRemoteCacheUrl", "HTTP GET/PUT cache base URL.", false, (o, v) => o with { RemoteCacheUrl = v }),
        new("--fill-missing-docs", "DocGenFillMissingDocs", "Ask the model for members without docs (default true; --fill-missing-docs false turns it off).", true, (o, v) => o with { FillMissingDocs = ParseBool(v) }),
        new("--fail-on-provider-error", "DocGenFailOnProviderError", "Make provider failures errors instead of warnings.", true, (o, v) => o with { FailOnProviderError = ParseBool(v) }),
        new("--min-coverage", "DocGenMinCoverage", "Fail with DG0021 when less than this percentage (0-100) of the API is documented.", false, (o, v) => o with { MinCoverage = ParsePercent(v) }),
        new("--cache-max-size", "DocGenCacheMaxSize", "After the run, prune the local cache to this size, least recently used entries first (e.g. 500MB, 2GB).", false, (o, v) => o with { CacheMaxSize = ParseSize(v) }),
        new("--code-optional", "DocGenCodeOptional", "A code unit with no cached answer and no model is a warning, not an error.", true, (o, v) => o with { CodeOptional = ParseBool(v) }),
    ];

    /// <summary>Binds values keyed by CLI flag or MSBuild property name (either is accepted); empty values are skipped.</summary>
    /// <returns>The options and every error, each naming the flag or property.</returns>
    public static (DocGenOptions Options, ImmutableArray<string> Errors) Bind(
        DocGenOptions baseline, IEnumerable<KeyValuePair<string, string?>> values)
    {
        var options = baseline;
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, value) in values)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var def = Definitions.FirstOrDefault(d =>
                string.Equals(d.Flag, name, StringComparison.Ordinal) ||
                string.Equals(d.Property, name, StringComparison.OrdinalIgnoreCase));
            if (def is null)
            {
                errors.Add($"unknown option '{name}'");
                continue;
            }
            try
            {
                options = def.Apply(options, value.Trim());
            }
            catch (FormatException ex)
            {
                var label = name.StartsWith("--", StringComparison.Ordinal) ? name : def.Property;
                errors.Add($"{label}: {ex.Message}");
            }
        }
        errors.AddRange(options.Validate());
        return (options, errors.ToImmutable());
    }

    public static OutputFormats ParseFormats(string value)
    {
        var result = OutputFormats.None;
        foreach (var part in value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result |= part.ToLowerInvariant() switch
            {
                "html" or "site" => OutputFormats.Html,
                "markdown" or "md" => OutputFormats.Markdown,
                "manifest" or "sbom" => OutputFormats.Manifest,
                "all" => OutputFormats.Html | OutputFormats.Markdown | OutputFormats.Manifest,
                "none" => OutputFormats.None,
                _ => throw new FormatException($"unknown format '{part}' (expected html, markdown, manifest)"),
            };
        }
        return result;
    }

    public static bool ParseBool(string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new FormatException($"'{value}' is not a boolean (true or false)"),
    };

    public static ProviderKind ParseProvider(string value) => value.ToLowerInvariant() switch
    {
        "none" or "off" => ProviderKind.None,
        "openai" or "azure" or "azureopenai" => ProviderKind.OpenAI,
        _ => throw new FormatException($"unknown provider '{value}' (expected none or openai)"),
    };

    /// <summary>A percentage from 0 to 100, with or without a trailing <c>%</c>.</summary>
    public static double ParsePercent(string value) =>
        double.TryParse(value.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 100 ? n
        : throw new FormatException($"'{value}' is not a percentage from 0 to 100");

    /// <summary>A size in bytes, with an optional binary unit: <c>1048576</c>, <c>512KB</c>, <c>500MB</c>, <c>2GB</c> (KB = 1024 bytes; KiB, MiB, GiB too).</summary>
    public static long ParseSize(string value)
    {
        var text = value.Replace("_", "").Replace(" ", "").ToUpperInvariant();
        var digits = text.Length - text.TrimStart("0123456789.".ToCharArray()).Length;
        var unit = text[digits..] switch
        {
            "" or "B" => 1L,
            "K" or "KB" or "KIB" => 1L << 10,
            "M" or "MB" or "MIB" => 1L << 20,
            "G" or "GB" or "GIB" => 1L << 30,
            "T" or "TB" or "TIB" => 1L << 40,
            _ => 0L,
        };
        if (unit == 0 || !double.TryParse(text[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
            throw new FormatException($"'{value}' is not a size (e.g. 500MB, 2GB or a number of bytes)");
        return (long)Math.Round(number * unit);
    }

    public static int ParseInt(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw new FormatException($"'{value}' is not a whole number");

    public static long ParseLong(string value) =>
        long.TryParse(value.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw new FormatException($"'{value}' is not a whole number");
}
