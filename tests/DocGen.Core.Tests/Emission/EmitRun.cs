using System.Text.RegularExpressions;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Tests.Shared;
using DocGen.Core.Emission.Html;
using DocGen.Core.Emission.Markdown;

namespace DocGen.Core.Tests.Emission;

/// <summary>Runs the site and Markdown emitters over a model into a real temp folder.</summary>
internal sealed partial class EmitRun : IDisposable
{
    private readonly TempDirectory _dir = new("docgen-emit");

    public EmitRun(ApiModel model, string? templatesDirectory = null, OutputFormats formats = OutputFormats.Html | OutputFormats.Markdown, string? projectPath = null,
        DocGen.Core.Model.DependencySet? dependencies = null)
    {
        var options = new DocGenOptions { OutputPath = _dir.Path, TemplatesDirectory = templatesDirectory, Formats = formats };
        var writer = new OutputWriter(_dir.Path);
        Diagnostics = new DiagnosticBag();
        var context = new EmissionContext(model, new ProjectInputs { AssemblyPath = "Acme.dll", ProjectPath = projectPath }, options, writer, Diagnostics, CancellationToken.None)
        {
            Dependencies = dependencies,
        };
        IEmitter[] emitters = [new HtmlSiteEmitter(), new MarkdownEmitter()];
        foreach (var emitter in emitters.Where(e => e.IsEnabled(options))) emitter.Emit(context);
        writer.Complete();
    }

    public DiagnosticBag Diagnostics { get; }

    public string Root => _dir.Path;

    public string Site(string relative) => File.ReadAllText(Path.Combine(_dir.Path, "site", relative));

    public string Markdown(string relative) => File.ReadAllText(Path.Combine(_dir.Path, "markdown", relative));

    public IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(_dir.Path, folder), pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public string Relative(string fullPath) => Path.GetRelativePath(_dir.Path, fullPath).Replace('\\', '/');

    /// <summary>Every href and src of an HTML page.</summary>
    public static IEnumerable<string> HtmlLinks(string html) => HrefRegex().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));

    /// <summary>Every inline link destination of a Markdown page.</summary>
    public static IEnumerable<string> MarkdownLinks(string markdown) => MdLinkRegex().Matches(markdown).Select(m => m.Groups[1].Value);

    /// <summary>The page without the highlighting spans of its code blocks, so tests can look for the code's text.</summary>
    public static string WithoutHighlighting(string html) => HighlightRegex().Replace(html, "");

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex("</?span( class=\"[a-z]{1,2}\")?>")]
    private static partial Regex HighlightRegex();

    [GeneratedRegex("(href|src)=\"([^\"]*)\"")]
    private static partial Regex HrefRegex();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MdLinkRegex();
}
