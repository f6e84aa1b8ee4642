using DocGen.Core.Model;

namespace DocGen.Core.Emission.Pages;

/// <summary>
/// The model's extension members (classic <c>this</c> methods and C# 14 extension blocks) by the type they extend,
/// so a type's page can list what extends it, as DocFX does: a type whose whole API is extension methods is not
/// an empty page. A member extends a type when its receiver is that type, one of its base types or one of its
/// interfaces; a receiver that is a type parameter (<c>this T value</c>) extends no type in particular and is left out.
/// </summary>
internal sealed class ExtensionIndex
{
    private readonly Dictionary<string, List<MemberModel>> _byExtendedId = new(StringComparer.Ordinal);

    public ExtensionIndex(ApiModel model)
    {
        foreach (var member in model.AllMembers)
            if (member.IsExtension && member.ExtendedType?.Id is { } id)
                (_byExtendedId.TryGetValue(id, out var list) ? list : _byExtendedId[id] = []).Add(member);
    }

    /// <summary>The extension members that apply to <paramref name="type"/>, by name, then display name.</summary>
    public IReadOnlyList<MemberModel> Of(TypeModel type)
    {
        if (_byExtendedId.Count == 0) return [];
        var ids = new[] { type.Id }.Concat(type.BaseTypes.Select(b => b.Id)).Concat(type.Interfaces.Select(i => i.Id)).OfType<string>();
        var found = new List<MemberModel>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
            if (_byExtendedId.TryGetValue(id, out var members)) found.AddRange(members);
        return [.. found.DistinctBy(m => m.Id, StringComparer.Ordinal)
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }
}
