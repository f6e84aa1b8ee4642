namespace DocGen.Core;

/// <summary>
/// Exit codes of the <c>docgen</c> engine: a contract for scripts, the CLI and the MSBuild task. The file is
/// compiled into the task too (netstandard2.0), so both sides read one definition.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Success, possibly with warnings.</summary>
    public const int Ok = 0;
    /// <summary>The run reported errors.</summary>
    public const int Errors = 1;
    /// <summary>Bad command line, options, properties or input path.</summary>
    public const int Usage = 2;
    /// <summary>
    /// Only with <c>--request</c> (the MSBuild task): the run succeeded, but its output is not final (model requests
    /// failed and fell back, or a file in DocGen's way kept one of its files from being written), so the build must
    /// not record it as up to date. Without <c>--request</c> such a run exits with <see cref="Ok"/> and its warnings.
    /// </summary>
    public const int Incomplete = 3;
    /// <summary>Cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
