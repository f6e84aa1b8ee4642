using System.Globalization;
using DocGen.Core.Options;
using DocGen.Core.Pipeline;

namespace DocGen.Tool.Commands;

/// <summary>The one line a run ends with: <c>DocGen: 312 types, 1264 members, 97% documented → obj/…/site</c>.</summary>
internal static class SummaryLine
{
    public static string Format(PipelineResult result, DocGenOptions options)
    {
        var counts = result.Report.Counts;
        var errors = result.Diagnostics.Count(d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count(d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Warning);
        var target = options.Formats.HasFlag(OutputFormats.Html) ? Path.Combine(options.OutputPath!, "site") : options.OutputPath!;
        var text = counts is null
            ? "DocGen: no API extracted"
            : string.Create(CultureInfo.InvariantCulture, $"DocGen: {counts.Types} types, {counts.Members} members, {counts.CoveragePercent:0.#}% documented");
        if (result.Output is { } output)
            text += output.Reused > 0
                ? $"; {output.Written} files written, {output.Unchanged} unchanged ({output.Reused} not rendered again), {output.Deleted} removed"
                : $"; {output.Written} files written, {output.Unchanged} unchanged, {output.Deleted} removed";
        if (errors + warnings > 0) text += $"; {errors} errors, {warnings} warnings";
        // Nothing was extracted, so nothing was written: an arrow to a folder with no site would send the user looking.
        return counts is null ? text + "; nothing written" : text + " → " + target;
    }
}
