using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using DocGen.Core.Model;
using Microsoft.CodeAnalysis;

namespace DocGen.Core.Extraction;

/// <summary>
/// Where the assembly's sources live on the web, for "View source" links: the SourceLink JSON of its portable PDB (next
/// to the assembly or embedded in it), else the <c>RepositoryUrl</c> assembly metadata with the commit the build stamped
/// (<c>SourceRevisionId</c> metadata or the <c>+commit</c> suffix of the informational version), mapped onto the git
/// repository around the project. Nothing found is no error: pages then show <c>File.cs:53</c> as text.
/// </summary>
internal static class SourceLinkReader
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static ImmutableArray<SourceLinkMapping> Read(string assemblyPath, IAssemblySymbol assembly, string? informationalVersion, string? projectFolder)
    {
        var fromPdb = FromPdb(assemblyPath);
        if (!fromPdb.IsDefaultOrEmpty) return fromPdb;
        return FromMetadata(assembly, informationalVersion, projectFolder);
    }

    /// <summary>The mappings of a SourceLink JSON document (<c>{"documents": {"/src/*": "https://…/*"}}</c>); empty when it is not one.</summary>
    internal static ImmutableArray<SourceLinkMapping> Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("documents", out var documents) || documents.ValueKind != JsonValueKind.Object) return [];
            return [.. documents.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 })
                .Select(p => new SourceLinkMapping(p.Name, p.Value.GetString()!))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static ImmutableArray<SourceLinkMapping> FromPdb(string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var embedded = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            if (embedded.DataSize > 0)
            {
                using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
                return FromReader(provider.GetMetadataReader());
            }
            var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
            if (!File.Exists(pdbPath)) return [];
            using var pdbStream = File.OpenRead(pdbPath);
            using var pdb = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
            return FromReader(pdb.GetMetadataReader());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            // A Windows (non-portable) PDB or an unreadable file: fall back to the assembly's metadata.
            return [];
        }
    }

    private static ImmutableArray<SourceLinkMapping> FromReader(MetadataReader reader)
    {
        foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var info = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(info.Kind) != SourceLinkKind) continue;
            return Parse(System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)));
        }
        return [];
    }

    private static ImmutableArray<SourceLinkMapping> FromMetadata(IAssemblySymbol assembly, string? informationalVersion, string? projectFolder)
    {
        string? repository = null, commit = null;
        foreach (var a in assembly.GetAttributes())
        {
            if (a.AttributeClass?.ToDisplayString() != "System.Reflection.AssemblyMetadataAttribute" || a.ConstructorArguments.Length != 2) continue;
            var key = a.ConstructorArguments[0].Value as string;
            var value = a.ConstructorArguments[1].Value as string;
            if (key == "RepositoryUrl") repository = value;
            else if (key is "SourceRevisionId" or "RepositoryCommit" or "CommitHash") commit = value;
        }
        if (commit is null && informationalVersion?.IndexOf('+') is int plus and >= 0) commit = informationalVersion[(plus + 1)..];
        if (repository is null || commit is null || !IsCommit(commit)) return [];
        var root = GitRoot(projectFolder);
        var template = SourceUrls.RawTemplate(repository, commit);
        if (root is null || template is null) return [];
        return [new SourceLinkMapping(root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar + "*", template)];
    }

    private static bool IsCommit(string text) => text.Length is >= 7 and <= 64 && text.All(char.IsAsciiHexDigit);

    /// <summary>The folder holding <c>.git</c> (a folder, or a file in worktrees and submodules) at or above <paramref name="folder"/>.</summary>
    internal static string? GitRoot(string? folder)
    {
        for (var dir = folder; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git"))) return dir;
        return null;
    }
}
