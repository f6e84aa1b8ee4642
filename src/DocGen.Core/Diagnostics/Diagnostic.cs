using System.Collections.Concurrent;

namespace DocGen.Core.Diagnostics;

public enum DiagnosticSeverity { Info, Warning, Error }

/// <summary>A message for the user with a stable id (<c>DG0001</c>…), a severity and, where there is one, a location.</summary>
/// <remarks>The engine never logs: it returns diagnostics, and the CLI and the MSBuild task decide how to show them.</remarks>
public sealed record Diagnostic(
    string Id,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    int? Line = null,
    int? Column = null)
{
    /// <summary>Canonical MSBuild-style line: <c>file(line,col): warning DG0101: text</c>, which MSBuild and IDEs parse.</summary>
    public string ToCanonicalString()
    {
        var sev = Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" };
        var origin = File is null ? "docgen" : Line is null ? File : Column is null ? $"{File}({Line})" : $"{File}({Line},{Column})";
        return $"{origin}: {sev} {Id}: {Message}";
    }

    public override string ToString() => ToCanonicalString();
}

/// <summary>Thread-safe collector of diagnostics; keeps the order in which they were reported.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Report(DiagnosticDescriptor descriptor, string? file = null, int? line = null, params object?[] args)
        => Add(descriptor.Create(file, line, args));

    public IReadOnlyList<Diagnostic> ToList() => _items.ToArray();

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public int Count => _items.Count;
}

/// <summary>A diagnostic kind: id, default severity and message format (<see cref="string.Format(string, object?[])"/>).</summary>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    public Diagnostic Create(string? file, int? line, params object?[] args)
        => new(Id, Severity, args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args), file, line);

    public Diagnostic Create(params object?[] args) => Create(null, null, args);
}
