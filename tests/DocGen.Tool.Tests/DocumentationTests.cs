using DocGen.Core.Options;
using DocGen.Tests.Shared;

namespace DocGen.Tool.Tests;

public sealed class DocumentationTests
{
    [Fact]
    public void ConfigurationDoc_ListsEveryFlagAndProperty()
    {
        var doc = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "docs", "configuration.md"));

        foreach (var definition in OptionBinder.Definitions)
        {
            doc.ShouldContain("`" + definition.Flag, customMessage: $"docs/configuration.md lacks {definition.Flag}");
            doc.ShouldContain("`" + definition.Property + "`", customMessage: $"docs/configuration.md lacks {definition.Property}");
        }
    }

    [Fact]
    public void DiagnosticsDoc_ListsEveryDiagnosticId()
    {
        var doc = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "docs", "diagnostics.md"));
        var ids = typeof(Core.Diagnostics.DiagnosticIds)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<Core.Diagnostics.DiagnosticDescriptor>()
            .Select(d => d.Id).ToList();

        ids.Count.ShouldBeGreaterThan(5);
        ids.ShouldBeUnique();
        foreach (var id in ids)
            doc.ShouldContain("| " + id + " |", customMessage: $"docs/diagnostics.md lacks {id}");
    }
}
