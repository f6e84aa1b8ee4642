using System.Text.Json;
using System.Text.Json.Serialization;
using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Pipeline;

/// <summary>
/// <c>report.json</c>: what a run found and did. Holds no timestamps or timings, so an unchanged
/// rebuild writes the same bytes (and the file keeps its timestamp).
/// </summary>
public sealed record RunReport
{
    public const string FileName = "report.json";

    public string Tool { get; init; } = "docgen " + ToolVersion.Value;
    public string? Project { get; init; }
    public string? Assembly { get; init; }
    public string? TargetFramework { get; init; }
    public IReadOnlyList<string> Formats { get; init; } = [];
    public ReportCounts? Counts { get; init; }
    /// <summary>Metrics of the generation engine (provider, requests, tokens, cache…), when it ran.</summary>
    public object? Generation { get; init; }
    /// <summary>The code units' section (<c>Generation.Code.CodeReport</c>) of the last code run into this output folder, when there was one.</summary>
    public System.Text.Json.Nodes.JsonNode? Code { get; init; }
    public IReadOnlyList<ReportDiagnostic> Diagnostics { get; init; } = [];

    public static RunReport Create(ProjectInputs inputs, ApiModel? model, object? generation, IReadOnlyList<Diagnostic> diagnostics, DocGenOptions? options)
    {
        CoverageCounts? counts = model is null ? null : ModelStatistics.Compute(model);
        return new RunReport
        {
            Project = inputs.ProjectName ?? Path.GetFileNameWithoutExtension(inputs.AssemblyPath),
            Assembly = Path.GetFileName(inputs.AssemblyPath),
            TargetFramework = inputs.TargetFramework,
            Formats = options is null ? [] : Enum.GetValues<OutputFormats>().Where(f => f != OutputFormats.None && options.Formats.HasFlag(f)).Select(f => f.ToString().ToLowerInvariant()).ToList(),
            Counts = counts is null ? null : new ReportCounts(
                model!.Assemblies.Sum(a => a.Namespaces.Length), counts.Types, counts.Members, counts.Documented, counts.Total, counts.Percent, counts.ByProvenance)
                { Partial = counts.Partial, Complete = counts.Complete },
            Generation = generation,
            Diagnostics = diagnostics.Select(d => new ReportDiagnostic(d.Id, d.Severity.ToString().ToLowerInvariant(), d.Message, d.File, d.Line)).ToList(),
        };
    }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    /// <summary>A section of the report on its own, in the report's JSON style.</summary>
    public static string SectionJson(object section) => JsonSerializer.Serialize(section, section.GetType(), JsonOptions) + "\n";
}

public sealed record ReportCounts(int Namespaces, int Types, int Members, int Documented, int Total, double CoveragePercent, IReadOnlyDictionary<string, int> ByProvenance)
{
    /// <summary>Documented members whose human docs lack parts or had parts completed by DocGen.</summary>
    public int Partial { get; init; }
    /// <summary>Documented types and members that are not partial.</summary>
    public int Complete { get; init; }
}

public sealed record ReportDiagnostic(string Id, string Severity, string Message, string? File, int? Line);
