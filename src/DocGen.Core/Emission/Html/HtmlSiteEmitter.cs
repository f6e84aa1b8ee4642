using DocGen.Core.Options;

namespace DocGen.Core.Emission;

/// <summary>Writes the static HTML site under <c>site/</c>. (Stub.)</summary>
public sealed class HtmlSiteEmitter : IEmitter
{
    public string Name => "html";
    public bool IsEnabled(DocGenOptions options) => options.Formats.HasFlag(OutputFormats.Html);
    public void Emit(EmissionContext context) => context.Writer.WriteText("site/index.html", "<!doctype html><title>DocGen</title>\n");
}
