using System.Collections.Immutable;
using System.Text;
using System.Xml.Linq;
using DocGen.Core.Model;

namespace DocGen.Core.Extraction;

/// <summary>What a parse may ask of the extraction around it. Every callback is optional.</summary>
public sealed record DocParseOptions
{
    /// <summary>Rewrites crefs (compiler-generated extension-block ids to the model's ids).</summary>
    public Func<string, string>? MapCref { get; init; }
    /// <summary>True when a (mapped) <c>F:</c> cref names a value of an enum outside the documented assembly.</summary>
    public Func<string, bool>? IsExternalEnumValue { get; init; }
    /// <summary>How a (mapped) cref's target is written in C#, or null when it cannot be resolved.</summary>
    public Func<string, string?>? DisplayOf { get; init; }
    /// <summary>Loads <c>&lt;code source region&gt;</c>: the code, or a problem saying why not.</summary>
    public Func<string, string?, CodeSourceResult>? LoadCodeSource { get; init; }
    /// <summary>Receives problems found while parsing (a code source that cannot be loaded), to be reported as warnings.</summary>
    public Action<string>? ReportProblem { get; init; }
}

/// <summary>The text of a Sandcastle code source, or why it could not be read.</summary>
public sealed record CodeSourceResult(string? Code, string? Problem);

/// <summary>
/// Turns one <c>&lt;member&gt;</c> element of an XML doc file into a <see cref="DocComment"/>: every tag of the C#
/// recommended set becomes a typed node, text is whitespace-normalised, code blocks keep their lines (dedented).
/// </summary>
public static class DocCommentParser
{
    /// <summary>Parses a member element (or any element holding the section tags).</summary>
    /// <param name="member">The element; its children are the sections (<c>summary</c>, <c>param</c>, …).</param>
    /// <param name="mapCref">Rewrites crefs (e.g. compiler-generated extension-block ids to the ids the model uses); null keeps them.</param>
    public static DocComment Parse(XElement member, Func<string, string>? mapCref = null) => Parse(member, new DocParseOptions { MapCref = mapCref });

    /// <summary>Parses a member element with the given cref mapping, enum-value test, code-source loader and problem sink.</summary>
    public static DocComment Parse(XElement member, DocParseOptions options)
    {
        var parser = new Parser(options);
        DocBlock? summary = null, remarks = null, returns = null, value = null, threadSafety = null, overloads = null;
        var prms = ImmutableArray.CreateBuilder<NamedDoc>();
        var typeParams = ImmutableArray.CreateBuilder<NamedDoc>();
        var exceptions = ImmutableArray.CreateBuilder<CrefDoc>();
        var examples = ImmutableArray.CreateBuilder<DocBlock>();
        var seeAlso = ImmutableArray.CreateBuilder<DocReference>();
        foreach (var section in member.Elements())
        {
            switch (section.Name.LocalName)
            {
                case "summary": summary = Append(summary, parser.Block(section)); break;
                case "remarks": remarks = Append(remarks, parser.Block(section)); break;
                case "returns": returns = Append(returns, parser.Block(section)); break;
                case "value": value = Append(value, parser.Block(section)); break;
                case "param" when Attr(section, "name") is { } name && !prms.Any(p => p.Name == name):
                    prms.Add(new NamedDoc(name, parser.Block(section) ?? new DocBlock([]))); break;
                case "typeparam" when Attr(section, "name") is { } name && !typeParams.Any(p => p.Name == name):
                    typeParams.Add(new NamedDoc(name, parser.Block(section) ?? new DocBlock([]))); break;
                case "exception" when Attr(section, "cref") is { } cref:
                    exceptions.Add(new CrefDoc(parser.MapCref(cref), parser.Block(section) ?? new DocBlock([]))); break;
                case "example":
                    // An example whose only code could not be loaded is left out: never an empty Examples box.
                    if (parser.Block(section) is { } example) examples.Add(example);
                    break;
                case "seealso" or "see":
                    if (parser.Reference(section) is { } reference) seeAlso.Add(reference);
                    break;
                case "threadsafety":
                    threadSafety = parser.Block(section) ?? ThreadSafetyText(section);
                    break;
                case "overloads":
                    overloads = section.Element("summary") is { } overloadSummary ? parser.Block(overloadSummary) : parser.Block(section);
                    break;
            }
        }
        return new DocComment
        {
            Summary = summary, Remarks = remarks, Returns = returns, Value = value,
            Params = prms.ToImmutable(), TypeParams = typeParams.ToImmutable(), Exceptions = exceptions.ToImmutable(),
            Examples = examples.ToImmutable(), SeeAlso = seeAlso.ToImmutable(), ThreadSafety = threadSafety, Overloads = overloads,
        };
    }

