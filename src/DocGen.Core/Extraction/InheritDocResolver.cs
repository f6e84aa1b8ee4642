using System.Xml.Linq;
using System.Xml.XPath;
using Microsoft.CodeAnalysis;

namespace DocGen.Core.Extraction;

/// <summary>The docs of one symbol after <c>&lt;inheritdoc&gt;</c> expansion.</summary>
/// <param name="Element">The member element with every inheritdoc replaced, or null when there is none.</param>
/// <param name="UsedInheritDoc">True when at least one inheritdoc contributed content.</param>
/// <param name="Cycle">A description of the cycle met, if any.</param>
/// <param name="NotFound">True when an inheritdoc found nothing to inherit.</param>
internal sealed record ResolvedDocs(XElement? Element, bool UsedInheritDoc, string? Cycle, bool NotFound);

/// <summary>
/// Expands <c>&lt;inheritdoc/&gt;</c>: with <c>cref</c> from that member; without, from the overridden member, then the
/// implemented interface member, and for types from the base type, then the interfaces. <c>path</c> filters the
/// inherited nodes with XPath. Own sections win over inherited ones. Cycles end the chain with nothing.
/// </summary>
internal sealed class InheritDocResolver(DocLookup lookup)
{
    private readonly Dictionary<string, ResolvedDocs> _memo = new(StringComparer.Ordinal);
    private readonly List<string> _stack = [];

    /// <summary>Longest inheritdoc chain followed; a longer one is treated as having nothing to inherit.</summary>
    private const int MaxChain = 32;

