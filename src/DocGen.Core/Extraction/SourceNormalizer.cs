using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Core.Extraction;

/// <summary>Canonical form of C# declaration text, for cache keys and fingerprints.</summary>
public static class SourceNormalizer
{
    /// <summary>
    /// Returns the C# tokens of <paramref name="declarationText"/> separated by single spaces: comments, doc comments,
    /// preprocessor lines and layout are dropped, so an edit that only touches those gives the same text.
    /// String literals keep their content.
    /// </summary>
    /// <param name="declarationText">Any C# text; need not be a complete file. Null or empty gives an empty string.</param>
    public static string Normalize(string? declarationText)
    {
        if (string.IsNullOrEmpty(declarationText)) return "";
        var sb = new StringBuilder(declarationText.Length);
        foreach (var token in SyntaxFactory.ParseTokens(declarationText))
        {
            if (token.IsKind(SyntaxKind.EndOfFileToken)) break;
            var text = token.Text;
            if (text.Length == 0) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(text);
        }
        return sb.ToString();
    }
}
