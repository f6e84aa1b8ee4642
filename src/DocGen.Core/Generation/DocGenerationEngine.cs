using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Generation.Continuation;
using DocGen.Core.Generation.Fallback;
using DocGen.Core.Generation.Providers;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Generation;

/// <summary>
/// The generation stage: completes missing docs through a language model (cached per member under a
/// key of everything the answer depends on), then gives whatever is still missing deterministic
/// fallback text. Without a provider only the offline tier runs.
/// </summary>
public sealed class DocGenerationEngine : IDocGenerator
{
    private readonly EngineSettings _settings;
    private readonly UseCaseRegistry _registry;

    /// <param name="settings">Engine tuning; null for the defaults.</param>
    /// <param name="progress">Receives per-request progress (the CLI renders it); called from worker threads.</param>
    /// <param name="registry">Use cases; null for the built-in ones.</param>
    public DocGenerationEngine(EngineSettings? settings = null, IProgress<GenerationProgress>? progress = null, UseCaseRegistry? registry = null)
    {
        _settings = settings ?? new EngineSettings();
        Progress = progress;
        _registry = registry ?? UseCaseRegistry.CreateDefault();
    }

    /// <summary>Per-request progress, or null.</summary>
    public IProgress<GenerationProgress>? Progress { get; }

    /// <summary>The cache folder used when <see cref="DocGenOptions.CacheDirectory"/> is not set: a per-user
    /// cache (<c>$XDG_CACHE_HOME/docgen</c>, <c>~/.cache/docgen</c>, or <c>%LOCALAPPDATA%\DocGen\cache</c>), which
    /// survives <c>dotnet clean</c> and deleting <c>obj</c>; keys are content-addressed, so projects share it safely.</summary>
    public string DefaultCacheDirectory(string outputPath) => DefaultCacheDirectory(_settings, outputPath);

    internal static string DefaultCacheDirectory(EngineSettings settings, string outputPath)
    {
        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            if (local.Length > 0) return Path.Combine(local, "DocGen", "cache");
        }
        else
        {
            if (settings.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "docgen");
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (home.Length > 0) return Path.Combine(home, ".cache", "docgen");
        }
        return Path.Combine(outputPath, "cache");
    }

    public async Task<GenerationResult> GenerateAsync(ApiModel model, GenerationContext context)
    {
        var run = new GenerationRun(this, _settings, _registry, model, context);
        return await run.ExecuteAsync().ConfigureAwait(false);
    }
}
