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
        return (new UserTemplateRenderer().Render(template, "templates/t.hbs", View, diagnostics), diagnostics);
    }

    [Fact]
    public void Render_RecordsToTypeScript_MapsTypesAndNames()
    {
        var (text, diagnostics) = Render(
            "{{#each records}}\nexport interface {{name}} {\n{{#each properties}}\n  {{camelCase name}}: {{tsType type}};\n{{/each}}\n}\n{{/each}}\n");

        diagnostics.ToList().ShouldBeEmpty();
        text.ShouldBe(
            "export interface Order {\n  id: string;\n  lines: OrderLine[];\n  note: string | null;\n  status: OrderStatus;\n  tags: Record<string, number | null>;\n}\n" +
            "export interface OrderLine {\n  sku: string;\n  quantity: number;\n}\n");
    }

    [Fact]
    public void Render_NoHtmlEscaping_KeepsAngleBracketsAndQuotes()
    {
        var (text, _) = Render("{{#each records}}{{#if (eq name \"Order\")}}{{#each properties}}{{type.display}}|{{/each}}{{/if}}{{/each}}");

        text.ShouldBe("Guid|IReadOnlyList<OrderLine>|string?|OrderStatus|Dictionary<string, int?>|");
    }

    [Fact]
    public void Render_CommentHelperOverDocWithCommentEnd_CannotCloseTheComment()
    {
        var (text, diagnostics) = Render("{{#each records}}{{#if (eq name \"Order\")}}{{comment this \"/**\"}}\nexport interface X {}{{/if}}{{/each}}");

        diagnostics.ToList().ShouldBeEmpty();
        text.ShouldBe("/** A customer's order. Ends a comment: *\\/ alert(1); /* */\nexport interface X {}");
        text!.IndexOf("*/", StringComparison.Ordinal).ShouldBe(text.LastIndexOf("*/", StringComparison.Ordinal), "only the helper's own terminator may close the comment");
    }

    [Fact]
    public void Render_EnumValuesAndConditionals_RenderUnionWithoutTrailingSeparator()
    {
        var (text, _) = Render(
            "{{#each enums}}export type {{name}} ={{#each enumValues}} {{json (camelCase name)}}{{#unless @last}} |{{/unless}}{{/each}};\n" +
            "{{#each enumValues}}{{#if (and summary (not (eq value \"1\")))}}// {{docText this}}{{/if}}{{/each}}{{/each}}");

        text.ShouldBe("export type OrderStatus = \"open\" | \"paid\";\n// Not paid.");
    }

    [Fact]
    public void Render_JoinWithProperty_JoinsItemValues()
    {
        var (text, _) = Render("{{#each records}}{{name}}({{join properties \", \" \"name\"}})\n{{/each}}");

        text.ShouldBe("Order(Id, Lines, Note, Status, Tags)\nOrderLine(Sku, Quantity)\n");
    }

    [Fact]
    public void Render_UnknownBinding_ReportsRenderErrorWithTemplateLine()
    {
        var (text, diagnostics) = Render("// header\n{{#each types}}\n  {{nmae}}\n{{/each}}\n");

        text.ShouldBeNull();
        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0703");
        d.File.ShouldBe("templates/t.hbs");
        d.Line.ShouldBe(3);
        d.Message.ShouldContain("nmae is undefined");
    }

    [Fact]
    public void Render_UnclosedMustache_ReportsSyntaxErrorWithLineFromHandlebarsPosition()
    {
        var (text, diagnostics) = Render("line one\nline two\n{{#each types}}{{name}\n");

        text.ShouldBeNull();
        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0702");
        d.Line.ShouldNotBeNull();
        d.Line!.Value.ShouldBeGreaterThanOrEqualTo(3);
        d.Message.ShouldNotContain("Occured at");
        d.ToCanonicalString().ShouldStartWith($"templates/t.hbs({d.Line},");
    }

    [Fact]
    public void Render_UnknownHelper_ReportsLineOfTheCall()
    {
        var (_, diagnostics) = Render("a\nb\n{{#each types}}{{shout name}}{{/each}}");

        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0703");
        d.Line.ShouldBe(3);
        d.Message.ShouldContain("shout");
    }

    [Fact]
    public void Render_HelperWithWrongArgumentCount_ReportsHelperName()
    {
        var (_, diagnostics) = Render("x\n{{camelCase}}");

        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Message.ShouldContain("helper 'camelCase' expects 1 argument(s), got 0");
        d.Line.ShouldBe(2);
    }

    [Fact]
    public void RenderToFile_SecondRunSameContent_LeavesFileUntouched()
    {
        using var temp = new TempDirectory();
        var template = temp.Write("models.ts.hbs", "{{#each enums}}export enum {{name}} {}\n{{/each}}");
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
        var template = temp.Write("t.hbs", "{{project}}");
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

        new UserTemplateRenderer().RenderToFile(temp.Combine("nope.hbs"), temp.Combine("out.ts"), SampleApiModel.Create(), diagnostics).ShouldBeNull();

        diagnostics.ToList().ShouldHaveSingleItem().Id.ShouldBe("DG0701");
        File.Exists(temp.Combine("out.ts")).ShouldBeFalse();
    }

    [Fact]
    public void RenderToFile_OutputIsReservedName_ReportsRejectedAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var template = temp.Write("t.hbs", "x");
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
        var template = temp.Write("t.hbs", "{{project}}");
        var output = temp.Combine("out.txt");
        new UserTemplateRenderer().RenderToFile(template, output, SampleApiModel.Create(), new DiagnosticBag());
        File.WriteAllText(template, "{{#each}}");
        var diagnostics = new DiagnosticBag();

        new UserTemplateRenderer().RenderToFile(template, output, SampleApiModel.Create(), diagnostics).ShouldBeNull();

        diagnostics.HasErrors.ShouldBeTrue();
        File.ReadAllText(output).ShouldBe("Shop");
    }
}

public sealed class TemplateErrorLocationTests
{
    [Fact]
    public void Locate_HandlebarsPosition_IsConvertedToOneBasedAndRemovedFromMessage()
    {
        var (message, line, column) = UserTemplateRenderer.Locate("Reached end of template before the expression was closed.\n\nOccured at: 2:7", "a\nb\n{{#each");

        message.ShouldBe("Reached end of template before the expression was closed.");
        (line, column).ShouldBe((3, 8));
    }

    [Fact]
    public void Locate_QuotedName_FindsFirstMustacheUsingItNotPlainText()
    {
        var (_, line, column) = UserTemplateRenderer.Locate("Template references a helper that cannot be resolved. Helper 'shout'", "shout it\n{{name}} {{shouting}}\n  {{shout name}}\n");

        (line, column).ShouldBe((3, 3));
    }

    [Fact]
    public void Locate_NothingToGoOn_HasNoLine() =>
        UserTemplateRenderer.Locate("Sequence contains no elements", "{{#if}}{{/if}}").Line.ShouldBeNull();
}
