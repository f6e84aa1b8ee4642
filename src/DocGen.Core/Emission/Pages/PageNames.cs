using System.Security.Cryptography;
using System.Text;
using DocGen.Core.Model;

namespace DocGen.Core.Emission.Pages;

/// <summary>A page of the site (or of the Markdown tree) and what it shows.</summary>
/// <param name="Path">Path from the output folder's root without extension, forward slashes (<c>api/ns/list-1</c>).</param>
internal abstract record Page(string Path);

internal sealed record IndexPage(string Path) : Page(Path);

internal sealed record CoveragePage(string Path) : Page(Path);

/// <summary>The HTML site's search results page (<c>search.html?q=…</c>); the Markdown tree has none.</summary>
internal sealed record SearchPage(string Path) : Page(Path);

/// <summary>The project's package dependencies (from the manifest stage's <see cref="Model.DependencySet"/>).</summary>
internal sealed record DependenciesSitePage(string Path, Model.DependencySet Set) : Page(Path);

internal sealed record NamespacePage(string Path, string Name, IReadOnlyList<TypeModel> Types) : Page(Path);

internal sealed record TypePage(string Path, TypeModel Type, string AssemblyName) : Page(Path);

/// <summary>One member name of one type: all its overloads on one page.</summary>
internal sealed record MemberPage(string Path, TypeModel Type, string Name, IReadOnlyList<MemberModel> Members) : Page(Path);

/// <summary>Where a documentation comment id lives: a page and an optional anchor on it.</summary>
internal sealed record PageTarget(Page Page, string? Anchor);

/// <summary>
/// Decides every page path once for the whole model, so links and files always agree.
/// </summary>
/// <remarks>
/// Layout, collision-free by construction: a page that has pages below it is the <c>index</c> page of its own
/// folder, every other page is a leaf file. <c>index</c>, <c>coverage</c>, <c>dependencies</c>,
/// <c>api/{namespace}/index</c>, <c>api/{namespace}/{type}/index</c>, a nested type inside its outer type's folder
/// (<c>api/{namespace}/{outer}/{inner}/index</c>), <c>api/{namespace}/{type}/{member}</c>. <c>api/</c> holds only
/// namespace folders; a namespace folder holds its <c>index</c> and type folders; a type folder holds its
/// <c>index</c>, member leaves and nested-type folders. Names below <c>api/{namespace}</c> contain no dot, so a
/// folder can never be named like a sibling file (<c>x.html</c>), and the names <c>index</c> and <c>readme</c> are
/// never given to a leaf. Within one folder names are unique without regard to case (the later one in ordinal
/// order gets a short hash of its id), keep generic arity (<c>list-1</c>), avoid reserved device names and stay
/// short (long names are cut and hashed). The same model always yields the same names. C# identifiers cannot
/// contain <c>-</c>, so names made with it (<c>-ctor</c>, <c>global-namespace</c>) never collide with a real name.
/// </remarks>
internal sealed class PageNames
{
    private const int MaxSegment = 64;
    /// <summary>The file name of a folder's own page (the Markdown tree writes it as <c>README.md</c>).</summary>
    public const string FolderPageName = "index";
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    /// <summary>Leaf names that would be taken for a folder's own page (<c>index.html</c>, <c>README.md</c>).</summary>
    private static readonly string[] FolderPageNames = [FolderPageName, "readme"];

    private readonly Dictionary<string, PageTarget> _targets = new(StringComparer.Ordinal);
    private readonly List<TypePage> _typePages = [];
    private readonly List<MemberPage> _memberPages = [];

