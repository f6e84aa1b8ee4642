using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocGen.Core.Diagnostics;
using DocGen.Core.Model;
using DocGen.Core.Output;
using HandlebarsDotNet;

namespace DocGen.Core.Emission.UserTemplates;

/// <summary>The file a template produced.</summary>
/// <param name="Path">Absolute path of the output.</param>
/// <param name="Written">False when the file already had this content (it was left untouched).</param>
public sealed record UserTemplateOutput(string Path, bool Written);

/// <summary>
/// Renders the API model through one user Handlebars template (<c>DocGenTemplate</c> items and
/// <c>docgen render</c>). Escaping is off (outputs are code); a binding the view model lacks is an
/// error rather than silent empty text; helpers are listed in <see cref="TemplateHelpers"/>. Template
/// problems become diagnostics carrying the template's path and, when it can be found, the line.
/// </summary>
public sealed partial class UserTemplateRenderer
{
    /// <summary>Renders <paramref name="templateText"/>; returns null (after reporting) when it fails.</summary>
    /// <param name="templateText">The template source.</param>
    /// <param name="templatePath">Shown in diagnostics.</param>
    /// <param name="model">The root context.</param>
    /// <param name="diagnostics">Receives DG0702/DG0703.</param>
    public string? Render(string templateText, string templatePath, TemplateViewModel model, DiagnosticBag diagnostics)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            NoEscape = true,
            // A typo such as {{nmae}} must fail the build, not produce an empty field in generated code.
            ThrowOnUnresolvedBindingExpression = true,
        });
        TemplateHelpers.Register(handlebars, new TypeMapping(model.Types));

        HandlebarsTemplate<object, object> compiled;
        try
        {
            compiled = handlebars.Compile(templateText);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Report(DiagnosticIds.UserTemplateSyntaxError, ex, templateText, templatePath, diagnostics);
            return null;
        }
        try
        {
            return compiled(model);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Report(DiagnosticIds.UserTemplateRenderError, ex, templateText, templatePath, diagnostics);
            return null;
        }
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
        string? projectName = null)
    {
        var template = Path.GetFullPath(templatePath);
        if (!File.Exists(template))
        {
            diagnostics.Report(DiagnosticIds.UserTemplateNotFound, templatePath, null, templatePath);
            return null;
        }
        var output = Path.GetFullPath(outputPath);
        if (string.Equals(output, template, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Report(DiagnosticIds.UserTemplateOutputRejected, templatePath, null, outputPath, templatePath, "it is the template itself");
            return null;
        }

        var text = Render(File.ReadAllText(template), templatePath, TemplateViewModel.From(model, projectName), diagnostics);
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

    private static void Report(DiagnosticDescriptor descriptor, Exception ex, string templateText, string templatePath, DiagnosticBag diagnostics)
    {
        var (message, line, column) = Locate(ex.Message, templateText);
        if (ex is not HandlebarsException) message = $"{ex.GetType().Name}: {message}";
        var created = descriptor.Create(templatePath, line, templatePath, message);
        diagnostics.Add(created with { Column = column });
    }

    /// <summary>
    /// Finds where an error happened. Handlebars.Net puts a position only into some messages
    /// ("Occured at: 3:7", 0-based line and column); for the others, the first line of the template
    /// that holds a mustache with the name the message quotes is the best guess there is.
    /// </summary>
    internal static (string Message, int? Line, int? Column) Locate(string message, string templateText)
    {
        var at = OccurredAt().Match(message);
        if (at.Success)
        {
            var clean = message[..at.Index].Trim();
            return (clean, int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture) + 1, int.Parse(at.Groups[2].Value, CultureInfo.InvariantCulture) + 1);
        }
        var token = QuotedName().Match(message) is { Success: true } q ? q.Groups[1].Value
            : Undefined().Match(message) is { Success: true } u ? u.Groups[1].Value
            : null;
        if (token is null) return (message.Trim(), null, null);
        var lines = templateText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = 0;
            while ((start = lines[i].IndexOf("{{", start, StringComparison.Ordinal)) >= 0)
            {
                var end = lines[i].IndexOf("}}", start, StringComparison.Ordinal);
                var mustache = end < 0 ? lines[i][start..] : lines[i][start..end];
                if (ContainsWord(mustache, token)) return (message.Trim(), i + 1, start + 1);
                start += 2;
            }
        }
        return (message.Trim(), null, null);
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 ? ' ' : text[i - 1];
            var after = i + word.Length >= text.Length ? ' ' : text[i + word.Length];
            if (!char.IsLetterOrDigit(before) && !char.IsLetterOrDigit(after)) return true;
        }
        return false;
    }

    [GeneratedRegex(@"Occured at:\s*(\d+):(\d+)")]
    private static partial Regex OccurredAt();

    [GeneratedRegex(@"'([^'\s]{1,100})'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"^\s*([\w.@/]{1,100}) is undefined")]
    private static partial Regex Undefined();
}
