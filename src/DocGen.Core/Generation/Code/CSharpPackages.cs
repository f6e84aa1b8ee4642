using System.Collections.Immutable;
using System.Text.Json;
using DocGen.Core.Diagnostics;
using DocGen.Core.Inputs;

namespace DocGen.Core.Generation.Code;

/// <summary>A package (or shared framework) that generated C# needs and the project does not reference.</summary>
/// <param name="Import">The namespace the code imports.</param>
/// <param name="PackageId">The NuGet package id, or the shared framework name when <paramref name="IsFrameworkReference"/>.</param>
/// <param name="IsFrameworkReference">True for <c>&lt;FrameworkReference&gt;</c> (ASP.NET Core, Windows Desktop).</param>
public sealed record MissingPackage(string Import, string PackageId, bool IsFrameworkReference)
{
    /// <summary>The project file line to add.</summary>
    public string ProjectItem => IsFrameworkReference
        ? $"<FrameworkReference Include=\"{PackageId}\" />"
        : $"<PackageReference Include=\"{PackageId}\" Version=\"…\" />";
}

/// <summary>What the imports of a C# unit need.</summary>
/// <param name="Missing">Packages the project lacks, one per package (the first import that needs it).</param>
/// <param name="Referenced">Packages needed and present.</param>
/// <param name="Unknown">Imports that are neither the framework's, the unit's own, nor in the built-in table.</param>
public sealed record CSharpPackageCheck(ImmutableArray<MissingPackage> Missing, ImmutableArray<string> Referenced, ImmutableArray<string> Unknown);

/// <summary>
/// Maps C# <c>using</c> namespaces to the NuGet packages that provide them, from a small built-in table
/// of well-known packages, and compares them with the project's references. The table is deliberately
/// small and exact: an unknown namespace is reported as unknown, never guessed at.
/// </summary>
public static class CSharpPackages
{
    // Longest prefix wins, so Microsoft.Extensions.Logging.Console beats Microsoft.Extensions.Logging.
    private static readonly (string Prefix, string Package)[] Table =
    [
        ("Newtonsoft.Json", "Newtonsoft.Json"),
        ("Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.DependencyInjection"),
        ("Microsoft.Extensions.Logging", "Microsoft.Extensions.Logging.Abstractions"),
        ("Microsoft.Extensions.Logging.Console", "Microsoft.Extensions.Logging.Console"),
        ("Microsoft.Extensions.Options", "Microsoft.Extensions.Options"),
        ("Microsoft.Extensions.Configuration", "Microsoft.Extensions.Configuration.Abstractions"),
        ("Microsoft.Extensions.Configuration.Json", "Microsoft.Extensions.Configuration.Json"),
        ("Microsoft.Extensions.Hosting", "Microsoft.Extensions.Hosting"),
        ("Microsoft.Extensions.Http", "Microsoft.Extensions.Http"),
        ("Microsoft.Extensions.Caching.Memory", "Microsoft.Extensions.Caching.Memory"),
        ("Microsoft.Extensions.Primitives", "Microsoft.Extensions.Primitives"),
        ("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore"),
        ("Microsoft.Data.SqlClient", "Microsoft.Data.SqlClient"),
        ("Microsoft.Data.Sqlite", "Microsoft.Data.Sqlite"),
        ("Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.Common"),
        ("Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.CSharp"),
        ("System.CommandLine", "System.CommandLine"),
        ("System.Reactive", "System.Reactive"),
        ("System.IO.Abstractions", "System.IO.Abstractions"),
        ("System.Linq.Async", "System.Linq.Async"),
        ("System.Data.SqlClient", "System.Data.SqlClient"),
        ("Polly", "Polly"),
        ("Serilog", "Serilog"),
        ("Dapper", "Dapper"),
        ("AutoMapper", "AutoMapper"),
        ("FluentValidation", "FluentValidation"),
        ("MediatR", "MediatR"),
        ("Npgsql", "Npgsql"),
        ("YamlDotNet", "YamlDotNet"),
        ("CsvHelper", "CsvHelper"),
        ("Grpc.Net.Client", "Grpc.Net.Client"),
        ("Google.Protobuf", "Google.Protobuf"),
        ("Humanizer", "Humanizer.Core"),
        ("NodaTime", "NodaTime"),
        ("RestSharp", "RestSharp"),
        ("Refit", "Refit"),
        ("StackExchange.Redis", "StackExchange.Redis"),
        ("Azure.Identity", "Azure.Identity"),
        ("Azure.Storage.Blobs", "Azure.Storage.Blobs"),
        ("OpenAI", "OpenAI"),
        ("Markdig", "Markdig"),
        ("HandlebarsDotNet", "Handlebars.Net"),
        ("Spectre.Console", "Spectre.Console"),
        ("Xunit", "xunit"),
        ("NUnit.Framework", "NUnit"),
        ("Moq", "Moq"),
        ("Shouldly", "Shouldly"),
        ("FluentAssertions", "FluentAssertions"),
    ];

    private static readonly (string Prefix, string Framework)[] Frameworks =
    [
        ("Microsoft.AspNetCore", "Microsoft.AspNetCore.App"),
        ("System.Windows", "Microsoft.WindowsDesktop.App"),
    ];

