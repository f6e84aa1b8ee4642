using System.CommandLine;

namespace DocGen.Tool.Commands;

/// <summary><c>docgen build [PATH] [options]</c>: one run of the pipeline over a project or an assembly.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = CommandInputs.PathArgument("A .csproj, a folder holding one, or a .dll (with its .xml beside it).");
        var request = new Option<string?>("--request") { Description = "Run a request file written by the DocGen.Build MSBuild task (internal).", Hidden = true };
        // No -v: in the dotnet CLI -v is --verbosity, which takes a level.
        var verbose = new Option<bool>("--verbose") { Description = "Print stage timings, memory figures and informational messages." };
        var command = new Command("build", "Extract the API, complete docs and write the site, Markdown, manifests and report.json.");
        command.Arguments.Add(path);
        command.Options.Add(request);
        command.Options.Add(verbose);

        var engineOptions = new EngineOptions(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var values = engineOptions.Given(parse);
            var run = new BuildRun(stdout, stderr, parse.GetValue(verbose));
            var requestFile = parse.GetValue(request);
            return requestFile is not null
                ? await run.RunRequestAsync(requestFile, cancellationToken).ConfigureAwait(false)
                : await run.RunPathAsync(parse.GetValue(path), values, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