    public ResolvedDocs Resolve(string id, ISymbol? symbol, XElement? element)
    {
        if (_memo.TryGetValue(id, out var known)) return known;
        if (element is null || !element.Descendants("inheritdoc").Any())
            return _memo[id] = new ResolvedDocs(element, false, null, false);

        _stack.Add(id);
        try
        {
            var result = Expand(id, symbol, element);
            // A result met inside another member's cycle depends on that member's stack: keep it out of the memo.
            if (result.Cycle is null || _stack.Count == 1) _memo[id] = result;
            return result;
        }
        finally
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    private ResolvedDocs Expand(string id, ISymbol? symbol, XElement element)
    {
        var copy = new XElement(element);
        bool used = false, notFound = false;
        string? cycle = null;
        foreach (var inherit in copy.Descendants("inheritdoc").ToList())
        {
            var source = FindSource(inherit, symbol, ref cycle);
            if (source is null)
            {
                notFound |= cycle is null;
                inherit.Remove();
                continue;
            }
            var nodes = Select(inherit, source, copy);
            used |= nodes.Count > 0;
            inherit.ReplaceWith(nodes);
        }
        return new ResolvedDocs(copy, used, cycle, notFound && !used);
    }

    private XElement? FindSource(XElement inherit, ISymbol? symbol, ref string? cycle)
    {
        if (inherit.Attribute("cref")?.Value is { Length: > 0 } cref)
            return cref.StartsWith("!:", StringComparison.Ordinal) ? null : Docs(cref, null, ref cycle);
        return symbol is null ? null : Implicit(symbol, 0, ref cycle);
    }

    /// <summary>
    /// The first documented member among the overridden and implemented members, looking through undocumented ones
    /// (a record's synthesized <c>Equals(object)</c> overrides its base record's, which is undocumented too, which
    /// overrides <c>object.Equals</c>): an undocumented link in the chain implies <c>&lt;inheritdoc/&gt;</c> itself.
    /// </summary>
    private XElement? Implicit(ISymbol symbol, int depth, ref string? cycle)
    {
        if (depth >= MaxChain) return null;
        foreach (var candidate in ImplicitSources(symbol))
        {
            var candidateId = candidate.OriginalDefinition.GetDocumentationCommentId();
            if (candidateId is null) continue;
            if (Docs(candidateId, candidate.OriginalDefinition, ref cycle) is { } docs)
            {
                if (docs.HasElements) return docs;
                continue;
            }
            if (lookup.Find(candidateId, candidate.OriginalDefinition) is null && Implicit(candidate.OriginalDefinition, depth + 1, ref cycle) is { } deeper)
                return deeper;
        }
        return null;
    }

    private XElement? Docs(string id, ISymbol? symbol, ref string? cycle)
    {
        if (_stack.Count >= MaxChain) return null;
        if (_stack.Contains(id))
        {
            cycle = string.Join(" → ", _stack.Append(id));
            return null;
        }
        var element = lookup.Find(id, symbol);
        if (element is null) return null;
        var resolved = Resolve(id, symbol ?? lookup.FindSymbol(id), element);
        cycle ??= resolved.Cycle;
        return resolved.Element;
    }

    private static List<XNode> Select(XElement inherit, XElement source, XElement target)
    {
        var path = inherit.Attribute("path")?.Value;
        var topLevel = inherit.Parent == target;
        IEnumerable<XNode> picked;
        if (!string.IsNullOrWhiteSpace(path))
        {
            try
            {
                var doc = new XDocument(new XElement(source));
                // Paths are written relative to the member ("/summary"); the document's root is the member element.
                picked = path.StartsWith('/') ? doc.XPathSelectElements("/*" + path) : doc.Root!.XPathSelectElements(path);
                picked = picked.ToList();
            }
            catch (XPathException)
            {
                return [];
            }
        }
        else if (topLevel)
        {
            var own = target.Elements().Where(e => e.Name.LocalName != "inheritdoc").Select(Key).ToHashSet(StringComparer.Ordinal);
            picked = source.Elements().Where(e => e.Name.LocalName != "overloads" && !own.Contains(Key(e)));
        }
        else
        {
            // <summary><inheritdoc/> and more</summary>: the same section's content from the source.
            picked = source.Element(inherit.Parent!.Name)?.Nodes() ?? [];
        }
        return picked.Select(n => n is XElement e ? new XElement(e) : n is XText t ? new XText(t) : (XNode)new XText("")).ToList();
    }

    private static string Key(XElement e) =>
        e.Name.LocalName + "|" + (e.Attribute("name")?.Value ?? e.Attribute("cref")?.Value ?? "");

    /// <summary>Where an <c>&lt;inheritdoc/&gt;</c> without cref looks, in order.</summary>
    internal static IEnumerable<ISymbol> ImplicitSources(ISymbol symbol)
    {
        switch (symbol)
        {
            case INamedTypeSymbol type:
                if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType) yield return baseType;
                foreach (var i in type.Interfaces) yield return i;
                foreach (var i in type.AllInterfaces.Where(a => !type.Interfaces.Contains(a, SymbolEqualityComparer.Default))) yield return i;
                yield break;
            case IMethodSymbol { OverriddenMethod: { } overridden }:
                yield return overridden;
                break;
            case IPropertySymbol { OverriddenProperty: { } overridden }:
                yield return overridden;
                break;
            case IEventSymbol { OverriddenEvent: { } overridden }:
                yield return overridden;
                break;
        }
        foreach (var explicitImpl in ExplicitImplementations(symbol)) yield return explicitImpl;
        if (symbol.ContainingType is not { } containing) yield break;
        foreach (var iface in containing.AllInterfaces)
            foreach (var member in iface.GetMembers(InterfaceName(symbol)))
                if (SymbolEqualityComparer.Default.Equals(containing.FindImplementationForInterfaceMember(member), symbol))
                    yield return member;
    }

    private static IEnumerable<ISymbol> ExplicitImplementations(ISymbol symbol) => symbol switch
    {
        IMethodSymbol m => m.ExplicitInterfaceImplementations,
        IPropertySymbol p => p.ExplicitInterfaceImplementations,
        IEventSymbol e => e.ExplicitInterfaceImplementations,
        _ => [],
    };

    private static string InterfaceName(ISymbol symbol)
    {
        var name = symbol.Name;
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name;
    }
}
