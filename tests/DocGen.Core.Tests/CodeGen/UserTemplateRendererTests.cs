using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.UserTemplates;
using DocGen.Core.Output;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.CodeGen;

public sealed class UserTemplateRendererTests
{
    private static readonly TemplateViewModel View = TemplateViewModel.From(SampleApiModel.Create());

    private static (string? Text, DiagnosticBag Diagnostics) Render(string template)
    {
        var diagnostics = new DiagnosticBag();
        return (new UserTemplateRenderer().Render(template, "templates/t.sbn", View, diagnostics), diagnostics);
    }

    [Fact]
    public void Render_RecordsToTypeScript_MapsTypesAndNames()
    {
        var (text, diagnostics) = Render(
            "{{~ for record in records ~}}\nexport interface {{ record.name }} {\n{{~ for p in record.properties ~}}\n  {{ camel_case p.name }}: {{ ts_type p.type }};\n{{~ end ~}}\n}\n{{~ end ~}}\n");

        diagnostics.ToList().ShouldBeEmpty();
        text.ShouldBe(
            "export interface Order {\n  id: string;\n  lines: OrderLine[];\n  note: string | null;\n  status: OrderStatus;\n  tags: Record<string, number | null>;\n}\n" +
            "export interface OrderLine {\n  sku: string;\n  quantity: number;\n}\n");
    }

    [Fact]
    public void Render_NoHtmlEscaping_KeepsAngleBracketsAndQuotes()
    {
        var (text, _) = Render("{{ for r in records }}{{ if r.name == \"Order\" }}{{ for p in r.properties }}{{ p.type.display }}|{{ end }}{{ end }}{{ end }}");

        text.ShouldBe("Guid|IReadOnlyList<OrderLine>|string?|OrderStatus|Dictionary<string, int?>|");
    }

    [Fact]
    public void Render_CommentOverDocWithCommentEnd_CannotCloseTheComment()
    {
        var (text, diagnostics) = Render("{{ for r in records }}{{ if r.name == \"Order\" }}{{ comment r \"/**\" }}\nexport interface X {}{{ end }}{{ end }}");

        diagnostics.ToList().ShouldBeEmpty();
        text.ShouldBe("/** A customer's order. Ends a comment: *\\/ alert(1); /* */\nexport interface X {}");
        text!.IndexOf("*/", StringComparison.Ordinal).ShouldBe(text.LastIndexOf("*/", StringComparison.Ordinal), "only the function's own terminator may close the comment");
    }

    [Fact]
    public void Render_CommentAfterIndentation_IndentsEveryLineOfIt()
    {
        var (text, _) = Render("{{ for r in records }}{{ if r.name == \"Order\" }}class X {\n    {{ comment \"First line.\\nSecond line.\" \"/**\" }}\n}{{ end }}{{ end }}");

        text.ShouldBe("class X {\n    /**\n     * First line.\n     * Second line.\n     */\n}");
    }

    [Fact]
    public void Render_EnumValuesAndConditionals_RenderUnionWithoutTrailingSeparator()
    {
        var (text, _) = Render(
            "{{ for e in enums }}export type {{ e.name }} ={{ for v in e.enum_values }} {{ json (camel_case v.name) }}{{ if !for.last }} |{{ end }}{{ end }};\n" +
            "{{ for v in e.enum_values }}{{ if v.summary && v.value != \"1\" }}// {{ doc_text v }}{{ end }}{{ end }}{{ end }}");

        text.ShouldBe("export type OrderStatus = \"open\" | \"paid\";\n// Not paid.");
    }

    [Fact]
    public void Render_ScribanArrayFunctions_WorkOnModelLists()
    {
        var (text, _) = Render("{{ for r in records }}{{ r.name }}({{ r.properties | array.map \"name\" | array.join \", \" }})\n{{ end }}");

        text.ShouldBe("Order(Id, Lines, Note, Status, Tags)\nOrderLine(Sku, Quantity)\n");
    }

    [Fact]
    public void Render_EmptyTextAndEmptyLists_AreFalse()
    {
        var (text, _) = Render("{{ for t in types }}{{ if t.type_parameters }}G{{ else }}-{{ end }}{{ if t.summary }}S{{ else }}_{{ end }}{{ end }}");

        text.ShouldNotBeNull();
        text.ShouldContain("-");
        text.ShouldNotContain("G"); // no generic types in the sample: an empty list is false
    }

