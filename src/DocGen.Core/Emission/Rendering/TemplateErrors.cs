using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace DocGen.Core.Emission.Rendering;

/// <summary>Where a template went wrong, from Scriban's own source spans (which are zero-based).</summary>
internal static class TemplateErrors
{
    /// <summary>A position and the message to show.</summary>
    public sealed record Located(int? Line, int? Column, string Message);

    /// <summary>The first syntax error of <paramref name="template"/>, or null when it parsed.</summary>
    public static Located? First(Template template)
    {
        if (!template.HasErrors) return null;
        var error = template.Messages.FirstOrDefault(m => m.Type == ParserMessageType.Error) ?? template.Messages.First();
        return new Located(error.Span.Start.Line + 1, error.Span.Start.Column + 1, FirstLine(error.Message));
    }

    /// <summary>The position of a runtime error when it lies in <paramref name="file"/> (else only its message).</summary>
    public static Located Locate(ScriptRuntimeException error, string file)
    {
        var message = FirstLine(error.OriginalMessage);
        var (line, column) = (error.Span.Start.Line + 1, error.Span.Start.Column + 1);
        // An error inside a built-in partial that the user's template called: say where, the user can read that file too.
        return error.Span.FileName == file
            ? new Located(line, column, message)
            : new Located(null, null, string.IsNullOrEmpty(error.Span.FileName) ? message : $"{error.Span.FileName}({line},{column}): {message}");
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
