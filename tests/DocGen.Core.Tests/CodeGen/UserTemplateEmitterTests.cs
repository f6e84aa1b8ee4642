using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Emission.UserTemplates;
using DocGen.Core.Inputs;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.CodeGen;

public sealed class UserTemplateEmitterTests
{
    [Fact]
    public void Emit_Items_ResolveAgainstProjectFolderAndOnlyDocGenOutputsAreListed()
    {
        using var temp = new TempDirectory();
        temp.Write("proj/templates/enums.ts.sbn", "{{ for e in enums }}export type {{ e.name }} = {{ for v in e.enum_values }}{{ json v.name }}{{ if !for.last }} | {{ end }}{{ end }};\n{{ end }}");
        temp.Write("proj/templates/count.txt.sbn", "{{ types.size }}");
        var writer = new OutputWriter(temp.Combine("proj", "obj", "docgen"));
        var diagnostics = new DiagnosticBag();
        var inputs = new ProjectInputs { AssemblyPath = temp.Combine("proj", "bin", "P.dll"), ProjectPath = temp.Combine("proj", "P.csproj"), ProjectName = "P" };
        var emitter = new UserTemplateEmitter([
            new UserTemplateItem("templates/enums.ts.sbn", "../web/enums.ts"),
            new UserTemplateItem("templates/count.txt.sbn", "obj/docgen/templates/count.txt"),
            new UserTemplateItem("templates/enums.ts.sbn", null),
        ]);

        emitter.IsEnabled(new DocGenOptions()).ShouldBeTrue();
        emitter.Emit(new EmissionContext(SampleApiModel.Create(), inputs, new DocGenOptions(), writer, diagnostics, CancellationToken.None));
        var summary = writer.Complete();

        File.ReadAllText(temp.Combine("web", "enums.ts")).ShouldBe("export type OrderStatus = \"Open\" | \"Paid\";\n");
        File.ReadAllText(temp.Combine("proj", "obj", "docgen", "templates", "count.txt")).ShouldBe("4");
        summary.Files.ShouldBe([temp.Combine("proj", "obj", "docgen", "templates", "count.txt")], "the output outside obj/docgen is the user's and is never listed for cleaning");
        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0705");
        d.File.ShouldBe("templates/enums.ts.sbn");
    }

    [Fact]
    public void IsEnabled_NoItems_IsFalse() => new UserTemplateEmitter([]).IsEnabled(new DocGenOptions()).ShouldBeFalse();
}
