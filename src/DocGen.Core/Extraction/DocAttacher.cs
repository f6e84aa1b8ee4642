using System.Xml.Linq;
using DocGen.Core.Diagnostics;
using DocGen.Core.Model;
using Microsoft.CodeAnalysis;

namespace DocGen.Core.Extraction;

/// <summary>The docs of one API element, ready for the model.</summary>
/// <param name="Docs">The parsed docs, inheritdoc resolved.</param>
/// <param name="Provenance">Source, inherited or missing.</param>
/// <param name="Raw">The doc XML as written (before inheritdoc), for fingerprints; empty when there is none.</param>
internal sealed record AttachedDocs(DocComment Docs, Provenance Provenance, string Raw);

/// <summary>
/// Reads, expands, parses and reports on the docs of each symbol. Thread-safe: each thread has its own inheritdoc
/// memo (a resolution does not depend on which thread did it), and diagnostics go to the sink each call passes, so
/// a caller working in parallel can still report them in a stable order.
/// </summary>
internal sealed class DocAttacher(DocLookup lookup, IReadOnlyDictionary<string, string> idAliases, CodeSourceResolver? codeSources = null)
{
    private readonly ThreadLocal<InheritDocResolver> _resolver = new(() => new InheritDocResolver(lookup));

    /// <param name="docId">The id the XML file uses (differs from <paramref name="modelId"/> for extension-block members).</param>
    /// <param name="modelId">The id the model shows, used in diagnostics.</param>
    /// <param name="symbol">The symbol, for implicit inheritdoc (overridden and implemented members).</param>
    /// <param name="source">Its declaration, for diagnostics' locations and malformed comments' raw text.</param>
    /// <param name="diagnostics">Receives this element's warnings.</param>
    public AttachedDocs Attach(string docId, string modelId, ISymbol symbol, SourceDeclaration? source, DiagnosticBag diagnostics)
    {
        if (lookup.Own.MalformedIds.Contains(docId))
            return Malformed(modelId, source, diagnostics);

        var element = lookup.Own.Get(docId);
        // An undocumented override or interface implementation implies <inheritdoc/> (as IDEs show it).
        var implied = element is null && symbol is not INamedTypeSymbol && InheritDocResolver.ImplicitSources(symbol).Any();
        try
        {
            var resolved = _resolver.Value!.Resolve(docId, symbol, implied ? new XElement("member", new XElement("inheritdoc")) : element);
            if (resolved.Cycle is not null)
                diagnostics.Report(DiagnosticIds.InheritDocCycle, source?.Location.Path, source?.Location.Line, modelId, Unmangle(resolved.Cycle));
            else if (resolved.NotFound && !implied)
                diagnostics.Report(DiagnosticIds.InheritDocNotFound, source?.Location.Path, source?.Location.Line, modelId, "");
            if (element is not null)
                foreach (var cref in element.Descendants().Attributes("cref").Select(a => a.Value).Where(v => v.StartsWith("!:", StringComparison.Ordinal)).Distinct())
                    diagnostics.Report(DiagnosticIds.CompilerUnresolvedCref, source?.Location.Path, source?.Location.Line, modelId, cref[2..]);

            var problems = new List<string>();
            var docs = resolved.Element is null ? DocComment.Empty : DocCommentParser.Parse(resolved.Element, new DocParseOptions
            {
                MapCref = MapCref,
                IsExternalEnumValue = lookup.IsExternalEnumValue,
                DisplayOf = lookup.DisplayOf,
                LoadCodeSource = codeSources is null ? null : codeSources.Load,
                ReportProblem = problems.Add,
            });
            foreach (var problem in problems.Distinct(StringComparer.Ordinal))
                diagnostics.Report(DiagnosticIds.CodeSourceNotFound, source?.Location.Path, source?.Location.Line, modelId, problem);
            var provenance = docs.IsEmpty ? Provenance.Missing
                : HasOwnContent(element) ? Provenance.FromSource
                : resolved.UsedInheritDoc ? Provenance.Inherited
                : Provenance.FromSource;
            return new AttachedDocs(docs, provenance, element is null ? "" : RawXml(element));
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or InvalidOperationException or ArgumentException or FormatException)
        {
            return Malformed(modelId, source, diagnostics, element?.ToString() ?? ex.Message);
        }
    }

    /// <summary>
    /// The element's content as written, for fingerprints: the same text as concatenating each node's
    /// <c>ToString(SaveOptions.DisableFormatting)</c>, through one writer instead of one per node.
    /// </summary>
    private static string RawXml(XElement element)
    {
        var builder = new System.Text.StringBuilder();
        using (var writer = System.Xml.XmlWriter.Create(new StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture), RawSettings))
            foreach (var node in element.Nodes()) node.WriteTo(writer);
        return builder.ToString();
    }

    private static readonly System.Xml.XmlWriterSettings RawSettings = new() { OmitXmlDeclaration = true, ConformanceLevel = System.Xml.ConformanceLevel.Fragment };

    private string MapCref(string cref) => idAliases.TryGetValue(cref, out var mapped) ? mapped : cref;

    private string Unmangle(string text)
    {
        foreach (var (from, to) in idAliases) text = text.Replace(from, to, StringComparison.Ordinal);
        return text;
    }

    /// <summary>
    /// A comment the compiler dropped as malformed: with the sources, its raw text is shown (escaped) so the reader still
    /// gets what was written; without them nothing of it survives, and the member is undocumented, never documented by
    /// the compiler's note about it.
    /// </summary>
    private static AttachedDocs Malformed(string modelId, SourceDeclaration? source, DiagnosticBag diagnostics)
    {
        if (source?.RawDocComment is { } raw) return Malformed(modelId, source, diagnostics, raw);
        diagnostics.Report(DiagnosticIds.MalformedDocComment, source?.Location.Path, source?.Location.Line, modelId,
            "the compiler dropped it and no source is at hand, so the member is shown as undocumented");
        return new AttachedDocs(DocComment.Empty, Provenance.Missing, "");
    }

    private static AttachedDocs Malformed(string modelId, SourceDeclaration? source, DiagnosticBag diagnostics, string raw)
    {
        var oneLine = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length > 160) oneLine = oneLine[..157] + "...";
        diagnostics.Report(DiagnosticIds.MalformedDocComment, source?.Location.Path, source?.Location.Line, modelId, oneLine);
        return new AttachedDocs(new DocComment { MalformedXml = raw }, Provenance.FromSource, raw);
    }

    /// <summary>True when the person wrote something besides <c>&lt;inheritdoc/&gt;</c>.</summary>
    private static bool HasOwnContent(XElement? element) =>
        element is not null && element.Elements().Any(e => e.Name.LocalName != "inheritdoc"
            && (e.HasElements && e.Descendants().Any(d => d.Name.LocalName != "inheritdoc") || !string.IsNullOrWhiteSpace(e.Value) || e.HasAttributes && e.Name.LocalName is "seealso" or "see"));
}
