using System.Collections.Concurrent;
using DocGen.Core.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// The Scriban templates of one output kind (<c>html</c> or <c>markdown</c>): the embedded defaults, each
/// replaced by a same-named file under <c>{TemplatesDirectory}/{kind}/</c> when there is one. Files whose name
/// starts with <c>_</c> are partials, rendered by <c>{{ include 'badge' item.badge }}</c>.
/// </summary>
/// <remarks>
/// Every template is parsed once; pages render from many threads, each render in a context of its own
/// (contexts are pooled: creating one costs about 20 KB, which on a large site was gigabytes). A user's
/// template that does not parse is reported with its file, line and column and the built-in one is used; one
/// that fails while rendering (or runs past <see cref="TemplateLimits.PageRender"/>) is reported once and
/// replaced by the built-in one from then on, so a broken override never stops the run.
/// </remarks>
internal sealed class TemplateStore
{
    private readonly OutputEscaper _escaper;
    private readonly DiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellation;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<PageContext> _contexts = [];
    private readonly PartialMemo _memo = new();
    private readonly string _partialNames;
    private bool _usesOverrides;

    private TemplateStore(OutputEscaper escaper, DiagnosticBag diagnostics, CancellationToken cancellation, IEnumerable<string> names)
    {
        _escaper = escaper;
        _diagnostics = diagnostics;
        _cancellation = cancellation;
        _partialNames = string.Join(", ", names.Where(n => n.StartsWith('_')).Select(n => n[1..]).Order(StringComparer.Ordinal));
    }

    /// <summary>SHA-256 of every template in use (DocGen's and the user's overrides, with their file names): part of every page's render key.</summary>
    public string SetHash { get; private set; } = "";

    /// <summary>True once a user's template failed and the built-in one took over: pages rendered since are not what the set says.</summary>
    public bool AnyFellBack => _entries.Values.Any(e => e.FellBack);

    /// <summary>Loads and parses the templates of <paramref name="kind"/>.</summary>
    /// <param name="kind"><c>html</c> or <c>markdown</c>: the folder under Templates/.</param>
    /// <param name="overridesDirectory">The user's templates folder, or null.</param>
    /// <param name="escaper">Escapes every <c>{{ value }}</c>.</param>
    /// <param name="diagnostics">Receives template errors.</param>
    /// <param name="reportShared">Whether this store reports problems of the folder itself (a missing folder), so two stores do not report them twice.</param>
    /// <param name="cancellation">The run's cancellation; it also stops a render in progress.</param>
    /// <exception cref="InvalidOperationException">A built-in template does not parse (a bug in DocGen).</exception>
    public static TemplateStore Load(string kind, string? overridesDirectory, OutputEscaper escaper, DiagnosticBag diagnostics, bool reportShared, CancellationToken cancellation = default)
    {
        var builtIn = TemplateSources.Embedded(kind);
        var overrides = TemplateSources.Overrides(kind, overridesDirectory, builtIn.Keys, diagnostics, reportShared);
        var store = new TemplateStore(escaper, diagnostics, cancellation, builtIn.Keys);
        foreach (var (name, text) in builtIn.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var label = $"{kind}/{name}.sbn";
            var template = TemplateCompiler.Parse(text, label);
            if (template.HasErrors) throw new InvalidOperationException($"The built-in template {label} does not parse: {TemplateErrors.First(template)?.Message}");
            var entry = new Entry(template);
            store._byFile[label] = template;
            store._texts[label] = text;
            if (overrides.TryGetValue(name, out var file) && TemplateSources.ReadOverride(name, file, diagnostics) is { } userText)
            {
                var user = TemplateCompiler.Parse(userText, file);
                if (TemplateErrors.First(user) is { } error)
                    diagnostics.Add(DiagnosticIds.TemplateCompileError.Create(file, error.Line, file, error.Message) with { Column = error.Column });
                else
                {
                    entry.Override = user;
                    store._byFile[file] = user;
                    store._texts[file] = userText;
                    store._usesOverrides = true;
                }
            }
            store._entries[name] = entry;
        }
        store.SetHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join("\n", store._texts.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}\n{t.Value.Length}\n{t.Value}")))));
        return store;
    }

