using DocGen.Core.Options;

namespace DocGen.Core.Emission;

/// <summary>Writes GitHub-flavoured Markdown under <c>markdown/</c>. (Stub.)</summary>
public sealed class MarkdownEmitter : IEmitter
{
    public string Name => "markdown";
    public bool IsEnabled(DocGenOptions options) => options.Formats.HasFlag(OutputFormats.Markdown);
    public void Emit(EmissionContext context) => context.Writer.WriteText("markdown/README.md", "# API\n");
}
