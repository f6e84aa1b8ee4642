using System.Collections.Immutable;
using System.Text.Json.Nodes;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Generation.Continuation;
using DocGen.Core.Generation.Providers;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Options;
using DocGen.Core.Output;

namespace DocGen.Core.Generation.Code;

/// <summary>
/// One code unit of a <see cref="CodeSession"/>: structure, manifests, each file's content, all through the session's
/// <see cref="ModelService"/> (the provider, cache, budget and metrics that doc generation uses too). A unit that
/// cannot go on sets <see cref="_stopped"/> and its files are dropped; nothing is thrown for control flow.
/// </summary>
internal sealed class CodeUnitRun(CodeSession session, CodeSpec spec, CodeUnitContext ctx)
{
    private readonly List<(string Relative, string Content)> _files = [];
    private readonly string? _namespace = spec.Language == CodeLanguage.CSharp ? spec.Namespace ?? ctx.Project.RootNamespace : spec.Namespace;
    private OutputWriter? _debugWriter;
    private int _requests, _hits, _misses;
    private bool _failed, _stopped;

    private ModelService Service => session.Service;
    private ILanguageModel? Model => session.Service.Model;
    private DocGenOptions Options => ctx.Options;
    private DiagnosticBag Diagnostics => ctx.Diagnostics;

    public async Task<CodeUnitResult> RunAsync()
    {
        var unitFolder = Path.GetFullPath(Path.Combine(ctx.OutputRoot, "code", spec.UnitName));
        await GenerateAsync().ConfigureAwait(false);
        // A stopped unit keeps nothing of this run (its earlier files are removed below, as they are not rewritten).
        if (_stopped) _files.Clear();

        // The unit folder belongs to the unit alone: it holds exactly what this run produced, and a file an
        // earlier run wrote that this one did not is removed (OutputWriter keeps the list in the folder).
        using var writer = new OutputWriter(unitFolder);
        var written = ImmutableArray.CreateBuilder<string>();
        try
        {
            foreach (var (relative, content) in _files)
            {
                try
                {
                    writer.WriteText(relative, content);
                    // Only files that hold this unit's content (a file of the user's in the way is left and not listed).
                    if (writer.Contains(relative)) written.Add(writer.Resolve(relative));
                }
                catch (OutputPathException ex)
                {
                    Diagnostics.Report(DiagnosticIds.CodeFileNameRejected, spec.Path, null, spec.Path, ex.Message);
                    _failed = true;
                }
            }
            writer.Complete();
        }
        catch (OutputException)
        {
            _failed = true;
            writer.Abandon();
        }
        OutputDiagnostics.Report(writer, Diagnostics);
        _debugWriter?.Abandon();
        _debugWriter?.Dispose();
        return new CodeUnitResult(spec.Path, unitFolder, written.ToImmutable(), _requests, _hits, _misses, !_failed);
    }

    private async Task GenerateAsync()
    {
        if (await StructureAsync().ConfigureAwait(false) is not { } structure) return;
        var plans = CodeUnitPlanner.Plan(spec, structure, Diagnostics);
        if (plans.IsEmpty)
        {
            Stop(isError: true);
            return;
        }
        if (plans.Length < structure.Files.Length) _failed = true;
        WriteManifests(structure, plans);

        var shown = ImmutableArray.CreateBuilder<string>();
        foreach (var plan in plans)
        {
            var content = await ContentAsync(plan, shown.ToImmutable()).ConfigureAwait(false);
            if (_stopped) return;
            if (content is null)
            {
                _failed = true;
                // Later files still see what this one was meant to declare, so one bad file does not cascade.
                shown.Add(GeneratedFileSummary.DescribePlan(plan));
                continue;
            }
            _files.Add((RelativePath(plan.FileName), content));
            shown.Add(IsCSharp(plan) ? GeneratedFileSummary.DescribeCSharp(plan.FileName, content) : GeneratedFileSummary.DescribePlan(plan));
        }
    }

    private bool IsCSharp(CodeFilePlan plan) =>
        spec.Language == CodeLanguage.CSharp && plan.FileName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    private string RelativePath(string fileName) => spec.Target is { Length: > 0 } target ? target + "/" + fileName : fileName;

    private void Stop(bool isError)
    {
        _stopped = true;
        _failed |= isError;
    }

    private async Task<CodeStructure?> StructureAsync()
    {
        var useCase = session.Registry.Get(CodeStructureUseCase.Id);
        var args = new CodeStructureArgs(spec.Path, spec.Body, spec.Language, _namespace, spec.ProjectType);
        var key = Key(useCase, new JsonObject());
        var name = $"code_structure {spec.UnitName}";

        if (await Service.LookupAsync(key, ctx.CancellationToken).ConfigureAwait(false) is { } cached && CodeStructureParser.Parse(cached) is { Succeeded: true } fromCache)
        {
            _hits++;
            return fromCache.Structure!;
        }
        _misses++;
        if (await AskAsync(useCase, args, name).ConfigureAwait(false) is not var (answer, parsed, loop)) return null;
        if (answer is null)
        {
            if (loop.Failure is null && (loop.Repaired || (loop.Json is null && loop.Stop != LoopStop.Garbage)))
                Diagnostics.Report(DiagnosticIds.CodeStructureTruncated, spec.Path, null, spec.Path, loop.Stop.Describe());
            else if (loop.Failure is null)
                Diagnostics.Report(DiagnosticIds.CodeStructureInvalid, spec.Path, null, spec.Path,
                    parsed is null ? "the answer is not JSON" : string.Join("; ", CodeStructureParser.Parse(parsed).Errors));
            Stop(isError: true);
            return null;
        }
        Service.Store(key, useCase.Id.Value, answer, ctx.CancellationToken);
        return CodeStructureParser.Parse(answer).Structure!;
    }

