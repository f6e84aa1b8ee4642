using System.Xml.Linq;
using DocGen.Core.Options;
using DocGen.Tests.Shared;

namespace DocGen.Build.Tests;

/// <summary>Keeps targets/DocGen.Build.targets in step with the options table the engine binds.</summary>
public sealed class TargetsTests
{
    // Consumed by the targets themselves (or by the CLI only), never passed to the engine from a build.
    private static readonly string[] NotPassed = ["Configuration", "DocGenTargetFramework"];

    [Fact]
    public void Targets_PassedProperties_AreExactlyTheEngineOptions()
    {
        var targets = XDocument.Load(Path.Combine(Fixtures.RepositoryRoot, "targets", "DocGen.Build.targets"));

        var passed = targets.Descendants("_DocGenProperty").Select(e => e.Attribute("Include")!.Value).ToList();

        passed.ShouldBe(OptionBinder.Definitions.Select(d => d.Property).Except(NotPassed), ignoreOrder: true);
        passed.ShouldBeUnique();
    }

    [Fact]
    public void Docs_EveryProperty_IsDocumentedInMsbuildMd()
    {
        var doc = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "docs", "msbuild.md"));

        foreach (var property in OptionBinder.Definitions.Select(d => d.Property).Except(["Configuration"]).Append("DocGenEnabled"))
            doc.ShouldContain($"`{property}`");
    }
}
