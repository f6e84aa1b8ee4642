using System.CommandLine;
using DocGen.Core.Diagnostics;
using DocGen.Core.Pipeline;
using DocGen.Core;

namespace DocGen.Tool.Commands.Init;

/// <summary>
/// <c>docgen init [PATH] [--ci github|azure|gitlab] [--pages] [--dry-run]</c>: sets a project or a solution folder up
/// for DocGen. Adds the DocGen.Build reference (to the project, or to <c>Directory.Build.props</c> for a solution or a
/// folder of projects; the version to <c>Directory.Packages.props</c> under central package management), a commented
/// block of the common properties and, on request, a CI workflow. Idempotent; prints the diff of every change; never
/// replaces a file that exists with other content.
/// </summary>
internal static class InitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string?>("path")
        {
            Description = "A project or solution folder, a .csproj or a .sln. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var ci = new Option<string?>("--ci") { Description = "Also write a CI workflow that builds the site and uploads it: github, azure or gitlab." };
        ci.AcceptOnlyFromAmong(CiWorkflows.Kinds);
        var pages = new Option<bool>("--pages") { Description = "With --ci github or gitlab: also publish the site to GitHub Pages or GitLab Pages." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a diff and write nothing." };
        var command = new Command("init", "Add DocGen.Build to a project or solution, a commented block of common properties and, with --ci, a CI workflow.");
        command.Arguments.Add(path);
        foreach (var option in new Option[] { ci, pages, dryRun }) command.Options.Add(option);
        command.SetAction(parse => new InitRun(stdout, stderr).Run(parse.GetValue(path), parse.GetValue(ci), parse.GetValue(pages), parse.GetValue(dryRun)));
        return command;
    }
}

/// <summary>The work behind <c>docgen init</c>: plan every change, refuse them all on a conflict, else show and write them.</summary>
internal sealed class InitRun(TextWriter stdout, TextWriter stderr)
{
    private readonly List<FileEdit> _edits = [];
    private readonly List<Diagnostic> _problems = [];

    public int Run(string? path, string? ci, bool pages, bool dryRun)
    {
        if (pages && ci is null or "azure")
            return Usage("--pages needs --ci github or --ci gitlab (Azure Pipelines publishes the site as an artifact only)");
        var layout = InitLayout.Find(path);
        if (layout.Problem is { } problem)
        {
            Print(problem);
            return ExitCodes.Usage;
        }

        PlanReference(layout);
        if (ci is not null) PlanWorkflow(layout, ci, pages);
        if (_problems.Count > 0)
        {
            foreach (var p in _problems) Print(p);
            stderr.WriteLine("DocGen: init changed nothing");
            return ExitCodes.Errors;
        }

        foreach (var edit in _edits) stdout.Write(edit.UnifiedDiff(Display(edit.Path)));
        if (_edits.Count == 0)
        {
            stdout.WriteLine($"DocGen: init: nothing to change; {Display(layout.ReferenceFile)} already references DocGen.Build");
            return ExitCodes.Ok;
        }
        if (dryRun)
        {
            stdout.WriteLine($"DocGen: init would have {Files()} (dry run: nothing written)");
            return ExitCodes.Ok;
        }
        foreach (var edit in _edits)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(edit.Path)!);
                SourceWriter.Write(edit.Path, edit.NewText());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Print(DiagnosticIds.SourceNotWritable.Create(edit.Path, null, edit.Path, ex.Message));
                return ExitCodes.Errors;
            }
        }
        stdout.WriteLine($"DocGen: init {Files()}; next: dotnet build, then open obj/Debug/<tfm>/docgen/site/index.html");
        return ExitCodes.Ok;
    }

    private string Files() => string.Join(", ", _edits.Select(e => (e.OldText is null ? "created " : "edited ") + Display(e.Path)));

    private void PlanReference(InitLayout layout)
    {
        var version = ToolVersion.Value;
        var central = layout.PackagesProps is not null;
        if (central)
        {
            var text = File.ReadAllText(layout.PackagesProps!);
            var document = MsBuildFileEditor.Load(text);
            if (document is null) _problems.Add(Kept(layout.PackagesProps!, "it is not valid XML"));
            else if (!MsBuildFileEditor.References(document, "PackageVersion", "DocGen.Build"))
                Add(layout.PackagesProps!, MsBuildFileEditor.Append(layout.PackagesProps!, text, MsBuildFileEditor.VersionBlock(version)));
        }

        var file = layout.ReferenceFile;
        if (!File.Exists(file))
        {
            _edits.Add(MsBuildFileEditor.Create(file, [.. MsBuildFileEditor.ReferenceBlock(version, central), "", .. MsBuildFileEditor.PropertiesBlock()]));
            return;
        }
        var existing = File.ReadAllText(file);
        if (MsBuildFileEditor.Load(existing) is not { } project)
        {
            _problems.Add(Kept(file, "it is not valid XML"));
            return;
        }
        var block = new List<string>();
        if (!MsBuildFileEditor.References(project, "PackageReference", "DocGen.Build")) block.AddRange(MsBuildFileEditor.ReferenceBlock(version, central));
        if (!MsBuildFileEditor.HasPropertiesBlock(existing))
        {
            if (block.Count > 0) block.Add("");
            block.AddRange(MsBuildFileEditor.PropertiesBlock());
        }
        if (block.Count > 0) Add(file, MsBuildFileEditor.Append(file, existing, block));
    }

    private void Add(string file, FileEdit? edit)
    {
        if (edit is null) _problems.Add(Kept(file, "it has no </Project> line to add to; add the lines 'docgen init --dry-run' shows by hand"));
        else _edits.Add(edit);
    }

    private void PlanWorkflow(InitLayout layout, string kind, bool pages)
    {
        var file = Path.Combine(layout.RepositoryRoot, CiWorkflows.FileName(kind));
        var lines = CiWorkflows.Lines(kind, layout.BuildCommandTarget, layout.CiProjects, layout.Branch, pages);
        var content = string.Join("\n", lines) + "\n";
        if (!File.Exists(file))
        {
            _edits.Add(new FileEdit(file, null, [new LineInsertion(0, lines)], "\n"));
            return;
        }
        if (File.ReadAllText(file).Replace("\r\n", "\n") != content)
            _problems.Add(Kept(file, "it exists with other content; rename or remove it and run init again, or merge in the steps docs/ci.md shows"));
    }

    private static Diagnostic Kept(string file, string why) => DiagnosticIds.UserFileKept.Create(file, null, file, why);

    private static string Display(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path).Replace('\\', '/');

    private int Usage(string message)
    {
        Print(DiagnosticIds.InvalidOption.Create(message));
        return ExitCodes.Usage;
    }

    private void Print(Diagnostic diagnostic) => CommandInputs.Print(stderr, diagnostic);
}