    [Fact]
    public void Render_UnknownName_ReportsRenderErrorWithTemplateLineAndColumn()
    {
        var (text, diagnostics) = Render("// header\n{{ for type in types }}\n  {{ type.nmae }}\n{{ end }}\n");

        text.ShouldBeNull();
        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0703");
        d.File.ShouldBe("templates/t.sbn");
        d.Line.ShouldBe(3);
        d.Column.ShouldNotBeNull();
        d.Message.ShouldContain("nmae");
    }

    [Fact]
    public void Render_UnknownGlobal_ReportsRenderError()
    {
        var (_, diagnostics) = Render("{{ projekt }}");

        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0703");
        d.Message.ShouldContain("projekt");
    }

    [Fact]
    public void Render_UnclosedBlock_ReportsSyntaxErrorWithLineAndColumn()
    {
        var (text, diagnostics) = Render("line one\nline two\n{{ for type in types }}{{ type.name }\n");

        text.ShouldBeNull();
        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0702");
        d.Line.ShouldBe(3);
        d.Column.ShouldNotBeNull();
        d.ToCanonicalString().ShouldStartWith($"templates/t.sbn(3,{d.Column}): error DG0702:");
    }

    [Fact]
    public void Render_UnknownFunction_ReportsLineOfTheCall()
    {
        var (_, diagnostics) = Render("a\nb\n{{ for type in types }}{{ shout type.name }}{{ end }}");

        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0703");
        d.Line.ShouldBe(3);
        d.Message.ShouldContain("shout");
    }

    [Fact]
    public void Render_FunctionWithBadArgument_ReportsFunctionNameAndLine()
    {
        var (_, diagnostics) = Render("x\n{{ comment project \"--\" }}");

        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0703");
        d.Message.ShouldContain("comment: unknown style '--'");
        d.Line.ShouldBe(2);
    }

    [Fact]
    public void Render_EndlessLoop_StopsAtTheLoopLimitWithAnError()
    {
        var (text, diagnostics) = Render("{{ for i in 0..100000000 }}x{{ end }}");

        text.ShouldBeNull();
        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0703");
        d.Message.ShouldContain("LoopLimit");
    }

    [Fact]
    public void Render_EndlessRecursion_StopsAtTheRecursionLimitWithAnError()
    {
        var (_, diagnostics) = Render("{{ func f(n)\n ret f(n + 1)\nend\nf 1 }}");

        diagnostics.ToList().ShouldHaveSingleItem().Message.ShouldContain("recursive");
    }

    [Fact]
    public void Render_DotNetMembersBeyondTheViewModel_AreNotReachable()
    {
        // Methods, GetType and the members of non-view-model types (a string's Length, Type.Assembly) are not exposed.
        var (_, diagnostics) = Render("{{ project.get_type }}");
        diagnostics.ToList().ShouldHaveSingleItem().Id.ShouldBe("DG0703");
        var (_, second) = Render("{{ for t in types }}{{ t.docs.get_hash_code }}{{ end }}");
        second.ToList().ShouldHaveSingleItem().Id.ShouldBe("DG0703");
        var (_, third) = Render("{{ types[0].equality_contract }}");
        third.ToList().ShouldHaveSingleItem().Id.ShouldBe("DG0703");
    }

    [Fact]
    public void Render_AssigningToTheModel_IsAnError()
    {
        var (_, diagnostics) = Render("{{ project = \"x\" }}{{ project }}");

        diagnostics.ToList().ShouldHaveSingleItem().Id.ShouldBe("DG0703");
    }

    [Fact]
    public void Render_Include_IsAnErrorNotAFileRead()
    {
        var (_, diagnostics) = Render("{{ include '/etc/passwd' }}");

        diagnostics.ToList().ShouldHaveSingleItem().Message.ShouldContain("include is for the partials");
    }

