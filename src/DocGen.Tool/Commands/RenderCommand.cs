using System.CommandLine;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.UserTemplates;
using DocGen.Core.Extraction;
using DocGen.Core.Inputs;
using DocGen.Core.Options;
using DocGen.Core;

namespace DocGen.Tool.Commands;

/// <summary><c>docgen render TEMPLATE --project X.csproj|--assembly X.dll --output FILE</c>: one user template over the extracted API.</summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var template = new Argument<string?>("template") { Description = "A Scriban template (.sbn) that sees the API model (docs/templates-and-code.md).", Arity = ArgumentArity.ZeroOrOne };
        var project = new Option<string?>("--project") { Description = "The .csproj to extract (built first when its assembly is missing or stale)." };
        var assembly = new Option<string?>("--assembly") { Description = "A compiled .dll to extract (its .xml docs beside it)." };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (written only when its content changes)." };
        var configuration = new Option<string?>("--configuration", "-c") { Description = "Configuration to build and extract (default Debug)." };
        var framework = new Option<string?>("--framework", "-f") { Description = "Target framework when the project has several." };
        var includeInternals = new Option<bool>("--include-internals") { Description = "Include internal API in the model." };
        var request = new Option<string?>("--request") { Description = "Run a request file written by the DocGen.Build targets (internal).", Hidden = true };
        var command = new Command("render", "Render the project's API model through a user Scriban template (e.g. TypeScript interfaces of the public records).");
        command.Arguments.Add(template);
        foreach (var option in new Option[] { project, assembly, output, configuration, framework, includeInternals, request }) command.Options.Add(option);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = new RenderRun(stdout, stderr);
            if (parse.GetValue(request) is { } requestFile) return await run.RunRequestAsync(requestFile, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(template) is not { } templatePath) return run.Usage("give the template to render: docgen render TEMPLATE --output FILE");
            // The flags become the request's properties, bound like a build's DocGen* properties.
            var properties = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["--configuration"] = parse.GetValue(configuration),
                ["--framework"] = parse.GetValue(framework),
                ["--include-internals"] = parse.GetValue(includeInternals) ? "true" : null,
            };
            return await run.RunAsync(templatePath, parse.GetValue(project), parse.GetValue(assembly), parse.GetValue(output), properties, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

/// <summary>The work behind <c>docgen render</c>.</summary>
internal sealed class RenderRun(TextWriter stdout, TextWriter stderr)
{
    private readonly ConsoleProgress _progress = new(stderr);

    /// <summary>The command line: one template, over a project or an assembly that is loaded (and built when stale) first.</summary>
    public async Task<int> RunAsync(string template, string? project, string? assembly, string? output, Dictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        if (project is not null && assembly is not null) return Usage("give either --project or --assembly, not both");
        var request = new EngineRequest
        {
            Kind = RequestKind.Render,
            Inputs = new ProjectInputs { AssemblyPath = "" },
            Templates = [new TemplateRequest(template, string.IsNullOrWhiteSpace(output) ? null : output)],
            Properties = properties,
        };
        var (loaded, problems) = RequestLoader.Bind(request, "docgen");
        if (loaded is null) return Usage(problems);
        if (!CheckTemplates(request)) return ExitCodes.Usage;
        var (input, problem) = CommandInputs.Resolve(project ?? assembly);
        if (problem is not null)
        {
            Print(problem);
            return ExitCodes.Usage;
        }
        var (inputs, exitCode) = await CommandInputs.LoadAsync(input!, loaded.Options, _progress, stderr, cancellationToken).ConfigureAwait(false);
        if (inputs is null) return exitCode;
        return Render(loaded with { Request = request with { Inputs = inputs } }, cancellationToken);
    }

    /// <summary>Runs a request file of the DocGen.Build targets (kind <c>render</c>; <see cref="RequestLoader"/>): every template of the project over its build's inputs.</summary>
    public async Task<int> RunRequestAsync(string requestFile, CancellationToken cancellationToken)
    {
        var (loaded, problems) = await RequestLoader.LoadAsync(requestFile, RequestKind.Render, cancellationToken).ConfigureAwait(false);
        if (loaded is null) return Usage(problems);
        if (!CheckTemplates(loaded.Request)) return ExitCodes.Usage;
        return Render(loaded, cancellationToken);
    }

    private bool CheckTemplates(EngineRequest request)
    {
        var ok = true;
        foreach (var (template, output) in request.Templates)
        {
            if (string.IsNullOrWhiteSpace(output)) Print(DiagnosticIds.UserTemplateOutputMissing.Create(template, null, template));
            else if (!File.Exists(template)) Print(DiagnosticIds.UserTemplateNotFound.Create(template, null, template));
            else continue;
            ok = false;
        }
        return ok;
    }

    /// <summary>Extracts the model once (with the request's options, e.g. <c>DocGenIncludeInternals</c>) and renders every template over it.</summary>
    private int Render(LoadedRequest loaded, CancellationToken cancellationToken)
    {
        var (request, options) = (loaded.Request, loaded.Options);
        var diagnostics = new DiagnosticBag();
        var model = new RoslynApiExtractor().Extract(request.Inputs, options, diagnostics, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var rendered = new List<(string Template, UserTemplateOutput? Result)>();
        foreach (var (template, output) in request.Templates)
            rendered.Add((template, new UserTemplateRenderer().RenderToFile(template, output!, model, diagnostics, projectName: request.Inputs.ProjectName, cancellation: cancellationToken)));

        foreach (var diagnostic in diagnostics.ToList())
            if (diagnostic.Severity != DiagnosticSeverity.Info) Print(diagnostic);
        if (rendered.Any(r => r.Result is null) || diagnostics.HasErrors) return ExitCodes.Errors;
        foreach (var (template, result) in rendered)
            stdout.WriteLine($"DocGen: rendered {Path.GetFileName(template)} → {result!.Path} ({(result.Written ? "written" : "unchanged")})");
        return ExitCodes.Ok;
    }

    public int Usage(string message) => Usage([DiagnosticIds.InvalidOption.Create(message)]);

    private int Usage(IEnumerable<Diagnostic> problems)
    {
        foreach (var problem in problems) Print(problem);
        return ExitCodes.Usage;
    }

    private void Print(Diagnostic diagnostic) => CommandInputs.Print(stderr, diagnostic);
}