    private async Task<string?> ContentAsync(CodeFilePlan plan, ImmutableArray<string> shown)
    {
        var useCase = session.Registry.Get(CodeContentUseCase.Id);
        var args = new CodeContentArgs(spec.Path, spec.Body, spec.Language, _namespace, plan, shown);
        // The file's plan and what it was shown are its inputs: a changed earlier file re-asks only the files after it.
        var key = Key(useCase, new JsonObject
        {
            ["file"] = PlanJson(plan),
            ["shown"] = new JsonArray([.. shown.Select(s => (JsonNode)CacheKey.Hash(s))]),
        });
        var name = $"code_content {spec.UnitName}/{plan.FileName}";

        string? content = null;
        var fromModel = false;
        if (await Service.LookupAsync(key, ctx.CancellationToken).ConfigureAwait(false) is { } cached && useCase.Validate(cached, args) is { } valid)
        {
            _hits++;
            content = valid["content"]!.GetValue<string>();
        }
        else
        {
            _misses++;
            content = await AskContentAsync(useCase, args, name).ConfigureAwait(false);
            if (content is null) return null;
            fromModel = true;
        }

        if (IsCSharp(plan))
        {
            var check = CSharpSyntaxCheck.Check(content, RelativePath(plan.FileName), ctx.Project.LangVersion, ctx.Project.DefineConstants.IsDefault ? [] : ctx.Project.DefineConstants);
            if (!check.IsValid && Model is not null)
            {
                // Exactly one retry, carrying the errors and their lines; it is not looked up in the cache.
                var retried = await AskContentAsync(useCase, args with { SyntaxFeedback = check.FeedbackText }, name + " (syntax retry)").ConfigureAwait(false);
                if (retried is null) return null;
                content = retried;
                fromModel = true;
                check = CSharpSyntaxCheck.Check(content, RelativePath(plan.FileName), ctx.Project.LangVersion, ctx.Project.DefineConstants.IsDefault ? [] : ctx.Project.DefineConstants);
            }
            if (!check.IsValid)
            {
                Diagnostics.Report(DiagnosticIds.CodeSyntaxErrors, spec.Path, null, spec.Path, plan.FileName, check.FeedbackText.TrimEnd());
                return null;
            }
        }
        // Only a usable file is cached, under the first request's key, so the next run needs no retry either.
        if (fromModel) Service.Store(key, useCase.Id.Value, new JsonObject { ["filename"] = plan.FileName, ["content"] = content }, ctx.CancellationToken);
        return content;
    }

    private async Task<string?> AskContentAsync(UseCase useCase, CodeContentArgs args, string name)
    {
        if (await AskAsync(useCase, args, name).ConfigureAwait(false) is not var (answer, parsed, loop)) return null;
        if (answer is not null) return answer["content"]!.GetValue<string>();
        if (loop.Failure is not null) return null;
        var reason = loop.Repaired || (loop.Json is null && loop.Stop != LoopStop.Garbage) ? "it was cut off: " + loop.Stop.Describe()
            : parsed is null ? "it is not JSON"
            : $"it must be {{\"filename\":\"{args.File.FileName}\",\"content\":\"…\"}} with that exact file name and non-empty content";
        Diagnostics.Report(DiagnosticIds.CodeContentInvalid, spec.Path, null, spec.Path, args.File.FileName, reason);
        return null;
    }

    /// <summary>
    /// One request through the continuation loop. Returns the validated answer (or null) with what the loop did; null
    /// when the unit stopped (no provider, or a transport failure), which is reported here.
    /// </summary>
    private async Task<(JsonNode? Answer, JsonNode? Parsed, LoopResult Loop)?> AskAsync(UseCase useCase, object args, string name)
    {
        if (Model is not { } model)
        {
            var diagnostic = (Options.CodeOptional ? DiagnosticIds.CodeNoProviderOptional : DiagnosticIds.CodeNoProvider).Create(spec.Path, null, spec.Path);
            if (session.NoProviderReason is { } reason) diagnostic = diagnostic with { Message = diagnostic.Message + " " + reason };
            Diagnostics.Add(diagnostic);
            Stop(isError: !Options.CodeOptional);
            return null;
        }
        var request = new GenerationRequest(Intent.Code, useCase.Id, args, name);
        session.Registry.Resolve(request);
        var loop = await ContinuationLoop.RunAsync(model, name, useCase.BuildPrompt(args), useCase.Template, useCase.RepairDepth, session.Settings.LoopLimits, null, ctx.CancellationToken, Service.Meter)
            .ConfigureAwait(false);
        _requests += loop.Requests;
        Service.Record(useCase.Id.Value, loop);
        if (Options.Debug) Dump(name, loop);
        if (loop.Failure is { } failure)
        {
            var diagnostic = DiagnosticIds.CodeRequestFailed.Create(spec.Path, null, spec.Path, name, failure.Message);
            Diagnostics.Add(Options.CodeOptional ? diagnostic with { Severity = DiagnosticSeverity.Warning } : diagnostic);
            Stop(isError: !Options.CodeOptional);
            return null;
        }
        if (loop.Json is null || loop.Repaired) return (null, null, loop);
        JsonNode? parsed = null;
        try { parsed = JsonNode.Parse(loop.Json); }
        catch (System.Text.Json.JsonException) { }
        return (parsed is null ? null : useCase.Validate(parsed, args), parsed, loop);
    }