    [Fact]
    public void Render_CancelledRun_ThrowsInsteadOfReporting()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Should.Throw<OperationCanceledException>(() =>
            new UserTemplateRenderer().Render("{{ for t in types }}{{ t.name }}{{ end }}", "t.sbn", View, new DiagnosticBag(), cts.Token));
    }

    [Fact]
    public void RenderToFile_SecondRunSameContent_LeavesFileUntouched()
    {
        using var temp = new TempDirectory();
        var template = temp.Write("models.ts.sbn", "{{ for e in enums }}export enum {{ e.name }} {}\n{{ end }}");
        var output = temp.Combine("src", "generated", "models.ts");
        var renderer = new UserTemplateRenderer();

        var first = renderer.RenderToFile(template, output, SampleApiModel.Create(), new DiagnosticBag());
        File.SetLastWriteTimeUtc(output, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var second = renderer.RenderToFile(template, output, SampleApiModel.Create(), new DiagnosticBag());

        first!.Written.ShouldBeTrue();
        second!.Written.ShouldBeFalse();
        File.ReadAllText(output).ShouldBe("export enum OrderStatus {}\n");
        File.GetLastWriteTimeUtc(output).Year.ShouldBe(2020);
        Directory.GetFiles(temp.Combine("src", "generated")).ShouldBe([output], "no manifest or temp file beside a user-placed output");
    }

    [Fact]
    public void RenderToFile_OutputInsideDocGenRoot_IsListedByTheRunsWriter()
    {
        using var temp = new TempDirectory();
        var template = temp.Write("t.sbn", "{{ project }}");
        var writer = new OutputWriter(temp.Combine("obj", "docgen"));

        var result = new UserTemplateRenderer().RenderToFile(template, temp.Combine("obj", "docgen", "templates", "p.txt"), SampleApiModel.Create(), new DiagnosticBag(), writer);
        var summary = writer.Complete();

        result.ShouldNotBeNull();
        writer.Contains("templates/p.txt").ShouldBeTrue();
        summary.Files.ShouldContain(temp.Combine("obj", "docgen", "templates", "p.txt"));
        File.ReadAllText(result.Path).ShouldBe("Shop");
    }

    [Fact]
    public void RenderToFile_MissingTemplate_ReportsNotFound()
    {
        using var temp = new TempDirectory();
        var diagnostics = new DiagnosticBag();

        new UserTemplateRenderer().RenderToFile(temp.Combine("nope.sbn"), temp.Combine("out.ts"), SampleApiModel.Create(), diagnostics).ShouldBeNull();

        diagnostics.ToList().ShouldHaveSingleItem().Id.ShouldBe("DG0701");
        File.Exists(temp.Combine("out.ts")).ShouldBeFalse();
    }

    [Fact]
    public void RenderToFile_OutputIsReservedName_ReportsRejectedAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var template = temp.Write("t.sbn", "x");
        var diagnostics = new DiagnosticBag();

        new UserTemplateRenderer().RenderToFile(template, temp.Combine("CON.ts"), SampleApiModel.Create(), diagnostics).ShouldBeNull();

        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0704");
        d.Message.ShouldContain("reserved");
        Directory.GetFiles(temp.Path).ShouldBe([template]);
    }

    [Fact]
    public void RenderToFile_TemplateErrorOnSecondRun_KeepsPreviousOutput()
    {
        using var temp = new TempDirectory();
        var template = temp.Write("t.sbn", "{{ project }}");
        var output = temp.Combine("out.txt");
        new UserTemplateRenderer().RenderToFile(template, output, SampleApiModel.Create(), new DiagnosticBag());
        File.WriteAllText(template, "{{ for }}");
        var diagnostics = new DiagnosticBag();

        new UserTemplateRenderer().RenderToFile(template, output, SampleApiModel.Create(), diagnostics).ShouldBeNull();

        diagnostics.HasErrors.ShouldBeTrue();
        File.ReadAllText(output).ShouldBe("Shop");
    }
}

public sealed class HandlebarsTemplateTests
{
    [Fact]
    public void RenderToFile_HandlebarsTemplate_IsAnErrorPointingAtTheMigration()
    {
        using var temp = new TempDirectory();
        var template = temp.Write("models.ts.hbs", "{{#each types}}{{name}}{{/each}}");
        var diagnostics = new DiagnosticBag();

        new UserTemplateRenderer().RenderToFile(template, temp.Combine("models.ts"), SampleApiModel.Create(), diagnostics).ShouldBeNull();

        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0706");
        d.File.ShouldBe(template);
        d.Message.ShouldContain("Scriban");
        d.Message.ShouldContain("docs/templates-and-code.md");
        File.Exists(temp.Combine("models.ts")).ShouldBeFalse();
    }
}
