using System.Net;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DocGen.Core.Emission.Rendering.Highlighting;

/// <summary>
/// Highlights C# at build time from Roslyn's syntax tree: every token and trivia of the text is written once, escaped,
/// and only the <c>span</c>/<c>a</c> elements around them are ours, so the visible text is exactly the input.
/// </summary>
/// <remarks>
/// Classes (kept to one or two letters because signatures repeat on every page): <c>k</c> keyword, <c>t</c> type,
/// <c>m</c> method or declared member, <c>p</c> parameter, <c>s</c> string or char, <c>n</c> number, <c>c</c> comment,
/// <c>pp</c> preprocessor directive.
/// </remarks>
internal static class CSharpHighlighter
{
    // Script parsing accepts the statements and expressions that examples usually are, as well as whole files.
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview, DocumentationMode.None, SourceCodeKind.Script);

    // Contextual keywords that the parser keeps as identifiers; shown as keywords where they are not a name.
    private static readonly HashSet<string> ContextualTypeKeywords = new(StringComparer.Ordinal) { "var", "dynamic", "nint", "nuint" };

    /// <summary>Highlighted HTML of <paramref name="code"/> (without the <c>pre</c>/<c>code</c> wrapper).</summary>
    /// <param name="code">C# source: a file, members, statements or a declaration line.</param>
    /// <param name="typeUrl">For signatures: the URL of a type by its simple name, or null when it has no page; null for examples.</param>
    public static string Highlight(string code, Func<string, string?>? typeUrl = null) => Highlight(code, typeUrl, onlyIfValid: false)!;

    /// <summary>Highlighted HTML of text that may not be C# at all: null unless it parses without errors.</summary>
    public static string? HighlightIfValid(string code) => Highlight(code, null, onlyIfValid: true);

    private static string? Highlight(string code, Func<string, string?>? typeUrl, bool onlyIfValid)
    {
        var tree = CSharpSyntaxTree.ParseText(code, Options);
        if (onlyIfValid && tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
        var root = tree.GetRoot();
        var sb = new StringBuilder(code.Length * 2);
        foreach (var token in root.DescendantTokens(descendIntoTrivia: false))
        {
            AppendTrivia(sb, token.LeadingTrivia);
            AppendToken(sb, token, typeUrl);
            AppendTrivia(sb, token.TrailingTrivia);
        }
        return sb.ToString();
    }

    private static void AppendToken(StringBuilder sb, SyntaxToken token, Func<string, string?>? typeUrl)
    {
        if (token.Span.IsEmpty) return; // missing tokens the parser invented for broken code
        var cls = Classify(token);
        if (cls == "t" && typeUrl?.Invoke(token.ValueText) is { } url)
        {
            sb.Append("<a class=\"t\" href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(token.Text)).Append("</a>");
            return;
        }
        Wrap(sb, cls, token.Text);
    }

    private static void AppendTrivia(StringBuilder sb, SyntaxTriviaList trivia)
    {
        foreach (var t in trivia)
        {
            var text = t.ToFullString();
            if (t.IsDirective) Wrap(sb, "pp", text);
            else switch (t.Kind())
            {
                case SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or SyntaxKind.DisabledTextTrivia
                    or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia:
                    Wrap(sb, "c", text);
                    break;
                default:
                    sb.Append(WebUtility.HtmlEncode(text));
                    break;
            }
        }
    }

    private static void Wrap(StringBuilder sb, string? cls, string text)
    {
        if (cls is null) { sb.Append(WebUtility.HtmlEncode(text)); return; }
        sb.Append("<span class=\"").Append(cls).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</span>");
    }

    internal static string? Classify(SyntaxToken token)
    {
        var kind = token.Kind();
        if (SyntaxFacts.IsKeywordKind(kind)) return "k";
        switch (kind)
        {
            case SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.InterpolatedStringStartToken
                or SyntaxKind.InterpolatedStringEndToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.InterpolatedRawStringEndToken
                or SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken
                or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                return "s";
            case SyntaxKind.NumericLiteralToken:
                return "n";
            case SyntaxKind.IdentifierToken:
                return ClassifyIdentifier(token);
            default:
                // Contextual keywords where they are keywords (get, set, where, record) already have keyword kinds.
                return null;
        }
    }

    private static string? ClassifyIdentifier(SyntaxToken token)
    {
        switch (token.Parent)
        {
            case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or TypeParameterSyntax or ConstructorDeclarationSyntax or DestructorDeclarationSyntax:
                return "t";
            case MethodDeclarationSyntax or PropertyDeclarationSyntax or EventDeclarationSyntax or LocalFunctionStatementSyntax:
                return "m";
            case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax or EventFieldDeclarationSyntax }:
                return "m";
            case ParameterSyntax:
                return "p";
            case SimpleNameSyntax name:
                if (name.Parent is AttributeSyntax || name.Parent is QualifiedNameSyntax { Parent: AttributeSyntax }) return "t";
                if (ContextualTypeKeywords.Contains(token.Text) && name.Parent is not MemberAccessExpressionSyntax) return "k";
                if (name.Parent is TypeConstraintSyntax or TypeArgumentListSyntax) return "t";
                if (SyntaxFacts.IsInTypeOnlyContext(name)) return "t";
                if (name.Parent is InvocationExpressionSyntax || name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } access && access.Name == name)
                    return "m";
                // A qualified type name written as an expression (Console.WriteLine, Enum.Parse): upper-case names to the left of a dot.
                if (name.Parent is MemberAccessExpressionSyntax left && left.Expression == name && char.IsUpper(token.Text[0])) return "t";
                return null;
            default:
                return null;
        }
    }
}
