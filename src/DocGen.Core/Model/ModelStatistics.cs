namespace DocGen.Core.Model;

/// <summary>Counts of documented and undocumented API, for the report, the summary line and the coverage page.</summary>
public sealed record CoverageCounts(int Types, int Members, int Documented, int Total, IReadOnlyDictionary<string, int> ByProvenance)
{
    /// <summary>Of the members, those whose human docs lack parts or had parts completed by DocGen (<see cref="DocCompleteness.IsPartial"/>).</summary>
    public int Partial { get; init; }

    /// <summary>Documented types and members that are not partial.</summary>
    public int Complete => Documented - Partial;

    /// <summary>Share of types and members whose docs came from a person, inheritance or a model, 0–100, one decimal.</summary>
    public double Percent => Total == 0 ? 100 : Math.Round(100.0 * Documented / Total, 1);
}

/// <summary>Computes <see cref="CoverageCounts"/> over a model or one namespace.</summary>
public static class ModelStatistics
{
    public static CoverageCounts Compute(ApiModel model) => Compute(model.AllTypes);

    public static CoverageCounts Compute(IEnumerable<TypeModel> types)
    {
        var byProvenance = Enum.GetValues<DocSource>().ToDictionary(s => s.ToString().ToLowerInvariant(), _ => 0);
        int typeCount = 0, memberCount = 0, documented = 0, partial = 0;
        foreach (var type in types)
        {
            typeCount++;
            Count(type.Provenance);
            foreach (var member in type.Members)
            {
                memberCount++;
                Count(member.Provenance);
                if (DocCompleteness.IsPartial(member)) partial++;
            }
        }
        return new CoverageCounts(typeCount, memberCount, documented, typeCount + memberCount, byProvenance) { Partial = partial };

        void Count(Provenance p)
        {
            byProvenance[p.Label]++;
            if (p.IsDocumented) documented++;
        }
    }
}
