using System.Text.RegularExpressions;
using DocGen.Core.Diagnostics;
using HandlebarsDotNet;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// The Handlebars templates of one output kind (<c>html</c> or <c>markdown</c>): the embedded defaults,
/// each replaced by a same-named file under <c>{TemplatesDirectory}/{kind}/</c> when there is one.
/// Files whose name starts with <c>_</c> are partials (<c>_header.hbs</c> → <c>{{&gt; header}}</c>).
/// </summary>
/// <remarks>
/// Each template is compiled once and its delegate reused (rendering is thread-safe). A template that
/// does not compile or fails while rendering is reported with its file and line, and the embedded
/// template takes its place, so a broken override never stops the run.
/// </remarks>
internal sealed partial class TemplateStore
{
    private const string ResourcePrefix = "DocGen.Templates/";
    private readonly IHandlebars _handlebars;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, Entry> _templates = new(StringComparer.Ordinal);

    private TemplateStore(IHandlebars handlebars, DiagnosticBag diagnostics)
    {
        _handlebars = handlebars;
        _diagnostics = diagnostics;
    }

    /// <summary>Loads and compiles the templates of <paramref name="kind"/>.</summary>
    /// <param name="kind"><c>html</c> or <c>markdown</c>: the folder under Templates/.</param>
    /// <param name="overridesDirectory">The user's templates folder, or null.</param>
    /// <param name="encoder">Escapes <c>{{value}}</c>; null keeps Handlebars' HTML escaping.</param>
    /// <param name="diagnostics">Receives template errors.</param>
    /// <param name="reportShared">Whether this store reports problems of the folder itself (a missing folder), so two stores do not report them twice.</param>
    public static TemplateStore Load(string kind, string? overridesDirectory, ITextEncoder? encoder, DiagnosticBag diagnostics, bool reportShared)
    {
        // Numbers (coverage percentages) must not depend on the machine's culture.
        var configuration = new HandlebarsConfiguration { FormatProvider = System.Globalization.CultureInfo.InvariantCulture };
        if (encoder is not null) configuration.TextEncoder = encoder;
        var store = new TemplateStore(Handlebars.Create(configuration), diagnostics);

        var builtIn = EmbeddedTemplates(kind);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (overridesDirectory is not null)
        {
            if (!Directory.Exists(overridesDirectory))
            {
                if (reportShared) diagnostics.Report(DiagnosticIds.TemplatesDirectoryNotFound, overridesDirectory, null, overridesDirectory);
            }
            else
            {
                var folder = Path.Combine(overridesDirectory, kind);
                var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.hbs").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
                foreach (var file in files)
                {
                    var name = Path.GetFileNameWithoutExtension(file);
                    if (builtIn.ContainsKey(name)) overrides[name] = file;
                    else diagnostics.Report(DiagnosticIds.UnknownTemplateOverride, file, null, file, string.Join(", ", builtIn.Keys.Order(StringComparer.Ordinal).Select(n => $"{kind}/{n}.hbs")));
                }
                if (reportShared)
                    foreach (var file in Directory.GetFiles(overridesDirectory, "*.hbs").Order(StringComparer.Ordinal))
                        diagnostics.Report(DiagnosticIds.UnknownTemplateOverride, file, null, file, "put overrides in the html/ or markdown/ subfolder");
            }
        }

        // Partials first: a page template may reference them while compiling.
        foreach (var name in builtIn.Keys.OrderBy(n => n.StartsWith('_') ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal))
        {
            var entry = new Entry(name, $"{kind}/{name}.hbs", builtIn[name]);
            if (overrides.TryGetValue(name, out var file))
            {
                var text = PartialText(name, File.ReadAllText(file));
                if (store.TryCompile(file, text, out var compiled))
                {
                    entry.Primary = compiled;
                    entry.PrimaryFile = file;
                    entry.PrimaryText = text;
                }
            }
            if (entry.Primary is null && store.TryCompile(entry.BuiltInFile, entry.BuiltInText, out var fallback))
                entry.Primary = fallback;
            if (entry.Primary is null) continue; // our own template is broken: already reported
            if (name.StartsWith('_')) store._handlebars.RegisterTemplate(name[1..], entry.Primary);
            store._templates[name] = entry;
        }
        return store;
    }

    /// <summary>Renders template <paramref name="name"/> (without <c>.hbs</c>) over <paramref name="model"/>.</summary>
    /// <param name="name">Template name, e.g. <c>type</c>.</param>
    /// <param name="model">The data the template sees.</param>
    /// <param name="pageLabel">What is being rendered, for an error message.</param>
    public string Render(string name, object model, string pageLabel)
    {
        if (!_templates.TryGetValue(name, out var entry)) return "";
        var template = entry.Primary!;
        try
        {
            return Invoke(template, model);
        }
        // Other threads may be running the user's template when the first failure swaps it: they retry too.
        catch (Exception ex) when (entry.PrimaryFile is not null)
        {
            lock (entry)
            {
                if (!entry.FellBack)
                {
                    var (file, line) = LocateRuntimeError(entry, ex.Message);
                    _diagnostics.Report(DiagnosticIds.TemplateRenderError, file, line, file, pageLabel, FirstLine(ex.Message));
                    entry.FellBack = true;
                    if (TryCompile(entry.BuiltInFile, entry.BuiltInText, out var builtIn)) entry.Primary = builtIn;
                }
            }
            return Invoke(entry.Primary!, model);
        }
    }

