using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocGen.Core.Inputs;

/// <summary>What a request asks the engine to do; each kind is one verb of the <c>docgen</c> command.</summary>
public enum RequestKind
{
    /// <summary>The site, Markdown, manifests and report (<c>docgen build</c>, the <c>DocGenGenerate</c> target).</summary>
    Docs,
    /// <summary>Code units from their specs (<c>docgen generate-code</c>, the <c>DocGenCode</c> target, before the compiler).</summary>
    Code,
    /// <summary>User templates over the API model (<c>docgen render</c>, the <c>DocGenTemplates</c> target).</summary>
    Render,
}

/// <summary>One <c>DocGenTemplate</c> item: the template and the file it renders to.</summary>
public sealed record TemplateRequest(string Template, string? Output);

/// <summary>
/// The one request type of the engine, for all three kinds. The MSBuild task writes it as JSON
/// (<c>docgen VERB --request FILE</c>) from MSBuild's items and properties; the CLI builds the same record from its
/// flags. Either way <see cref="RequestLoader"/> binds <see cref="Properties"/> with
/// <see cref="Options.OptionBinder"/>, so every <c>DocGen*</c> property reaches every kind and an invalid value is
/// reported with the property's name.
/// </summary>
public sealed record EngineRequest
{
    /// <summary>The kind of run; a request file without one is a docs request.</summary>
    public RequestKind Kind { get; init; } = RequestKind.Docs;

    /// <summary>The project as MSBuild resolved it (for code units the assembly is not built yet and its path is empty).</summary>
    public required ProjectInputs Inputs { get; init; }

    /// <summary>MSBuild property name (or CLI flag) → raw value, e.g. <c>DocGenFormats</c> → <c>html;markdown</c>.</summary>
    public Dictionary<string, string?> Properties { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Code: the specs (<c>@(DocGenCode)</c>) as full paths.</summary>
    public ImmutableArray<string> Specs { get; init; } = [];

    /// <summary>Code, in a build: where the list of generated files goes; the request then names every unit of the project.</summary>
    public string? FileList { get; init; }

    /// <summary>Render: the templates (<c>@(DocGenTemplate)</c>) and their outputs as full paths.</summary>
    public ImmutableArray<TemplateRequest> Templates { get; init; } = [];

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <exception cref="JsonException">The file is not a valid request.</exception>
    public static EngineRequest FromJson(string json) =>
        JsonSerializer.Deserialize<EngineRequest>(json, JsonOptions) ?? throw new JsonException("empty request");
}
