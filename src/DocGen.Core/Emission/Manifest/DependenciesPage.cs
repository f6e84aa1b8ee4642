using System.Net;
using System.Text;

namespace DocGen.Core.Emission.Manifest;

/// <summary>
/// The "Dependencies" page: direct and transitive packages with licenses, project references, and the
/// graph. Everything from nuspecs is untrusted and escaped for the output language.
/// </summary>
/// <remarks>
/// The site and Markdown emitters put <see cref="RenderHtmlBody"/> / <see cref="RenderMarkdown"/> into
/// their own layouts; <see cref="RenderHtmlDocument"/> is the standalone page under <c>manifest/</c>.
/// </remarks>
public static class DependenciesPage
{
    /// <summary>A GitHub-flavoured Markdown page: a title, tables, and a <c>mermaid</c> block.</summary>
    /// <param name="set">The dependency set.</param>
    /// <param name="headingLevel">Level of the page title (1 for a page of its own, 2 to nest it).</param>
    public static string RenderMarkdown(DependencySet set, int headingLevel = 1)
    {
        var h = new string('#', Math.Clamp(headingLevel, 1, 5));
        var sb = new StringBuilder();
        sb.Append(h).Append(" Dependencies of ").Append(Md(set.ProjectName)).Append(" (").Append(Md(set.TargetFramework)).Append(")\n\n");
        if (set.Unreadable is not null)
            sb.Append("> **Incomplete:** ").Append(Md(set.Unreadable)).Append("\n\n");
        var packages = set.Packages.ToList();
        sb.Append(packages.Count(p => p.IsDirect)).Append(" direct and ").Append(packages.Count(p => !p.IsDirect))
          .Append(" transitive packages. Machine-readable: `sbom.cdx.json` (CycloneDX ").Append(CycloneDxWriter.SpecVersion).Append("), `packages.lock.txt`.\n\n");

        AppendMarkdownTable(sb, h + "# Direct packages", packages.Where(p => p.IsDirect));
        AppendMarkdownTable(sb, h + "# Transitive packages", packages.Where(p => !p.IsDirect));
        var projects = set.Dependencies.Where(d => d.Kind == DependencyKind.Project).ToList();
        if (projects.Count > 0)
        {
            sb.Append(h).Append("# Project references\n\n| Project | Version | Path |\n| --- | --- | --- |\n");
            foreach (var p in projects) sb.Append("| ").Append(Md(p.Id)).Append(" | ").Append(Md(p.Version)).Append(" | ").Append(Md(p.ProjectPath ?? "")).Append(" |\n");
            sb.Append('\n');
        }
        sb.Append(h).Append("# Graph\n\n```mermaid\n").Append(DependencyGraph.ToMermaid(set)).Append("```\n");
        return sb.ToString();
    }

    /// <summary>An HTML fragment (a <c>&lt;section&gt;</c>) for a site layout: tables and an inline SVG graph, no script.</summary>
    public static string RenderHtmlBody(DependencySet set)
    {
        var sb = new StringBuilder("<section class=\"docgen-dependencies\">\n");
        sb.Append("<h1>Dependencies of ").Append(Html(set.ProjectName)).Append(" <small>(").Append(Html(set.TargetFramework)).Append(")</small></h1>\n");
        if (set.Unreadable is not null)
            sb.Append("<p class=\"warning\"><strong>Incomplete:</strong> ").Append(Html(set.Unreadable)).Append("</p>\n");
        var packages = set.Packages.ToList();
        sb.Append("<p>").Append(packages.Count(p => p.IsDirect)).Append(" direct and ").Append(packages.Count(p => !p.IsDirect))
          .Append(" transitive packages. Machine-readable: <code>sbom.cdx.json</code> (CycloneDX ").Append(CycloneDxWriter.SpecVersion).Append("), <code>packages.lock.txt</code>.</p>\n");
        AppendHtmlTable(sb, "Direct packages", packages.Where(p => p.IsDirect));
        AppendHtmlTable(sb, "Transitive packages", packages.Where(p => !p.IsDirect));
        var projects = set.Dependencies.Where(d => d.Kind == DependencyKind.Project).ToList();
        if (projects.Count > 0)
        {
            sb.Append("<h2>Project references</h2>\n<table>\n<thead><tr><th>Project</th><th>Version</th><th>Path</th></tr></thead>\n<tbody>\n");
            foreach (var p in projects)
                sb.Append("<tr><td>").Append(Html(p.Id)).Append("</td><td>").Append(Html(p.Version)).Append("</td><td><code>").Append(Html(p.ProjectPath ?? "")).Append("</code></td></tr>\n");
            sb.Append("</tbody>\n</table>\n");
        }
        sb.Append("<h2>Graph</h2>\n<figure class=\"docgen-graph-figure\">\n").Append(DependencyGraph.ToSvg(set)).Append("\n</figure>\n");
        sb.Append("<details><summary>Mermaid source</summary>\n<pre><code class=\"language-mermaid\">").Append(Html(DependencyGraph.ToMermaid(set))).Append("</code></pre>\n</details>\n");
        sb.Append("</section>\n");
        return sb.ToString();
    }