    public PageNames(ApiModel model, Model.DependencySet? dependencies = null)
    {
        Index = new IndexPage(FolderPageName);
        Coverage = new CoveragePage("coverage");
        Dependencies = dependencies is null ? null : new DependenciesSitePage("dependencies", dependencies);

        // Namespaces merge across assemblies; a type id seen twice (type forwarding) keeps its first home.
        var seenTypes = new HashSet<string>(StringComparer.Ordinal);
        var namespaces = new SortedDictionary<string, List<(TypeModel Type, string Assembly)>>(StringComparer.Ordinal);
        foreach (var assembly in model.Assemblies)
            foreach (var ns in assembly.Namespaces)
            {
                if (!namespaces.TryGetValue(ns.Name, out var list)) namespaces[ns.Name] = list = [];
                foreach (var type in ns.Types)
                    if (seenTypes.Add(type.Id)) list.Add((type, assembly.Name));
            }

        var nsNames = Unique(namespaces.Keys, n => n.Length == 0 ? "global-namespace" : Sanitize(n), []);
        var nsPages = new List<NamespacePage>();
        foreach (var (nsName, types) in namespaces)
        {
            var folder = "api/" + nsNames[nsName];
            var nsPage = new NamespacePage(folder + "/" + FolderPageName, nsName, types.Select(t => t.Type).OrderBy(t => t.Id, StringComparer.Ordinal).ToList());
            nsPages.Add(nsPage);
            _targets["N:" + nsName] = new PageTarget(nsPage, null);

            // A nested type lives in its outer type's folder; one whose outer type is not in the model stays at the top.
            var ids = types.Select(t => t.Type.Id).ToHashSet(StringComparer.Ordinal);
            var children = types.ToLookup(t => t.Type.ContainingTypeId is { } c && ids.Contains(c) ? c : "", StringComparer.Ordinal);
            var topLevel = children[""].ToList();
            var topNames = Unique(topLevel.Select(t => t.Type.Id), id => LeafName(TypeNameWithinNamespace(id, nsName)), []);
            foreach (var (type, assemblyName) in topLevel.OrderBy(t => t.Type.Id, StringComparer.Ordinal))
                AddType(type, assemblyName, folder + "/" + topNames[type.Id], children);
        }
        Namespaces = nsPages;
        Types = _typePages;
        Members = _memberPages;
    }

    /// <summary>A type's page, its member pages and (recursively) its nested types, all inside <paramref name="folder"/>.</summary>
    private void AddType(TypeModel type, string assemblyName, string folder, ILookup<string, (TypeModel Type, string Assembly)> children)
    {
        var typePage = new TypePage(folder + "/" + FolderPageName, type, assemblyName);
        _typePages.Add(typePage);
        _targets[type.Id] = new PageTarget(typePage, null);

        var groups = type.Members
            .Where(m => m.Kind != ApiMemberKind.EnumValue)
            .GroupBy(m => GroupKey(m.Id), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var nested = children[type.Id].OrderBy(t => t.Type.Id, StringComparer.Ordinal).ToList();
        // Member pages are files and nested types folders, and no name here has a dot: a file (x.html) can never be
        // named like a folder (x), so each set only has to be unique in itself, and leaves avoid the folder page's names.
        var memberNames = Unique(groups.Select(g => g.Key), key => LeafName(key), FolderPageNames);
        var nestedNames = Unique(nested.Select(n => n.Type.Id), id => LeafName(SimpleTypeName(id)), []);
        foreach (var group in groups)
        {
            var members = group.ToList();
            var page = new MemberPage($"{folder}/{memberNames[group.Key]}", type, GroupName(members), members);
            _memberPages.Add(page);
            var anchors = Anchors(members);
            foreach (var member in members) _targets[member.Id] = new PageTarget(page, anchors[member.Id]);
        }
        foreach (var value in type.Members.Where(m => m.Kind == ApiMemberKind.EnumValue))
            _targets[value.Id] = new PageTarget(typePage, "value-" + Sanitize(value.Name));
        foreach (var (child, assembly) in nested)
            AddType(child, assembly, folder + "/" + nestedNames[child.Id], children);
    }

    public IndexPage Index { get; }
    public CoveragePage Coverage { get; }

    /// <summary>The search results page; only the HTML site writes it (not part of <see cref="All"/>).</summary>
    public SearchPage Search { get; } = new("search");

    /// <summary>The Dependencies page, when the project's assets file is known.</summary>
    public DependenciesSitePage? Dependencies { get; }
    public IReadOnlyList<NamespacePage> Namespaces { get; }
    public IReadOnlyList<TypePage> Types { get; }
    public IReadOnlyList<MemberPage> Members { get; }

    /// <summary>Every page, in a stable order.</summary>
    public IEnumerable<Page> All => new Page?[] { Index, Coverage, Dependencies }.OfType<Page>().Concat(Namespaces).Concat(Types).Concat(Members);

    /// <summary>The page (and anchor) of a documentation comment id, or null when the model does not have it.</summary>
    public PageTarget? Find(string id) => _targets.GetValueOrDefault(id);

    /// <summary>The member-group key of a member id: its name without parameters or generic arity (<c>M:N.T.Add``1(…)</c> → <c>Add</c>).</summary>
    internal static string GroupKey(string memberId)
    {
        var s = memberId.Length > 2 && memberId[1] == ':' ? memberId[2..] : memberId;
        var paren = s.IndexOf('(');
        if (paren >= 0) s = s[..paren];
        var tilde = s.IndexOf('~'); // conversion operators: op_Implicit(…)~Target
        if (tilde >= 0) s = s[..tilde];
        var dot = LastDotOutsideBraces(s);
        var name = dot >= 0 ? s[(dot + 1)..] : s;
        var arity = name.IndexOf("``", StringComparison.Ordinal);
        return arity >= 0 ? name[..arity] : name;
    }

    /// <summary>A file-name-safe, lower-case form of a name: generic arity becomes <c>-N</c>, anything unusual becomes <c>-</c>.</summary>
    internal static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '.') sb.Append(c);
            else if (c is >= 'A' and <= 'Z') sb.Append((char)(c + 32));
            else if (char.IsLetter(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            else if (sb.Length == 0) sb.Append('-');
        }
        var result = sb.ToString().TrimEnd('-', '.');
        return result.Length == 0 ? "-" : result;
    }

