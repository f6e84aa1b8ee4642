namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// Bounds on what one render may do, so a template (a user's, or a page override) cannot hang a build or
/// exhaust its memory. Documented in docs/templates.md; a template that crosses one fails with a diagnostic.
/// </summary>
internal static class TemplateLimits
{
    /// <summary>Iterations of one loop. Far above any model (a coverage page lists every member), far below a runaway <c>while true</c>.</summary>
    public const int LoopIterations = 1_000_000;

    /// <summary>Depth of nested function calls and includes.</summary>
    public const int RecursionDepth = 100;

    /// <summary>Characters of one string and of one render's output (64 Mi); crossing it is an error, never a silent cut.</summary>
    public const int MaxChars = 64 * 1024 * 1024;

    /// <summary>Wall time of one page render when user templates take part (built-in pages take milliseconds).</summary>
    public static readonly TimeSpan PageRender = TimeSpan.FromSeconds(10);

    /// <summary>Wall time of one <c>DocGenTemplate</c> render, which walks the whole model once.</summary>
    public static readonly TimeSpan UserTemplateRender = TimeSpan.FromSeconds(30);
}
