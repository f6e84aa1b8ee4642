using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using DocGen.Core.Generation.Code;

namespace DocGen.Core.Generation.UseCases;

/// <summary>Prompt args of <c>code_content</c>: one planned file and what the files before it declare.</summary>
/// <param name="SpecPath">The spec's path (request name and diagnostics only).</param>
/// <param name="SpecBody">The spec's Markdown.</param>
/// <param name="Language">The unit's language.</param>
/// <param name="Namespace">The C# namespace to use, or null.</param>
/// <param name="File">The file to write, from the <c>code_structure</c> answer.</param>
/// <param name="WrittenFiles">For each file already written, in order: its declarations (<see cref="GeneratedFileSummary"/>).</param>
/// <param name="SyntaxFeedback">On the one retry: the syntax errors of the previous attempt, with their lines; else null.</param>
public sealed record CodeContentArgs(
    string SpecPath,
    string SpecBody,
    CodeLanguage Language,
    string? Namespace,
    CodeFilePlan File,
    ImmutableArray<string> WrittenFiles,
    string? SyntaxFeedback = null);

/// <summary>
/// <c>code_content</c>: the text of one file of a code unit, given the declarations of the files already
/// written. The model answers <c>{"filename":…,"content":…}</c>; the file name must be the planned one.
/// </summary>
public static class CodeContentUseCase
{
    /// <summary>The use case id.</summary>
    public static readonly UseCaseId Id = new("code_content");

    /// <summary>Bumped whenever the prompt text changes; part of every cache key.</summary>
    public const int PromptVersion = 1;

    /// <summary>The JSON template shown to the model.</summary>
    public const string Template = """{"filename":"…","content":"…"}""";

    /// <summary>The registered use case.</summary>
    public static UseCase Create() => UseCase.Create<CodeContentArgs>(
        Id, Intent.Code, Template, PromptVersion, BuildPrompt, Validate, NoFallback, repairDepth: 1);

    /// <summary>The prompt (the retry adds the previous attempt's syntax errors).</summary>
    public static string BuildPrompt(CodeContentArgs args)
    {
        var language = CodeStructureUseCase.LanguageName(args.Language);
        var file = args.File;
        var sb = new StringBuilder();
        sb.Append("Write the complete ").Append(language).Append(" source of the file ").Append(file.FileName)
          .Append(" of the code unit described by the specification below.\n");
        sb.Append("Answer with one JSON object that follows this template exactly:\n").Append(Template).Append("\n\n");
        sb.Append("Rules: \"filename\" is exactly \"").Append(file.FileName).Append("\"; \"content\" is the whole file as a JSON string (no Markdown fence); ")
          .Append("use the declarations of the files already written exactly as shown, and do not redeclare them.\n");
        if (args.Language == CodeLanguage.CSharp && args.Namespace is { Length: > 0 } ns)
            sb.Append("Namespace: ").Append(ns).Append('\n');
        sb.Append("\nThis file:\n");
        if (file.FileType.Length > 0) sb.Append("- Kind: ").Append(file.FileType).Append('\n');
        if (!file.Imports.IsEmpty) sb.Append("- Imports: ").Append(string.Join(", ", file.Imports)).Append('\n');
        if (!file.Classes.IsEmpty) sb.Append("- Classes: ").Append(string.Join(", ", file.Classes)).Append('\n');
        foreach (var f in file.Functions) sb.Append("- Function: ").Append(f.Signature.Length > 0 ? f.Signature : f.Name).Append('\n');
        if (!args.WrittenFiles.IsEmpty)
        {
            sb.Append("\nFiles already written (their declarations):\n");
            foreach (var summary in args.WrittenFiles) sb.Append(summary.TrimEnd()).Append('\n');
        }
        if (args.SyntaxFeedback is { Length: > 0 } feedback)
        {
            sb.Append("\nYour previous answer for this file did not parse. Fix these syntax errors and answer with the whole file again:\n")
              .Append(feedback.TrimEnd()).Append('\n');
        }
        sb.Append("\nSpecification:\n").Append(args.SpecBody.Trim()).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// The answer as <c>{"filename","content"}</c> when the file name is the planned one (slashes and a
    /// leading <c>./</c> aside) and the content is not empty; a Markdown fence around the content is removed.
    /// </summary>
    public static JsonNode? Validate(JsonNode answer, CodeContentArgs args)
    {
        if (answer is not JsonObject o) return null;
        if (o["filename"] is not JsonValue fv || !fv.TryGetValue<string>(out var fileName)) return null;
        if (o["content"] is not JsonValue cv || !cv.TryGetValue<string>(out var content)) return null;
        var normalized = FileNameValidator.Normalize(fileName.Trim());
        if (normalized.StartsWith("./", StringComparison.Ordinal)) normalized = normalized[2..];
        if (!string.Equals(normalized, args.File.FileName, StringComparison.Ordinal)) return null;
        content = StripFence(content);
        if (content.Trim().Length == 0) return null;
        return new JsonObject { ["filename"] = args.File.FileName, ["content"] = content };
    }

    /// <summary>Removes one Markdown code fence around the whole text, and normalises line endings to <c>\n</c> with one final newline.</summary>
    public static string StripFence(string content)
    {
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        var trimmed = text.Trim();
        if (trimmed.StartsWith("```", StringComparison.Ordinal) && trimmed.EndsWith("```", StringComparison.Ordinal) && trimmed.Length > 6)
        {
            var firstLine = trimmed.IndexOf('\n');
            if (firstLine > 0) text = trimmed[(firstLine + 1)..^3];
        }
        return text.Trim('\n') + "\n";
    }

    private static JsonNode NoFallback(CodeContentArgs args) => new JsonObject();
}
