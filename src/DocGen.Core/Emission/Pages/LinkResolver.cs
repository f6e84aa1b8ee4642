using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using DocGen.Core.Diagnostics;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Pages;

/// <summary>The documentation being rendered: which page it lands on and whose docs they are (for diagnostics).</summary>
/// <param name="Page">The page being written; links are made relative to it.</param>
/// <param name="OwnerId">Documentation comment id of the type or member whose docs these are.</param>
/// <param name="Source">Where that type or member is declared, for the location of a warning.</param>
internal sealed record RenderScope(Page Page, string OwnerId, SourceLocation? Source);

/// <summary>
/// Turns crefs and type references into URLs: model ids go to our own pages (relative to the current
/// page), .NET ids (<c>System.*</c>, <c>Microsoft.*</c>) to learn.microsoft.com, anything else is
/// unresolved and reported once per owner and cref.
/// </summary>
internal sealed partial class LinkResolver(PageNames pages, string extension, DiagnosticBag? diagnostics)
{
    private const string LearnBase = "https://learn.microsoft.com/dotnet/api/";
    private readonly ConcurrentDictionary<(string Owner, string Cref), byte> _reported = new();

    /// <summary>File extension of pages, with the dot (<c>.html</c>, <c>.md</c>).</summary>
    public string Extension => extension;

    /// <summary>The file path of a page relative to the emitter's folder (<c>api/ns/type/index.html</c>); the Markdown
    /// tree names a folder's own page <c>README.md</c>, which is what GitHub shows for a folder.</summary>
    public string FileOf(Page page)
    {
        if (extension != ".md" || !IsFolderPage(page.Path)) return page.Path + extension;
        return page.Path[..^PageNames.FolderPageName.Length] + "README.md";
    }

    private static bool IsFolderPage(string path) =>
        path == PageNames.FolderPageName || path.EndsWith("/" + PageNames.FolderPageName, StringComparison.Ordinal);

    /// <summary>URL of <paramref name="target"/> relative to the page <paramref name="from"/>.</summary>
    public string Relative(Page from, Page target, string? anchor = null)
    {
        var url = RelativePath(from.Path, FileOf(target));
        return anchor is null ? url : url + "#" + anchor;
    }

    /// <summary>The folder of a page (<c>api/ns/</c>, with its slash): <see cref="Relative"/> depends only on it, so links computed
    /// for one page of a folder hold for every page in it.</summary>
    public static string FolderOf(Page page) => page.Path[..(page.Path.LastIndexOf('/') + 1)];

    /// <summary>Prefix that leads from <paramref name="from"/> to the folder root (<c>""</c>, <c>../../</c>).</summary>
    public static string RootOf(Page from) => string.Concat(Enumerable.Repeat("../", from.Path.Count(c => c == '/')));

    /// <summary>Resolves a cref seen in docs. Returns null (and reports a warning once) when it is unresolved.</summary>
    /// <param name="cref">The cref's documentation comment id.</param>
    /// <param name="scope">Where the docs are rendered.</param>
    /// <param name="isEnumValue">True when the cref names a value of an enum outside the model (see <see cref="DocReference.TargetIsEnumValue"/>).</param>
    public string? ResolveCref(string cref, RenderScope scope, bool isEnumValue = false)
    {
        var url = isEnumValue && pages.Find(cref) is null ? LearnUrl(cref, isEnumValue: true) : TryResolve(cref, scope.Page);
        if (url is null && diagnostics is not null && _reported.TryAdd((scope.OwnerId, cref), 0))
            diagnostics.Report(DiagnosticIds.UnresolvedCref, scope.Source?.Path, scope.Source?.Line, cref, scope.OwnerId);
        return url;
    }

    /// <summary>Resolves an id without reporting (type references in signatures).</summary>
    public string? TryResolve(string? id, Page from)
    {
        if (string.IsNullOrEmpty(id) || id.StartsWith("!:", StringComparison.Ordinal)) return null;
        if (pages.Find(id) is { } target) return Relative(from, target.Page, target.Anchor);
        return LearnUrl(id);
    }