    private static string Invoke(HandlebarsTemplate<TextWriter, object, object> template, object model)
    {
        using var writer = new StringWriter();
        template(writer, model);
        return writer.ToString();
    }

    private bool TryCompile(string file, string text, out HandlebarsTemplate<TextWriter, object, object>? compiled)
    {
        try
        {
            compiled = _handlebars.Compile(new StringReader(text));
            return true;
        }
        catch (Exception ex)
        {
            var (line, column) = LocateCompileError(text, ex.Message);
            _diagnostics.Add(DiagnosticIds.TemplateCompileError.Create(file, line, file, FirstLine(ex.Message)) with { Column = column });
            compiled = null;
            return false;
        }
    }

    /// <summary>
    /// Handlebars.Net puts a position in some messages ("Occured at: 2:5", zero-based line). For the
    /// others, the first line whose prefix of the template fails with the same message is where the
    /// problem starts (an unclosed block fails from its opening line on).
    /// </summary>
    private (int? Line, int? Column) LocateCompileError(string text, string message)
    {
        // "Reached end of template…" positions point at the end: the prefix search finds the opening instead.
        var match = OccurredAt().Match(message);
        if (match.Success && !message.StartsWith("Reached end", StringComparison.Ordinal))
            return (int.Parse(match.Groups[1].Value) + 1, int.Parse(match.Groups[2].Value) + 1);
        var lines = text.Split('\n');
        var probe = Handlebars.Create();
        int? same = null, firstHard = null;
        for (var i = 1; i <= lines.Length && same is null; i++)
        {
            try { probe.Compile(string.Join('\n', lines[..i])); }
            catch (Exception ex)
            {
                if (FirstLine(ex.Message) == FirstLine(message)) same = i;
                // A block still open at a prefix's end may close later; any other failure cannot be fixed by later lines.
                else if (firstHard is null && !ex.Message.Contains("block expression", StringComparison.Ordinal)) firstHard = i;
            }
        }
        if (firstHard is not null && (same is null || firstHard < same)) return (firstHard, null);
        if (same is not null) return (same, null);
        return match.Success ? (int.Parse(match.Groups[1].Value) + 1, int.Parse(match.Groups[2].Value) + 1) : (null, null);
    }

    /// <summary>Runtime errors name the helper or partial they miss; find where the template uses it.</summary>
    private (string File, int? Line) LocateRuntimeError(Entry entry, string message)
    {
        var quoted = Quoted().Match(message);
        if (quoted.Success)
        {
            var name = Regex.Escape(quoted.Groups[1].Value);
            var usage = new Regex(@"\{\{[#>~\s]*" + name + @"\b");
            var candidates = new[] { (entry.PrimaryFile!, entry.PrimaryText!) }
                .Concat(_templates.Values.Where(e => e.PrimaryFile is not null && e != entry).Select(e => (e.PrimaryFile!, e.PrimaryText!)));
            foreach (var (file, text) in candidates)
            {
                var lines = text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                    if (usage.IsMatch(lines[i])) return (file, i + 1);
            }
        }
        return (entry.PrimaryFile!, null);
    }

    /// <summary>Partials are used inline (<c>{{&gt; badge}}</c> in a table row): the final newline editors add would break the line.</summary>
    private static string PartialText(string name, string text) => name.StartsWith('_') ? text.TrimEnd('\r', '\n') : text;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static Dictionary<string, string> EmbeddedTemplates(string kind)
    {
        var assembly = typeof(TemplateStore).Assembly;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalized = resource.Replace('\\', '/');
            var prefix = ResourcePrefix + kind + "/";
            if (!normalized.StartsWith(prefix, StringComparison.Ordinal) || !normalized.EndsWith(".hbs", StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = normalized[prefix.Length..^4];
            result[name] = PartialText(name, reader.ReadToEnd());
        }
        return result;
    }

    /// <summary>Reads an embedded asset (<c>Emission/Assets/{name}</c>).</summary>
    internal static byte[] ReadAsset(string name)
    {
        var assembly = typeof(TemplateStore).Assembly;
        var resource = assembly.GetManifestResourceNames().First(r => r.Replace('\\', '/') == "DocGen.Assets/" + name);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Names of the embedded assets (<c>docgen.css</c>…).</summary>
    internal static IEnumerable<string> AssetNames() => typeof(TemplateStore).Assembly.GetManifestResourceNames()
        .Select(r => r.Replace('\\', '/'))
        .Where(r => r.StartsWith("DocGen.Assets/", StringComparison.Ordinal))
        .Select(r => r["DocGen.Assets/".Length..])
        .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"Occured at:\s*(\d+):(\d+)")]
    private static partial Regex OccurredAt();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    private sealed class Entry(string name, string builtInFile, string builtInText)
    {
        public string Name { get; } = name;
        public string BuiltInFile { get; } = builtInFile;
        public string BuiltInText { get; } = builtInText;
        public string? PrimaryFile { get; set; }
        public string? PrimaryText { get; set; }
        public HandlebarsTemplate<TextWriter, object, object>? Primary { get; set; }
        public volatile bool FellBack;
    }
}