    /// <summary>Renders template <paramref name="name"/> (without extension) over <paramref name="model"/>.</summary>
    /// <param name="name">Template name, e.g. <c>type</c>.</param>
    /// <param name="model">The view model the template sees as its globals.</param>
    /// <param name="pageLabel">What is being rendered, for an error message.</param>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public string Render(string name, object model, string pageLabel)
    {
        var entry = _entries[name];
        while (true)
        {
            _cancellation.ThrowIfCancellationRequested();
            var context = _contexts.TryTake(out var pooled) ? pooled : new PageContext(this);
            // A cancellation source (and its timer) per render only when a user's template could run away.
            using var limit = _usesOverrides ? CancellationTokenSource.CreateLinkedTokenSource(_cancellation) : null;
            limit?.CancelAfter(TemplateLimits.PageRender);
            try
            {
                context.Prepare(model, limit?.Token ?? _cancellation);
                var text = entry.Active.Render(context);
                context.Release();
                _contexts.Add(context);
                return text;
            }
            catch (ScriptRuntimeException ex)
            {
                // The failed context is dropped, whatever state the exception left it in.
                _cancellation.ThrowIfCancellationRequested();
                if (!FallBack(entry, ex, pageLabel)) throw;
            }
        }
    }

    /// <summary>
    /// Stops using the user's template that caused <paramref name="error"/>: the one the error points into, else the
    /// page's own override (it called a built-in partial wrongly, or ran out of time elsewhere). Reports it once.
    /// </summary>
    /// <returns>False when no user template is to blame (the error is DocGen's own).</returns>
    private bool FallBack(Entry page, ScriptRuntimeException error, string pageLabel)
    {
        var file = error.Span.FileName;
        // Renders on other threads may fail on the same template after it was replaced: they retry with the built-in one.
        var culprit = _entries.Values.FirstOrDefault(e => e.Override is not null && e.Override.SourceFilePath == file)
            ?? (page.Override is not null ? page : null);
        if (culprit is null) return false;
        lock (culprit)
        {
            if (culprit.FellBack) return true; // another page reported it first
            var userFile = culprit.Override!.SourceFilePath ?? "";
            var at = TemplateErrors.Locate(error, userFile);
            var message = error is ScriptAbortException ? $"it ran longer than {TemplateLimits.PageRender.TotalSeconds:0} s" : at.Message;
            _diagnostics.Add(DiagnosticIds.TemplateRenderError.Create(userFile, at.Line, userFile, pageLabel, message) with { Column = at.Column });
            culprit.FellBack = true;
        }
        return true;
    }

    /// <summary>The file of partial <paramref name="name"/> as used now (the user's, or DocGen's).</summary>
    private string PartialFile(SourceSpan span, string name) =>
        _entries.TryGetValue("_" + name, out var entry)
            ? entry.Active.SourceFilePath!
            : throw new ScriptRuntimeException(span, $"There is no partial '{name}' (known: {_partialNames})");

    /// <summary>One template: DocGen's, and the user's override that replaces it while it works.</summary>
    private sealed class Entry(Template builtIn)
    {
        public Template BuiltIn { get; } = builtIn;
        public Template? Override { get; set; }
        public volatile bool FellBack;
        public bool IsOverridden => Override is not null && !FellBack;
        public Template Active => IsOverridden ? Override! : BuiltIn;
    }

    /// <summary>A render context whose <c>include</c> reads this store's parsed templates.</summary>
    private sealed class PageContext : DocGenTemplateContext
    {
        private readonly TemplateStore _store;

        public PageContext(TemplateStore store) : base(store._escaper)
        {
            _store = store;
            TemplateLoader = new Loader(store);
        }

        public override PartialMemo Memo => _store._memo;

        // Include finds its template here (parsed once for the whole run), not by parsing the loader's text per context.
        protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext) => _store._byFile[templatePath];
    }

    private sealed class Loader(TemplateStore store) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => store.PartialFile(callerSpan, templateName);

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => store._texts[templatePath];

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}
