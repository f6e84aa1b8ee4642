using DocGen.Core.Emission.Rendering;

namespace DocGen.Core.Emission.Pages;

/// <summary>The parts that differ between the HTML site and the Markdown tree.</summary>
/// <param name="Kind">Template folder: <c>html</c> or <c>markdown</c>.</param>
/// <param name="Folder">Output folder under the root: <c>site</c> or <c>markdown</c>.</param>
/// <param name="Extension">Page extension with the dot.</param>
/// <param name="Escaper">Escaping of every <c>{{ value }}</c> in this format's templates.</param>
/// <param name="CreateRenderer">Makes the doc renderer of this format.</param>
/// <param name="ReportsDocProblems">Whether this output reports unresolved crefs and dropped links (only one output should, or each would be reported twice).</param>
internal sealed record PageFormat(
    string Kind,
    string Folder,
    string Extension,
    OutputEscaper Escaper,
    bool ReportsDocProblems,
    Func<LinkResolver, Diagnostics.DiagnosticBag?, DocRenderer> CreateRenderer);

/// <summary>Renders every page of the model through the templates of one format and writes them.</summary>
internal static class PageRenderer
{
    /// <summary>Writes every page; returns the names and builder for format-specific extras (search index).</summary>
    public static (PageNames Pages, LinkResolver Links, PageModelBuilder Builder) Emit(EmissionContext context, PageFormat format)
    {
        var pages = new PageNames(context.Model, context.Dependencies);
        var docDiagnostics = format.ReportsDocProblems ? context.Diagnostics : null;
        var links = new LinkResolver(pages, format.Extension, docDiagnostics);
        var renderer = format.CreateRenderer(links, docDiagnostics);
        var templates = TemplateStore.Load(format.Kind, context.Options.TemplatesDirectory, format.Escaper, context.Diagnostics, reportShared: format.ReportsDocProblems, context.CancellationToken);
        var projectFolder = context.Inputs.ProjectPath is { } project ? Path.GetDirectoryName(Path.GetFullPath(project)) : null;
        var builder = new PageModelBuilder(context.Model, pages, renderer, projectFolder);
        var keys = RenderKeys.Load(context.Writer, format.Kind, templates.SetHash);

        var all = pages.All.ToList();
        if (format.Kind == "html") all.Insert(1, pages.Search);
        var options = new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.ForEach(all, options, page => RenderPage(context, format, page, templates, builder, links, keys));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // Callers handle typed failures (a rejected output path); do not hide them in an AggregateException.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
        // After a user's template failed, pages rendered with the built-in one instead: render them all again next time.
        keys.Save(context.Writer, trusted: !templates.AnyFellBack);
        return (pages, links, builder);
    }

    /// <summary>Renders and writes one page; a failure is reported for that page and symbol, and never stops the others.</summary>
    private static void RenderPage(EmissionContext context, PageFormat format, Page page, TemplateStore templates, PageModelBuilder builder, LinkResolver links, RenderKeys keys)
    {
        try
        {
            RenderPageUnguarded(context, format, page, templates, builder, links, keys);
        }
        // A fault of the output folder (read-only, full, not DocGen's) is the pipeline's to report, once, and stops the run;
        // what fails here is this page alone (its model or its template), so the other pages go on.
        catch (Exception ex) when (ex is not OperationCanceledException and not Output.OutputException)
        {
            context.Diagnostics.Report(Diagnostics.DiagnosticIds.PageNotWritten, null, null, format.Folder + "/" + links.FileOf(page), SymbolOf(page), ex.Message);
        }
    }

    private static string SymbolOf(Page page) => page switch
    {
        NamespacePage ns => "N:" + ns.Name,
        TypePage tp => tp.Type.Id,
        MemberPage mp => string.Join(", ", mp.Members.Select(m => m.Id)),
        _ => page.GetType().Name.Replace("Page", "", StringComparison.Ordinal).ToLowerInvariant() + " page",
    };

    private static void RenderPageUnguarded(EmissionContext context, PageFormat format, Page page, TemplateStore templates, PageModelBuilder builder, LinkResolver links, RenderKeys keys)
    {
        var (template, model, title) = page switch
        {
            IndexPage => ("index", (object)builder.Index(page), builder.SiteName),
            CoveragePage => ("coverage", builder.Coverage(page), "Documentation coverage"),
            SearchPage => ("search", new SearchView(Html.SearchIndex.FileName), "Search"),
            DependenciesSitePage deps => ("dependencies", Manifest.DependenciesPage.View(deps.Set), "Dependencies"),
            NamespacePage ns => ("namespace", builder.Namespace(ns), $"{PageModelBuilder.DisplayNamespace(ns.Name)} namespace"),
            TypePage tp => ("type", builder.Type(tp), $"{tp.Type.QualifiedName} {PageModelBuilder.TypeKindLabel(tp.Type.Kind)}"),
            MemberPage mp => ("member", builder.Member(mp), $"{mp.Type.QualifiedName}.{mp.Name} {PageModelBuilder.MemberKindLabel(mp.Members[0].Kind)}"),
            _ => throw new InvalidOperationException("unknown page " + page),
        };
        var label = links.FileOf(page);
        var path = format.Folder + "/" + label;
        // The page is a function of its two view models (the layout's without the body, which the first one renders):
        // when neither changed, nor the templates, and the file is as DocGen left it, there is nothing to render.
        var layout = builder.WithNavigation(builder.Layout(page, title, ""), page, model);
        var key = keys.KeyOf(template, model, layout);
        if (key is not null && keys.TryReuse(context.Writer, path, key)) return;
        var body = templates.Render(template, model, label);
        var text = templates.Render("layout", layout with { Body = body }, label);
        if (format.Escaper == OutputEscaper.Markdown) text = MarkdownText.Tidy(text);
        context.Writer.WriteText(path, text);
        keys.Record(context.Writer, path, key);
    }
}
