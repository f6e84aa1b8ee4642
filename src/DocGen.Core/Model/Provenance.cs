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

/// <summary>The provenance of one member's docs.</summary>
public sealed record Provenance(DocSource Source, string? Model = null)
{
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
