using System.Text;
using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.Rendering;
using DocGen.Core.Model;
using DocGen.Core.Output;
using Scriban;
using Scriban.Syntax;

namespace DocGen.Core.Emission.UserTemplates;

/// <summary>The file a template produced.</summary>
/// <param name="Path">Absolute path of the output.</param>
/// <param name="Written">False when the file already had this content (it was left untouched).</param>
public sealed record UserTemplateOutput(string Path, bool Written);

/// <summary>
/// Renders the API model through one user Scriban template (<c>DocGenTemplate</c> items and
/// <c>docgen render</c>). Escaping is off (outputs are code); a name the view model lacks is an error
/// rather than silent empty text; the functions are listed in <see cref="TemplateFunctions"/>, the limits in
/// <see cref="TemplateLimits"/>. Template problems become diagnostics with the template's path, line and column.
/// </summary>
public sealed class UserTemplateRenderer
{
    /// <summary>Renders <paramref name="templateText"/>; returns null (after reporting) when it fails.</summary>
    /// <param name="templateText">The template source.</param>
    /// <param name="templatePath">Shown in diagnostics.</param>
    /// <param name="model">The root: its properties are the template's globals.</param>
    /// <param name="diagnostics">Receives DG0702/DG0703.</param>
    /// <param name="cancellation">The run's cancellation.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public string? Render(string templateText, string templatePath, TemplateViewModel model, DiagnosticBag diagnostics, CancellationToken cancellation = default)
    {
        var template = TemplateCompiler.Parse(templateText, templatePath);
        if (TemplateErrors.First(template) is { } syntax)
        {
            diagnostics.Add(DiagnosticIds.UserTemplateSyntaxError.Create(templatePath, syntax.Line, templatePath, syntax.Message) with { Column = syntax.Column });
            return null;
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(TemplateLimits.UserTemplateRender);
        var context = new UserTemplateContext(new TemplateFunctions(new TypeMapping(model.Types)));
        context.Prepare(model, limit.Token);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            cancellation.ThrowIfCancellationRequested();
            var at = TemplateErrors.Locate(ex, templatePath);
            var message = ex is ScriptAbortException ? $"it ran longer than {TemplateLimits.UserTemplateRender.TotalSeconds:0} s" : at.Message;
            diagnostics.Add(DiagnosticIds.UserTemplateRenderError.Create(templatePath, at.Line, templatePath, message) with { Column = at.Column });
            return null;
        }
    }

    /// <summary>User templates: no escaping, DocGen's functions beside Scriban's built-ins.</summary>
    private sealed class UserTemplateContext : DocGenTemplateContext
    {
        public UserTemplateContext(TemplateFunctions functions) : base(OutputEscaper.None) => AddFunctions(functions.ToScriptObject());
    }

    /// <summary>
    /// Reads <paramref name="templatePath"/>, renders it over <paramref name="model"/> and writes
    /// <paramref name="outputPath"/> if its content changed (atomically). An output inside
    /// <paramref name="docgenOutput"/>'s root goes through that writer, so it is listed for
    /// <c>FileWrites</c> and removed when a later run stops producing it; any other output is written
    /// exactly where it was asked for and nowhere else.
    /// </summary>
    /// <returns>The output, or null when something was reported as an error.</returns>
    public UserTemplateOutput? RenderToFile(
        string templatePath,
        string outputPath,
        ApiModel model,
        DiagnosticBag diagnostics,
        OutputWriter? docgenOutput = null,
        string? projectName = null,
        CancellationToken cancellation = default)
    {
        var template = Path.GetFullPath(templatePath);
        if (!File.Exists(template))
        {
            diagnostics.Report(DiagnosticIds.UserTemplateNotFound, templatePath, null, templatePath);
            return null;
        }
        if (TemplateSources.IsHandlebars(template))
        {
            diagnostics.Report(DiagnosticIds.UserTemplateIsHandlebars, templatePath, null, templatePath);
            return null;
        }
        var output = Path.GetFullPath(outputPath);
        if (string.Equals(output, template, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Report(DiagnosticIds.UserTemplateOutputRejected, templatePath, null, outputPath, templatePath, "it is the template itself");
            return null;
        }

        var text = Render(File.ReadAllText(template), templatePath, TemplateViewModel.From(model, projectName), diagnostics, cancellation);
        if (text is null) return null;

        try
        {
            if (docgenOutput is not null && IsUnder(output, docgenOutput.Root))
                return new UserTemplateOutput(output, docgenOutput.Write(Path.GetRelativePath(docgenOutput.Root, output).Replace('\\', '/'), Encoding.UTF8.GetBytes(text)));
            // A file the user named, in a folder of theirs: written atomically, and no ownership list is kept there.
            using var writer = new OutputWriter(Path.GetDirectoryName(output)!, new System.IO.Abstractions.FileSystem(), OutputWriterOptions.Untracked);
            return new UserTemplateOutput(output, writer.Write(Path.GetFileName(output), Encoding.UTF8.GetBytes(text)));
        }
        catch (Exception ex) when (ex is OutputPathException or IOException or UnauthorizedAccessException)
        {
            var reason = ex is OutputPathException ope ? ope.Message.Split(" rejected: ", 2)[^1] : ex.Message;
            diagnostics.Report(DiagnosticIds.UserTemplateOutputRejected, templatePath, null, outputPath, templatePath, reason);
            return null;
        }
    }

    private static bool IsUnder(string path, string root) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
