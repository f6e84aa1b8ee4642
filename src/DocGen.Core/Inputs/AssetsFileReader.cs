using System.Collections.Immutable;
using System.Text.Json;
using System.Xml;
using DocGen.Core.Diagnostics;
using DocGen.Core.Model;

namespace DocGen.Core.Inputs;

/// <summary>
/// Reads the resolved dependency set of one target framework from <c>project.assets.json</c> and the
/// packages' nuspecs (offline). Never throws for bad input: a missing or malformed file becomes a
/// marked, partial <see cref="DependencySet"/> with diagnostics.
/// </summary>
/// <remarks>
/// The assets file is the restore's own record of the graph, so it is the truth for versions and
/// edges; nuspecs add what only the package knows (license, authors). Both are untrusted input.
/// </remarks>
public static class AssetsFileReader
{
    /// <summary>Reads the dependency set for <see cref="ProjectInputs.TargetFramework"/> of <paramref name="inputs"/>.</summary>
    public static DependencySet Read(ProjectInputs inputs) =>
        Read(inputs.ProjectAssetsFile, inputs.NuGetPackageRoot, inputs.TargetFramework, ProjectNameOf(inputs));

    /// <summary>Reads the dependency set of <paramref name="targetFramework"/> from <paramref name="assetsFile"/>.</summary>
    /// <param name="assetsFile">Path of <c>project.assets.json</c>; null when the input has none.</param>
    /// <param name="packagesRoot">The NuGet packages folder; null to use the assets file's <c>packageFolders</c>.</param>
    /// <param name="targetFramework">The TFM (or alias) built, e.g. <c>net10.0</c>; empty to take the only one.</param>
    /// <param name="projectName">Display name; null to take the restore's project name.</param>
    public static DependencySet Read(string? assetsFile, string? packagesRoot, string targetFramework, string? projectName)
    {
        var empty = new DependencySet { ProjectName = projectName ?? "project", TargetFramework = targetFramework, AssetsFile = assetsFile };
        if (string.IsNullOrEmpty(assetsFile))
            return empty with { Unreadable = "no project assets file is known", Diagnostics = [DiagnosticIds.NoAssetsFile.Create()] };
        if (!File.Exists(assetsFile))
            return empty with
            {
                Unreadable = $"the assets file '{assetsFile}' does not exist",
                Diagnostics = [DiagnosticIds.AssetsFileMissing.Create(assetsFile, null, assetsFile)],
            };

        try
        {
            using var stream = File.OpenRead(assetsFile);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
            return new Parser(document.RootElement, assetsFile, packagesRoot, targetFramework, projectName).Parse(empty);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            // InvalidOperationException: a value of the wrong JSON kind where the format expects another.
            return empty with
            {
                Unreadable = $"the assets file '{assetsFile}' could not be read: {ex.Message}",
                Diagnostics = [DiagnosticIds.AssetsFileUnreadable.Create(assetsFile, null, assetsFile, ex.Message)],
            };
        }
    }

    private static string? ProjectNameOf(ProjectInputs inputs) =>
        inputs.ProjectName ?? (inputs.ProjectPath is { } p ? Path.GetFileNameWithoutExtension(p) : null);

    private sealed class Parser(JsonElement root, string assetsFile, string? packagesRoot, string targetFramework, string? projectName)
    {
        private readonly List<Diagnostic> _diagnostics = [];

        public DependencySet Parse(DependencySet empty)
        {
            var project = Property(root, "project");
            var name = projectName ?? String(Property(Property(project, "restore"), "projectName")) ?? "project";
            var set = empty with { ProjectName = name, ProjectVersion = String(Property(project, "version")) ?? "1.0.0" };

            var targets = Property(root, "targets");
            var keys = targets is { ValueKind: JsonValueKind.Object } t ? t.EnumerateObject().Select(p => p.Name).ToList() : [];
            var (alias, frameworkEntry) = FindFramework(project);
            var targetKey = ChooseTarget(keys, alias, String(Property(frameworkEntry, "framework")));
            if (targetKey is null)
            {
                var available = keys.Count == 0 ? "none" : string.Join(", ", keys);
                var shown = targetFramework.Length == 0 ? "the project's framework" : targetFramework;
                return set with
                {
                    Unreadable = $"the assets file '{assetsFile}' has no target for '{shown}'",
                    Diagnostics = [DiagnosticIds.AssetsTargetMissing.Create(assetsFile, null, assetsFile, shown, available)],
                };
            }

            var frameworkKey = targetKey.Split('/')[0];
            var direct = DirectDependencies(frameworkKey, frameworkEntry, out var autoReferenced, out var privateDirect);
            var libraries = Property(root, "libraries");
            var folders = PackageFolders();

            // Index the target's entries by id first, so that edges can use the resolved spelling of each id.
            var entries = new Dictionary<string, (string Id, string Version, JsonElement Entry)>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in targets!.Value.GetProperty(targetKey).EnumerateObject())
            {
                var slash = entry.Name.IndexOf('/');
                if (slash <= 0 || slash == entry.Name.Length - 1) continue;
                entries[entry.Name[..slash]] = (entry.Name[..slash], entry.Name[(slash + 1)..], entry.Value);
            }

