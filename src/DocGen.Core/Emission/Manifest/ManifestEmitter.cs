using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.Manifest;
using DocGen.Core.Options;
using DocGen.Core.Pipeline;
using DocGen.Core.Model;
using DocGen.Core.Inputs;

namespace DocGen.Core.Emission.Manifest;

/// <summary>
/// Writes the package manifests of the documented target framework under <c>manifest/</c>: a CycloneDX
/// SBOM, a lock list, and a standalone Dependencies page in Markdown and HTML.
/// </summary>
/// <remarks>
/// <para>A multi-targeting project gets one manifest per framework because each inner build runs the
/// pipeline once, for <see cref="Inputs.ProjectInputs.TargetFramework"/>, into its own output folder.</para>
/// <para>Serial number and timestamp: with <see cref="DocGenOptions.Deterministic"/> both come from the
/// content (a UUID from its SHA-256; the timestamp from <c>SOURCE_DATE_EPOCH</c>, else 1970-01-01). Otherwise
/// a new BOM gets a random serial number and the current time, and keeps both for as long as the rest of
/// its content stays the same, so a build with no change rewrites no file. See docs/manifest.md.</para>
/// </remarks>
public sealed class ManifestEmitter : IEmitter
{
    /// <summary>Output path of the CycloneDX BOM.</summary>
    public const string SbomPath = "manifest/sbom.cdx.json";
    /// <summary>Output path of the lock list.</summary>
    public const string LockListPath = "manifest/packages.lock.txt";
    /// <summary>Output path of the Markdown Dependencies page.</summary>
    public const string MarkdownPagePath = "manifest/dependencies.md";
    /// <summary>Output path of the standalone HTML Dependencies page.</summary>
    public const string HtmlPagePath = "manifest/dependencies.html";

    private static readonly Regex SerialPattern = new("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.CultureInvariant);

    private readonly TimeProvider _time;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the emitter with the system clock and environment.</summary>
    public ManifestEmitter() : this(TimeProvider.System, Environment.GetEnvironmentVariable) { }

    /// <summary>Creates the emitter with a given clock and environment lookup (for <c>SOURCE_DATE_EPOCH</c>).</summary>
    public ManifestEmitter(TimeProvider time, Func<string, string?> environment)
    {
        _time = time;
        _environment = environment;
    }

    /// <inheritdoc/>
    public string Name => "manifest";

    /// <inheritdoc/>
    public bool IsEnabled(DocGenOptions options) => options.Formats.HasFlag(OutputFormats.Manifest);

    /// <inheritdoc/>
    public void Emit(EmissionContext context)
    {
        // The pipeline reads the assets file once for every emitter and reports its problems; read it here only when it did not.
        var set = context.Dependencies;
        if (set is null)
        {
            set = AssetsFileReader.Read(context.Inputs).WithStampedVersion(context.Model);
            foreach (var diagnostic in set.Diagnostics) context.Diagnostics.Add(diagnostic);
        }
        context.CancellationToken.ThrowIfCancellationRequested();

        var toolVersion = ToolVersion.Value;
        var contentSerial = CycloneDxWriter.SerialFromHash(CycloneDxWriter.ContentHash(set, toolVersion));
        var identity = context.Options.Deterministic
            ? new BomIdentity(contentSerial, DeterministicTimestamp())
            : PreviousIdentity(context, set, toolVersion, contentSerial)
              ?? new BomIdentity("urn:uuid:" + Guid.NewGuid().ToString("D"), TruncateToSeconds(_time.GetUtcNow()));

        context.Writer.Write(SbomPath, CycloneDxWriter.Write(set, identity, toolVersion));
        context.Writer.WriteText(LockListPath, LockListWriter.Write(set));
        context.Writer.WriteText(MarkdownPagePath, DependenciesPage.RenderMarkdown(set));
        context.Writer.WriteText(HtmlPagePath, DependenciesPage.RenderHtmlDocument(set));
    }

    private DateTimeOffset DeterministicTimestamp() =>
        // The reproducible-builds convention for "the time of this source", when the build system sets it.
        long.TryParse(_environment("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UnixEpoch;

    // Reuses the identity of the BOM already on disk when nothing else in it would change.
    private static BomIdentity? PreviousIdentity(EmissionContext context, DependencySet set, string toolVersion, string contentSerial)
    {
        var path = context.Writer.Resolve(SbomPath);
        if (!File.Exists(path)) return null;
        try
        {
            var previous = File.ReadAllBytes(path);
            using var document = JsonDocument.Parse(previous);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("serialNumber", out var serialElement) || serialElement.GetString() is not { } serial
                || !SerialPattern.IsMatch(serial)
                // A deterministic BOM's fixed timestamp is not a real time: do not carry it into a normal build.
                || serial == contentSerial)
                return null;
            DateTimeOffset? timestamp = null;
            if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                && metadata.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.String)
            {
                if (!DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return null;
                timestamp = parsed;
            }
            var candidate = new BomIdentity(serial, timestamp);
            return CycloneDxWriter.Write(set, candidate, toolVersion).AsSpan().SequenceEqual(previous) ? candidate : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            context.Diagnostics.Report(DiagnosticIds.PreviousSbomUnreadable, path, null, path, ex.Message);
            return null;
        }
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
