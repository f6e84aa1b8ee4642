using System.Collections.Immutable;
using System.Text.Json;
using DocGen.Core.Diagnostics;
using DocGen.Core.Options;

namespace DocGen.Core.Inputs;

/// <summary>A request with its properties bound: what every kind's run starts from.</summary>
/// <param name="Request">The request as written (by the MSBuild task) or built (by the CLI from its flags).</param>
/// <param name="Options">Its <see cref="EngineRequest.Properties"/> bound, with <see cref="DocGenOptions.OutputPath"/> a full path.</param>
public sealed record LoadedRequest(EngineRequest Request, DocGenOptions Options);

/// <summary>
/// The one way into the engine: reads a request file (any kind) and binds its properties. A problem is a
/// diagnostic (DG0010 for an unreadable file or a request of another kind, DG0001 per invalid property), never an
/// exception, and means the command line or the build is wrong: exit code <see cref="ExitCodes.Usage"/>.
/// </summary>
public static class RequestLoader
{
    /// <summary>Reads and binds the request file <paramref name="requestFile"/>, which must be of kind <paramref name="expected"/>.</summary>
    /// <returns>The loaded request, or null and the diagnostics that say why not.</returns>
    public static async Task<(LoadedRequest? Loaded, ImmutableArray<Diagnostic> Problems)> LoadAsync(
        string requestFile, RequestKind expected, CancellationToken cancellationToken)
    {
        EngineRequest request;
        try
        {
            request = EngineRequest.FromJson(await File.ReadAllTextAsync(requestFile, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return (null, [DiagnosticIds.InvalidRequest.Create(requestFile, null, requestFile, ex.Message)]);
        }
        if (request.Kind != expected)
        {
            var message = $"it is a '{Name(request.Kind)}' request, and this verb runs '{Name(expected)}' requests";
            return (null, [DiagnosticIds.InvalidRequest.Create(requestFile, null, requestFile, message)]);
        }
        // Without DocGenOutputPath the output goes beside the request file, as the targets' default does.
        return Bind(request, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(requestFile))!, "docgen"));
    }

    /// <summary>Binds a request's properties over the defaults; <paramref name="defaultOutput"/> applies when none sets the output path.</summary>
    public static (LoadedRequest? Loaded, ImmutableArray<Diagnostic> Problems) Bind(EngineRequest request, string defaultOutput, DocGenOptions? baseline = null)
    {
        var (options, errors) = OptionBinder.Bind(baseline ?? new DocGenOptions(), request.Properties);
        if (!errors.IsEmpty) return (null, [.. errors.Select(e => DiagnosticIds.InvalidOption.Create(e))]);
        options = options with { OutputPath = Path.GetFullPath(options.OutputPath ?? defaultOutput) };
        return (new LoadedRequest(request, options), []);
    }

    /// <summary>The kind as it is written in a request file (<c>docs</c>, <c>code</c>, <c>render</c>).</summary>
    public static string Name(RequestKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