    /// <summary>A short stable hash of an id (six hex digits of its SHA-256).</summary>
    internal static string ShortHash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..6];

    /// <summary>What a member page holds: its members' name, or for conversions to several types what they share
    /// (<c>implicit operator</c>), never the first overload's <c>implicit operator int</c>.</summary>
    private static string GroupName(List<MemberModel> members)
    {
        var first = members[0].Name;
        if (members.All(m => m.Name == first)) return first;
        if (members.All(m => m.Kind == ApiMemberKind.ConversionOperator))
        {
            var words = first.Split(' ');
            if (words.Length >= 2 && members.All(m => m.Name.StartsWith(words[0] + " operator ", StringComparison.Ordinal))) return words[0] + " operator";
        }
        return first;
    }

    /// <summary>A name for a segment below a namespace folder: sanitized, and with no dot (see the remarks).</summary>
    private static string LeafName(string name) => Sanitize(name).Replace('.', '-');

    /// <summary><c>T:Ns.Outer`1.Inner`2</c> → <c>Inner`2</c>.</summary>
    private static string SimpleTypeName(string typeId)
    {
        var dot = LastDotOutsideBraces(typeId);
        return dot >= 0 ? typeId[(dot + 1)..] : typeId[2..];
    }

    private static string TypeNameWithinNamespace(string typeId, string ns)
    {
        var full = typeId.Length > 2 && typeId[1] == ':' ? typeId[2..] : typeId;
        return ns.Length > 0 && full.StartsWith(ns + ".", StringComparison.Ordinal) ? full[(ns.Length + 1)..] : full;
    }

    /// <summary>Maps each key to a name unique without regard to case, short, not a reserved device name and none of <paramref name="taken"/>.</summary>
    private static Dictionary<string, string> Unique(IEnumerable<string> keys, Func<string, string> nameOf, IEnumerable<string> taken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var name = nameOf(key);
            if (Encoding.UTF8.GetByteCount(name) > MaxSegment) name = Truncate(name) + "-" + ShortHash(key);
            if (ReservedNames.Contains(name.Split('.')[0]) || !used.Add(name))
            {
                name = name + "-" + ShortHash(key);
                // A clash of hashes is astronomically rare; make it impossible anyway.
                for (var i = 2; !used.Add(name); i++) name = $"{name}-{i}";
            }
            result[key] = name;
        }
        return result;
    }

    private static string Truncate(string name)
    {
        var cut = name[..Math.Min(name.Length, MaxSegment - 8)];
        while (Encoding.UTF8.GetByteCount(cut) > MaxSegment - 8) cut = cut[..^1];
        return cut.TrimEnd('-', '.');
    }

    /// <summary>Anchors of overloads on one page: readable (<c>add-int-int</c>), unique within the page.</summary>
    private static Dictionary<string, string> Anchors(IReadOnlyList<MemberModel> members)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in members)
        {
            var anchor = Sanitize(member.DisplayName);
            if (anchor.Length > MaxSegment) anchor = Truncate(anchor);
            if (!used.Add(anchor)) { anchor += "-" + ShortHash(member.Id); used.Add(anchor); }
            result[member.Id] = anchor;
        }
        return result;
    }

    private static int LastDotOutsideBraces(string s)
    {
        var depth = 0;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            switch (s[i])
            {
                case '}': depth++; break;
                case '{': depth--; break;
                case '.' when depth == 0: return i;
            }
        }
        return -1;
    }
}
