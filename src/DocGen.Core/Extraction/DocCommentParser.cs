using System.Collections.Immutable;
using System.Text;
using System.Xml.Linq;
using DocGen.Core.Model;

namespace DocGen.Core.Extraction;

/// <summary>
/// Turns one <c>&lt;member&gt;</c> element of an XML doc file into a <see cref="DocComment"/>: every tag of the C#
/// recommended set becomes a typed node, text is whitespace-normalised, code blocks keep their lines (dedented).
/// </summary>
public static class DocCommentParser
{
    /// <summary>Parses a member element (or any element holding the section tags).</summary>
    /// <param name="member">The element; its children are the sections (<c>summary</c>, <c>param</c>, …).</param>
    /// <param name="mapCref">Rewrites crefs (e.g. compiler-generated extension-block ids to the ids the model uses); null keeps them.</param>
    public static DocComment Parse(XElement member, Func<string, string>? mapCref = null)
    {
        var parser = new Parser(mapCref ?? (c => c));
        DocBlock? summary = null, remarks = null, returns = null, value = null;
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
                    if (parser.Block(section) is { } example) examples.Add(example);
                    break;
                case "seealso" or "see":
                    if (parser.Reference(section) is { } reference) seeAlso.Add(reference);
                    break;
            }
        }
        return new DocComment
        {
            Summary = summary, Remarks = remarks, Returns = returns, Value = value,
            Params = prms.ToImmutable(), TypeParams = typeParams.ToImmutable(), Exceptions = exceptions.ToImmutable(),
            Examples = examples.ToImmutable(), SeeAlso = seeAlso.ToImmutable(),
        };
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

    private sealed class Parser(Func<string, string> mapCref)
    {
        private int _depth;

        public string MapCref(string cref) => mapCref(cref);

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
            return new DocReference(cref is null ? null : mapCref(cref), href, langword, content);
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
            switch (e.Name.LocalName)
            {
                case "c":
                    list.Add(new DocInlineCode(Collapse(e.Value).Trim()));
                    break;
                case "code":
                    list.Add(new DocCodeBlock(Dedent(e.Value), Attr(e, "language") ?? Attr(e, "lang")));
                    break;
                case "para" or "p" or "note":
                    var content = Inline(e.Nodes());
                    if (!content.IsEmpty) list.Add(new DocParagraph(content));
                    break;
                case "list":
                    list.Add(List(e));
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
                    list.Add(new DocText(" "));
                    break;
                case "inheritdoc":
                    break; // unresolved leftovers carry no text
                default:
                    // HTML-ish formatting (b, i, em, strong…) keeps its text and loses its markup.
                    foreach (var child in e.Nodes()) AddNode(list, child);
                    break;
            }
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

        private static bool IsBlock(DocNode node) => node is DocParagraph or DocCodeBlock or DocList;

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
