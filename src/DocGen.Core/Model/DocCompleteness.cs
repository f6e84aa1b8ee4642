using System.Collections.Immutable;

namespace DocGen.Core.Model;

/// <summary>
/// Which parts of a member's docs are missing: the summary, and, once the author wrote any detailed part,
/// a <c>&lt;param&gt;</c> per parameter, a <c>&lt;typeparam&gt;</c> per type parameter and <c>&lt;returns&gt;</c>
/// for a method or operator that returns a value. A member that a person documented but not wholly is <em>partial</em>.
/// </summary>
public static class DocCompleteness
{
    /// <summary>Part names as <see cref="DocPart.Part"/> spells them: <c>summary</c>, <c>param:x</c>, <c>typeparam:T</c>, <c>returns</c>.</summary>
    public static ImmutableArray<string> MissingParts(MemberModel member) => MissingParts(member, member.Docs);

    /// <summary>The parts <paramref name="docs"/> lacks for <paramref name="member"/>.</summary>
    public static ImmutableArray<string> MissingParts(MemberModel member, DocComment docs)
    {
        // Unparsable XML is shown as written; completing it would mean guessing at what it says.
        if (docs.MalformedXml is not null) return [];
        var missing = ImmutableArray.CreateBuilder<string>();
        if (docs.Summary is null) missing.Add("summary");
        // A summary alone is a complete style of its own (most code is documented that way); once the author
        // writes the detailed form (a param, typeparam or returns), every one of those parts is expected, as
        // the compiler's CS1573 expects every param once one is written.
        var detailed = docs.Summary is null || !docs.Params.IsEmpty || !docs.TypeParams.IsEmpty || docs.Returns is not null;
        if (!detailed) return missing.ToImmutable();
        foreach (var p in member.Parameters)
            if (!docs.Params.Any(d => d.Name == p.Name)) missing.Add("param:" + p.Name);
        foreach (var tp in member.TypeParameters)
            if (!docs.TypeParams.Any(d => d.Name == tp.Name)) missing.Add("typeparam:" + tp.Name);
        if (ReturnsValue(member) && docs.Returns is null) missing.Add("returns");
        return missing.ToImmutable();
    }

    /// <summary>True for a method or operator with a non-void result.</summary>
    public static bool ReturnsValue(MemberModel member) =>
        member.ReturnType is not null && member.Kind is ApiMemberKind.Method or ApiMemberKind.Operator or ApiMemberKind.ConversionOperator;

    /// <summary>
    /// True when a person wrote some of the member's docs but not all of them: either DocGen completed the
    /// rest (<see cref="Provenance.IsCompleted"/>) or parts are still missing.
    /// </summary>
    public static bool IsPartial(MemberModel member) =>
        member.Provenance.Source == DocSource.Source && !member.Docs.IsEmpty
        && (member.Provenance.IsCompleted || !MissingParts(member).IsEmpty);
}
