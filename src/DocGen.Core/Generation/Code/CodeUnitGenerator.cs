using System.Collections.Immutable;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Inputs;
using DocGen.Core.Options;

namespace DocGen.Core.Generation.Code;

/// <summary>What a code unit needs to know about the project it is generated for (before that project compiles).</summary>
/// <param name="RootNamespace"><c>$(RootNamespace)</c>: the namespace of a C# unit whose spec names none; null to let the model choose.</param>
/// <param name="LangVersion"><c>$(LangVersion)</c> for the syntax check, or null for the latest.</param>
/// <param name="DefineConstants"><c>$(DefineConstants)</c> symbols for the syntax check.</param>
/// <param name="ReferencedPackages">Package ids and shared frameworks the project can use (see <see cref="CSharpPackages.ReferencedPackages"/>).</param>
public sealed record CodeProject(
    string? RootNamespace = null,
    string? LangVersion = null,
    ImmutableArray<string> DefineConstants = default,
    IReadOnlySet<string>? ReferencedPackages = null)
{
    /// <summary>From a project's inputs (their assembly need not exist yet): its packages and shared frameworks are what the code may use.</summary>
    public static CodeProject From(ProjectInputs inputs)
    {
        var referenced = new HashSet<string>(CSharpPackages.ReferencedPackages(inputs), StringComparer.OrdinalIgnoreCase);
        referenced.UnionWith(inputs.FrameworkReferences);
        return new(inputs.RootNamespace, inputs.LangVersion, inputs.DefineConstants, referenced);
    }
}

/// <summary>One run of the code path.</summary>
/// <param name="Options">Provider, model, endpoint, cache folders and <see cref="DocGenOptions.CodeOptional"/>.</param>
/// <param name="OutputRoot">DocGen's output root; a unit's files go to <c>OutputRoot/code/&lt;unit&gt;/</c>.</param>
/// <param name="Project">The project the code is for.</param>
/// <param name="Diagnostics">Receives every diagnostic, at the spec's path.</param>
/// <param name="CancellationToken">Cancels requests.</param>
public sealed record CodeUnitContext(
    DocGenOptions Options,
    string OutputRoot,
    CodeProject Project,
    DiagnosticBag Diagnostics,
    CancellationToken CancellationToken = default);

/// <summary>The outcome of one code unit.</summary>
/// <param name="SpecPath">The spec, as given.</param>
/// <param name="UnitFolder">The unit's output folder (absolute), or null when the spec could not be read.</param>
/// <param name="Files">Absolute paths of the files the unit has now (generated files and manifests), in generation order.</param>
/// <param name="Requests">Prompts sent (continuations and the syntax retry included).</param>
/// <param name="CacheHits">Answers served from the cache.</param>
/// <param name="CacheMisses">Answers not in the cache.</param>
/// <param name="Succeeded">False when the unit reported an error.</param>
public sealed record CodeUnitResult(
    string SpecPath,
    string? UnitFolder,
    ImmutableArray<string> Files,
    int Requests,
    int CacheHits,
    int CacheMisses,
    bool Succeeded)
{
    /// <summary>What the unit reported (at its spec's path), in order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];
}

/// <summary>
/// Generates one code unit from its spec (<c>&lt;DocGenCode&gt;</c> item or <c>docgen generate-code</c>):
/// <c>code_structure</c> → file names checked and files ordered by their dependencies → package
/// manifests → <c>code_content</c> per file, shown the declarations of the files already written →
/// C# parsed with Roslyn, a file with syntax errors sent back once → files written (only when changed)
/// under <c>code/&lt;unit&gt;/</c>. Every answer goes through the engine's continuation loop and cache, so
/// an unchanged spec with the same options and model makes no request.
/// </summary>
public sealed class CodeUnitGenerator
{
    private readonly EngineSettings _settings;
    private readonly UseCaseRegistry _registry;

    /// <param name="settings">Engine tuning (transport, continuation limits, key source); null for the defaults.</param>
    /// <param name="registry">Use cases; null for the built-in ones (which include <c>code_structure</c> and <c>code_content</c>).</param>
    public CodeUnitGenerator(EngineSettings? settings = null, UseCaseRegistry? registry = null)
    {
        _settings = settings ?? new EngineSettings();
        _registry = registry ?? UseCaseRegistry.CreateDefault();
    }

    /// <summary>Generates the unit of <paramref name="specPath"/>. Never throws for bad specs or answers: they are diagnostics (in <paramref name="context"/>).</summary>
    public async Task<CodeUnitResult> GenerateAsync(string specPath, CodeUnitContext context)
    {
        var run = await GenerateAllAsync([specPath], context).ConfigureAwait(false);
        var unit = run.Units[0];
        foreach (var diagnostic in unit.Diagnostics) context.Diagnostics.Add(diagnostic);
        return unit;
    }

    /// <summary>
    /// Generates the units of <paramref name="specPaths"/> in order, over one provider, cache and token budget. Each
    /// unit's diagnostics are in its result; those of the run (the cache's health) go to <paramref name="context"/>.
    /// </summary>
    /// <param name="specPaths">The specs.</param>
    /// <param name="context">Options, output root, project and the run's diagnostics.</param>
    /// <param name="onUnit">Told of each unit as it finishes (a console shows it at once).</param>
    public async Task<CodeGenerationResult> GenerateAllAsync(IReadOnlyList<string> specPaths, CodeUnitContext context, Action<CodeUnitResult>? onUnit = null)
    {
        using var session = new CodeSession(_settings, _registry, context);
        var units = ImmutableArray.CreateBuilder<CodeUnitResult>();
        foreach (var specPath in specPaths)
        {
            var diagnostics = new DiagnosticBag();
            var unit = await session.RunUnitAsync(specPath, diagnostics).ConfigureAwait(false);
            unit = unit with { Diagnostics = [.. diagnostics.ToList()] };
            units.Add(unit);
            onUnit?.Invoke(unit);
        }
        var report = await session.FinishAsync(units).ConfigureAwait(false);
        return new CodeGenerationResult(units.ToImmutable(), report);
    }
}