    /// <summary>The sentence SHFB writes for <c>&lt;threadsafety static="true" instance="false"/&gt;</c>.</summary>
    private static DocBlock? ThreadSafetyText(XElement e)
    {
        var parts = new List<string>();
        if (Attr(e, "static") is { } st) parts.Add(IsTrue(st) ? "Static members of this type are thread safe." : "Static members of this type are not guaranteed to be thread safe.");
        if (Attr(e, "instance") is { } inst) parts.Add(IsTrue(inst) ? "Instance members of this type are thread safe." : "Instance members of this type are not guaranteed to be thread safe.");
        return parts.Count == 0 ? null : DocBlock.FromText(string.Join(" ", parts));

        static bool IsTrue(string v) => v.Equals("true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Removes the common indentation of a code block and its blank first and last lines; keeps the rest verbatim.</summary>
    public static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l));
    }

    private static DocBlock? Append(DocBlock? existing, DocBlock? more) =>
        existing is null ? more : more is null ? existing : new DocBlock(existing.Nodes.Add(new DocText(" ")).AddRange(more.Nodes));

    private static string? Attr(XElement e, string name) => e.Attribute(name)?.Value is { Length: > 0 } v ? v.Trim() : null;

    /// <summary>Nesting deeper than this is flattened to text, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    private sealed class Parser(DocParseOptions options)
    {
        private int _depth;

        public string MapCref(string cref) => options.MapCref is { } map ? map(cref) : cref;

        public DocBlock? Block(XElement element)
        {
            var nodes = Inline(element.Nodes());
            return nodes.IsEmpty ? null : new DocBlock(nodes);
        }

        public DocReference? Reference(XElement e)
        {
            var cref = Attr(e, "cref");
            var href = cref is null ? Attr(e, "href") : null;
            var langword = cref is null && href is null ? Attr(e, "langword") : null;
            var content = Inline(e.Nodes());
            if (cref is null && href is null && langword is null)
                return null;
            var mapped = cref is null ? null : MapCref(cref);
            return new DocReference(mapped, href, langword, content)
            {
                TargetIsEnumValue = mapped is not null && mapped.StartsWith("F:", StringComparison.Ordinal) && options.IsExternalEnumValue?.Invoke(mapped) == true,
                TargetDisplay = mapped is null ? null : options.DisplayOf?.Invoke(mapped),
            };
        }

        /// <summary>Parses mixed content, then trims the block's outer white space and drops empty text.</summary>
        public ImmutableArray<DocNode> Inline(IEnumerable<XNode> nodes)
        {
            var list = new List<DocNode>();
            foreach (var node in nodes) AddNode(list, node);
            return Tidy(list);
        }

        private void AddNode(List<DocNode> list, XNode node)
        {
            switch (node)
            {
                case XText text:
                    list.Add(new DocText(Collapse(text.Value)));
                    break;
                case XElement e:
                    AddElement(list, e);
                    break;
            }
        }

        private void AddElement(List<DocNode> list, XElement e)
        {
            if (_depth >= MaxDepth)
            {
                list.Add(new DocText(e.Value));
                return;
            }
            _depth++;
            try
            {
                AddKnownElement(list, e);
            }
            finally
            {
                _depth--;
            }
        }

        private void AddKnownElement(List<DocNode> list, XElement e)
        {
            // Doc tags are lower case; HTML that people type into comments is matched without regard to case.
            switch (e.Name.LocalName.ToLowerInvariant())
            {
                case "c" or "tt":
                    list.Add(new DocInlineCode(Collapse(e.Value).Trim()));
                    break;
                case "code":
                    if (Attr(e, "source") is { } source) AddCodeSource(list, e, source);
                    else list.Add(new DocCodeBlock(Dedent(e.Value), Language(e)));
                    break;
                case "pre":
                    list.Add(new DocCodeBlock(Dedent(e.Value), Language(e)));
                    break;
                case "para" or "p":
                    var content = Inline(e.Nodes());
                    if (!content.IsEmpty) list.Add(new DocParagraph(content));
                    break;
                case "note":
                    var note = Inline(e.Nodes());
                    if (!note.IsEmpty) list.Add(new DocNote((Attr(e, "type") ?? "note").ToLowerInvariant(), note));
                    break;
                case "list":
                    list.Add(List(e));
                    break;
                case "ul" or "ol":
                    var kind = e.Name.LocalName.Equals("ol", StringComparison.OrdinalIgnoreCase) ? DocListKind.Number : DocListKind.Bullet;
                    list.Add(new DocList(kind, null, [.. Children(e, "li").Select(li => new DocListItem(null, Inline(li.Nodes())))]));
                    break;
                case "table" when Children(e, "tr").Any() || Children(e, "thead").Any() || Children(e, "tbody").Any():
                    list.Add(Table(e));
                    break;
                case "see" or "seealso" or "a":
                    if (Reference(e) is { } reference) list.Add(reference);
                    else foreach (var child in e.Nodes()) AddNode(list, child);
                    break;
                case "paramref" when Attr(e, "name") is { } name:
                    list.Add(new DocParamRef(name));
                    break;
                case "typeparamref" when Attr(e, "name") is { } name:
                    list.Add(new DocTypeParamRef(name));
                    break;
                case "br":
                    list.Add(new DocLineBreak());
                    break;
                case "b" or "strong":
                    list.Add(new DocStyled(DocStyle.Bold, Inline(e.Nodes())));
                    break;
                case "i" or "em":
                    list.Add(new DocStyled(DocStyle.Italic, Inline(e.Nodes())));
                    break;
                case "sub":
                    list.Add(new DocStyled(DocStyle.Subscript, Inline(e.Nodes())));
                    break;
                case "sup":
                    list.Add(new DocStyled(DocStyle.Superscript, Inline(e.Nodes())));
                    break;
                case "inheritdoc":
                    break; // unresolved leftovers carry no text
                default:
                    // Anything outside the doc tags and the safe HTML subset (<script>, <div>, <font>…) is shown as the
                    // text the author typed, tags included (escaped by every renderer), never as markup.
                    list.Add(new DocText(Collapse(e.ToString(SaveOptions.DisableFormatting))));
                    break;
            }
        }

        /// <summary>Sandcastle's <c>&lt;code source="…" region="…"/&gt;</c>: the file's text (or one region of it), or nothing and a problem.</summary>
        private void AddCodeSource(List<DocNode> list, XElement e, string source)
        {
            var loaded = options.LoadCodeSource?.Invoke(source, Attr(e, "region"));
            if (loaded is { Code: { } code }) list.Add(new DocCodeBlock(code, Language(e) ?? LanguageOf(source)));
            else options.ReportProblem?.Invoke(loaded?.Problem ?? $"<code source=\"{source}\"> cannot be loaded here");
        }

        private static string? Language(XElement e) => Attr(e, "language") ?? Attr(e, "lang");

        private static string? LanguageOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".cs" => "csharp",
            ".vb" => "vb",
            ".fs" => "fsharp",
            ".xml" or ".xaml" or ".csproj" => "xml",
            ".json" => "json",
            _ => null,
        };

        private static IEnumerable<XElement> Children(XElement e, string name) =>
            e.Elements().Where(c => c.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));

        private DocTable Table(XElement table)
        {
            var rows = ImmutableArray.CreateBuilder<DocTableRow>();
            foreach (var child in table.Elements())
            {
                var name = child.Name.LocalName.ToLowerInvariant();
                if (name == "tr") rows.Add(Row(child, header: false));
                else if (name is "thead" or "tbody" or "tfoot")
                    foreach (var tr in Children(child, "tr")) rows.Add(Row(tr, header: name == "thead"));
            }
            return new DocTable(rows.ToImmutable());
        }

        private DocTableRow Row(XElement tr, bool header)
        {
            var cells = tr.Elements().Where(c => c.Name.LocalName.ToLowerInvariant() is "td" or "th").ToList();
            var isHeader = header || (cells.Count > 0 && cells.All(c => c.Name.LocalName.Equals("th", StringComparison.OrdinalIgnoreCase)));
            return new DocTableRow(isHeader, [.. cells.Select(c => Inline(c.Nodes()))]);
        }

        private DocList List(XElement e)
        {
            var kind = Attr(e, "type") switch { "number" => DocListKind.Number, "table" => DocListKind.Table, _ => DocListKind.Bullet };
            DocListItem? header = e.Element("listheader") is { } h ? Item(h) : null;
            var items = e.Elements("item").Select(Item).ToImmutableArray();
            return new DocList(kind, header, items);
        }

        private DocListItem Item(XElement item)
        {
            var term = item.Element("term") is { } t ? Inline(t.Nodes()) : (ImmutableArray<DocNode>?)null;
            var description = item.Element("description") is { } d ? Inline(d.Nodes())
                : term is null ? Inline(item.Nodes()) : [];
            return new DocListItem(term, description);
        }

        private static ImmutableArray<DocNode> Tidy(List<DocNode> list)
        {
            // Merge adjacent text, then trim the block's edges; block-level nodes also trim the text around them.
            var merged = new List<DocNode>();
            var sb = new StringBuilder();
            foreach (var node in list)
            {
                if (node is DocText t) { sb.Append(t.Text); continue; }
                Flush();
                merged.Add(node);
            }
            Flush();
            for (var i = 0; i < merged.Count; i++)
            {
                if (merged[i] is not DocText text) continue;
                var value = text.Text;
                if (i == 0 || IsBlock(merged[i - 1])) value = value.TrimStart();
                if (i == merged.Count - 1 || IsBlock(merged[i + 1])) value = value.TrimEnd();
                merged[i] = new DocText(value);
            }
            merged.RemoveAll(n => n is DocText { Text.Length: 0 });
            return [.. merged];

            void Flush()
            {
                if (sb.Length == 0) return;
                merged.Add(new DocText(Collapse(sb.ToString())));
                sb.Clear();
            }
        }

        private static bool IsBlock(DocNode node) => node is DocParagraph or DocCodeBlock or DocList or DocNote or DocTable;

        private static string Collapse(string text)
        {
            var sb = new StringBuilder(text.Length);
            var space = false;
            foreach (var ch in text)
            {
                if (char.IsWhiteSpace(ch)) { space = true; continue; }
                if (space) sb.Append(' ');
                space = false;
                sb.Append(ch);
            }
            if (space) sb.Append(' ');
            return sb.ToString();
        }
    }
}
