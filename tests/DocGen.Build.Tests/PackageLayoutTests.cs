using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using DocGen.Tests.Shared;

namespace DocGen.Build.Tests;

/// <summary>What the packed packages hold: the task package must not leak anything into a consumer.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed feed)
{
    [Fact]
    public void Pack_BuildPackage_HoldsTargetsTaskAndEngineAndNothingForTheConsumer()
    {
        using var zip = ZipFile.OpenRead(feed.BuildPackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        entries.ShouldContain("build/DocGen.Build.props");
        entries.ShouldContain("build/DocGen.Build.targets");
        entries.Where(e => e.StartsWith("tasks/", StringComparison.Ordinal)).ShouldBe(["tasks/netstandard2.0/DocGen.Build.dll"]);
        entries.ShouldContain("tools/net10.0/any/docgen.dll");
        entries.ShouldContain("tools/net10.0/any/docgen.runtimeconfig.json");
        entries.ShouldContain("tools/net10.0/any/docgen.deps.json");
        entries.ShouldContain("tools/net10.0/any/Microsoft.CodeAnalysis.CSharp.dll");
        entries.ShouldNotContain(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal)
            || e.StartsWith("runtimes/", StringComparison.Ordinal) || e.StartsWith("contentFiles/", StringComparison.Ordinal));

        var nuspec = XDocument.Load(zip.GetEntry("DocGen.Build.nuspec")!.Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value.ShouldBe("true");
        metadata.Descendants().Where(e => e.Name.LocalName == "dependency").ShouldBeEmpty();
    }

    [Fact]
    public async Task Pack_BuildPackage_HoldsAPortableEngineAndAReadyToRunOneForThisPlatform()
    {
        using var zip = ZipFile.OpenRead(feed.BuildPackagePath);
        var folders = zip.Entries.Select(e => e.FullName).Where(e => e.StartsWith("tools/net10.0/", StringComparison.Ordinal))
            .Select(e => e.Split('/')[2]).Distinct().Order(StringComparer.Ordinal).ToList();
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        folders.ShouldBe(new[] { "any", rid }.Order(StringComparer.Ordinal).ToList());

        IsReadyToRun(zip, "tools/net10.0/any/Microsoft.CodeAnalysis.CSharp.dll").ShouldBeFalse();
        IsReadyToRun(zip, $"tools/net10.0/{rid}/Microsoft.CodeAnalysis.CSharp.dll").ShouldBeTrue();
        IsReadyToRun(zip, $"tools/net10.0/{rid}/docgen.dll").ShouldBeTrue();

        // The portable engine is what every other platform runs: it must start on its own.
        using var temp = new TempDirectory("docgen-portable-engine");
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("tools/net10.0/any/", StringComparison.Ordinal) && e.Name.Length > 0))
        {
            var target = Path.Combine(temp.Path, entry.FullName["tools/net10.0/any/".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target);
        }
        var run = await ProcessRunner.DotnetAsync(temp.Path, "exec", Path.Combine(temp.Path, "docgen.dll"), "build", "--help");
        run.ExitCode.ShouldBe(0, run.Output);
        run.StdOut.ShouldContain("--formats");
    }

    private static bool IsReadyToRun(ZipArchive zip, string path)
    {
        using var stream = new MemoryStream();
        zip.GetEntry(path)!.Open().CopyTo(stream);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    [Fact]
    public void Pack_TaskAssembly_ReferencesOnlyNetStandardAndMSBuild()
    {
        using var zip = ZipFile.OpenRead(feed.BuildPackagePath);
        using var stream = new MemoryStream();
        zip.GetEntry("tasks/netstandard2.0/DocGen.Build.dll")!.Open().CopyTo(stream);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();

        var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();

        references.ShouldContain("Microsoft.Build.Framework");
        references.ShouldAllBe(r => r == "netstandard" || r.StartsWith("Microsoft.Build", StringComparison.Ordinal));
    }

    [Fact]
    public void Pack_ToolPackage_IsADotnetToolCalledDocgen()
    {
        using var zip = ZipFile.OpenRead(feed.ToolPackagePath);
        var settings = zip.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));

        var command = XDocument.Load(settings.Open()).Descendants("Command").Single();

        command.Attribute("Name")!.Value.ShouldBe("docgen");
        command.Attribute("EntryPoint")!.Value.ShouldBe("docgen.dll");
        settings.FullName.ShouldStartWith("tools/net10.0/any/");
    }
}
