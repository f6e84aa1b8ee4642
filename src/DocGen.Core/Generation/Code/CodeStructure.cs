using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace DocGen.Core.Generation.Code;

/// <summary>The <c>metadata</c> object of a <c>code_structure</c> answer.</summary>
public sealed record CodeStructureMetadata(string Language, CodeProjectType ProjectType, string ProjectName);

/// <summary>A function a planned file exports.</summary>
public sealed record CodeFunction(string Name, string Signature);

/// <summary>One file of a <c>code_structure</c> answer.</summary>
/// <param name="Id">Unique id that other files' <paramref name="Dependencies"/> use.</param>
/// <param name="FileName">Relative path proposed by the model (unvalidated: see <see cref="FileNameValidator"/>).</param>
/// <param name="FileType">Free text such as <c>model</c>, <c>service</c>, or empty.</param>
/// <param name="Dependencies">Ids of the files this one needs to see first.</param>
/// <param name="Imports">Namespaces / modules / packages it imports.</param>
/// <param name="Functions">Functions it declares.</param>
/// <param name="Classes">Names of the classes (types) it declares.</param>
public sealed record CodeFilePlan(
    string Id,
    string FileName,
    string FileType,
    ImmutableArray<string> Dependencies,
    ImmutableArray<string> Imports,
    ImmutableArray<CodeFunction> Functions,
    ImmutableArray<string> Classes);

/// <summary>A validated <c>code_structure</c> answer.</summary>
public sealed record CodeStructure(CodeStructureMetadata Metadata, ImmutableArray<CodeFilePlan> Files)
{
    /// <summary>
    /// The JSON template the <c>code_structure</c> use case embeds in its prompt (and passes unchanged
    /// to the continuation prompt).
    /// </summary>
    public const string JsonTemplate =
        """{"metadata":{"language":"…","projectType":"single_file|multi_file","projectName":"…"},"files":[{"id":"…","filename":"…","fileType":"…","dependencies":["<file ids>"],"imports":["…"],"functions":[{"name":"…","signature":"…"}],"classes":[{"name":"…"}]}]}""";
}

/// <summary>The outcome of <see cref="CodeStructureParser.Parse(string)"/>: a structure, or every problem found.</summary>
/// <param name="Structure">The structure when <paramref name="Errors"/> is empty.</param>
/// <param name="Errors">Every shape problem, each naming the JSON path (<c>files[2].id</c>).</param>
/// <param name="IsTruncated">True when the text ends inside the JSON (cut off), as opposed to being malformed.</param>
public sealed record CodeStructureParseResult(CodeStructure? Structure, ImmutableArray<string> Errors, bool IsTruncated)
{
    /// <summary>True when a structure was parsed.</summary>
    public bool Succeeded => Structure is not null;
}

/// <summary>
/// Parses and validates a <c>code_structure</c> answer with System.Text.Json. It reports every
/// problem at once (so one repair prompt can name them all), and tells a truncated answer from a
/// malformed one.
/// </summary>
public static class CodeStructureParser
{
    /// <summary>Most files a unit may have.</summary>
    public const int MaxFiles = 100;

    /// <summary>Validates an answer the engine already parsed (a use case's <c>Validate</c> step receives a <see cref="System.Text.Json.Nodes.JsonNode"/>).</summary>
    public static CodeStructureParseResult Parse(System.Text.Json.Nodes.JsonNode? answer) =>
        answer is null ? Fail(["the answer is empty"], truncated: false) : Parse(answer.ToJsonString());

    /// <summary>Parses <paramref name="text"/> (a bare JSON object, optionally inside a Markdown code fence).</summary>
    public static CodeStructureParseResult Parse(string? text)
    {
        var json = StripFence(text ?? "");
        if (json.Length == 0) return Fail(["the answer is empty"], truncated: false);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            var truncated = EndsInside(json);
            return Fail([truncated
                ? $"the answer ends before its JSON is complete (after {json.Length} characters)"
                : $"the answer is not valid JSON: {ex.Message}"], truncated);
        }