    /// <summary>Namespaces the base class library provides (no package needed), unless <see cref="Table"/> says otherwise.</summary>
    private static readonly string[] FrameworkPrefixes = ["System", "Microsoft.Win32", "Microsoft.CSharp", "Microsoft.VisualBasic"];

    /// <summary>Normalises an import: <c>using static System.Math;</c> → <c>System.Math</c>, <c>global using J = Newtonsoft.Json;</c> → <c>Newtonsoft.Json</c>.</summary>
    public static string NormalizeImport(string import)
    {
        var s = import.Trim().TrimEnd(';').Trim();
        foreach (var keyword in new[] { "global ", "using ", "static " })
            if (s.StartsWith(keyword, StringComparison.Ordinal)) s = s[keyword.Length..].TrimStart();
        var eq = s.IndexOf('=');
        if (eq >= 0) s = s[(eq + 1)..].Trim();
        if (s.StartsWith("global::", StringComparison.Ordinal)) s = s["global::".Length..];
        var lt = s.IndexOf('<');
        return lt >= 0 ? s[..lt] : s;
    }

    /// <summary>Checks <paramref name="imports"/> against the packages the project references.</summary>
    /// <param name="imports">The unit's imports, in any of the forms <see cref="NormalizeImport"/> accepts.</param>
    /// <param name="referencedPackages">Package ids (and shared framework names) the project has, compared ignoring case.</param>
    /// <param name="ownNamespaces">The unit's and the project's namespaces; imports under them need nothing.</param>
    public static CSharpPackageCheck Check(IEnumerable<string> imports, IEnumerable<string> referencedPackages, IEnumerable<string> ownNamespaces)
    {
        var referenced = new HashSet<string>(referencedPackages, StringComparer.OrdinalIgnoreCase);
        var own = ownNamespaces.Where(n => n.Length > 0).ToList();
        var missing = new Dictionary<string, MissingPackage>(StringComparer.OrdinalIgnoreCase);
        var present = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in imports)
        {
            var ns = NormalizeImport(raw);
            if (ns.Length == 0 || own.Any(o => Under(ns, o))) continue;
            var (package, isFramework) = Lookup(ns);
            if (package is null)
            {
                if (!FrameworkPrefixes.Any(p => Under(ns, p))) unknown.Add(ns);
                continue;
            }
            if (referenced.Contains(package)) present.Add(package);
            else missing.TryAdd(package, new MissingPackage(ns, package, isFramework));
        }
        return new CSharpPackageCheck([.. missing.Values.OrderBy(m => m.PackageId, StringComparer.OrdinalIgnoreCase)], [.. present], [.. unknown]);
    }

    /// <summary>Reports DG0716 for each missing package, at <paramref name="specPath"/>.</summary>
    public static void Report(CSharpPackageCheck check, string specPath, DiagnosticBag diagnostics)
    {
        foreach (var m in check.Missing)
            diagnostics.Add(DiagnosticIds.CodeMissingPackage.Create(specPath, null, specPath, m.Import, m.PackageId) with
            {
                Message = $"The generated code of '{specPath}' imports '{m.Import}', which needs {(m.IsFrameworkReference ? "the shared framework" : "the package")} '{m.PackageId}' that the project does not reference: add {m.ProjectItem}",
            });
    }

    /// <summary>
    /// The package ids a project can use: every package in its restore graph (<c>project.assets.json</c>
    /// <c>libraries</c> of type <c>package</c>; transitive ones count, as they compile too) and the shared
    /// frameworks whose reference assemblies are in <see cref="ProjectInputs.ReferencePaths"/>.
    /// </summary>
    public static IReadOnlySet<string> ReferencedPackages(ProjectInputs inputs)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (inputs.ProjectAssetsFile is { } assets && File.Exists(assets))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(assets));
                if (doc.RootElement.TryGetProperty("libraries", out var libraries) && libraries.ValueKind == JsonValueKind.Object)
                    foreach (var library in libraries.EnumerateObject())
                        if (library.Value.TryGetProperty("type", out var type) && type.GetString() == "package")
                            result.Add(library.Name.Split('/')[0]);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                // The manifest emitter reports an unreadable assets file; here it only means fewer known packages.
            }
        }
        foreach (var path in inputs.ReferencePaths)
            foreach (var (_, framework) in Frameworks)
                if (path.Replace('\\', '/').Contains("/packs/" + framework + ".Ref/", StringComparison.OrdinalIgnoreCase))
                    result.Add(framework);
        return result;
    }

    private static (string? Package, bool IsFramework) Lookup(string ns)
    {
        var best = Table.Where(t => Under(ns, t.Prefix)).OrderByDescending(t => t.Prefix.Length).Select(t => t.Package).FirstOrDefault();
        if (best is not null) return (best, false);
        var framework = Frameworks.FirstOrDefault(f => Under(ns, f.Prefix)).Framework;
        return (framework, framework is not null);
    }

    private static bool Under(string ns, string prefix) =>
        ns.Equals(prefix, StringComparison.Ordinal) || ns.StartsWith(prefix + ".", StringComparison.Ordinal);
}
