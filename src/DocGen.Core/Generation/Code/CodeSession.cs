using System.Collections.Immutable;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Providers;
using DocGen.Core.Generation.UseCases;

namespace DocGen.Core.Generation.Code;

/// <summary>
/// The code-units stage of one run: every unit of the request over one <see cref="ModelService"/>, so they share the
/// provider and its circuit breaker, the cache and the token budget with each other (and the same code as doc
/// generation), and the run ends with one <c>code</c> section for <c>report.json</c>.
/// </summary>
internal sealed class CodeSession : IDisposable
{
    public CodeSession(EngineSettings settings, UseCaseRegistry registry, CodeUnitContext context)
    {
        Settings = settings;
        Registry = registry;
        Context = context;
        Service = new ModelService(settings, context.Options, context.OutputRoot, context.Diagnostics);
        Service.Connect(out var problem);
        NoProviderReason = problem switch
        {
            ProviderProblem.InvalidEndpoint => $"(the endpoint '{context.Options.Endpoint}' is not an absolute URL)",
            ProviderProblem.NoApiKey => "(the provider is openai, but neither OPENAI_API_KEY nor DOCGEN_API_KEY is set)",
            _ => null,
        };
    }

    public EngineSettings Settings { get; }
    public UseCaseRegistry Registry { get; }
    public CodeUnitContext Context { get; }
    public ModelService Service { get; }

    /// <summary>Why there is no model although the options name one, for the units' "no provider" diagnostics.</summary>
    public string? NoProviderReason { get; }

    /// <summary>Generates one unit; its diagnostics go to <paramref name="diagnostics"/>. Never throws for bad specs or answers.</summary>
    public async Task<CodeUnitResult> RunUnitAsync(string specPath, DiagnosticBag diagnostics)
    {
        var spec = CodeSpec.Load(specPath, diagnostics);
        if (spec is null) return new CodeUnitResult(specPath, null, [], 0, 0, 0, false);
        return await new CodeUnitRun(this, spec, Context with { Diagnostics = diagnostics }).RunAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for the cache's remote writes, reports its health, and sums the units up for <c>report.json</c>.</summary>
    public async Task<CodeReport> FinishAsync(IReadOnlyList<CodeUnitResult> units)
    {
        await Service.FinishAsync().ConfigureAwait(false);
        var metrics = Service.Metrics();
        return new CodeReport
        {
            Provider = metrics.Provider,
            Model = metrics.Model,
            Endpoint = metrics.Endpoint,
            Units = units.Count,
            FailedUnits = units.Count(u => !u.Succeeded),
            Files = units.Sum(u => u.Files.Length),
            Requests = metrics.Requests,
            CacheHits = units.Sum(u => u.CacheHits),
            CacheMisses = units.Sum(u => u.CacheMisses),
            RemoteCacheHits = metrics.RemoteCacheHits,
            InputTokens = metrics.InputTokens,
            OutputTokens = metrics.OutputTokens,
            Continuations = metrics.Continuations,
            Retries = metrics.Retries,
            LatencyP50Ms = metrics.LatencyP50Ms,
            LatencyP95Ms = metrics.LatencyP95Ms,
            TokensByUseCase = metrics.TokensByUseCase,
            CircuitBreakerTrips = Service.Breaker.Trips,
        };
    }

    public void Dispose() => Service.Dispose();
}

/// <summary>
/// The <c>code</c> section of <c>report.json</c>: what the code units of the last <c>generate-code</c> run (the
/// <c>DocGenCode</c> items of a build) cost. No timestamps, so an unchanged rebuild writes the same bytes.
/// </summary>
public sealed record CodeReport
{
    public const string FileName = "code/report.json";

    /// <summary><c>none</c> or <c>openai</c>.</summary>
    public required string Provider { get; init; }
    public string? Model { get; init; }
    public string? Endpoint { get; init; }
    public int Units { get; init; }
    /// <summary>Units that reported an error.</summary>
    public int FailedUnits { get; init; }
    /// <summary>Files the units have now (generated files and manifests).</summary>
    public int Files { get; init; }
    /// <summary>HTTP requests sent, continuations and syntax retries included.</summary>
    public int Requests { get; init; }
    public int CacheHits { get; init; }
    public int CacheMisses { get; init; }
    public int RemoteCacheHits { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public int Continuations { get; init; }
    public int Retries { get; init; }
    public long? LatencyP50Ms { get; init; }
    public long? LatencyP95Ms { get; init; }
    public IReadOnlyDictionary<string, UseCaseTokens> TokensByUseCase { get; init; } = new SortedDictionary<string, UseCaseTokens>(StringComparer.Ordinal);
    /// <summary>Times the circuit breaker opened (0 or 1): the run stopped asking after consecutive failures.</summary>
    public int CircuitBreakerTrips { get; init; }
}

/// <summary>The outcome of a run of several code units.</summary>
/// <param name="Units">Each unit's result, in the order of the specs.</param>
/// <param name="Report">The run's <c>code</c> section of <c>report.json</c>.</param>
public sealed record CodeGenerationResult(ImmutableArray<CodeUnitResult> Units, CodeReport Report);