        using (document)
        {
            var errors = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail([$"the answer must be a JSON object, not {Kind(root)}"], false);

            var metadata = ParseMetadata(root, errors);
            var files = ParseFiles(root, errors);
            if (metadata is not null && metadata.ProjectType == CodeProjectType.SingleFile && files.Length > 1)
                errors.Add($"metadata.projectType is single_file but files has {files.Length} entries");
            return errors.Count > 0 || metadata is null
                ? Fail(errors, false)
                : new CodeStructureParseResult(new CodeStructure(metadata, files), [], false);
        }
    }

    private static CodeStructureMetadata? ParseMetadata(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("metadata", out var meta) || meta.ValueKind != JsonValueKind.Object)
        {
            errors.Add("metadata is missing or not an object");
            return null;
        }
        var language = RequiredString(meta, "language", "metadata", errors);
        var type = RequiredString(meta, "projectType", "metadata", errors);
        var name = OptionalString(meta, "projectName", "metadata", errors) ?? "";
        CodeProjectType? projectType = type switch
        {
            "single_file" => CodeProjectType.SingleFile,
            "multi_file" => CodeProjectType.MultiFile,
            _ => null,
        };
        if (type is not null && projectType is null) errors.Add($"metadata.projectType must be \"single_file\" or \"multi_file\", not \"{Clip(type)}\"");
        return language is null || projectType is null ? null : new CodeStructureMetadata(language, projectType.Value, name);
    }

    private static ImmutableArray<CodeFilePlan> ParseFiles(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("files", out var filesElement) || filesElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add("files is missing or not an array");
            return [];
        }
        var count = filesElement.GetArrayLength();
        if (count == 0) { errors.Add("files is empty"); return []; }
        if (count > MaxFiles) { errors.Add($"files has {count} entries; at most {MaxFiles} are allowed"); return []; }

        var files = ImmutableArray.CreateBuilder<CodeFilePlan>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var file in filesElement.EnumerateArray())
        {
            var at = $"files[{index++}]";
            if (file.ValueKind != JsonValueKind.Object) { errors.Add($"{at} must be an object, not {Kind(file)}"); continue; }
            var id = RequiredString(file, "id", at, errors);
            var fileName = RequiredString(file, "filename", at, errors);
            if (id is not null && !ids.Add(id)) errors.Add($"{at}.id \"{Clip(id)}\" is used by an earlier file");
            if (fileName is not null && !names.TryAdd(FileNameValidator.Normalize(fileName), at))
                errors.Add($"{at}.filename \"{Clip(fileName)}\" repeats {names[FileNameValidator.Normalize(fileName)]}.filename (names are compared ignoring case)");
            var fileType = OptionalString(file, "fileType", at, errors) ?? "";
            var dependencies = StringArray(file, "dependencies", at, errors);
            var imports = StringArray(file, "imports", at, errors);
            var functions = ObjectArray(file, "functions", at, errors, (f, p) =>
            {
                var name = RequiredString(f, "name", p, errors);
                var signature = OptionalString(f, "signature", p, errors) ?? "";
                return name is null ? null : new CodeFunction(name, signature);
            });
            var classes = ObjectArray(file, "classes", at, errors, (c, p) => RequiredString(c, "name", p, errors));
            if (id is not null && fileName is not null)
                files.Add(new CodeFilePlan(id, fileName, fileType, [.. dependencies.Distinct(StringComparer.Ordinal)], imports, functions, classes));
        }
        return files.ToImmutable();
    }

    private static string? RequiredString(JsonElement obj, string name, string at, List<string> errors)
    {
        if (!obj.TryGetProperty(name, out var value)) { errors.Add($"{at}.{name} is missing"); return null; }
        if (value.ValueKind != JsonValueKind.String) { errors.Add($"{at}.{name} must be a string, not {Kind(value)}"); return null; }
        var text = value.GetString()!.Trim();
        if (text.Length == 0) { errors.Add($"{at}.{name} is empty"); return null; }
        return text;
    }

    private static string? OptionalString(JsonElement obj, string name, string at, List<string> errors)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) { errors.Add($"{at}.{name} must be a string, not {Kind(value)}"); return null; }
        return value.GetString()!.Trim();
    }

    private static ImmutableArray<string> StringArray(JsonElement obj, string name, string at, List<string> errors)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) { errors.Add($"{at}.{name} must be an array of strings, not {Kind(value)}"); return []; }
        var list = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString()!.Trim() is { Length: > 0 } s) list.Add(s);
            else errors.Add($"{at}.{name}[{i}] must be a non-empty string, not {Kind(item)}");
            i++;
        }
        return list.ToImmutable();
    }

    private static ImmutableArray<T> ObjectArray<T>(JsonElement obj, string name, string at, List<string> errors, Func<JsonElement, string, T?> read)
        where T : class
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) { errors.Add($"{at}.{name} must be an array, not {Kind(value)}"); return []; }
        var list = ImmutableArray.CreateBuilder<T>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"{at}.{name}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) { errors.Add($"{path} must be an object, not {Kind(item)}"); continue; }
            if (read(item, path) is { } parsed) list.Add(parsed);
        }
        return list.ToImmutable();
    }

    /// <summary>True when the JSON text stops inside a value (an open object, array or string).</summary>
    private static bool EndsInside(string json)
    {
        // A reader that is told more data may follow stops cleanly at the cut instead of throwing there;
        // if it stopped with containers still open, the text was cut off, not malformed.
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 }));
        try
        {
            while (reader.Read()) { }
        }
        catch (JsonException)
        {
            return false;
        }
        return reader.CurrentDepth > 0 || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName
            || (reader.BytesConsumed < bytes.Length && bytes.AsSpan((int)reader.BytesConsumed).Trim("\r\n\t "u8).Length > 0);
    }

    private static string StripFence(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("```", StringComparison.Ordinal)) return t;
        var firstLine = t.IndexOf('\n');
        if (firstLine < 0) return "";
        t = t[(firstLine + 1)..];
        var close = t.LastIndexOf("```", StringComparison.Ordinal);
        return (close >= 0 ? t[..close] : t).Trim();
    }

    private static CodeStructureParseResult Fail(IEnumerable<string> errors, bool truncated) => new(null, [.. errors], truncated);

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
