using System.Collections.Immutable;

namespace DocGen.Core.Inputs;

/// <summary>
/// Everything the pipeline needs to know about one compiled project. The MSBuild task fills it from
/// items and properties; the CLI fills it by evaluating the project (<c>docgen build</c>)
/// or from a lone <c>.dll</c>. Nothing after this stage knows which front end ran.
/// </summary>
public sealed record ProjectInputs
{
    /// <summary>The compiled assembly (<c>bin/…/Foo.dll</c> or <c>obj/…/Foo.dll</c>).</summary>
    public required string AssemblyPath { get; init; }
    /// <summary>The compiler's XML doc file, or null when there is none.</summary>
    public string? XmlDocPath { get; init; }
    /// <summary>The project file, when there is one.</summary>
    public string? ProjectPath { get; init; }
    /// <summary>Display name of the project (defaults to the assembly name).</summary>
    public string? ProjectName { get; init; }
    /// <summary><c>@(Compile)</c> as full paths: used to find declaration text, never to recompile.</summary>
    public ImmutableArray<string> SourceFiles { get; init; } = [];
    /// <summary><c>@(ReferencePath)</c> as full paths (reference assemblies the project compiled against).</summary>
    public ImmutableArray<string> ReferencePaths { get; init; } = [];
    /// <summary><c>$(DefineConstants)</c> split into symbols (for parsing sources the way they were compiled).</summary>
    public ImmutableArray<string> DefineConstants { get; init; } = [];
    /// <summary><c>$(LangVersion)</c>, or null for the latest.</summary>
    public string? LangVersion { get; init; }
    /// <summary><c>$(TargetFramework)</c>, e.g. <c>net10.0</c>.</summary>
    public string TargetFramework { get; init; } = "";
    /// <summary><c>$(ProjectAssetsFile)</c> (<c>obj/project.assets.json</c>), for manifests.</summary>
    public string? ProjectAssetsFile { get; init; }
    /// <summary><c>$(IntermediateOutputPath)</c> as a full path, when the CLI evaluated the project: its default output
    /// is <c>docgen/</c> there, the same folder a build with the DocGen.Build package writes (and <c>dotnet clean</c> empties).</summary>
    public string? IntermediateOutputPath { get; init; }
    /// <summary><c>$(RootNamespace)</c>: the namespace generated C# code goes into when its spec names none.</summary>
    public string? RootNamespace { get; init; }
    /// <summary><c>@(FrameworkReference)</c> names (e.g. <c>Microsoft.AspNetCore.App</c>): namespaces a code unit may use without a package.</summary>
    public ImmutableArray<string> FrameworkReferences { get; init; } = [];
    /// <summary>NuGet packages folder (<c>$(NuGetPackageRoot)</c>), for reading nuspecs offline.</summary>
    public string? NuGetPackageRoot { get; init; }
}
