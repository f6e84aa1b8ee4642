using System.Collections.Immutable;

namespace DocGen.Core.Options;

/// <summary>Output kinds selectable with <c>--formats</c> / <c>DocGenFormats</c>.</summary>
[Flags]
public enum OutputFormats
{
    None = 0,
    /// <summary>The static HTML site under <c>site/</c>.</summary>
    Html = 1,
    /// <summary>GitHub-flavoured Markdown under <c>markdown/</c>.</summary>
    Markdown = 2,
    /// <summary>CycloneDX SBOM and lock list under <c>manifest/</c>.</summary>
    Manifest = 4,
}

/// <summary>Which language model fills missing docs.</summary>
public enum ProviderKind { None, OpenAI }

/// <summary>
/// Every setting of a DocGen run. The CLI flags and the MSBuild properties both bind to this one type
/// through <see cref="OptionBinder"/>, so the two front ends cannot drift apart.
/// </summary>
public sealed record DocGenOptions
{
    /// <summary>Output root. Default: <c>docgen</c> next to the input for the CLI, <c>$(IntermediateOutputPath)docgen/</c> in a build.</summary>
    public string? OutputPath { get; init; }
    /// <summary>
    /// Let DocGen write into a non-empty folder that carries no DocGen marker, and replace files in its way that it
    /// did not write (or that were changed since). Default false: such a folder is refused (DG0302) and such files
    /// are left alone (DG0303, DG0304). Files DocGen did not write are never deleted, even with this option.
    /// </summary>
    public bool OutputForce { get; init; }
    /// <summary>Build configuration used when the CLI builds or evaluates a project. Default <c>Debug</c>.</summary>
    public string Configuration { get; init; } = "Debug";
    /// <summary>Target framework to document for multi-targeting projects. Default: the only one.</summary>
    public string? Framework { get; init; }
    /// <summary>Default <c>html, markdown, manifest</c>.</summary>
    public OutputFormats Formats { get; init; } = OutputFormats.Html | OutputFormats.Markdown | OutputFormats.Manifest;
    /// <summary>Document internal (and protected internal/private protected) API too. Default false.</summary>
    public bool IncludeInternals { get; init; }
    /// <summary>Folder whose template files override the embedded ones by file name.</summary>
    public string? TemplatesDirectory { get; init; }
    /// <summary>Write debug dumps (model JSON, prompts, fragments) under <c>OUTPUT/debug/</c>.</summary>
    public bool Debug { get; init; }
    /// <summary>Fix the SBOM timestamp and serial number for reproducible builds. Default false.</summary>
    public bool Deterministic { get; init; }

    // Generation engine
    /// <summary>Default <see cref="ProviderKind.None"/>: everything offline.</summary>
    public ProviderKind Provider { get; init; } = ProviderKind.None;
    /// <summary>Model id (or Azure deployment name). Default <c>gpt-4o-mini</c>.</summary>
    public string Model { get; init; } = "gpt-4o-mini";
    /// <summary>OpenAI-compatible endpoint including <c>/v1</c>; null for api.openai.com.</summary>
    public string? Endpoint { get; init; }
    /// <summary>Concurrent model requests. Default 4.</summary>
    public int MaxConcurrency { get; init; } = 4;
    /// <summary>Total tokens (in + out) one run may spend; null for no limit.</summary>
    public long? TokenBudget { get; init; }
    /// <summary>Tokens (prompt and answer) one model request may hold; null for the model's known window (8,192 for models DocGen does not know).</summary>
    public int? ContextWindow { get; init; }
    /// <summary>Cache folder for model answers. Default: the per-user cache (<c>$XDG_CACHE_HOME/docgen</c>, else <c>~/.cache/docgen</c>; <c>%LOCALAPPDATA%\DocGen\cache</c> on Windows), which survives <c>dotnet clean</c>.</summary>
    public string? CacheDirectory { get; init; }
    /// <summary>Base URL of an HTTP GET/PUT cache.</summary>
    public string? RemoteCacheUrl { get; init; }
    /// <summary>Ask the model for members without docs. Default true when a provider is set.</summary>
    public bool FillMissingDocs { get; init; } = true;
    /// <summary>Turn provider failures into errors instead of warnings with fallback. Default false.</summary>
    public bool FailOnProviderError { get; init; }
    /// <summary>Coverage below this percentage (0–100) is an error (DG0021), for CI; null for no check.</summary>
    public double? MinCoverage { get; init; }
    /// <summary>After a run, prune the local cache to this many bytes, least recently used entries first; null for no limit.</summary>
    public long? CacheMaxSize { get; init; }
    /// <summary>A code unit with no cached answer and no model is a warning (no files) instead of an error. Default false.</summary>
    public bool CodeOptional { get; init; }

    /// <summary>Checks cross-option rules; returns every problem at once.</summary>
    public ImmutableArray<string> Validate()
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        if (MaxConcurrency is < 1 or > 64) errors.Add($"max concurrency must be between 1 and 64 (was {MaxConcurrency})");
        if (TokenBudget is < 0) errors.Add($"token budget must not be negative (was {TokenBudget})");
        if (ContextWindow is < 1024) errors.Add($"context window must be at least 1024 tokens (was {ContextWindow})");
        if (Endpoint is not null && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _)) errors.Add($"endpoint '{Endpoint}' is not an absolute URL");
        if (RemoteCacheUrl is not null && !Uri.TryCreate(RemoteCacheUrl, UriKind.Absolute, out _)) errors.Add($"remote cache '{RemoteCacheUrl}' is not an absolute URL");
        // Checked up front so a typo in the path is a configuration error, not a run that silently uses the built-in look.
        if (TemplatesDirectory is not null && !Directory.Exists(TemplatesDirectory)) errors.Add($"templates folder '{TemplatesDirectory}' does not exist");
        return errors.ToImmutable();
    }
}
