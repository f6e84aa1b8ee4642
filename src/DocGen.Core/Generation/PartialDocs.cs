using System.Collections.Immutable;
using DocGen.Core.Model;

namespace DocGen.Core.Generation;

/// <summary>
/// Completes a person's docs with the parts they left out, keeping every part they wrote, and records
/// who wrote each added part (<see cref="Provenance.Parts"/>).
/// </summary>
internal static class PartialDocs
{
    /// <summary>
    /// <paramref name="current"/> with each of <paramref name="wanted"/> taken from <paramref name="completion"/>
    /// when it has it. Parts already in <paramref name="current"/> are never replaced.
    /// </summary>
    public static (DocComment Docs, Provenance Provenance) Complete(
        MemberModel member, DocComment current, Provenance provenance, DocComment completion, IEnumerable<string> wanted, DocSource source, string? model)
    {
        var docs = current;
        var parts = provenance.Parts.IsDefault ? ImmutableArray.CreateBuilder<DocPart>() : provenance.Parts.ToBuilder();
        foreach (var part in wanted)
        {
            var filled = part switch
            {
                "summary" when docs.Summary is null && completion.Summary is not null => docs with { Summary = completion.Summary },
                "returns" when docs.Returns is null && completion.Returns is not null => docs with { Returns = completion.Returns },
                _ when part.StartsWith("param:", StringComparison.Ordinal) => WithNamed(docs, part[6..], completion.Params, d => d.Params,
                    (d, list) => d with { Params = Order(list, member.Parameters.Select(p => p.Name)) }),
                _ when part.StartsWith("typeparam:", StringComparison.Ordinal) => WithNamed(docs, part[10..], completion.TypeParams, d => d.TypeParams,
                    (d, list) => d with { TypeParams = Order(list, member.TypeParameters.Select(p => p.Name)) }),
                _ => null,
            };
            if (filled is null) continue;
            docs = filled;
            parts.Add(new DocPart(part, source, model));
        }
        return (docs, provenance with { Parts = parts.ToImmutable() });
    }

    private static DocComment? WithNamed(DocComment docs, string name, ImmutableArray<NamedDoc> from, Func<DocComment, ImmutableArray<NamedDoc>> get,
        Func<DocComment, List<NamedDoc>, DocComment> set)
    {
        if (get(docs).Any(d => d.Name == name) || from.FirstOrDefault(d => d.Name == name) is not { } added) return null;
        return set(docs, [.. get(docs), added]);
    }

    private static ImmutableArray<NamedDoc> Order(List<NamedDoc> docs, IEnumerable<string> names)
    {
        var order = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        return [.. docs.OrderBy(d => order.GetValueOrDefault(d.Name, int.MaxValue))];
    }
}