    /// <summary>Text to show for a cref without link text: the model's name when we have it, else how extraction wrote the
    /// target (<paramref name="resolvedDisplay"/>, with its type parameters), else a short form of the id.</summary>
    public string DisplayOf(string cref, string? resolvedDisplay = null)
    {
        if (pages.Find(cref) is { } target)
        {
            if (target.Page is TypePage tp && cref.StartsWith("T:", StringComparison.Ordinal)) return tp.Type.Name;
            if (target.Page is MemberPage mp) return mp.Type.Name + "." + mp.Name;
            if (target.Page is NamespacePage np) return np.Name;
        }
        return resolvedDisplay ?? DocPlainText.ShortName(cref) ?? cref;
    }

    /// <summary>
    /// The learn.microsoft.com page of a .NET id, or null when it is not a .NET namespace. The scheme: lower case,
    /// generic arity as <c>-N</c> (<c>list-1</c>), method arity and parameters dropped (overloads share a page),
    /// constructors as <c>-ctor</c>, explicit implementations with every <c>#</c>, <c>{</c>, <c>}</c> and <c>,</c> of their
    /// name as <c>-</c> (<c>list-1.system-collections-generic-ienumerable-t--getenumerator</c>); an enum value has no page
    /// of its own: its enum's page with the value's anchor (<c>dayofweek#system-dayofweek-monday</c>).
    /// </summary>
    /// <param name="id">A documentation comment id.</param>
    /// <param name="isEnumValue">True when <paramref name="id"/> is a field of an enum (the id alone cannot tell).</param>
    internal static string? LearnUrl(string id, bool isEnumValue = false)
    {
        if (id.Length < 3 || id[1] != ':') return null;
        var name = id[2..];
        if (!(name == "System" || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)))
            return null;
        var paren = name.IndexOf('(');
        if (paren >= 0) name = name[..paren];
        var tilde = name.IndexOf('~');
        if (tilde >= 0) name = name[..tilde];
        if (id[0] is 'T' or 'N') return LearnBase + TypePart(name);
        var dot = name.LastIndexOf('.');
        if (dot <= 0) return LearnBase + TypePart(name);
        var type = TypePart(name[..dot]);
        var member = name[(dot + 1)..];
        if (isEnumValue && id[0] == 'F')
            return LearnBase + type + "#" + (name[..dot] + "." + member).Replace('`', '-').Replace('.', '-').ToLowerInvariant();
        member = MethodArity().Replace(member, "").Replace("#ctor", "-ctor").Replace("#cctor", "-cctor");
        member = member.Replace('#', '-').Replace('{', '-').Replace('}', '-').Replace(',', '-').Replace('`', '-');
        return LearnBase + type + "." + member.ToLowerInvariant();

        static string TypePart(string typeName) => MethodArity().Replace(typeName, "").Replace('`', '-').ToLowerInvariant();
    }

    /// <summary>True for links we are willing to emit from docs: http, https, mailto, or a relative path.</summary>
    public static bool IsSafeHref(string href)
    {
        var trimmed = href.Trim();
        if (trimmed.Length == 0 || trimmed.Any(char.IsControl)) return false;
        var colon = trimmed.IndexOf(':');
        var firstDelimiter = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon)) return !trimmed.StartsWith("//", StringComparison.Ordinal);
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static string RelativePath(string fromPagePath, string targetFile)
    {
        // Called for every link of every page (the sidebar alone has one per namespace): compare in place
        // instead of splitting both paths into arrays.
        var fromDirectory = fromPagePath.AsSpan(0, fromPagePath.LastIndexOf('/') + 1); // with its trailing '/' (FolderOf)
        var common = 0; // length of the shared leading folders, '/' included
        for (var i = 0; i < fromDirectory.Length && i < targetFile.Length && fromDirectory[i] == targetFile[i]; i++)
            if (fromDirectory[i] == '/') common = i + 1;
        var up = fromDirectory[common..].Count('/');
        if (up == 0) return common == 0 ? targetFile : targetFile[common..];
        return string.Create(up * 3 + targetFile.Length - common, (up, targetFile, common), static (span, state) =>
        {
            for (var i = 0; i < state.up; i++) "../".CopyTo(span[(i * 3)..]);
            state.targetFile.AsSpan(state.common).CopyTo(span[(state.up * 3)..]);
        });
    }

    [GeneratedRegex("``\\d+")]
    private static partial Regex MethodArity();
}
