using DocGen.Core.Diagnostics;
using DocGen.Core.Extraction;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Extraction;

[Collection(SampleLibraryCollection.Name)]
public sealed class ExtractionRobustnessTests(SampleLibraryFixture fixture)
{
    [Fact]
    public void Extract_TruncatedXmlDocFile_WarnsAndShowsEverythingUndocumented()
    {
        using var temp = new TempDirectory();
        var xml = File.ReadAllText(fixture.Inputs.XmlDocPath!);
        var broken = temp.Write("Sample.Library.xml", xml[..(xml.Length / 2)]);
        var (model, diagnostics) = SampleLibraryFixture.Extract(fixture.Inputs with { XmlDocPath = broken });
        diagnostics.ShouldContain(d => d.Id == "DG0102" && d.Severity == DiagnosticSeverity.Warning && d.File == broken);
        model.AllMembers.Count().ShouldBe(fixture.Model.AllMembers.Count());
        model.AllMembers.Single(m => m.Id == "M:Sample.Library.Geometry.Canvas.Clear").Provenance.ShouldBe(Provenance.Missing);
    }

    [Fact]
    public void Extract_XmlDocFileWithExternalEntity_IsRejectedNotResolved()
    {
        using var temp = new TempDirectory();
        var secret = temp.Write("secret.txt", "TOP-SECRET");
        var xml = temp.Write("Sample.Library.xml", $"""
            <?xml version="1.0"?>
            <!DOCTYPE doc [ <!ENTITY leak SYSTEM "file://{secret}"> ]>
            <doc><members><member name="M:Sample.Library.Geometry.Canvas.Clear"><summary>&leak;</summary></member></members></doc>
            """);
        var (model, diagnostics) = SampleLibraryFixture.Extract(fixture.Inputs with { XmlDocPath = xml });
        diagnostics.ShouldContain(d => d.Id == "DG0102");
        model.AllMembers.ShouldNotContain(m => m.Docs.Summary != null && m.Docs.Summary.ToPlainText().Contains("TOP-SECRET"));
    }

    [Fact]
    public void Extract_MissingReferencePath_WarnsAndStillExtracts()
    {
        var inputs = fixture.Inputs with { ReferencePaths = [.. fixture.Inputs.ReferencePaths, "/nonexistent/Missing.dll"] };
        var (model, diagnostics) = SampleLibraryFixture.Extract(inputs);
        diagnostics.ShouldContain(d => d.Id == "DG0106" && d.Message.Contains("Missing.dll"));
        model.AllTypes.Count().ShouldBe(fixture.Model.AllTypes.Count());
    }

    [Fact]
    public void Extract_MissingSourceFile_WarnsAndKeepsOtherSources()
    {
        var inputs = fixture.Inputs with { SourceFiles = [.. fixture.Inputs.SourceFiles, "/nonexistent/Gone.cs"] };
        var (model, diagnostics) = SampleLibraryFixture.Extract(inputs);
        diagnostics.ShouldContain(d => d.Id == "DG0108" && d.File == "/nonexistent/Gone.cs");
        model.AllMembers.Single(m => m.Id == "M:Sample.Library.Geometry.Canvas.Clear").Source.ShouldNotBeNull();
    }

    [Fact]
    public void Extract_SourceThatDoesNotCompile_IsToleratedAndMetadataWins()
    {
        using var temp = new TempDirectory();
        var garbage = temp.Write("Broken.cs", "namespace Sample.Library.Geometry; public partial class Canvas { public void Add(IShape shape) { this is not C# ");
        var (model, diagnostics) = SampleLibraryFixture.Extract(fixture.Inputs with { SourceFiles = [.. fixture.Inputs.SourceFiles, garbage] });
        diagnostics.ShouldNotContain(d => d.Severity == DiagnosticSeverity.Error);
        model.AllMembers.Select(m => m.Id).ShouldBe(fixture.Model.AllMembers.Select(m => m.Id));
    }

    [Fact]
    public void Extract_WithoutTheProjectsDefines_ParsesTheOtherBranch()
    {
        var (model, _) = SampleLibraryFixture.Extract(fixture.Inputs with { DefineConstants = [] });
        model.AllMembers.Single(m => m.Id == "P:Sample.Library.Text.Awkward.Extras").DeclarationText.ShouldBe("public static bool Extras => false;");
    }

    [Fact]
    public void Extract_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Should.Throw<OperationCanceledException>(() =>
            new RoslynApiExtractor().Extract(fixture.Inputs, new DocGenOptions(), new DiagnosticBag(), cts.Token));
    }
}