    /// <summary>A self-contained HTML document (inline style, no external resources) around <see cref="RenderHtmlBody"/>.</summary>
    public static string RenderHtmlDocument(DependencySet set) =>
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        "<title>Dependencies of " + Html(set.ProjectName) + "</title>\n<style>\n" + Style + "</style>\n</head>\n<body>\n" +
        RenderHtmlBody(set) + "</body>\n</html>\n";

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}\n" +
        "table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}\n" +
        "th{background:#f4f4f8}.warning{color:#a00}.unresolved-note{color:#a00}\n" +
        ".docgen-graph-figure{overflow:auto;margin:0}\n";

    private static void AppendMarkdownTable(StringBuilder sb, string heading, IEnumerable<ResolvedDependency> packages)
    {
        var list = packages.ToList();
        sb.Append(heading).Append("\n\n");
        if (list.Count == 0) { sb.Append("None.\n\n"); return; }
        sb.Append("| Package | Version | License | Description |\n| --- | --- | --- | --- |\n");
        foreach (var p in list)
        {
            var name = p.ProjectUrl is { } url ? "[" + Md(p.Id) + "](" + MdUrl(url) + ")" : Md(p.Id);
            string license;
            if (p.Unresolved is not null) license = "unknown (unresolved: " + Md(p.Unresolved) + ")";
            else if (p.License.Kind == LicenseKind.Url && p.License.Url is { } licenseUrl) license = "[license](" + MdUrl(licenseUrl) + ")";
            else license = Md(p.License.Display);
            sb.Append("| ").Append(name).Append(" | ").Append(Md(p.Version)).Append(" | ").Append(license).Append(" | ").Append(Md(p.Description ?? "")).Append(" |\n");
        }
        sb.Append('\n');
    }

    private static void AppendHtmlTable(StringBuilder sb, string heading, IEnumerable<ResolvedDependency> packages)
    {
        var list = packages.ToList();
        sb.Append("<h2>").Append(heading).Append("</h2>\n");
        if (list.Count == 0) { sb.Append("<p>None.</p>\n"); return; }
        sb.Append("<table>\n<thead><tr><th>Package</th><th>Version</th><th>License</th><th>Description</th></tr></thead>\n<tbody>\n");
        foreach (var p in list)
        {
            sb.Append("<tr><td>");
            if (p.ProjectUrl is { } url) sb.Append("<a href=\"").Append(Html(url)).Append("\" rel=\"noopener noreferrer\">").Append(Html(p.Id)).Append("</a>");
            else sb.Append(Html(p.Id));
            sb.Append("</td><td>").Append(Html(p.Version)).Append("</td><td>");
            if (p.Unresolved is not null) sb.Append("<span class=\"unresolved-note\">unknown (unresolved: ").Append(Html(p.Unresolved)).Append(")</span>");
            else if (p.License.Kind == LicenseKind.Url && p.License.Url is { } licenseUrl)
                sb.Append("<a href=\"").Append(Html(licenseUrl)).Append("\" rel=\"noopener noreferrer\">license</a>");
            else sb.Append(Html(p.License.Display));
            sb.Append("</td><td>").Append(Html(p.Description ?? "")).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    // Table cells: one line, no pipes, no raw HTML, no Markdown syntax that untrusted text could use to inject links or images.
    private static string Md(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '|' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '!' or '~' or '{' or '}': sb.Append('\\').Append(c); break;
                default: sb.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }
        return sb.ToString();
    }

    // URLs are already absolute http(s) and escaped (NuspecReader.HttpUrl); parentheses, pipes and angle
    // brackets would still end the Markdown link or the table cell.
    private static string MdUrl(string url) =>
        url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
           .Replace("|", "%7C", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
}
