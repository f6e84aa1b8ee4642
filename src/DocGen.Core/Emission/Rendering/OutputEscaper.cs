using Scriban.Runtime;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// How every <c>{{ value }}</c> of a template reaches the output: the one escaping path of a template
/// kind. Markup that DocGen rendered itself passes through only when a template asks for it with
/// <c>raw</c> (<see cref="RawText"/>).
/// </summary>
internal abstract class OutputEscaper
{
    /// <summary>HTML templates: text cannot open a tag, an entity, or leave a quoted attribute.</summary>
    public static readonly OutputEscaper Html = new HtmlEscaper();

    /// <summary>Markdown templates: Markdown and HTML punctuation get a backslash (<see cref="MarkdownText.Escape"/>).</summary>
    public static readonly OutputEscaper Markdown = new MarkdownEscaper();

    /// <summary>User templates produce code, not markup: values are written as they are.</summary>
    public static readonly OutputEscaper None = new NoEscaper();

    /// <summary>Writes <paramref name="text"/>, escaped, to <paramref name="output"/>.</summary>
    public abstract void Write(IScriptOutput output, string text);

    /// <summary>Plain text as inline code of this format (templates: <c>{{ code value }}</c>).</summary>
    public abstract string Code(string text);

    /// <summary><paramref name="text"/> escaped, as a string.</summary>
    public string Escape(string text)
    {
        var output = new StringBuilderOutput(new System.Text.StringBuilder(text.Length + 16));
        Write(output, text);
        return output.Builder.ToString();
    }

    private sealed class HtmlEscaper : OutputEscaper
    {
        public override void Write(IScriptOutput output, string text)
        {
            // The characters Handlebars escaped, with its entities, so pages stay byte-identical across the switch:
            // '=' and '`' too, which matter in unquoted attributes. Runs without them are written in one piece.
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var entity = text[i] switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#x27;",
                    '`' => "&#x60;",
                    '=' => "&#x3D;",
                    _ => null,
                };
                if (entity is null) continue;
                if (i > start) output.Write(text, start, i - start);
                output.Write(entity, 0, entity.Length);
                start = i + 1;
            }
            if (start < text.Length) output.Write(text, start, text.Length - start);
        }

        public override string Code(string text) => "<code>" + Escape(text) + "</code>";
    }

    private sealed class MarkdownEscaper : OutputEscaper
    {
        public override void Write(IScriptOutput output, string text)
        {
            var escaped = MarkdownText.Escape(text);
            output.Write(escaped, 0, escaped.Length);
        }

        // A code span whose backticks the text cannot close (a backtick in a default value or a model name would
        // otherwise end it and let the rest be read as Markdown).
        public override string Code(string text) => MarkdownText.Code(text);
    }

    private sealed class NoEscaper : OutputEscaper
    {
        public override void Write(IScriptOutput output, string text) => output.Write(text, 0, text.Length);

        public override string Code(string text) => text;
    }
}

/// <summary>Markup DocGen rendered and escaped itself; a template gets it only by calling <c>raw</c>.</summary>
/// <param name="Text">The markup.</param>
internal sealed record RawText(string Text)
{
    /// <inheritdoc/>
    public override string ToString() => Text;
}
