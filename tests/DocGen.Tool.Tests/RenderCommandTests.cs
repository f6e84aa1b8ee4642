using DocGen.Tests.Shared;
using DocGen.Core;

namespace DocGen.Tool.Tests;

/// <summary>Runs <c>docgen render --project</c> once over a copy of Models.Lib (which builds it); later tests reuse the built assembly.</summary>
public sealed class ModelsProjectFixture : IAsyncLifetime
{
    public TempDirectory Temp { get; } = new("docgen-render");
    public string ProjectDir { get; private set; } = "";
    public string Project => Path.Combine(ProjectDir, "Models.Lib.csproj");
    public string Assembly => Path.Combine(ProjectDir, "bin", "Debug", "net10.0", "Models.Lib.dll");
    public string Template { get; private set; } = "";
    public string Output => Temp.Combine("out", "summary.txt");
    public CliResult FirstRun { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ProjectDir = Fixtures.CopyTo("Models.Lib", Temp);
        // Only names the extractor always provides, so this class tests the command, not the extractor.
        Template = Temp.Write("summary.sbn", "{{ project }} {{ target_framework }}\n{{ for assembly in assemblies }}{{ camel_case assembly.name }}{{ end }}\n");
        FirstRun = await CliResult.RunAsync("render", Template, "--project", Project, "--output", Output);
    }

    public Task DisposeAsync()
    {
        Temp.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class RenderCommandTests(ModelsProjectFixture fixture) : IClassFixture<ModelsProjectFixture>
{
    [Fact]
    public void Render_Project_BuildsItAndWritesTheOutput()
    {
        fixture.FirstRun.ExitCode.ShouldBe(0, fixture.FirstRun.StdOut + fixture.FirstRun.StdErr);
        File.Exists(fixture.Assembly).ShouldBeTrue("the command builds a project whose assembly is missing");
        File.ReadAllText(fixture.Output).ShouldBe("Models.Lib net10.0\nmodelsLib\n");
        fixture.FirstRun.StdOut.ShouldContain($"→ {fixture.Output} (written)");
        Directory.GetFiles(Path.GetDirectoryName(fixture.Output)!).ShouldBe([fixture.Output], "nothing but the output is written there");
    }

    [Fact]
    public async Task Render_AssemblyUnchanged_LeavesOutputUntouched()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("a.txt");
        (await CliResult.RunAsync("render", fixture.Template, "--assembly", fixture.Assembly, "--output", output)).ExitCode.ShouldBe(0);
        File.SetLastWriteTimeUtc(output, new DateTime(2021, 5, 5, 0, 0, 0, DateTimeKind.Utc));

        var second = await CliResult.RunAsync("render", fixture.Template, "--assembly", fixture.Assembly, "--output", output);

        second.ExitCode.ShouldBe(0);
        second.StdOut.ShouldContain("(unchanged)");
        File.GetLastWriteTimeUtc(output).Year.ShouldBe(2021);
    }

    [Fact]
    public async Task Render_TemplateError_ExitsWithErrorsAndPrintsTemplateLine()
    {
        using var temp = new TempDirectory();
        var template = temp.Write("bad.sbn", "ok\n{{ project }}\n{{ nmae }}\n");

        var result = await CliResult.RunAsync("render", template, "--assembly", fixture.Assembly, "--output", temp.Combine("o.txt"));

        result.ExitCode.ShouldBe(ExitCodes.Errors);
        result.StdErr.ShouldContain($"{template}(3,4): error DG0703: ");
        result.StdErr.ShouldContain("`nmae` was not found");
        File.Exists(temp.Combine("o.txt")).ShouldBeFalse();
    }

    [Fact]
    public async Task Render_HandlebarsTemplate_ExitsWithErrorPointingAtTheMigration()
    {
        using var temp = new TempDirectory();
        var template = temp.Write("old.hbs", "{{project}}\n");

        var result = await CliResult.RunAsync("render", template, "--assembly", fixture.Assembly, "--output", temp.Combine("o.txt"));

        result.ExitCode.ShouldBe(ExitCodes.Errors);
        result.StdErr.ShouldContain($"{template}: error DG0706: ");
        result.StdErr.ShouldContain("Scriban");
        File.Exists(temp.Combine("o.txt")).ShouldBeFalse();
    }

    [Fact]
    public async Task Render_MissingTemplate_IsAUsageError()
    {
        var result = await CliResult.RunAsync("render", "nope.sbn", "--assembly", fixture.Assembly, "--output", "x.ts");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("nope.sbn: error DG0701: The template 'nope.sbn' does not exist");
    }

    [Fact]
    public async Task Render_NoOutput_IsAUsageError()
    {
        var result = await CliResult.RunAsync("render", fixture.Template, "--assembly", fixture.Assembly);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("DG0705");
    }

    [Fact]
    public async Task Render_ProjectAndAssembly_IsAUsageError()
    {
        var result = await CliResult.RunAsync("render", fixture.Template, "--assembly", fixture.Assembly, "--project", fixture.Project, "--output", "x");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("either --project or --assembly");
    }
}
