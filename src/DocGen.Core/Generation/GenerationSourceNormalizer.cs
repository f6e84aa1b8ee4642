using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Core.Generation;

/// <summary>
/// Source text reduced to its tokens (comments and whitespace dropped), so cache keys ignore
/// formatting and comment edits. Stand-in until <c>DocGen.Core.Extraction.SourceNormalizer</c> lands;
/// it produces the same text (tokens joined by single spaces, empty tokens skipped), so switching
/// callers to the extractor's one keeps every cache key.
/// </summary>
internal static class GenerationSourceNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        return string.Join(' ', SyntaxFactory.ParseTokens(text)
            .TakeWhile(t => !t.IsKind(SyntaxKind.EndOfFileToken))
            .Select(t => t.Text)
            .Where(t => t.Length > 0));
    }

    /// <summary>Identifier tokens of the text (used to find the members a body calls).</summary>
    public static IEnumerable<string> Identifiers(string? text) =>
        string.IsNullOrEmpty(text) ? [] : SyntaxFactory.ParseTokens(text).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText);
}
