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
    private readonly HashSet<(string File, int? Line, string Message)> _reportedRuntimeErrors = [];

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
        // Partial texts as compiled (the user's override or ours), the ones that are overrides, and ours alone (for the
        // built-in fallback of each page, which must not contain the user's text).
        var partialTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        var overriddenPartials = new HashSet<string>(StringComparer.Ordinal);
        var builtInPartials = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in builtIn.Keys.OrderBy(n => n.StartsWith('_') ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal))
        {
            var isPartial = name.StartsWith('_');
            var entry = new Entry(name, $"{kind}/{name}.hbs", isPartial ? builtIn[name] : Inline(builtIn[name], builtInPartials));
            if (overrides.TryGetValue(name, out var file))
            {
                var text = PartialText(name, File.ReadAllText(file));
                if (store.TryCompileInlined(file, text, partialTexts, overriddenPartials, out var compiled, out _))
                {
                    entry.Primary = compiled;
                    entry.PrimaryFile = file;
                    entry.PrimaryText = text;
                    entry.UsesOverride = true;
                }
            }
            if (entry.Primary is null && store.TryCompileInlined(entry.BuiltInFile, builtIn[name], partialTexts, overriddenPartials, out var fallback, out var usesOverridden))
            {
                entry.Primary = fallback;
                entry.UsesOverride = usesOverridden;
            }
            if (entry.Primary is null) continue; // our own template is broken: already reported
            if (isPartial)
            {
                store._handlebars.RegisterTemplate(name[1..], entry.Primary);
                partialTexts[name[1..]] = entry.PrimaryText ?? builtIn[name];
                if (entry.PrimaryFile is not null) overriddenPartials.Add(name[1..]);
                builtInPartials[name[1..]] = builtIn[name];
            }
            store._templates[name] = entry;
        }
        return store;
    }

    /// <summary>
    /// Compiles <paramref name="text"/> with its simple partial calls inlined (see <see cref="Inline"/>); when that
    /// does not compile, compiles the text as written so the error points at the user's own line.
    /// </summary>
    private bool TryCompileInlined(string file, string text, IReadOnlyDictionary<string, string> partials, IReadOnlySet<string> overriddenPartials,
        out HandlebarsTemplate<TextWriter, object, object>? compiled, out bool usesOverriddenPartial)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var inlined = Inline(text, partials, used);
        usesOverriddenPartial = used.Overlaps(overriddenPartials);
        if (!ReferenceEquals(inlined, text))
        {
            try
            {
                compiled = _handlebars.Compile(new StringReader(inlined));
                return true;
            }
            catch (Exception)
            {
                // Fall through: the text as written reports the error with the user's line numbers, or compiles.
            }
        }
        return TryCompile(file, text, out compiled);
    }

    /// <summary>
    /// Replaces <c>{{&gt; name}}</c> and <c>{{&gt; name Path}}</c> by the partial's text (the latter inside
    /// <c>{{#with Path}}</c>). Same output, but Handlebars.Net allocates about 10 KB per partial call with a context
    /// argument, which on a large site was the largest share of rendering time. Other partial forms (hash arguments,
    /// dynamic names, partial blocks, whitespace control) are left as partial calls.
    /// </summary>
    private static string Inline(string text, IReadOnlyDictionary<string, string> partials, HashSet<string>? used = null, int depth = 0)
    {
        if (depth > 8 || !text.Contains("{{>", StringComparison.Ordinal)) return text;
        return PartialCall().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            var (lead, trail) = (match.Groups["lead"], match.Groups["trail"]);
            if (!partials.TryGetValue(name, out var body)) return match.Value;
            used?.Add(name);
            body = Inline(body, partials, used, depth + 1);
            var path = match.Groups["path"];
            // A call alone on its line is "standalone": Handlebars drops that line's newline. Inlined, the newline is
            // kept in the text (so a block tag on the next line stays standalone too) and removed from the output by
            // whitespace control ({{~…}}). Indented calls and partials ending in white space keep the partial call.
            if (lead.Success && trail.Success)
            {
                if (lead.Length > 0 || body.Length == 0 || char.IsWhiteSpace(body[^1])) return match.Value;
                return (path.Success ? "{{#with " + path.Value + "}}" + body + "\n{{~/with}}" : body + "\n{{~!}}") + trail.Value;
            }
            if (path.Success) body = "{{#with " + path.Value + "}}" + body + "{{/with}}";
            return lead.Value + body + trail.Value;
        });
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
        catch (Exception ex) when (entry.UsesOverride)
        {
            lock (entry)
            {
                if (!entry.FellBack)
                {
                    var (file, line) = LocateRuntimeError(entry, ex.Message);
                    // A broken partial is inlined into several pages: report it once.
                    bool first;
                    lock (_reportedRuntimeErrors) first = _reportedRuntimeErrors.Add((file, line, FirstLine(ex.Message)));
                    if (first)
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
        // One buffer per thread, reused for every page: a growing StringWriter per render was a large share of the
        // allocations on a big site. Rendering does not re-enter, and ToString copies before the next use.
        var buffer = t_buffer ??= new System.Text.StringBuilder(16 * 1024);
        buffer.Clear();
        try
        {
            using var writer = new StringWriter(buffer, System.Globalization.CultureInfo.InvariantCulture);
            template(writer, model);
            return buffer.ToString();
        }
        finally
        {
            if (buffer.Capacity > MaxKeptBuffer) t_buffer = null; // do not keep one huge page's buffer alive
        }
    }

    private const int MaxKeptBuffer = 1024 * 1024;

    [ThreadStatic]
    private static System.Text.StringBuilder? t_buffer;

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
            // The template itself first, then the user's other files (an inlined partial override may be the culprit).
            var candidates = _templates.Values.Where(e => e.PrimaryFile is not null)
                .OrderBy(e => e == entry ? 0 : 1)
                .Select(e => (e.PrimaryFile!, e.PrimaryText!));
            foreach (var (file, text) in candidates)
            {
                var lines = text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                    if (usage.IsMatch(lines[i])) return (file, i + 1);
            }
        }
        return (entry.PrimaryFile ?? _templates.Values.FirstOrDefault(e => e.PrimaryFile is not null)?.PrimaryFile ?? entry.BuiltInFile, null);
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

    [GeneratedRegex(@"(?<lead>^[ \t]*)?\{\{>\s*(?<name>[A-Za-z0-9_\-]+)(?:\s+(?<path>[A-Za-z_@][A-Za-z0-9_.@/]*))?\s*\}\}(?<trail>[ \t]*(?:\r?\n|\z))?", RegexOptions.Multiline)]
    private static partial Regex PartialCall();

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
        /// <summary>The compiled template contains the user's text (its own override or an inlined overridden partial).</summary>
        public bool UsesOverride { get; set; }
        public volatile bool FellBack;
    }
}
