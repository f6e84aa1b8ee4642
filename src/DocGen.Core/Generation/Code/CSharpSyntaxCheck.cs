using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Core.Generation.Code;

/// <summary>One syntax error in a generated file; <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
public sealed record SyntaxError(int Line, int Column, string Id, string Message);

/// <summary>The syntax errors of one generated C# file.</summary>
/// <param name="Errors">Errors in source order (empty when the file parses).</param>
/// <param name="FeedbackText">The errors as text for the repair prompt: each with its line and that line's source.</param>
public sealed record SyntaxCheckResult(ImmutableArray<SyntaxError> Errors, string FeedbackText)
{
    /// <summary>True when the file parsed without errors.</summary>
    public bool IsValid => Errors.IsEmpty;
}

/// <summary>
/// Parses generated C# with Roslyn the way the project will compile it (its language version and
/// preprocessor symbols). Only syntax is checked: names and types resolve in the real compile, whose
/// errors the user sees with the generated file's path.
/// </summary>
public static class CSharpSyntaxCheck
{
    /// <summary>At most this many errors go into the feedback (the first ones matter; later ones cascade).</summary>
    public const int MaxReported = 20;

    /// <summary>Parses <paramref name="source"/>.</summary>
    /// <param name="source">The file's text.</param>
    /// <param name="path">Its path, for Roslyn's messages.</param>
    /// <param name="langVersion"><c>$(LangVersion)</c>, or null for the latest.</param>
    /// <param name="defineConstants">Preprocessor symbols (<c>$(DefineConstants)</c>).</param>
    public static SyntaxCheckResult Check(string source, string path, string? langVersion = null, IEnumerable<string>? defineConstants = null)
    {
        var version = LanguageVersion.Latest;
        if (langVersion is { Length: > 0 } && !LanguageVersionFacts.TryParse(langVersion, out version)) version = LanguageVersion.Latest;
        var options = new CSharpParseOptions(version, DocumentationMode.Parse, SourceCodeKind.Regular, defineConstants ?? []);
        var tree = CSharpSyntaxTree.ParseText(source, options, path);

        var errors = tree.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
            {
                var span = d.Location.GetLineSpan().StartLinePosition;
                return new SyntaxError(span.Line + 1, span.Character + 1, d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            })
            .OrderBy(e => e.Line).ThenBy(e => e.Column)
            .ToImmutableArray();
        return new SyntaxCheckResult(errors, Feedback(errors, source));
    }

    private static string Feedback(ImmutableArray<SyntaxError> errors, string source)
    {
        if (errors.IsEmpty) return "";
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sb = new StringBuilder();
        foreach (var e in errors.Take(MaxReported))
        {
            sb.Append("Line ").Append(e.Line).Append(", column ").Append(e.Column).Append(": ").Append(e.Id).Append(": ").Append(e.Message).Append('\n');
            if (e.Line - 1 < lines.Length)
            {
                var text = lines[e.Line - 1].TrimEnd();
                sb.Append("    ").Append(text.Length > 200 ? text[..200] + "…" : text).Append('\n');
            }
        }
        if (errors.Length > MaxReported) sb.Append("(").Append(errors.Length - MaxReported).Append(" more errors not shown)\n");
        return sb.ToString();
    }
}