    /// <summary>With <c>--debug</c>: every prompt and raw answer of a request under <c>OUTPUT/debug/code/&lt;unit&gt;/</c>.</summary>
    private void Dump(string name, LoopResult loop)
    {
        // Its own writer and no Complete(): debug files are never part of the unit's outputs, and never swept.
        _debugWriter ??= new OutputWriter(Path.Combine(ctx.OutputRoot, "debug", "code", spec.UnitName));
        var slug = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')]).Trim('-');
        if (slug.Length > 60) slug = slug[..60];
        var folder = $"{slug}-{CacheKey.Hash(name)[..8]}";
        try
        {
            for (var i = 0; i < loop.Prompts.Count; i++) _debugWriter.WriteText($"{folder}/round-{i}-prompt.txt", loop.Prompts[i]);
            for (var i = 0; i < loop.Fragments.Count; i++) _debugWriter.WriteText($"{folder}/round-{i}-answer.txt", loop.Fragments[i]);
        }
        catch (Exception ex) when (ex is OutputPathException or IOException or UnauthorizedAccessException)
        {
            // A debug aid must not fail the unit.
        }
    }

    private void WriteManifests(CodeStructure structure, ImmutableArray<CodeFilePlan> plans)
    {
        var imports = plans.SelectMany(p => p.Imports).ToList();
        switch (spec.Language)
        {
            case CodeLanguage.CSharp:
                var own = new[] { _namespace, ctx.Project.RootNamespace }.OfType<string>();
                var check = CSharpPackages.Check(imports, ctx.Project.ReferencedPackages ?? new HashSet<string>(), own);
                CSharpPackages.Report(check, spec.Path, Diagnostics);
                return;
            case CodeLanguage.TypeScript or CodeLanguage.JavaScript:
                var projectName = structure.Metadata.ProjectName.Length > 0 ? structure.Metadata.ProjectName : spec.UnitName;
                AddManifest(ScriptManifests.PackageJson(projectName, imports, spec.Language == CodeLanguage.TypeScript));
                return;
            case CodeLanguage.Python:
                AddManifest(ScriptManifests.RequirementsTxt(imports, ScriptManifests.PythonLocalModules(plans.Select(p => p.FileName))));
                return;
        }
    }

    private void AddManifest(ScriptManifest manifest)
    {
        foreach (var rejected in manifest.Rejected)
            Diagnostics.Report(DiagnosticIds.CodeManifestImportRejected, spec.Path, null, spec.Path, rejected, manifest.FileName);
        _files.Add((RelativePath(manifest.FileName), manifest.Content));
    }

    /// <summary>
    /// The key of an answer: use case, prompt version, model and endpoint kind from the options (not from a
    /// live provider, so a build without a key finds what a build with one stored), the spec's fingerprint
    /// and the namespace the unit is generated into, plus <paramref name="extra"/>.
    /// </summary>
    private string Key(UseCase useCase, JsonObject extra)
    {
        var endpointKind = OpenAILanguageModel.KindOf(Uri.TryCreate(Options.Endpoint, UriKind.Absolute, out var u) ? u : null);
        var material = GenerationPlanner.KeyBase(useCase, Options.Model, endpointKind, new JsonObject { ["maxOutputTokens"] = session.Settings.MaxOutputTokens });
        material["spec"] = spec.Fingerprint;
        material["namespace"] = _namespace;
        foreach (var (k, v) in extra.ToList())
        {
            extra.Remove(k);
            material[k] = v;
        }
        return CacheKey.Compute(material);
    }

    private static JsonObject PlanJson(CodeFilePlan plan) => new()
    {
        ["id"] = plan.Id,
        ["filename"] = plan.FileName,
        ["fileType"] = plan.FileType,
        ["dependencies"] = new JsonArray([.. plan.Dependencies.Select(d => (JsonNode)d)]),
        ["imports"] = new JsonArray([.. plan.Imports.Select(i => (JsonNode)i)]),
        ["functions"] = new JsonArray([.. plan.Functions.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["signature"] = f.Signature })]),
        ["classes"] = new JsonArray([.. plan.Classes.Select(c => (JsonNode)c)]),
    };
}
