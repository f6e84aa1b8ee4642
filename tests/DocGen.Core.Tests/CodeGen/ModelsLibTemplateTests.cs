using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.UserTemplates;
using DocGen.Core.Extraction;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.CodeGen;

/// <summary>Builds tests/fixtures/Models.Lib once and extracts it with the real extractor.</summary>
public sealed class ModelsLibFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("docgen-models");

    public string ProjectDir { get; private set; } = "";
    public ProjectInputs Inputs { get; private set; } = null!;
    public ApiModel Model { get; private set; } = null!;
    public IReadOnlyList<Diagnostic> ExtractionDiagnostics { get; private set; } = [];

    public async Task InitializeAsync()
    {
        ProjectDir = Fixtures.CopyTo("Models.Lib", _temp);
        Inputs = await new ProjectEvaluator().EvaluateAsync(Path.Combine(ProjectDir, "Models.Lib.csproj"), "Debug", null, CancellationToken.None);
        var diagnostics = new DiagnosticBag();
        Model = new RoslynApiExtractor().Extract(Inputs, new DocGenOptions(), diagnostics, CancellationToken.None);
        ExtractionDiagnostics = diagnostics.ToList();
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ModelsLibTemplateTests(ModelsLibFixture fixture) : IClassFixture<ModelsLibFixture>
{
    [Fact]
    public void RenderToFile_ModelsTemplateOverBuiltFixture_MatchesExpectedTypeScript()
    {
        var output = Path.Combine(fixture.ProjectDir, "obj", "models.ts");
        var diagnostics = new DiagnosticBag();

        var result = new UserTemplateRenderer().RenderToFile(
            Path.Combine(fixture.ProjectDir, "templates", "models.ts.sbn"), output, fixture.Model, diagnostics, projectName: fixture.Inputs.ProjectName);

        diagnostics.ToList().ShouldBeEmpty();
        result.ShouldNotBeNull();
        var expected = File.ReadAllText(Path.Combine(Fixtures.FixturesRoot, "Models.Lib", "expected", "models.ts")).Replace("\r\n", "\n");
        File.ReadAllText(output).ShouldBe(expected);
    }

    [Fact]
    public void RenderToFile_ApiSummaryTemplateOverBuiltFixture_MatchesExpectedMarkdown()
    {
        var output = Path.Combine(fixture.ProjectDir, "obj", "api-summary.md");
        var diagnostics = new DiagnosticBag();

        new UserTemplateRenderer().RenderToFile(
            Path.Combine(fixture.ProjectDir, "templates", "api-summary.md.sbn"), output, fixture.Model, diagnostics, projectName: fixture.Inputs.ProjectName);

        diagnostics.ToList().ShouldBeEmpty();
        var expected = File.ReadAllText(Path.Combine(Fixtures.FixturesRoot, "Models.Lib", "expected", "api-summary.md")).Replace("\r\n", "\n");
        File.ReadAllText(output).ShouldBe(expected);
    }

    [Fact]
    public void From_BuiltFixture_ProjectsRecordsEnumsAndNestedTypes()
    {
        var view = TemplateViewModel.From(fixture.Model, fixture.Inputs.ProjectName);

        view.Project.ShouldBe("Models.Lib");
        view.Records.Select(t => t.QualifiedName).ShouldBe(["Address", "Customer", "Order", "Order.Line"], ignoreOrder: true);
        view.Enums.ShouldHaveSingleItem().EnumValues.Select(v => (v.Name, v.Value)).ShouldBe(
            [("Placed", "0"), ("Paid", "1"), ("Shipped", "2"), ("Cancelled", "9")], ignoreOrder: true);
        var customer = view.Types.Single(t => t.Name == "Customer");
        customer.Summary.ShouldBe("A customer of the shop.");
        customer.Properties.Single(p => p.Name == "Email").IsNullable.ShouldBeTrue();
        customer.Properties.Single(p => p.Name == "Id").IsRequired.ShouldBeTrue();
        customer.Properties.Single(p => p.Name == "Id").IsInitOnly.ShouldBeTrue();
    }
}
