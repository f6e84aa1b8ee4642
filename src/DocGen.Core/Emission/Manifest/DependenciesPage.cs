using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.Pages;
using DocGen.Core.Emission.Rendering;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Manifest;

/// <summary>
/// The "Dependencies" page: direct and transitive packages with licenses, project references, and the graph,
/// rendered by the <c>dependencies</c> template of each format from a <see cref="DependenciesView"/>. Everything
/// from nuspecs is untrusted and reaches the page only through the templates' escaping.
/// </summary>
/// <remarks>
/// The site and Markdown emitters render the view with their own template store (the user's overrides apply)
/// inside their layouts; <see cref="RenderMarkdown"/> and <see cref="RenderHtmlDocument"/> are the standalone pages
/// under <c>manifest/</c>, rendered with the built-in templates.
/// </remarks>
public static class DependenciesPage
{
    /// <summary>What the <c>dependencies</c> template sees.</summary>
    /// <param name="set">The dependency set.</param>
    public static DependenciesView View(DependencySet set)
    {
        var packages = set.Packages.ToList();
        return new DependenciesView(
            set.ProjectName,
            set.TargetFramework,
            set.Unreadable,
            [.. packages.Where(p => p.IsDirect).Select(Package)],
            [.. packages.Where(p => !p.IsDirect).Select(Package)],
            [.. set.Dependencies.Where(d => d.Kind == DependencyKind.Project).Select(p => new ProjectReferenceView(p.Id, p.Version, p.ProjectPath ?? ""))],
            CycloneDxWriter.SpecVersion,
            DependencyGraph.ToSvg(set),
            DependencyGraph.ToMermaid(set));
    }

    /// <summary>A GitHub-flavoured Markdown page: a title, tables, and a <c>mermaid</c> block.</summary>
    /// <param name="set">The dependency set.</param>
    public static string RenderMarkdown(DependencySet set) => BuiltIn("markdown", OutputEscaper.Markdown).Render("dependencies", View(set), "manifest/dependencies.md");

    /// <summary>An HTML fragment (a <c>&lt;section&gt;</c>) for a site layout: tables and an inline SVG graph, no script.</summary>
    /// <param name="set">The dependency set.</param>
    public static string RenderHtmlBody(DependencySet set) => BuiltIn("html", OutputEscaper.Html).Render("dependencies", View(set), "manifest/dependencies.html");

    /// <summary>A self-contained HTML document (inline style, no external resources) around <see cref="RenderHtmlBody"/>.</summary>
    /// <param name="set">The dependency set.</param>
    public static string RenderHtmlDocument(DependencySet set) =>
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        "<title>Dependencies of " + OutputEscaper.Html.Escape(set.ProjectName) + "</title>\n<style>\n" + Style + "</style>\n</head>\n<body>\n" +
        RenderHtmlBody(set) + "</body>\n</html>\n";

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}\n" +
        "table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}\n" +
        "th{background:#f4f4f8}.warning{color:#a00}.unresolved-note{color:#a00}\n" +
        ".docgen-graph-figure{overflow:auto;margin:0}\n";

    // The standalone pages are DocGen's own output next to the SBOM: the built-in templates, never a user's override.
    private static TemplateStore BuiltIn(string kind, OutputEscaper escaper) => TemplateStore.Load(kind, null, escaper, new DiagnosticBag(), reportShared: false);

    private static PackageView Package(ResolvedDependency p) => new(
        p.Id,
        p.Version,
        p.ProjectUrl is { } url ? LinkUrl(url) : null,
        p.License.Display,
        p.License.Kind == LicenseKind.Url && p.License.Url is { } licenseUrl ? LinkUrl(licenseUrl) : null,
        p.Unresolved,
        p.Description ?? "");

    // URLs are already absolute http(s) and escaped (NuspecReader.HttpUrl); parentheses, pipes and angle brackets
    // would still end a Markdown link or table cell, so they are percent-encoded for both formats (the same URL).
    private static string LinkUrl(string url) =>
        url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
           .Replace("|", "%7C", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
}
