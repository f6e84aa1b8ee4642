using System.Collections.Immutable;
using DocGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DocGen.Tool.Commands.Fill;

/// <summary>The doc comments to insert into one source file, and what could not be placed.</summary>
/// <param name="Edit">The change (null when nothing is inserted).</param>
/// <param name="Written">Items whose comment the edit inserts.</param>
/// <param name="Lacking">Items whose declaration has no doc comment and no human-written docs (for <c>--check</c>).</param>
/// <param name="Encoding">The file's encoding, kept when it is written.</param>
internal sealed record FileFill(FileEdit? Edit, IReadOnlyList<FillItem> Written, IReadOnlyList<FillItem> Lacking, System.Text.Encoding? Encoding);

/// <summary>
/// Places doc comments in one C# file. The file is parsed with Roslyn the way it was compiled (language version,
/// define constants); each item's declaration is the node of its kind and name that starts on the line the extractor
/// recorded. The comment goes on the lines just above the declaration (above its attributes, below any other comment
/// or directive), indented like the declaration, with the file's line ending; nothing else in the file changes.
/// A declaration that already has a doc comment is never touched, whatever the model says about it.
/// </summary>
internal sealed class SourceFiller(CSharpParseOptions parseOptions)
{
    public static SourceFiller Create(ImmutableArray<string> defineConstants, string? langVersion)
    {
        var version = LanguageVersion.Preview;
        if (!string.IsNullOrWhiteSpace(langVersion) && LanguageVersionFacts.TryParse(langVersion, out var parsed)) version = parsed;
        return new SourceFiller(new CSharpParseOptions(version, DocumentationMode.None, preprocessorSymbols: defineConstants.IsDefault ? [] : defineConstants));
    }

    public FileFill Fill(string path, IReadOnlyList<FillItem> items, bool includeFallback, DiagnosticBag diagnostics)
    {
        SourceText text;
        using (var stream = File.OpenRead(path)) text = SourceText.From(stream);
        var tree = CSharpSyntaxTree.ParseText(text, parseOptions, path);
        var root = tree.GetRoot();
        var byLine = root.DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax or AccessorListSyntax))
            .Where(n => n is MemberDeclarationSyntax or EnumMemberDeclarationSyntax or ParameterSyntax)
            .GroupBy(n => text.Lines.GetLineFromPosition(n.SpanStart).LineNumber)
            .ToDictionary(g => g.Key, g => g.ToList());
        var all = text.ToString();
        var lineEnding = FileEdit.DetectLineEnding(all);

        var insertions = new List<LineInsertion>();
        var written = new List<FillItem>();
        var lacking = new List<FillItem>();
        var filledLines = new HashSet<int>();
        foreach (var item in items)
        {
            if (item.HasHumanDocs) continue;
            var line = item.Source.Line - 1;
            var node = byLine.GetValueOrDefault(line)?.FirstOrDefault(n => Declares(n, item));
            if (node is null)
            {
                if (FillPlanner.ShouldWrite(item, includeFallback))
                    diagnostics.Report(DiagnosticIds.FillSkipped, path, item.Source.Line, item.Id, "no such declaration starts on this line; was the file edited after the build?");
                continue;
            }
            // Positional record parameters and primary constructors are documented by their type's comment (<param>).
            if (node is ParameterSyntax || node is TypeDeclarationSyntax && item.Kind == DeclarationKind.Constructor) continue;
            if (HasDocComment(node)) continue;
            lacking.Add(item);
            if (!FillPlanner.ShouldWrite(item, includeFallback)) continue;

            var lineStart = text.Lines[line].Start;
            var indent = all[lineStart..node.SpanStart];
            string? problem = !string.IsNullOrWhiteSpace(indent) ? "it does not start its line"
                : node is BaseFieldDeclarationSyntax { Declaration.Variables.Count: > 1 } ? "it declares several fields; one comment would document them all"
                : !filledLines.Add(line) ? "another declaration on the same line got a comment"
                : null;
            if (problem is not null)
            {
                diagnostics.Report(DiagnosticIds.FillSkipped, path, item.Source.Line, item.Id, problem);
                continue;
            }
            insertions.Add(new LineInsertion(line, [.. DocCommentXml.Lines(item.Docs).Select(l => (indent + "/// " + l).TrimEnd())]));
            written.Add(item);
        }
        var edit = insertions.Count == 0 ? null : new FileEdit(path, all, insertions, lineEnding);
        return new FileFill(edit, written, lacking, text.Encoding);
    }

    /// <summary>True when <paramref name="node"/> is the declaration of <paramref name="item"/>.</summary>
    private static bool Declares(SyntaxNode node, FillItem item) => (item.Kind, node) switch
    {
        (DeclarationKind.Type, BaseTypeDeclarationSyntax t) => t.Identifier.Text == item.Name,
        (DeclarationKind.Delegate, DelegateDeclarationSyntax d) => d.Identifier.Text == item.Name,
        (DeclarationKind.Constructor, ConstructorDeclarationSyntax) => true,
        (DeclarationKind.Constructor, TypeDeclarationSyntax { ParameterList: not null }) => true,
        (DeclarationKind.Destructor, DestructorDeclarationSyntax) => true,
        (DeclarationKind.Method, MethodDeclarationSyntax m) => m.Identifier.Text == item.Name,
        (DeclarationKind.Property, PropertyDeclarationSyntax p) => p.Identifier.Text == item.Name,
        (DeclarationKind.Property, ParameterSyntax p) => p.Identifier.Text == item.Name,
        (DeclarationKind.Indexer, IndexerDeclarationSyntax) => true,
        (DeclarationKind.Event, EventDeclarationSyntax e) => e.Identifier.Text == item.Name,
        (DeclarationKind.Event, EventFieldDeclarationSyntax e) => e.Declaration.Variables.Any(v => v.Identifier.Text == item.Name),
        (DeclarationKind.Field, FieldDeclarationSyntax f) => f.Declaration.Variables.Any(v => v.Identifier.Text == item.Name),
        (DeclarationKind.Operator, OperatorDeclarationSyntax) => true,
        (DeclarationKind.Conversion, ConversionOperatorDeclarationSyntax) => true,
        (DeclarationKind.EnumValue, EnumMemberDeclarationSyntax e) => e.Identifier.Text == item.Name,
        _ => false,
    };

    /// <summary>A <c>///</c> or <c>/** */</c> comment in the declaration's leading trivia (parsed with
    /// <see cref="DocumentationMode.None"/>, doc comments are plain comment trivia).</summary>
    private static bool HasDocComment(SyntaxNode node) => node.GetLeadingTrivia().Any(trivia =>
    {
        var text = trivia.ToString();
        return trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) ? text.StartsWith("///", StringComparison.Ordinal) && !text.StartsWith("////", StringComparison.Ordinal)
            : trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) ? text.StartsWith("/**", StringComparison.Ordinal) && !text.StartsWith("/**/", StringComparison.Ordinal)
            : trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);
    });
}
