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

        root.Subcommands.Select(c => c.Name).ShouldBe(["build", "render", "generate-code", "fill", "serve", "init", "cache"], ignoreOrder: true);
        foreach (var (verb, path) in Verbs(root, "docgen"))
        {
            doc.ShouldContain("`" + path, customMessage: $"docs/configuration.md lacks the verb {path}");
            foreach (var option in verb.Options.Where(o => !o.Hidden))
                foreach (var name in option.Aliases.Prepend(option.Name))
                    doc.ShouldContain("`" + name, customMessage: $"docs/configuration.md lacks {name} of {path}");
        }
    }

    /// <summary>Every verb under <paramref name="command"/> (sub-verbs such as <c>cache prune</c> too), with its full name.</summary>
    private static IEnumerable<(System.CommandLine.Command Verb, string Path)> Verbs(System.CommandLine.Command command, string prefix)
    {
        foreach (var verb in command.Subcommands)
        {
            var path = prefix + " " + verb.Name;
            yield return (verb, path);
            foreach (var nested in Verbs(verb, path)) yield return nested;
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
