using System.Runtime.InteropServices;

namespace DocGen.Core.Extraction;

/// <summary>Finds the assemblies an assembly was compiled against when the build did not say (a lone <c>.dll</c>).</summary>
internal static class ReferenceResolver
{
    /// <summary>The <c>dotnet</c> root: <c>DOTNET_ROOT</c>, else the folder of the running host, else derived from the shared runtime.</summary>
    public static string? FindDotnetRoot()
    {
        foreach (var candidate in Candidates())
            if (candidate is not null && (Directory.Exists(Path.Combine(candidate, "packs")) || Directory.Exists(Path.Combine(candidate, "shared"))))
                return candidate;
        return null;

        static IEnumerable<string?> Candidates()
        {
            yield return Environment.GetEnvironmentVariable("DOTNET_ROOT");
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath;
            if (host is not null && Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
                yield return Path.GetDirectoryName(host);
            // <root>/shared/Microsoft.NETCore.App/<version>/
            var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            yield return Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtimeDir)));
        }
    }

    /// <summary>
    /// The reference assemblies of the newest <c>Microsoft.NETCore.App.Ref</c> pack that has <paramref name="targetFramework"/>
    /// (or any framework folder when it is empty), else the running shared framework's assemblies.
    /// </summary>
    public static IReadOnlyList<string> FrameworkReferences(string targetFramework)
    {
        var root = FindDotnetRoot();
        var refFolder = root is null ? null : FindRefPackFolder(root, targetFramework);
        if (refFolder is not null)
            return Directory.GetFiles(refFolder, "*.dll").Order(StringComparer.Ordinal).ToList();
        // The shared framework holds implementation assemblies: they work as references, minus native files.
        var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        return Directory.GetFiles(runtimeDir, "*.dll")
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n.StartsWith("Microsoft.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Folders of reference packs (newest first) whose <c>ref/&lt;tfm&gt;</c> exists, used to find BCL XML doc files.</summary>
    public static string? FindRefPackFolder(string dotnetRoot, string targetFramework)
    {
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        var versions = Directory.GetDirectories(packs)
            .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)))
            .OrderByDescending(x => x.Version)
            .ThenByDescending(x => x.Dir, StringComparer.Ordinal);
        string? fallback = null;
        foreach (var (dir, _) in versions)
        {
            var refRoot = Path.Combine(dir, "ref");
            if (!Directory.Exists(refRoot)) continue;
            if (targetFramework.Length > 0 && Directory.Exists(Path.Combine(refRoot, targetFramework)))
                return Path.Combine(refRoot, targetFramework);
            fallback ??= Directory.GetDirectories(refRoot).Order(StringComparer.Ordinal).LastOrDefault();
        }
        return fallback;
    }
}
