using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocGen.Core.Tests.Generation;

namespace DocGen.Core.Tests.CodeGen;

/// <summary>
/// Answers code-unit prompts on a <see cref="FakeOpenAIServer"/>: the structure prompt with
/// <see cref="Structure"/>, each content prompt with the file of that name from <see cref="Files"/>
/// (or a queue of answers per file, for retries).
/// </summary>
public sealed partial class CodeUnitScript
{
    public string Structure { get; set; } = WeatherUnit.Structure;
    public Dictionary<string, Queue<string>> Files { get; } = WeatherUnit.Files.ToDictionary(kv => kv.Key, kv => new Queue<string>([kv.Value]));

    [GeneratedRegex(@"source of the file (\S+) of the code unit")]
    private static partial Regex FileLine();

    public static string? FileOf(string prompt) => FileLine().Match(prompt) is { Success: true } m ? m.Groups[1].Value : null;

    public static bool IsStructure(string prompt) => prompt.StartsWith("Plan the source files", StringComparison.Ordinal);

    public Scripted Answer(RecordedRequest request)
    {
        if (IsStructure(request.Prompt)) return Scripted.Json(Structure);
        // Anything else (member docs of a build that also documents the project) gets the server's default answer.
        if (FileOf(request.Prompt) is not { } file) return FakeOpenAIServer.DocumentEverything(request);
        var queue = Files[file];
        var content = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        return Scripted.Json(new JsonObject { ["filename"] = file, ["content"] = content }.ToJsonString());
    }

    public void Attach(FakeOpenAIServer server) => server.Responder = Answer;
}

/// <summary>A three-file C# unit with the dependency chain models ← source ← client, listed in reverse in the structure answer.</summary>
public static class WeatherUnit
{
    public const string Spec = """
        ---
        language: csharp
        namespace: Acme.Weather
        ---
        # Weather client

        - `DailyForecast` record: `Date` (DateOnly), `MinCelsius`, `MaxCelsius` (double).
        - `Forecast` record: `City`, `Days` (list of `DailyForecast`).
        - `IForecastSource` with `Forecast Get(string city, int days)`, and a deterministic `FixedForecastSource`.
        - `WeatherClient` with `Forecast Forecast(string city, int days)` over a source (default: the fixed one).
        """;

    public const string Structure = """
        {"metadata":{"language":"csharp","projectType":"multi_file","projectName":"Weather"},"files":[
          {"id":"client","filename":"WeatherClient.cs","fileType":"service","dependencies":["source"],"imports":["System"],
           "functions":[{"name":"Forecast","signature":"public Forecast Forecast(string city, int days)"}],"classes":[{"name":"WeatherClient"}]},
          {"id":"source","filename":"Sources/IForecastSource.cs","fileType":"service","dependencies":["models"],"imports":["System"],
           "functions":[{"name":"Get","signature":"Forecast Get(string city, int days)"}],"classes":[{"name":"IForecastSource"},{"name":"FixedForecastSource"}]},
          {"id":"models","filename":"Models/Forecast.cs","fileType":"model","dependencies":[],"imports":["System","System.Collections.Generic"],
           "functions":[],"classes":[{"name":"Forecast"},{"name":"DailyForecast"}]}
        ]}
        """;

    public const string Models = """
        using System;
        using System.Collections.Generic;

        namespace Acme.Weather;

        /// <summary>One day of a forecast.</summary>
        public sealed record DailyForecast(DateOnly Date, double MinCelsius, double MaxCelsius);

        /// <summary>A forecast for a city.</summary>
        public sealed record Forecast(string City, IReadOnlyList<DailyForecast> Days);
        """;

    public const string Source = """
        using System;
        using System.Linq;

        namespace Acme.Weather;

        /// <summary>Where forecasts come from.</summary>
        public interface IForecastSource
        {
            Forecast Get(string city, int days);
        }

        /// <summary>A deterministic source: day i is i..i+10 degrees.</summary>
        public sealed class FixedForecastSource : IForecastSource
        {
            public Forecast Get(string city, int days) =>
                new(city, Enumerable.Range(0, days).Select(i => new DailyForecast(new DateOnly(2026, 1, 1).AddDays(i), i, i + 10)).ToList());
        }
        """;

    public const string Client = """
        namespace Acme.Weather;

        /// <summary>Reads forecasts.</summary>
        public sealed class WeatherClient
        {
            private readonly IForecastSource _source;

            public WeatherClient() : this(new FixedForecastSource()) { }

            public WeatherClient(IForecastSource source) => _source = source;

            public Forecast Forecast(string city, int days) => _source.Get(city, days);
        }
        """;

    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
    {
        ["WeatherClient.cs"] = Client,
        ["Sources/IForecastSource.cs"] = Source,
        ["Models/Forecast.cs"] = Models,
    };
}
