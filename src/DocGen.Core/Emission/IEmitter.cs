using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Output;

namespace DocGen.Core.Emission;

/// <summary>What an emitter gets. Emitters only read the model and write through <see cref="Writer"/>.</summary>
public sealed record EmissionContext(
    ApiModel Model,
    ProjectInputs Inputs,
    DocGenOptions Options,
    OutputWriter Writer,
    DiagnosticBag Diagnostics,
    CancellationToken CancellationToken)
{
    /// <summary>The project's resolved packages (read once from the assets file), or null when no assets file is known.</summary>
    public Model.DependencySet? Dependencies { get; init; }
}

/// <summary>One output kind (site, Markdown, manifest…).</summary>
public interface IEmitter
{
    /// <summary>Short name for progress and timings, e.g. <c>html</c>.</summary>
    string Name { get; }

    bool IsEnabled(DocGenOptions options);

    /// <summary>Writes this emitter's files (all relative paths under its own folder, e.g. <c>site/</c>).</summary>
    void Emit(EmissionContext context);
}
