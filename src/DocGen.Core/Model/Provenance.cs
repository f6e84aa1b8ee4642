using System.Collections.Immutable;

namespace DocGen.Core.Model;

/// <summary>Where a member's documentation came from.</summary>
public enum DocSource
{
    /// <summary>Written by a person in the source's XML doc comment.</summary>
    Source,
    /// <summary>Taken from a base member, an interface or a cref through <c>&lt;inheritdoc/&gt;</c> (explicit or implied).</summary>
    Inherited,
    /// <summary>Written by a language model; <see cref="Provenance.Model"/> names it.</summary>
    Generated,
    /// <summary>Deterministic text made from the name and signature; a later run with a model replaces it.</summary>
    Fallback,
    /// <summary>No documentation at all.</summary>
    Missing,
}

/// <summary>Where one part of a member's docs came from, when the parts differ (human docs completed by a model).</summary>
/// <param name="Part"><c>summary</c>, <c>returns</c>, <c>param:NAME</c> or <c>typeparam:NAME</c>.</param>
/// <param name="Source">Who wrote that part.</param>
/// <param name="Model">The model, for generated parts.</param>
public sealed record DocPart(string Part, DocSource Source, string? Model = null);

/// <summary>The provenance of one member's docs.</summary>
public sealed record Provenance(DocSource Source, string? Model = null)
{
    /// <summary>
    /// Parts not written by <see cref="Source"/>: a person wrote the member's docs, but DocGen completed
    /// these parts (each marked generated or fallback). Empty when every part has the member's provenance.
    /// </summary>
    public ImmutableArray<DocPart> Parts { get; init; } = [];

    /// <summary>True when some parts were completed by a model or fallback text (see <see cref="Parts"/>).</summary>
    public bool IsCompleted => !Parts.IsDefaultOrEmpty;

    public static readonly Provenance FromSource = new(DocSource.Source);
    public static readonly Provenance Inherited = new(DocSource.Inherited);
    public static readonly Provenance Fallback = new(DocSource.Fallback);
    public static readonly Provenance Missing = new(DocSource.Missing);
    public static Provenance Generated(string model) => new(DocSource.Generated, model);

    /// <summary>Short label for badges: <c>source</c>, <c>inherited</c>, <c>generated</c>, <c>fallback</c>, <c>missing</c>.</summary>
    public string Label => Source.ToString().ToLowerInvariant();

    /// <summary>True when a person or a model documented it (source, inherited or generated).</summary>
    public bool IsDocumented => Source is DocSource.Source or DocSource.Inherited or DocSource.Generated;
}
