using DocGen.Core.Emission.Pages;
using DocGen.Core.Emission.Rendering;
using DocGen.Core.Options;

namespace DocGen.Core.Emission.Html;

/// <summary>
/// Writes the static HTML site under <c>site/</c>: <c>index.html</c>, a page per namespace, type and
/// member name, <c>coverage.html</c>, the search index, the navigation tree and the assets. Works from <c>file://</c>.
/// </summary>
public sealed class HtmlSiteEmitter : IEmitter
{
    public string Name => "html";

    public bool IsEnabled(DocGenOptions options) => options.Formats.HasFlag(OutputFormats.Html);

    public void Emit(EmissionContext context)
    {
        // Assets first: a page that fails never leaves the site without its style and scripts.
        // Assets are overridable like templates: {TemplatesDirectory}/html/assets/docgen.css replaces the built-in style.
        var overrides = context.Options.TemplatesDirectory is { } dir ? Path.Combine(dir, "html", "assets") : null;
        foreach (var asset in TemplateSources.AssetNames())
        {
            var custom = overrides is null ? null : Path.Combine(overrides, asset);
            context.Writer.Write("site/assets/" + asset, custom is not null && File.Exists(custom) ? File.ReadAllBytes(custom) : TemplateSources.ReadAsset(asset));
        }
        var (pages, links, _) = PageRenderer.Emit(context, new PageFormat("html", "site", ".html", OutputEscaper.Html, true,
            (resolver, diagnostics) => new DocHtmlRenderer(resolver, diagnostics)));
        context.Writer.WriteText("site/" + SearchIndex.FileName, SearchIndex.Build(pages, links));
        context.Writer.WriteText("site/" + NavTree.FileName, NavTree.Build(pages, links));
    }
}
