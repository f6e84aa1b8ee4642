using System.Collections.Immutable;

namespace DocGen.Core.Model;

/// <summary>One entry of a SourceLink map: local files under <paramref name="LocalPath"/> (a path, or a prefix ending in
/// <c>*</c>) are served at <paramref name="UrlTemplate"/> (raw content, with <c>*</c> standing for the rest of the path).</summary>
public sealed record SourceLinkMapping(string LocalPath, string UrlTemplate);

/// <summary>
/// Turns a declaration's file and line into the page a reader opens in the repository's web UI, at the built commit.
/// SourceLink maps files to <em>raw</em> content URLs; the known hosts' raw shapes are rewritten to their browse pages
/// with the line selected: GitHub, GitLab (any host, <c>/-/raw/</c>), Azure Repos and Bitbucket Cloud.
/// </summary>
public static class SourceUrls
{
    /// <summary>The browse URL of <paramref name="path"/> at <paramref name="line"/>, or null when no mapping covers the file.</summary>
    /// <param name="mappings">The assembly's SourceLink map.</param>
    /// <param name="path">The declaration's absolute file path as the build saw it.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="repositoryRoot">The local repository root, used when the map's paths were rewritten by a deterministic build (<c>/_/</c>).</param>
    public static string? Browse(ImmutableArray<SourceLinkMapping> mappings, string path, int line, string? repositoryRoot = null)
    {
        if (mappings.IsDefaultOrEmpty) return null;
        var raw = Map(mappings, path.Replace('\\', '/'));
        if (raw is null && repositoryRoot is not null)
        {
            // ContinuousIntegrationBuild maps the repository root to /_/ in the PDB and its SourceLink map; our paths are real ones.
            var root = repositoryRoot.Replace('\\', '/').TrimEnd('/') + "/";
            var file = path.Replace('\\', '/');
            if (file.StartsWith(root, StringComparison.OrdinalIgnoreCase)) raw = Map(mappings, "/_/" + file[root.Length..]);
        }
        return raw is null ? null : BrowseOf(raw, line);
    }

    private static string? Map(ImmutableArray<SourceLinkMapping> mappings, string path)
    {
        // The longest matching prefix wins, as SourceLink resolves nested repositories (submodules).
        SourceLinkMapping? best = null;
        foreach (var m in mappings)
        {
            var local = m.LocalPath.Replace('\\', '/');
            var matches = local.EndsWith('*') ? path.StartsWith(local[..^1], StringComparison.OrdinalIgnoreCase) : string.Equals(path, local, StringComparison.OrdinalIgnoreCase);
            if (matches && (best is null || local.Length > best.LocalPath.Length)) best = m;
        }
        if (best is null) return null;
        var prefix = best.LocalPath.Replace('\\', '/');
        if (!prefix.EndsWith('*')) return best.UrlTemplate;
        var rest = string.Join('/', path[(prefix.Length - 1)..].Split('/').Select(Uri.EscapeDataString));
        var star = best.UrlTemplate.IndexOf('*');
        return star < 0 ? null : best.UrlTemplate[..star] + rest + best.UrlTemplate[(star + 1)..];
    }

    /// <summary>The browse page with the line for a raw content URL of a known host; the raw URL itself otherwise.</summary>
    public static string? BrowseOf(string raw, int line)
    {
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return null;
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var host = uri.GetLeftPart(UriPartial.Authority);
        // https://raw.githubusercontent.com/{owner}/{repo}/{commit}/{path}
        if (uri.Host.Equals("raw.githubusercontent.com", StringComparison.OrdinalIgnoreCase) && segments.Length > 3)
            return $"https://github.com/{segments[0]}/{segments[1]}/blob/{segments[2]}/{string.Join('/', segments[3..])}#L{line}";
        // https://api.bitbucket.org/2.0/repositories/{owner}/{repo}/src/{commit}/{path}
        if (uri.Host.Equals("api.bitbucket.org", StringComparison.OrdinalIgnoreCase) && segments.Length > 6 && segments[1] == "repositories" && segments[4] == "src")
            return $"https://bitbucket.org/{segments[2]}/{segments[3]}/src/{segments[5]}/{string.Join('/', segments[6..])}#lines-{line}";
        // {host}/{group…}/{project}/-/raw/{commit}/{path} (GitLab, also self-hosted)
        var dash = Array.IndexOf(segments, "-");
        if (dash > 0 && dash + 2 < segments.Length && segments[dash + 1] == "raw")
            return $"{host}/{string.Join('/', segments[..dash])}/-/blob/{string.Join('/', segments[(dash + 2)..])}#L{line}";
        // {host}/{org}/{project}/_apis/git/repositories/{repo}/items?…&version={commit}&path=/{path}
        var apis = Array.IndexOf(segments, "_apis");
        if (apis > 0 && apis + 3 < segments.Length && segments[apis + 1] == "git" && segments[apis + 2] == "repositories")
        {
            var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
            if (query["path"] is { } file && query["version"] is { } version)
                return $"{host}/{string.Join('/', segments[..apis])}/_git/{segments[apis + 3]}?path={Uri.EscapeDataString(file)}&version=GC{Uri.EscapeDataString(version)}"
                    + $"&line={line}&lineEnd={line}&lineStartColumn=1&lineEndColumn=1&_a=contents";
        }
        return uri.AbsoluteUri;
    }

    /// <summary>The raw content template SourceLink would write for a repository URL and commit, or null for an unknown host.</summary>
    public static string? RawTemplate(string repositoryUrl, string commit)
    {
        var url = repositoryUrl.Trim();
        if (url.StartsWith("git@", StringComparison.Ordinal) && url.IndexOf(':') is var colon and > 4)
            url = "https://" + url[4..colon] + "/" + url[(colon + 1)..];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "ssh")) return null;
        var path = uri.AbsolutePath.Trim('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) path = path[..^4];
        var segments = path.Split('/');
        var host = uri.Host.ToLowerInvariant();
        if (host == "github.com" && segments.Length >= 2) return $"https://raw.githubusercontent.com/{segments[0]}/{segments[1]}/{commit}/*";
        if (host == "bitbucket.org" && segments.Length >= 2) return $"https://api.bitbucket.org/2.0/repositories/{segments[0]}/{segments[1]}/src/{commit}/*";
        // https://dev.azure.com/{org}/{project}/_git/{repo} and https://{org}.visualstudio.com/{project}/_git/{repo}
        var git = Array.IndexOf(segments, "_git");
        if (git > 0 && git + 1 < segments.Length)
            return $"https://{uri.Host}/{string.Join('/', segments[..git])}/_apis/git/repositories/{segments[git + 1]}/items?api-version=1.0&versionType=commit&version={commit}&path=/*";
        if (host.Contains("gitlab", StringComparison.Ordinal) && segments.Length >= 2) return $"https://{uri.Host}/{path}/-/raw/{commit}/*";
        return null;
    }
}
