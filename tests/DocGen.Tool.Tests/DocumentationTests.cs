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
    public void ConfigurationDoc_ListsEveryVerbAndItsFlags()
    {
        var doc = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "docs", "configuration.md"));
        var root = Cli.CreateRoot(TextWriter.Null, TextWriter.Null);

        root.Subcommands.Select(c => c.Name).ShouldBe(["build", "render", "generate-code"], ignoreOrder: true);
        foreach (var verb in root.Subcommands)
        {
            doc.ShouldContain("`docgen " + verb.Name, customMessage: $"docs/configuration.md lacks the verb {verb.Name}");
            foreach (var option in verb.Options.Where(o => !o.Hidden))
                foreach (var name in option.Aliases.Prepend(option.Name))
                    doc.ShouldContain("`" + name, customMessage: $"docs/configuration.md lacks {name} of docgen {verb.Name}");
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
