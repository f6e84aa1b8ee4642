using System.Collections.Concurrent;
using System.Collections.Immutable;
using DocGen.Core.Diagnostics;
using DocGen.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DocGen.Core.Extraction;

/// <summary>Where a symbol is declared and what its declaration says.</summary>
/// <param name="Location">File and 1-based line of the declaration (its first attribute or modifier).</param>
/// <param name="DeclarationText">The declaration without its doc comment.</param>
/// <param name="RawDocComment">The doc comment as written, <c>///</c> markers removed, or null.</param>
/// <param name="IsRecordStruct">True for <c>record struct</c> declarations (metadata cannot tell them from structs).</param>
internal sealed record SourceDeclaration(SourceLocation Location, string DeclarationText, string? RawDocComment, bool IsRecordStruct);

/// <summary>
/// Maps documentation comment ids to their declarations in the sources. The sources are parsed the way they were
/// compiled (define constants, language version) and bound only to name declarations; compile errors are ignored
/// because the metadata, not this compilation, is the source of truth.
/// </summary>
internal static class SourceIndex
{
    public static IReadOnlyDictionary<string, SourceDeclaration> Build(
        ImmutableArray<string> sourceFiles, ImmutableArray<string> defineConstants, string? langVersion,
        IEnumerable<MetadataReference> references, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (sourceFiles.IsDefaultOrEmpty) return new Dictionary<string, SourceDeclaration>();

        var version = LanguageVersion.Preview;
        if (!string.IsNullOrWhiteSpace(langVersion) && LanguageVersionFacts.TryParse(langVersion, out var parsed)) version = parsed;
        // DocumentationMode.None: doc comments stay plain comment trivia. Only their raw text is needed here (the compiler's
        // XML file has the parsed docs), and parsing them as XML was three quarters of the parse time on a large library.
        var options = new CSharpParseOptions(version, DocumentationMode.None, preprocessorSymbols: defineConstants.IsDefault ? [] : defineConstants);

        var trees = new ConcurrentBag<SyntaxTree>();
        Parallel.ForEach(sourceFiles.Distinct(StringComparer.Ordinal), new ParallelOptions { CancellationToken = cancellationToken }, path =>
        {
            try
            {
                var text = File.ReadAllText(path);
                trees.Add(CSharpSyntaxTree.ParseText(text, options, Path.GetFullPath(path), System.Text.Encoding.UTF8, cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                diagnostics.Report(DiagnosticIds.SourceFileUnreadable, path, null, path, ex.Message);
            }
        });

        var ordered = trees.OrderBy(t => t.FilePath, StringComparer.Ordinal).ToList();
        var compilation = CSharpCompilation.Create("DocGen.SourceIndex", ordered, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        var perTree = new List<(string Id, SourceDeclaration Declaration)>[ordered.Count];
        Parallel.For(0, ordered.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var tree = ordered[i];
            var model = compilation.GetSemanticModel(tree);
            var found = new List<(string, SourceDeclaration)>();
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or ExtensionBlockDeclarationSyntax or EnumDeclarationSyntax or ParameterListSyntax))
                foreach (var symbol in DeclaredSymbols(model, node, cancellationToken))
                    if (symbol.GetDocumentationCommentId() is { } id)
                        found.Add((id, Describe(tree, node, symbol)));
            perTree[i] = found;
        });

        // Merge in file order so partial declarations resolve the same way every run; the part with the doc comment wins.
        var result = new Dictionary<string, SourceDeclaration>(StringComparer.Ordinal);
        foreach (var (id, declaration) in perTree.SelectMany(l => l))
            if (!result.TryGetValue(id, out var existing) || existing.RawDocComment is null && declaration.RawDocComment is not null)
                result[id] = declaration;
        return result;
    }

    private static IEnumerable<ISymbol> DeclaredSymbols(SemanticModel model, SyntaxNode node, CancellationToken ct)
    {
        switch (node)
        {
            case BaseFieldDeclarationSyntax field:
                foreach (var v in field.Declaration.Variables)
                    if (model.GetDeclaredSymbol(v, ct) is { } s) yield return s;
                break;
            case ParameterSyntax { Parent.Parent: RecordDeclarationSyntax } parameter:
                // A positional record parameter declares a property of the same name.
                if (model.GetDeclaredSymbol(parameter, ct) is IParameterSymbol p
                    && p.ContainingSymbol.ContainingType?.GetMembers(p.Name).OfType<IPropertySymbol>().FirstOrDefault() is { } prop)
                    yield return prop;
                break;
            case ExtensionBlockDeclarationSyntax:
                break; // its members are visited; the block itself is no API element
            case TypeDeclarationSyntax { ParameterList: not null } typeDecl:
                // A primary constructor is declared by the type's own header.
                if (model.GetDeclaredSymbol(typeDecl, ct) is INamedTypeSymbol declared)
                {
                    yield return declared;
                    foreach (var ctor in declared.InstanceConstructors)
                        if (ctor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(ct) == typeDecl))
                            yield return ctor;
                }
                break;
            case MemberDeclarationSyntax or EnumMemberDeclarationSyntax:
                if (node is not BaseNamespaceDeclarationSyntax && model.GetDeclaredSymbol(node, ct) is { } symbol) yield return symbol;
                break;
        }
    }

    /// <summary>A <c>///</c> or <c>/** */</c> comment (parsed with <see cref="DocumentationMode.None"/>, they are plain comment trivia).</summary>
    private static bool IsDocComment(SyntaxTrivia trivia)
    {
        if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
        {
            var text = trivia.ToString();
            return text.StartsWith("///", StringComparison.Ordinal) && !text.StartsWith("////", StringComparison.Ordinal);
        }
        if (trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
        {
            var text = trivia.ToString();
            return text.StartsWith("/**", StringComparison.Ordinal) && !text.StartsWith("/**/", StringComparison.Ordinal);
        }
        return trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);
    }

    private static SourceDeclaration Describe(SyntaxTree tree, SyntaxNode node, ISymbol symbol)
    {
        var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
        string? rawDoc = null;
        var docTrivia = node.GetLeadingTrivia().Where(IsDocComment).ToList();
        if (docTrivia.Count > 0)
            rawDoc = string.Join("\n", docTrivia.SelectMany(t => t.ToFullString().Replace("\r\n", "\n").Split('\n'))
                .Select(l => l.TrimStart())
                .Select(l => l.StartsWith("///", StringComparison.Ordinal) ? l[3..] : l)
                .Select(l => l.StartsWith(' ') ? l[1..] : l)
                .Where(l => l.Length > 0)).TrimEnd();
        // Types are fingerprinted by signature and docs only: their text would be the whole body.
        var text = symbol is INamedTypeSymbol { TypeKind: not TypeKind.Delegate } ? ""
            : node is TypeDeclarationSyntax { ParameterList: { } primary } header ? header.Identifier.Text + primary
            : node.ToString();
        var isRecordStruct = node is RecordDeclarationSyntax r && r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword);
        // Continuation lines carry the declaration's own indentation: remove it so the text reads as if at column 0.
        var column = tree.GetLineSpan(node.Span).StartLinePosition.Character;
        if (column > 0 && text.Contains('\n'))
            text = string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Select((l, i) => i > 0 && l.Length >= column && string.IsNullOrWhiteSpace(l[..column]) ? l[column..] : l));
        return new SourceDeclaration(new SourceLocation(tree.FilePath, line), text, rawDoc, isRecordStruct);
    }
}
