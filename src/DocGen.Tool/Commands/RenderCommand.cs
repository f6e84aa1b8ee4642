using System.CommandLine;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.UserTemplates;
using DocGen.Core.Extraction;
using DocGen.Core.Inputs;
using DocGen.Core.Options;

namespace DocGen.Tool.Commands;

/// <summary><c>docgen render TEMPLATE --project X.csproj|--assembly X.dll --output FILE</c>: one user template over the extracted API.</summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var template = new Argument<string>("template") { Description = "A Scriban template (.sbn) that sees the API model (docs/templates-and-code.md)." };
        var project = new Option<string?>("--project") { Description = "The .csproj to extract (built first when its assembly is missing or stale)." };
        var assembly = new Option<string?>("--assembly") { Description = "A compiled .dll to extract (its .xml docs beside it)." };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (written only when its content changes)." };
        var configuration = new Option<string?>("--configuration", "-c") { Description = "Configuration to build and extract (default Debug)." };
        var framework = new Option<string?>("--framework", "-f") { Description = "Target framework when the project has several." };
        var includeInternals = new Option<bool>("--include-internals") { Description = "Include internal API in the model." };
        var command = new Command("render", "Render the project's API model through a user Scriban template (e.g. TypeScript interfaces of the public records).");
        command.Arguments.Add(template);
        foreach (var option in new Option[] { project, assembly, output, configuration, framework, includeInternals }) command.Options.Add(option);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = new RenderRun(stdout, stderr);
            return await run.RunAsync(
                parse.GetValue(template)!, parse.GetValue(project), parse.GetValue(assembly), parse.GetValue(output),
                new DocGenOptions
                {
                    Configuration = parse.GetValue(configuration) ?? "Debug",
                    Framework = parse.GetValue(framework),
                    IncludeInternals = parse.GetValue(includeInternals),
                },
                cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

/// <summary>The work behind <c>docgen render</c>.</summary>
internal sealed class RenderRun(TextWriter stdout, TextWriter stderr)
{
    private readonly ConsoleProgress _progress = new(stderr);

    public async Task<int> RunAsync(string template, string? project, string? assembly, string? output, DocGenOptions options, CancellationToken cancellationToken)
    {
        if (project is not null && assembly is not null) return Usage("give either --project or --assembly, not both");
        if (string.IsNullOrWhiteSpace(output))
        {
            Print(DiagnosticIds.UserTemplateOutputMissing.Create(template, null, template));
            return ExitCodes.Usage;
        }
        if (!File.Exists(template))
        {
            Print(DiagnosticIds.UserTemplateNotFound.Create(template, null, template));
            return ExitCodes.Usage;
        }
        var (input, problem) = CommandInputs.Resolve(project ?? assembly);
        if (problem is not null)
        {
            Print(problem);
            return ExitCodes.Usage;
        }
        var (loaded, exitCode) = await CommandInputs.LoadAsync(input!, options, _progress, stderr, cancellationToken).ConfigureAwait(false);
        if (loaded is not { } inputs) return exitCode;

        var diagnostics = new DiagnosticBag();
        var model = new RoslynApiExtractor().Extract(inputs, options, diagnostics, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new UserTemplateRenderer().RenderToFile(template, output, model, diagnostics, projectName: inputs.ProjectName, cancellation: cancellationToken);

        foreach (var diagnostic in diagnostics.ToList())
            if (diagnostic.Severity != DiagnosticSeverity.Info) Print(diagnostic);
        if (result is null || diagnostics.HasErrors) return ExitCodes.Errors;
        stdout.WriteLine($"DocGen: rendered {Path.GetFileName(template)} → {result.Path} ({(result.Written ? "written" : "unchanged")})");
        return ExitCodes.Ok;
    }

    private int Usage(string message)
    {
        Print(DiagnosticIds.InvalidOption.Create(message));
        return ExitCodes.Usage;
    }

    private void Print(Diagnostic diagnostic) => CommandInputs.Print(stderr, diagnostic);
}
