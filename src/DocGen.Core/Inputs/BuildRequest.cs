using System.Text.Json;

namespace DocGen.Core.Inputs;

/// <summary>
/// The request file the MSBuild task writes and <c>docgen build --request FILE</c> reads: the project's
/// inputs as MSBuild resolved them, and the <c>DocGen*</c> properties as the user set them (bound by
/// <see cref="Options.OptionBinder"/>, so an invalid value is reported with the property's name).
/// </summary>
public sealed record BuildRequest
{
    public required ProjectInputs Inputs { get; init; }
    /// <summary>MSBuild property name → raw value, e.g. <c>DocGenFormats</c> → <c>html;markdown</c>.</summary>
    public Dictionary<string, string?> Properties { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <exception cref="JsonException">The file is not a valid request.</exception>
    public static BuildRequest FromJson(string json) =>
        JsonSerializer.Deserialize<BuildRequest>(json, JsonOptions) ?? throw new JsonException("empty request");
}
