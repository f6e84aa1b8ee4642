using DocGen.Core.Diagnostics;
using DocGen.Core.Options;

namespace DocGen.Core.Emission.UserTemplates;

/// <summary>One <c>&lt;DocGenTemplate Include="…" OutputPath="…" /&gt;</c> item (MSBuild reserves the metadata name <c>Output</c>).</summary>
/// <param name="TemplatePath">The Scriban template, e.g. <c>models.ts.sbn</c> (absolute, or relative to the project folder).</param>
/// <param name="OutputPath">Where to write (absolute, or relative to the project folder); null is an error.</param>
public sealed record UserTemplateItem(string TemplatePath, string? OutputPath);

/// <summary>
/// Renders every <see cref="UserTemplateItem"/> after compilation, as part of the pipeline's emission
/// stage. Relative paths resolve against the project folder (for a lone assembly, its folder).
/// </summary>
public sealed class UserTemplateEmitter(IReadOnlyList<UserTemplateItem> items) : IEmitter
{
    private readonly UserTemplateRenderer _renderer = new();

    /// <inheritdoc/>
    public string Name => "templates";

    /// <inheritdoc/>
    public bool IsEnabled(DocGenOptions options) => items.Count > 0;

    /// <inheritdoc/>
    public void Emit(EmissionContext context)
    {
        var baseDir = Path.GetDirectoryName(context.Inputs.ProjectPath ?? context.Inputs.AssemblyPath)!;
        foreach (var item in items)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var template = Path.GetFullPath(Path.Combine(baseDir, item.TemplatePath));
            if (string.IsNullOrWhiteSpace(item.OutputPath))
            {
                context.Diagnostics.Report(DiagnosticIds.UserTemplateOutputMissing, item.TemplatePath, null, item.TemplatePath);
                continue;
            }
            var output = Path.GetFullPath(Path.Combine(baseDir, item.OutputPath));
            _renderer.RenderToFile(template, output, context.Model, context.Diagnostics, context.Writer, context.Inputs.ProjectName, context.CancellationToken);
        }
    }
}
