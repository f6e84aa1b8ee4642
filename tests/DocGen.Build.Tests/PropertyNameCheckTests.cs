using DocGen.Tests.Shared;

namespace DocGen.Build.Tests;

public sealed class PropertyNameCheckTests : IDisposable
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
        { "DocGenEnabled", "DocGenFormats", "DocGenOutputPath", "DocGenIncludeInternals" };

    private readonly TempDirectory _dir = new("docgen-props");

    [Fact]
    public void FindUnknown_TypoInProjectFile_ReportsItWithTheFile()
    {
        var project = _dir.Write("A.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <DocGenFormat>html</DocGenFormat>
                <DocGenFormats>html</DocGenFormats>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <DocGenTemplate Include="x.hbs" />
              </ItemGroup>
            </Project>
            """);

        var unknown = PropertyNameCheck.FindUnknown([project], [], Known).ToList();

        unknown.ShouldBe([new KeyValuePair<string, string?>("DocGenFormat", project)]);
    }

    [Fact]
    public void FindUnknown_GlobalPropertyAndOldStyleNamespace_BothFound()
    {
        var props = _dir.Write("Directory.Build.props", """
            <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><docgenincludeinternals>true</docgenincludeinternals><DocGenIncludeInternal>true</DocGenIncludeInternal></PropertyGroup>
            </Project>
            """);

        var unknown = PropertyNameCheck.FindUnknown([props, _dir.Combine("missing.targets")], ["DocGenOutput", "Configuration"], Known)
            .Select(u => u.Key).ToList();

        unknown.ShouldBe(["DocGenOutput", "DocGenIncludeInternal"]);
    }

    [Theory]
    [InlineData("DocGenFormat", "DocGenFormats")]
    [InlineData("DocgenOutputpath", "DocGenOutputPath")]
    [InlineData("DocGenEnable", "DocGenEnabled")]
    [InlineData("DocGenSomethingElseEntirely", null)]
    public void Suggest_Name_ReturnsClosestKnownNameOrNull(string name, string? expected) =>
        PropertyNameCheck.Suggest(name, Known).ShouldBe(expected);

    public void Dispose() => _dir.Dispose();
}
