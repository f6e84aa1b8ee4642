using DocGen.Core.Model;
namespace DocGen.Core.Inputs;

/// <summary>
/// Decides which packages the project does not ship: the ones reachable from the project only through references
/// that stop at build time. A package the project references privately (<c>PrivateAssets="all"</c>, no runtime
/// assets) or that declares itself a <c>developmentDependency</c> is a build-time tool, and so is everything it
/// alone brings in; a package that a runtime reference also reaches stays a runtime dependency.
/// </summary>
internal static class DevelopmentOnly
{
    /// <param name="dependencies">The resolved packages and projects, with <see cref="ResolvedDependency.IsDevelopmentDependency"/> set from their nuspecs.</param>
    /// <param name="privateDirect">Ids of the direct references whose assets do not flow to the output.</param>
    public static List<ResolvedDependency> Mark(List<ResolvedDependency> dependencies, IReadOnlySet<string> privateDirect)
    {
        // Without the project's own references there is no root to walk from: trust the nuspecs alone.
        if (!dependencies.Any(d => d.IsDirect)) return dependencies;
        var byId = dependencies.GroupBy(d => d.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var runtime = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<ResolvedDependency>(dependencies.Where(d => d.IsDirect && !privateDirect.Contains(d.Id) && !d.IsDevelopmentDependency));
        while (queue.TryDequeue(out var next))
        {
            if (!runtime.Add(next.Id)) continue;
            foreach (var child in next.DependsOn)
                if (byId.TryGetValue(child, out var c) && !c.IsDevelopmentDependency && !runtime.Contains(c.Id)) queue.Enqueue(c);
        }
        return [.. dependencies.Select(d => d.Kind == DependencyKind.Package && !runtime.Contains(d.Id) ? d with { IsDevelopmentDependency = true } : d)];
    }
}
