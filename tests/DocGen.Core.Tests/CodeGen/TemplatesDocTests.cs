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
        foreach (var helper in TemplateHelpers.Names)
            Doc.ShouldContain("`" + helper + "`", customMessage: $"docs/templates-and-code.md lacks the helper {helper}");
    }

    [Fact]
    public void Doc_ListsEveryViewModelProperty()
    {
        Type[] views = [typeof(TemplateViewModel), typeof(AssemblyView), typeof(NamespaceView), typeof(TypeView), typeof(MemberView),
            typeof(ParameterView), typeof(TypeRefView), typeof(DocsView), typeof(NamedTextView)];
        foreach (var property in views.SelectMany(v => v.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            if (property.Name == "EqualityContract") continue;
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            Doc.ShouldContain(name, customMessage: $"docs/templates-and-code.md lacks {property.DeclaringType!.Name}.{name}");
        }
    }

    [Fact]
    public void Render_TypeReferenceAlone_PrintsItsDisplayText()
    {
        var view = TemplateViewModel.From(SampleApiModel.Create());

        var text = new UserTemplateRenderer().Render("{{#each records}}{{#each properties}}{{type}};{{/each}}{{/each}}", "t.hbs", view, new DiagnosticBag());

        text.ShouldStartWith("Guid;IReadOnlyList<OrderLine>;string?;");
    }

    [Fact]
    public void Render_EveryHelperName_IsRegistered()
    {
        var view = TemplateViewModel.From(SampleApiModel.Create());
        foreach (var helper in TemplateHelpers.Names)
        {
            var diagnostics = new DiagnosticBag();
            new UserTemplateRenderer().Render($"{{{{{helper} project project}}}}", "t.hbs", view, diagnostics);
            diagnostics.ToList().ShouldNotContain(d => d.Message.Contains("cannot be resolved"), $"helper {helper} is not registered");
        }
    }
}
