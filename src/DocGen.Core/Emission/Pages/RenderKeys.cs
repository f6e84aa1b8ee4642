using System.Collections.Concurrent;
using System.Text;
using DocGen.Core.Output;

namespace DocGen.Core.Emission.Pages;

/// <summary>
/// The render key of every page one format wrote, kept in the output folder next to the ownership list
/// (<c>.docgen-render-html.txt</c>, <c>.docgen-render-markdown.txt</c>): the key (a hash of exactly what the page is
/// rendered from: its view models, the template set and DocGen's own build) and the hash of the file it produced.
/// A run still builds every page's view model, which is cheap, but renders and writes only the pages whose key
/// changed or whose file is no longer what DocGen wrote; the others are kept as they are.
/// </summary>
/// <remarks>
/// The file is one of DocGen's own outputs, so it is on the ownership list with its hash, and a copy that someone
/// edited is not trusted (every page is rendered). A page that failed, was left alone (a file of yours in its way), or
/// was rendered while a template override failed gets no key, so the next run renders it again and reports again.
/// </remarks>
internal sealed class RenderKeys
{
    private const string Header = "# docgen-render/1: render key, SHA-256 of the file and path of each page DocGen rendered; a page whose key is unchanged and whose file still has that hash is not rendered again";

    private readonly Dictionary<string, (string Key, string Hash)> _previous;
    private readonly ConcurrentDictionary<string, (string Key, string Hash)> _current = new(StringComparer.Ordinal);
    private int _skipped;
    private int _rendered;

    private RenderKeys(string fileName, string salt, Dictionary<string, (string, string)> previous)
    {
        FileName = fileName;
        Salt = salt;
        _previous = previous;
    }

    /// <summary>Where the keys of this format live, relative to the output root.</summary>
    public string FileName { get; }

    /// <summary>What every key of this format starts from: the template set and DocGen's build.</summary>
    public string Salt { get; }

    /// <summary>Pages kept without rendering in this run.</summary>
    public int SkippedCount => _skipped;

    /// <summary>Pages rendered in this run.</summary>
    public int RenderedCount => _rendered;

    /// <summary>Reads the keys the previous run of <paramref name="kind"/> left, when DocGen wrote them and they are unchanged.</summary>
    /// <param name="writer">The run's writer (already open).</param>
    /// <param name="kind"><c>html</c> or <c>markdown</c>.</param>
    /// <param name="templateSet">Hash of the templates in use (<see cref="Rendering.TemplateStore"/>).</param>
    public static RenderKeys Load(OutputWriter writer, string kind, string templateSet)
    {
        var fileName = $".docgen-render-{kind}.txt";
        // DocGen's own build is in every key: a new version may render the same model differently.
        var salt = $"{kind}\n{templateSet}\n{typeof(RenderKeys).Assembly.ManifestModule.ModuleVersionId:N}";
        var previous = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (writer.ReadOwned(fileName) is { } bytes) Parse(Encoding.UTF8.GetString(bytes), previous);
        return new RenderKeys(fileName, salt, previous);
    }

    /// <summary>The key of a page rendered from <paramref name="models"/> with template <paramref name="template"/>; null when it cannot be computed.</summary>
    public string? KeyOf(string template, params object?[] models)
    {
        try
        {
            return ViewModelHash.Of(Salt + "\n" + template, models);
        }
        catch (InvalidOperationException)
        {
            return null; // a model too deep to key: rendered every time
        }
    }

    /// <summary>True (and the page counts as written) when the page at <paramref name="path"/> was rendered from <paramref name="key"/> and its file is untouched.</summary>
    public bool TryReuse(OutputWriter writer, string path, string key)
    {
        if (!_previous.TryGetValue(path, out var entry) || entry.Key != key || !writer.TryReuse(path, entry.Hash)) return false;
        _current[path] = entry;
        Interlocked.Increment(ref _skipped);
        return true;
    }

    /// <summary>Records that the page at <paramref name="path"/> was just rendered from <paramref name="key"/> (null: no key) and written.</summary>
    public void Record(OutputWriter writer, string path, string? key)
    {
        Interlocked.Increment(ref _rendered);
        if (key is not null && writer.HashOf(path) is { } hash) _current[path] = (key, hash);
    }

    /// <summary>Writes the keys of this run (none when <paramref name="trusted"/> is false: every page renders next time).</summary>
    public void Save(OutputWriter writer, bool trusted)
    {
        IEnumerable<string> lines = trusted
            ? _current.Select(e => string.Join(' ', e.Value.Key, e.Value.Hash, e.Key)).Order(StringComparer.Ordinal)
            : [];
        var text = new StringBuilder(Header).Append('\n');
        foreach (var line in lines) text.Append(line).Append('\n');
        writer.WriteText(FileName, text.ToString());
    }

    private static void Parse(string text, Dictionary<string, (string, string)> into)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(' ', 3);
            if (parts.Length != 3 || parts[0].Length != 64 || parts[1].Length != 64) continue;
            into[parts[2]] = (parts[0], parts[1]);
        }
    }
}
