using System.Text;
using System.Text.Json.Nodes;
using DocGen.Core.Generation.Code;

namespace DocGen.Core.Generation.UseCases;

/// <summary>Prompt args of <c>code_structure</c>: what a spec asks for.</summary>
/// <param name="SpecPath">The spec's path (request name and diagnostics only; never part of the prompt or key).</param>
/// <param name="Body">The spec's Markdown after its front matter.</param>
/// <param name="Language">The unit's language.</param>
/// <param name="Namespace">The C# namespace to use, or null.</param>
/// <param name="ProjectType">Single or multiple files.</param>
public sealed record CodeStructureArgs(string SpecPath, string Body, CodeLanguage Language, string? Namespace, CodeProjectType ProjectType);

/// <summary>
/// <c>code_structure</c>: the files of a code unit with their ids, dependencies, imports, functions and
/// classes (<see cref="CodeStructure.JsonTemplate"/>). There is no deterministic fallback: code the
/// model did not write cannot be made up, so a unit without an answer is reported by the driver.
/// </summary>
public static class CodeStructureUseCase
{
    /// <summary>The use case id.</summary>
    public static readonly UseCaseId Id = new("code_structure");

    /// <summary>Bumped whenever the prompt text changes; part of every cache key.</summary>
    public const int PromptVersion = 1;

    /// <summary>The registered use case.</summary>
    public static UseCase Create() => UseCase.Create<CodeStructureArgs>(
        Id, Intent.Code, CodeStructure.JsonTemplate, PromptVersion, BuildPrompt, Validate, NoFallback, repairDepth: 2);

    /// <summary>The first prompt.</summary>
    public static string BuildPrompt(CodeStructureArgs args)
    {
        var sb = new StringBuilder();
        sb.Append("Plan the source files of the code unit described by the specification below.\n");
        sb.Append("Answer with one JSON object that follows this template exactly:\n").Append(CodeStructure.JsonTemplate).Append("\n\n");
        sb.Append("Rules:\n");
        sb.Append("- \"metadata.language\" is \"").Append(LanguageName(args.Language)).Append("\"; \"metadata.projectType\" is \"")
          .Append(args.ProjectType == CodeProjectType.SingleFile ? "single_file" : "multi_file").Append("\"");
        if (args.ProjectType == CodeProjectType.SingleFile) sb.Append(", so \"files\" has exactly one entry");
        sb.Append(".\n");
        sb.Append("- \"filename\" is a relative path with forward slashes, no \"..\", with an extension for ")
          .Append(LanguageName(args.Language)).Append(" (").Append(string.Join(", ", FileNameValidator.AllowedExtensions(args.Language))).Append(").\n");
        sb.Append("- \"id\" is unique; \"dependencies\" lists the ids of the files this file uses, so they are written first; avoid cycles.\n");
        sb.Append("- \"imports\" lists ").Append(args.Language switch
        {
            CodeLanguage.CSharp => "the namespaces of the file's using directives",
            CodeLanguage.Python => "the modules the file imports",
            _ => "the module specifiers the file imports",
        }).Append("; \"functions\" and \"classes\" list what the file declares, with full signatures.\n");
        sb.Append("- Do not plan package manifests (package.json, requirements.txt, .csproj); DocGen writes them.\n");
        if (args.Language == CodeLanguage.CSharp && args.Namespace is { Length: > 0 } ns)
            sb.Append("- All types go in the namespace ").Append(ns).Append(".\n");
        sb.Append("\nSpecification:\n").Append(args.Body.Trim()).Append('\n');
        return sb.ToString();
    }

    /// <summary>The answer when <see cref="CodeStructureParser"/> accepts it, else null (the driver reports the parser's errors).</summary>
    public static JsonNode? Validate(JsonNode answer, CodeStructureArgs args) =>
        CodeStructureParser.Parse(answer).Succeeded ? answer.DeepClone() : null;

    /// <summary>An empty object, which <see cref="Validate"/> rejects: code units have no fallback.</summary>
    private static JsonNode NoFallback(CodeStructureArgs args) => new JsonObject();

    internal static string LanguageName(CodeLanguage language) => language switch
    {
        CodeLanguage.CSharp => "csharp",
        CodeLanguage.TypeScript => "typescript",
        CodeLanguage.JavaScript => "javascript",
        _ => "python",
    };
}
