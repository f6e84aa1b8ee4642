using DocGen.Core.Diagnostics;
using DocGen.Core.Options;

namespace DocGen.Core.Pipeline;

/// <summary>
/// Checks made before any work, so a setting that cannot work fails at once with its own id instead of deep in a
/// stage (an HTTP client handed <c>file:///x</c> throws where nothing expects it).
/// </summary>
public static class RunPreflight
{
    /// <summary>Reports every problem of <paramref name="options"/> that the option binder cannot see; returns false when there was one.</summary>
    public static bool Check(DocGenOptions options, DiagnosticBag diagnostics)
    {
        var ok = CheckUrl("--endpoint (DocGenEndpoint)", options.Endpoint, diagnostics);
        ok &= CheckUrl("--remote-cache (DocGenRemoteCacheUrl)", options.RemoteCacheUrl, diagnostics);
        return ok;
    }

    private static bool CheckUrl(string name, string? value, DiagnosticBag diagnostics)
    {
        // Not absolute at all is the binder's DG0001; here: absolute, but not something HTTP can reach.
        if (value is null || !Uri.TryCreate(value, UriKind.Absolute, out var uri)) return true;
        if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) return true;
        diagnostics.Report(DiagnosticIds.UnsupportedUrlScheme, null, null, name, value);
        return false;
    }
}
