using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Output;

namespace DocGen.Core.Generation;

/// <summary>What the generation stage gets: the run's inputs, options, diagnostics and (for debug dumps) the writer.</summary>
public sealed record GenerationContext(
    ProjectInputs Inputs,
    DocGenOptions Options,
    OutputWriter Writer,
    DiagnosticBag Diagnostics,
    CancellationToken CancellationToken);

/// <summary>The generation stage: fills or completes docs and returns the new model plus its metrics.</summary>
public interface IDocGenerator
{
    Task<GenerationResult> GenerateAsync(ApiModel model, GenerationContext context);
}

/// <summary>The model after generation and the metrics that go into <c>report.json</c> under <c>generation</c>.</summary>
public sealed record GenerationResult(ApiModel Model, object? Report);

/// <summary>Leaves the model as extracted (no provider, no fallback). Replaced by the engine.</summary>
public sealed class PassThroughDocGenerator : IDocGenerator
{
    public Task<GenerationResult> GenerateAsync(ApiModel model, GenerationContext context) =>
        Task.FromResult(new GenerationResult(model, null));
}
