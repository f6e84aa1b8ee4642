using DocGen.Core.Emission.Pages;
using DocGen.Core.Emission.Rendering;
using DocGen.Core.Options;

namespace DocGen.Core.Emission.Markdown;

/// <summary>
/// Writes the same pages as the site as GitHub-flavoured Markdown under <c>markdown/</c>
/// (<c>README.md</c> at its root, relative links between pages).
/// </summary>
public sealed class MarkdownEmitter : IEmitter
{
    public string Name => "markdown";

    public bool IsEnabled(DocGenOptions options) => options.Formats.HasFlag(OutputFormats.Markdown);

    public void Emit(EmissionContext context)
    {
        // When the site is written too, it reports unresolved crefs; reporting them here as well would double every warning.
        var reports = !context.Options.Formats.HasFlag(OutputFormats.Html);
        PageRenderer.Emit(context, new PageFormat("markdown", "markdown", ".md", OutputEscaper.Markdown, reports,
            (links, diagnostics) => new DocMarkdownRenderer(links, diagnostics)));
    }
}
