using DocGen.Core.Emission.Manifest;
using DocGen.Tests.Shared;
using DocGen.Core.Inputs;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Manifest;

[Collection(RestoredFixturesCollection.Name)]
public sealed class AssetsFileReaderTests(RestoredFixtures fixture)
{
    [Fact]
    public void Read_RealMultiTargetProject_GivesEachFrameworkItsOwnSet()
    {
        var modern = AssetsFileReader.Read(fixture.MultiTargetAssetsFile, null, "net10.0", "MultiTarget");
        var standard = AssetsFileReader.Read(fixture.MultiTargetAssetsFile, null, "netstandard2.0", "MultiTarget");

        modern.Diagnostics.ShouldBeEmpty();
        modern.Packages.Select(p => $"{p.Id}=={p.Version}").ShouldBe(["Newtonsoft.Json==13.0.3"]);
        standard.Diagnostics.ShouldBeEmpty();
        standard.Packages.Select(p => p.Id).ShouldBe(
            ["Microsoft.NETCore.Platforms", "NETStandard.Library", "Newtonsoft.Json", "System.Buffers", "System.Memory", "System.Numerics.Vectors", "System.Runtime.CompilerServices.Unsafe"]);
        standard.Direct.Select(p => p.Id).ShouldBe(["NETStandard.Library", "Newtonsoft.Json", "System.Memory"]);
        standard.Find("NETStandard.Library")!.IsAutoReferenced.ShouldBeTrue();
        standard.Find("System.Memory")!.DependsOn.ShouldBe(["System.Buffers", "System.Numerics.Vectors", "System.Runtime.CompilerServices.Unsafe"]);
    }

    [Fact]
    public void Read_MultiTargetWithoutFramework_WarnsThatItMustChoose()
    {
        var set = AssetsFileReader.Read(fixture.MultiTargetAssetsFile, null, "", "MultiTarget");

        set.Unreadable.ShouldNotBeNull();
        set.Diagnostics.ShouldHaveSingleItem().Id.ShouldBe("DG0503");
    }

    [Theory]
    [InlineData("net10.0", "net10.0", "A")]
    [InlineData("netstandard2.0", ".NETStandard,Version=v2.0", "B")]
    [InlineData("net472", ".NETFramework,Version=v4.7.2", "C")]
    [InlineData("banana", "net10.0", "A")] // a custom TargetFrameworks alias maps through project.frameworks
    public void Read_FrameworkNamedInAnyForm_FindsItsTarget(string tfm, string expectedKey, string expectedPackage)
    {
        using var temp = new TempDirectory();
        var assets = temp.Write("project.assets.json", """
            {
              "version": 3,
              "targets": {
                "net10.0": { "A/1.0.0": { "type": "package" } },
                ".NETStandard,Version=v2.0": { "B/2.0.0": { "type": "package" } },
                ".NETFramework,Version=v4.7.2": { "C/3.0.0": { "type": "package" } }
              },
              "libraries": {},
              "project": { "version": "2.1.0", "frameworks": {
                "net10.0": { "targetAlias": "banana", "dependencies": { "A": { "target": "Package", "version": "[1.0.0, )" } } },
                "netstandard2.0": { "targetAlias": "netstandard2.0" },
                "net472": { "targetAlias": "net472" } } }
            }
            """);

        var set = AssetsFileReader.Read(assets, temp.Combine("packages"), tfm, "P");

        set.TargetKey.ShouldBe(expectedKey);
        set.Packages.ShouldHaveSingleItem().Id.ShouldBe(expectedPackage);
        set.ProjectVersion.ShouldBe("2.1.0");
    }

    [Fact]
    public void Read_RuntimeSpecificTargets_PrefersPortableOneAndFallsBackToRidKey()
    {
        using var temp = new TempDirectory();
        var both = temp.Write("both.json", """
            { "targets": { "net10.0/linux-x64": { "A/1.0.0": {}, "runtime.linux-x64.A/1.0.0": {} }, "net10.0": { "A/1.0.0": {} } },
              "project": { "frameworks": { "net10.0": {} } } }
            """);
        var ridOnly = temp.Write("rid.json", """
            { "targets": { "net10.0/linux-x64": { "A/1.0.0": {}, "runtime.linux-x64.A/1.0.0": {} } } }
            """);

        AssetsFileReader.Read(both, temp.Path, "net10.0", "P").TargetKey.ShouldBe("net10.0");
        var rid = AssetsFileReader.Read(ridOnly, temp.Path, "net10.0", "P");
        rid.TargetKey.ShouldBe("net10.0/linux-x64");
        rid.Packages.Count().ShouldBe(2);
    }

    [Fact]
    public void Read_LibraryPathClimbingOutOfPackagesFolder_NotFollowed()
    {
        using var temp = new TempDirectory();
        temp.Write("secret/evil.nuspec", "<package><metadata><license type=\"expression\">LEAKED</license></metadata></package>");
        var assets = temp.Write("obj/project.assets.json", """
            { "targets": { "net10.0": { "Evil/1.0.0": { "type": "package" } } },
              "libraries": { "Evil/1.0.0": { "type": "package", "path": "../secret", "files": [ "evil.nuspec" ] } },
              "packageFolders": { "PACKAGES": {} } }
            """.Replace("PACKAGES", temp.Combine("packages").Replace("\\", "\\\\")));

        var set = AssetsFileReader.Read(assets, null, "net10.0", "P");

        var evil = set.Find("Evil")!;
        evil.License.Kind.ShouldBe(LicenseKind.None);
        evil.Unresolved.ShouldNotBeNull();
        set.Diagnostics.ShouldHaveSingleItem().Id.ShouldBe("DG0504");
    }

    [Fact]
    public void Read_DependencyOnPackageTheTargetLacks_DropsTheEdge()
    {
        using var temp = new TempDirectory();
        var assets = temp.Write("project.assets.json", """
            { "targets": { "net10.0": {
                "A/1.0.0": { "type": "package", "dependencies": { "b": "2.0.0", "Pruned": "4.7.0" } },
                "B/2.0.0": { "type": "package" } } } }
            """);

        var set = AssetsFileReader.Read(assets, temp.Path, "net10.0", "P");

        set.Find("A")!.DependsOn.ShouldBe(["B"]);
    }
}
