using DocGen.Core.Diagnostics;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// Where the templates of one output kind come from: DocGen's embedded <c>.sbn</c> files, and the user's
/// same-named files under <c>{TemplatesDirectory}/{kind}/</c>, one file overriding one template.
/// </summary>
internal static class TemplateSources
{
    private const string ResourcePrefix = "DocGen.Templates/";

    /// <summary>True for a Scriban template file name: <c>.sbn</c>, <c>.scriban</c>, and their typed forms such as <c>.sbn-html</c>.</summary>
    public static bool IsScriban(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.StartsWith(".sbn", StringComparison.OrdinalIgnoreCase) || extension.StartsWith(".scriban", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for a Handlebars template (<c>.hbs</c>, <c>.handlebars</c>), the format DocGen used before Scriban.</summary>
    public static bool IsHandlebars(string path) =>
        Path.GetExtension(path).Equals(".hbs", StringComparison.OrdinalIgnoreCase) || Path.GetExtension(path).Equals(".handlebars", StringComparison.OrdinalIgnoreCase);

    /// <summary>The embedded templates of <paramref name="kind"/>: name (without extension) → text.</summary>
    public static Dictionary<string, string> Embedded(string kind)
    {
        var assembly = typeof(TemplateSources).Assembly;
        var prefix = ResourcePrefix + kind + "/";
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalized = resource.Replace('\\', '/');
            if (!normalized.StartsWith(prefix, StringComparison.Ordinal) || !normalized.EndsWith(".sbn", StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = normalized[prefix.Length..^".sbn".Length];
            result[name] = TemplateText(name, reader.ReadToEnd());
        }
        return result;
    }

    /// <summary>
    /// The user's overrides of <paramref name="kind"/>: name → file. Reports a missing folder (DG0205), files that
    /// override nothing (DG0206) and Handlebars files (DG0208); <paramref name="reportShared"/> says whether this
    /// call reports what belongs to the folder itself rather than to the kind's subfolder.
    /// </summary>
    public static Dictionary<string, string> Overrides(string kind, string? directory, IReadOnlyCollection<string> builtInNames, DiagnosticBag diagnostics, bool reportShared)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (directory is null) return overrides;
        if (!Directory.Exists(directory))
        {
            if (reportShared) diagnostics.Report(DiagnosticIds.TemplatesDirectoryNotFound, directory, null, directory);
            return overrides;
        }
        var folder = Path.Combine(directory, kind);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList() : [];
        var known = string.Join(", ", builtInNames.Order(StringComparer.Ordinal).Select(n => $"{kind}/{n}.sbn"));
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (IsHandlebars(file)) ReportHandlebars(file, name, diagnostics);
            else if (!IsScriban(file)) continue; // README.md, notes: not templates
            else if (!builtInNames.Contains(name)) diagnostics.Report(DiagnosticIds.UnknownTemplateOverride, file, null, file, known);
            else if (!overrides.TryAdd(name, file)) diagnostics.Report(DiagnosticIds.UnknownTemplateOverride, file, null, file, $"'{overrides[name]}' already overrides {kind}/{name}.sbn");
        }
        if (reportShared)
        {
            foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            {
                if (IsHandlebars(file)) ReportHandlebars(file, Path.GetFileNameWithoutExtension(file), diagnostics);
                else if (IsScriban(file)) diagnostics.Report(DiagnosticIds.UnknownTemplateOverride, file, null, file, "put overrides in the html/ or markdown/ subfolder");
            }
        }
        return overrides;
    }

    /// <summary>Reads an override (or returns null after reporting why it cannot be read).</summary>
    public static string? ReadOverride(string name, string file, DiagnosticBag diagnostics)
    {
        try
        {
            return TemplateText(name, File.ReadAllText(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticIds.TemplateCompileError, file, null, file, ex.Message);
            return null;
        }
    }

    /// <summary>Partials are used inside a line (a badge in a table row): the final newline editors add would break it.</summary>
    private static string TemplateText(string name, string text) => name.StartsWith('_') ? text.TrimEnd('\r', '\n') : text;

    private static void ReportHandlebars(string file, string name, DiagnosticBag diagnostics) =>
        diagnostics.Report(DiagnosticIds.HandlebarsTemplateOverride, file, null, file, name + ".sbn");

    /// <summary>Reads an embedded asset (<c>Emission/Assets/{name}</c>).</summary>
    internal static byte[] ReadAsset(string name)
    {
        var assembly = typeof(TemplateSources).Assembly;
        var resource = assembly.GetManifestResourceNames().First(r => r.Replace('\\', '/') == "DocGen.Assets/" + name);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Names of the embedded assets (<c>docgen.css</c>…).</summary>
    internal static IEnumerable<string> AssetNames() => typeof(TemplateSources).Assembly.GetManifestResourceNames()
        .Select(r => r.Replace('\\', '/'))
        .Where(r => r.StartsWith("DocGen.Assets/", StringComparison.Ordinal))
        .Select(r => r["DocGen.Assets/".Length..])
        .Order(StringComparer.Ordinal);
}