            var dependencies = new List<ResolvedDependency>();
            foreach (var (id, version, entry) in entries.Values)
            {
                var library = Property(libraries, id + "/" + version);
                var isProject = String(Property(entry, "type")) == "project" || String(Property(library, "type")) == "project";
                var dependsOn = Property(entry, "dependencies") is { ValueKind: JsonValueKind.Object } deps
                    // An edge to a package the target lacks (pruned, or provided by the shared framework) has nothing to point to.
                    ? deps.EnumerateObject().Where(d => entries.ContainsKey(d.Name)).Select(d => entries[d.Name].Id)
                        .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToImmutableArray()
                    : [];
                var dependency = new ResolvedDependency
                {
                    Id = id,
                    Version = version,
                    Kind = isProject ? DependencyKind.Project : DependencyKind.Package,
                    IsDirect = direct.Contains(id),
                    IsAutoReferenced = autoReferenced.Contains(id),
                    DependsOn = dependsOn,
                };
                dependencies.Add(isProject
                    ? dependency with { ProjectPath = String(Property(library, "msbuildProject")) ?? String(Property(library, "path")) }
                    : WithNuspec(dependency with { Sha512 = Sha512Hex(String(Property(library, "sha512"))) }, library, folders));
            }
            dependencies = DevelopmentOnly.Mark(dependencies, privateDirect);

            return set with
            {
                TargetKey = targetKey,
                Dependencies = [.. dependencies.OrderBy(d => d.Id, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version, StringComparer.Ordinal)],
                Diagnostics = [.. _diagnostics],
            };
        }

        private (string? Alias, JsonElement? Entry) FindFramework(JsonElement? project)
        {
            if (Property(project, "frameworks") is not { ValueKind: JsonValueKind.Object } frameworks) return (null, null);
            var all = frameworks.EnumerateObject().ToList();
            foreach (var f in all)
                if (FrameworkNames.Same(f.Name, targetFramework) || FrameworkNames.Same(String(Property(f.Value, "targetAlias")), targetFramework))
                    return (f.Name, f.Value);
            return targetFramework.Length == 0 && all.Count == 1 ? (all[0].Name, all[0].Value) : (null, null);
        }

        private string? ChooseTarget(List<string> keys, string? alias, string? framework)
        {
            bool Matches(string fw) =>
                FrameworkNames.Same(fw, targetFramework) || FrameworkNames.Same(fw, alias) || FrameworkNames.Same(fw, framework);
            var matching = keys.Where(k => Matches(k.Split('/')[0])).ToList();
            if (matching.Count == 0 && targetFramework.Length == 0 && keys.Select(k => k.Split('/')[0]).Distinct().Count() == 1)
                matching = keys;
            // Without the runtime identifier the build used, the portable graph is the one that surely applies;
            // a RID-specific key is used only when it is all there is.
            return matching.FirstOrDefault(k => !k.Contains('/')) ?? matching.Order(StringComparer.Ordinal).FirstOrDefault();
        }

        private HashSet<string> DirectDependencies(string frameworkKey, JsonElement? frameworkEntry, out HashSet<string> autoReferenced, out HashSet<string> privateDirect)
        {
            var direct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            autoReferenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            privateDirect = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (Property(frameworkEntry, "dependencies") is { ValueKind: JsonValueKind.Object } deps)
            {
                foreach (var d in deps.EnumerateObject())
                {
                    direct.Add(d.Name);
                    if (Property(d.Value, "autoReferenced") is { ValueKind: JsonValueKind.True }) autoReferenced.Add(d.Name);
                    if (!FlowsToRuntime(d.Value)) privateDirect.Add(d.Name);
                }
            }
            // projectFileDependencyGroups also lists project references ("Name >= 1.0.0").
            if (Property(root, "projectFileDependencyGroups") is { ValueKind: JsonValueKind.Object } groups)
            {
                foreach (var g in groups.EnumerateObject().Where(g => FrameworkNames.Same(g.Name, frameworkKey)))
                    if (g.Value.ValueKind == JsonValueKind.Array)
                        foreach (var item in g.Value.EnumerateArray())
                            if (String(item) is { } text && text.Split(' ', 2)[0] is { Length: > 0 } id) direct.Add(id);
            }
            return direct;
        }

