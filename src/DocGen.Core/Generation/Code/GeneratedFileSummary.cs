using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DocGen.Core.Generation.Code;

/// <summary>
/// What a <c>code_content</c> prompt shows of the files already written: for C#, the declarations a
/// later file can call (namespaces, types, and their non-private members without bodies), read from
/// the generated text itself; for other languages, the plan's classes and function signatures.
/// Bodies are left out to keep prompts small and cache keys stable under body-only changes.
/// </summary>
public static class GeneratedFileSummary
{
    /// <summary>Summarises a generated C# file.</summary>
    /// <param name="fileName">The file's name (a header line).</param>
    /// <param name="source">The generated text.</param>
    public static string DescribeCSharp(string fileName, string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetCompilationUnitRoot();
        var sb = new StringBuilder().Append("// File: ").Append(fileName).Append('\n');
        foreach (var member in root.Members) Append(sb, member, "");
        return sb.ToString();
    }

    /// <summary>Summarises a planned file from its <c>code_structure</c> entry (for languages DocGen does not parse).</summary>
    public static string DescribePlan(CodeFilePlan file)
    {
        var sb = new StringBuilder().Append("// File: ").Append(file.FileName).Append('\n');
        if (!file.Classes.IsEmpty) sb.Append("// Classes: ").Append(string.Join(", ", file.Classes)).Append('\n');
        foreach (var f in file.Functions)
            sb.Append("// Function: ").Append(f.Signature.Length > 0 ? f.Signature : f.Name).Append('\n');
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, MemberDeclarationSyntax member, string indent)
    {
        switch (member)
        {
            case BaseNamespaceDeclarationSyntax ns:
                sb.Append(indent).Append("namespace ").Append(ns.Name.ToString()).Append('\n');
                foreach (var m in ns.Members) Append(sb, m, indent);
                break;
            case BaseTypeDeclarationSyntax type when IsVisible(type.Modifiers, type.Parent is not BaseTypeDeclarationSyntax):
                sb.Append(indent).Append(Header(type)).Append('\n');
                if (type is EnumDeclarationSyntax e)
                {
                    sb.Append(indent).Append("{ ").Append(string.Join(", ", e.Members.Select(m => m.Identifier.Text))).Append(" }\n");
                    break;
                }
                var members = ((TypeDeclarationSyntax)type).Members.Where(m => IsVisible(m.Modifiers, m.Parent is InterfaceDeclarationSyntax)).ToList();
                if (members.Count == 0) break;
                sb.Append(indent).Append("{\n");
                foreach (var m in members) Append(sb, m, indent + "    ");
                sb.Append(indent).Append("}\n");
                break;
            case DelegateDeclarationSyntax d when IsVisible(d.Modifiers, d.Parent is not BaseTypeDeclarationSyntax):
                sb.Append(indent).Append(Flat(d.WithAttributeLists(default))).Append('\n');
                break;
            case BaseMethodDeclarationSyntax method:
                var bodiless = method.WithBody(null).WithExpressionBody(null).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)).WithAttributeLists(default);
                if (bodiless is ConstructorDeclarationSyntax ctor) bodiless = ctor.WithInitializer(null);
                sb.Append(indent).Append(Flat(bodiless)).Append('\n');
                break;
            case BasePropertyDeclarationSyntax property:
                sb.Append(indent).Append(Flat(StripAccessorBodies(property))).Append('\n');
                break;
            case BaseFieldDeclarationSyntax field:
                sb.Append(indent).Append(Flat(field.WithAttributeLists(default))).Append('\n');
                break;
        }
    }

    private static string Header(BaseTypeDeclarationSyntax type)
    {
        // The declaration without its members: modifiers, kind, name, record parameters, bases, constraints.
        BaseTypeDeclarationSyntax empty = type switch
        {
            TypeDeclarationSyntax t => t.WithMembers(default),
            EnumDeclarationSyntax e => e.WithMembers(default),
            _ => type,
        };
        var text = Flat(empty.WithAttributeLists(default));
        if (text.EndsWith("{ }", StringComparison.Ordinal)) text = text[..^3];
        return text.TrimEnd().TrimEnd(';');
    }

    private static MemberDeclarationSyntax StripAccessorBodies(BasePropertyDeclarationSyntax property)
    {
        var result = property.WithAttributeLists(default);
        if (result is PropertyDeclarationSyntax p)
        {
            if (p.ExpressionBody is not null)
                return p.WithExpressionBody(null).WithSemicolonToken(default).WithInitializer(null)
                    .WithAccessorList(SyntaxFactory.AccessorList([SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))]));
            result = p.WithInitializer(null).WithSemicolonToken(default);
        }
        if (result is IndexerDeclarationSyntax { ExpressionBody: not null } ix)
            return ix.WithExpressionBody(null).WithSemicolonToken(default)
                .WithAccessorList(SyntaxFactory.AccessorList([SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))]));
        var accessors = ((BasePropertyDeclarationSyntax)result).AccessorList;
        if (accessors is null) return result;
        var visible = accessors.Accessors
            .Where(a => !a.Modifiers.Any(SyntaxKind.PrivateKeyword))
            .Select(a => a.WithBody(null).WithExpressionBody(null).WithAttributeLists(default).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)));
        return ((BasePropertyDeclarationSyntax)result).WithAccessorList(accessors.WithAccessors([.. visible]));
    }

    /// <summary>Public, protected and internal declarations count: later files of the same unit compile with this one.</summary>
    /// <param name="modifiers">The declaration's modifiers.</param>
    /// <param name="visibleByDefault">True where no modifier means visible (top-level types, interface members).</param>
    private static bool IsVisible(SyntaxTokenList modifiers, bool visibleByDefault)
    {
        if (modifiers.Any(SyntaxKind.PublicKeyword) || modifiers.Any(SyntaxKind.InternalKeyword) || modifiers.Any(SyntaxKind.ProtectedKeyword)) return true;
        return !modifiers.Any(SyntaxKind.PrivateKeyword) && visibleByDefault;
    }

    private static string Flat(SyntaxNode node) =>
        string.Join(' ', node.NormalizeWhitespace().ToString().Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
