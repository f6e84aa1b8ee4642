using System.Reflection;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.UserTemplates;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.CodeGen;

/// <summary>docs/templates-and-code.md must describe every name a template can use.</summary>
public sealed class TemplatesDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "docs", "templates-and-code.md"));

    [Fact]
    public void Doc_ListsEveryHelper()
    {
        foreach (var function in TemplateFunctions.Names)
            Doc.ShouldContain("`" + function + "`", customMessage: $"docs/templates-and-code.md lacks the function {function}");
    }

    [Fact]
    public void Doc_ListsEveryViewModelProperty()
    {
        Type[] views = [typeof(TemplateViewModel), typeof(AssemblyView), typeof(NamespaceView), typeof(TypeView), typeof(MemberView),
            typeof(ParameterView), typeof(TypeRefView), typeof(DocsView), typeof(NamedTextView)];
        foreach (var property in views.SelectMany(v => v.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            if (property.Name == "EqualityContract") continue;
            var name = Scriban.Runtime.StandardMemberRenamer.Default(property);
            Doc.ShouldContain(name, customMessage: $"docs/templates-and-code.md lacks {property.DeclaringType!.Name}.{name}");
        }
    }

    [Fact]
    public void Render_TypeReferenceAlone_PrintsItsDisplayText()
    {
        var view = TemplateViewModel.From(SampleApiModel.Create());

        var text = new UserTemplateRenderer().Render("{{ for r in records }}{{ for p in r.properties }}{{ p.type }};{{ end }}{{ end }}", "t.sbn", view, new DiagnosticBag());

        text.ShouldStartWith("Guid;IReadOnlyList<OrderLine>;string?;");
    }

    [Fact]
    public void Render_EveryFunctionName_IsRegistered()
    {
        var view = TemplateViewModel.From(SampleApiModel.Create());
        foreach (var function in TemplateFunctions.Names)
        {
            var diagnostics = new DiagnosticBag();
            new UserTemplateRenderer().Render($"{{{{ {function} project }}}}", "t.sbn", view, diagnostics);
            diagnostics.ToList().ShouldBeEmpty($"function {function} is not registered or fails on a string");
        }
    }
}