        /// <summary>
        /// False for a reference whose assets never reach the built output: <c>PrivateAssets="all"</c> (the assets file's
        /// <c>suppressParent: All</c>, the usual form of analyzers and build tools) or <c>IncludeAssets</c>/<c>ExcludeAssets</c>
        /// that leave out the runtime assets.
        /// </summary>
        private static bool FlowsToRuntime(JsonElement reference)
        {
            static HashSet<string> Flags(JsonElement? value) =>
                (String(value) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var suppress = Flags(Property(reference, "suppressParent"));
            if (suppress.Contains("All")) return false;
            var include = Property(reference, "include") is null ? null : Flags(Property(reference, "include"));
            var exclude = Flags(Property(reference, "exclude"));
            if (exclude.Contains("All") || exclude.Contains("Runtime")) return false;
            return include is null || include.Contains("All") || include.Contains("Runtime");
        }

        private List<string> PackageFolders()
        {
            // NuGet lists the user packages folder first and fallback folders after it; a given
            // packages root replaces the first, the fallback folders still count.
            var listed = Property(root, "packageFolders") is { ValueKind: JsonValueKind.Object } folderObject
                ? folderObject.EnumerateObject().Select(f => f.Name).Where(f => f.Length > 0 && Path.IsPathRooted(f)).ToList()
                : [];
            var folders = string.IsNullOrEmpty(packagesRoot) ? listed : [packagesRoot, .. listed.Skip(1)];
            return folders.Distinct(StringComparer.Ordinal).ToList();
        }

        private ResolvedDependency WithNuspec(ResolvedDependency package, JsonElement? library, List<string> folders)
        {
            var libraryPath = String(Property(library, "path")) ?? $"{package.Id}/{package.Version}".ToLowerInvariant();
            var nuspecName = Property(library, "files") is { ValueKind: JsonValueKind.Array } files
                ? files.EnumerateArray().Select(f => String(f)).FirstOrDefault(f => f is not null && f.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !f.Contains('/'))
                : null;
            nuspecName ??= package.Id.ToLowerInvariant() + ".nuspec";

            string? firstCandidate = null;
            foreach (var folder in folders)
            {
                var candidate = Confined(folder, libraryPath, nuspecName);
                if (candidate is null) continue;
                firstCandidate ??= candidate;
                if (!File.Exists(candidate)) continue;
                try
                {
                    var meta = NuspecReader.Read(candidate);
                    return package with
                    {
                        License = meta.License, Authors = meta.Authors, Description = meta.Description, ProjectUrl = meta.ProjectUrl,
                        IsDevelopmentDependency = meta.DevelopmentDependency,
                    };
                }
                catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
                {
                    _diagnostics.Add(DiagnosticIds.NuspecUnreadable.Create(candidate, null, candidate, ex.Message));
                    return package with { Unresolved = $"nuspec '{candidate}' could not be read: {ex.Message}" };
                }
            }

            var where = firstCandidate ?? (folders.Count == 0 ? "(no packages folder known)" : Path.Combine(folders[0], libraryPath));
            _diagnostics.Add(DiagnosticIds.PackageNotInPackagesFolder.Create(firstCandidate, null, package.Id, package.Version, where));
            return package with { Unresolved = $"not found in the packages folder ({where})" };
        }

        // The library path comes from the assets file: refuse one that would climb out of the packages folder.
        private static string? Confined(string folder, string libraryPath, string fileName)
        {
            var baseDir = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(Path.Combine(baseDir, libraryPath, fileName));
            return full.StartsWith(baseDir, StringComparison.Ordinal) ? full : null;
        }

        private static string? Sha512Hex(string? base64)
        {
            if (base64 is null) return null;
            var bytes = new byte[base64.Length];
            return Convert.TryFromBase64String(base64, bytes, out var written) && written == 64
                ? Convert.ToHexStringLower(bytes.AsSpan(0, written))
                : null;
        }

        private static JsonElement? Property(JsonElement? element, string name) =>
            element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

        private static string? String(JsonElement? element) =>
            element is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
    }
}
