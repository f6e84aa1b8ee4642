using System.Text;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Manifest;

/// <summary>Renders <c>packages.lock.txt</c>: one <c>Id==Version</c> line per package, sorted, direct ones marked.</summary>
/// <remarks>Comments start with <c>#</c>, so tools that read <c>requirements.txt</c>-style lists can read it.</remarks>
public static class LockListWriter
{
    /// <summary>The marker after a direct package's line.</summary>
    public const string DirectMarker = "# direct";

    /// <summary>The marker after a package that is only used at build time (not shipped).</summary>
    public const string DevelopmentMarker = "# development";

    /// <summary>Renders the list (LF line ends, ending in a newline). It holds no time or absolute path, so it is stable across machines.</summary>
    public static string Write(DependencySet set)
    {
        var sb = new StringBuilder();
        sb.Append("# Packages resolved for ").Append(OneLine(set.ProjectName)).Append(" (").Append(OneLine(set.TargetFramework)).Append(").\n");
        sb.Append("# One Id==Version line per package, sorted; \"").Append(DirectMarker).Append("\" marks the packages the project references itself, \"").Append(DevelopmentMarker).Append("\" the build-time ones it does not ship.\n");
        if (set.Unreadable is not null) sb.Append("# INCOMPLETE: ").Append(OneLine(set.Unreadable)).Append('\n');
        foreach (var p in set.Packages)
        {
            sb.Append(OneLine(p.Id)).Append("==").Append(OneLine(p.Version));
            if (p.IsDirect) sb.Append("  ").Append(DirectMarker);
            if (p.IsDevelopmentDependency) sb.Append("  ").Append(DevelopmentMarker);
            sb.Append('\n');
        }
        foreach (var p in set.Dependencies.Where(d => d.Kind == DependencyKind.Project))
            sb.Append("# project reference: ").Append(OneLine(p.Id)).Append(' ').Append(OneLine(p.Version))
              .Append(p.ProjectPath is null ? "" : " (" + OneLine(p.ProjectPath) + ")").Append('\n');
        return sb.ToString();
    }

    // Ids and versions come from the assets file: a line break in one must not forge another line.
    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
}
