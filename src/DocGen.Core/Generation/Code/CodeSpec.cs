using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using DocGen.Core.Diagnostics;

namespace DocGen.Core.Generation.Code;

/// <summary>The language a code unit is written in.</summary>
public enum CodeLanguage { CSharp, TypeScript, JavaScript, Python }

/// <summary>Whether a code unit is one file or several.</summary>
public enum CodeProjectType { SingleFile, MultiFile }

/// <summary>Thrown by <see cref="CodeSpec.Parse"/> for an invalid spec; <see cref="Line"/> is 1-based when known.</summary>
public sealed class CodeSpecException(string message, int? line = null) : Exception(message)
{
    public int? Line { get; } = line;
}

/// <summary>
/// One code unit's spec (<c>&lt;DocGenCode Include="specs/Weather.prompt.md" /&gt;</c>): Markdown that
/// tells the model what to write, with an optional front matter of <c>key: value</c> lines between
/// <c>---</c> fences. Keys: <c>language</c> (<c>csharp</c> default, <c>typescript</c>, <c>javascript</c>,
/// <c>python</c>), <c>namespace</c>, <c>project type</c> (<c>multi_file</c> default or <c>single_file</c>),
/// <c>target</c> (a sub-folder of the unit's output folder).
/// </summary>
/// <param name="Path">The spec's path as given (shown in diagnostics).</param>
/// <param name="UnitName">The unit's folder name, derived from the file name (<c>Weather.prompt.md</c> → <c>Weather</c>).</param>
/// <param name="Language">The unit's language.</param>
/// <param name="Namespace">C# namespace for the generated code, or null to let the caller choose (e.g. the root namespace).</param>
/// <param name="ProjectType">Single or multiple files.</param>
/// <param name="Target">Sub-folder (forward slashes) under the unit folder, or null.</param>
/// <param name="Body">The Markdown after the front matter, line endings normalised to <c>\n</c>.</param>
/// <param name="BodyStartLine">1-based line of the spec where <paramref name="Body"/> starts.</param>
public sealed record CodeSpec(
    string Path,
    string UnitName,
    CodeLanguage Language,
    string? Namespace,
    CodeProjectType ProjectType,
    string? Target,
    string Body,
    int BodyStartLine)
{
    private static readonly ImmutableArray<string> Keys = ["language", "namespace", "project type", "target"];

    /// <summary>
    /// SHA-256 (hex) over everything of the spec that the generated code depends on: language, namespace,
    /// project type, target and the body. Part of the unit's cache key; the spec's path is not, so a
    /// moved spec is still served from the cache.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var canonical = $"language={Language}\nnamespace={Namespace}\nprojectType={ProjectType}\ntarget={Target}\n\n{Body.Trim()}\n";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        }
    }

    /// <summary>Reads and parses a spec file; reports DG0710 (missing) or DG0711 (invalid) and returns null on failure.</summary>
    public static CodeSpec? Load(string path, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Report(DiagnosticIds.CodeSpecNotFound, path, null, path);
            return null;
        }
        try
        {
            return Parse(path, File.ReadAllText(path));
        }
        catch (CodeSpecException ex)
        {
            diagnostics.Report(DiagnosticIds.CodeSpecInvalid, path, ex.Line, path, ex.Message);
            return null;
        }
    }

    /// <summary>Parses spec text.</summary>
    /// <exception cref="CodeSpecException">Unterminated front matter, a line that is not <c>key: value</c>, an unknown or repeated key, an invalid value, or no body.</exception>
    public static CodeSpec Parse(string path, string text)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var bodyStart = 0;
        if (lines.Length > 0 && lines[0].TrimEnd() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
            if (end < 0) throw new CodeSpecException("the front matter that starts on line 1 has no closing '---' line", 1);
            for (var i = 1; i < end; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var colon = line.IndexOf(':');
                if (colon <= 0) throw new CodeSpecException($"front matter line '{Clip(line)}' is not 'key: value'", i + 1);
                var key = NormalizeKey(line[..colon]);
                if (!Keys.Contains(key))
                    throw new CodeSpecException($"unknown front matter key '{Clip(line[..colon].Trim())}' (known: {string.Join(", ", Keys)})", i + 1);
                if (values.ContainsKey(key)) throw new CodeSpecException($"front matter key '{key}' appears twice", i + 1);
                values[key] = (Unquote(line[(colon + 1)..].Trim()), i + 1);
            }
            bodyStart = end + 1;
        }

        var body = string.Join('\n', lines.Skip(bodyStart)).Trim('\n');
        if (body.Trim().Length == 0) throw new CodeSpecException("the spec has no text after its front matter: describe the code to generate", bodyStart + 1);

        var language = values.TryGetValue("language", out var lang) ? ParseLanguage(lang.Value, lang.Line) : CodeLanguage.CSharp;
        var projectType = values.TryGetValue("project type", out var pt) ? ParseProjectType(pt.Value, pt.Line) : CodeProjectType.MultiFile;
        string? ns = null;
        if (values.TryGetValue("namespace", out var nsValue) && nsValue.Value.Length > 0)
        {
            if (language == CodeLanguage.CSharp && !IsDottedIdentifier(nsValue.Value))
                throw new CodeSpecException($"namespace '{Clip(nsValue.Value)}' is not a C# namespace name (dotted identifiers)", nsValue.Line);
            ns = nsValue.Value;
        }
        string? target = null;
        if (values.TryGetValue("target", out var t) && t.Value.Length > 0)
        {
            var error = FileNameValidator.ValidateFolder(t.Value);
            if (error is not null) throw new CodeSpecException($"target '{Clip(t.Value)}' is rejected: {error}", t.Line);
            target = t.Value.Replace('\\', '/').Trim('/');
        }
        return new CodeSpec(path, FileNameValidator.UnitFolderName(path), language, ns, projectType, target, body, bodyStart + 1);
    }

    /// <summary><c>Project Type</c>, <c>project_type</c>, <c>projectType</c> and <c>project-type</c> are one key.</summary>
    private static string NormalizeKey(string key)
    {
        var words = new StringBuilder();
        foreach (var c in key.Trim())
        {
            if (c is '_' or '-' or ' ') { if (words.Length > 0 && words[^1] != ' ') words.Append(' '); }
            else if (char.IsUpper(c) && words.Length > 0 && words[^1] != ' ') words.Append(' ').Append(char.ToLowerInvariant(c));
            else words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString().Trim();
    }

    private static CodeLanguage ParseLanguage(string value, int line) => value.ToLowerInvariant() switch
    {
        "csharp" or "c#" or "cs" => CodeLanguage.CSharp,
        "typescript" or "ts" => CodeLanguage.TypeScript,
        "javascript" or "js" => CodeLanguage.JavaScript,
        "python" or "py" => CodeLanguage.Python,
        _ => throw new CodeSpecException($"language '{Clip(value)}' is not supported (use csharp, typescript, javascript or python)", line),
    };

    private static CodeProjectType ParseProjectType(string value, int line) => value.ToLowerInvariant().Replace('-', '_').Replace(' ', '_') switch
    {
        "single_file" or "single" => CodeProjectType.SingleFile,
        "multi_file" or "multi" or "multiple_files" => CodeProjectType.MultiFile,
        _ => throw new CodeSpecException($"project type '{Clip(value)}' is not single_file or multi_file", line),
    };

    internal static bool IsDottedIdentifier(string value) =>
        value.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
