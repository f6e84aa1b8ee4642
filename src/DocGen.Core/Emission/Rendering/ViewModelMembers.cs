using System.Reflection;

namespace DocGen.Core.Emission.Rendering;

/// <summary>
/// The .NET members templates may read: public properties of the types in DocGen's view-model namespaces
/// (only view models are ever handed to a template) and nothing else: no methods, no fields, no members of
/// other types such as <see cref="Type"/>, the model records or the BCL's.
/// Scriban exposes them with snake_case names (<c>QualifiedName</c> → <c>qualified_name</c>).
/// </summary>
internal static class ViewModelMembers
{
    private static readonly Assembly Core = typeof(ViewModelMembers).Assembly;

    // The namespaces whose records are view models: the pages' (Pages/ViewModels.cs) and the user templates' (TemplateViewModel.cs).
    private static readonly HashSet<string> Namespaces = new(StringComparer.Ordinal)
    {
        "DocGen.Core.Emission.Pages",
        "DocGen.Core.Emission.UserTemplates",
    };

    /// <summary>Scriban's member filter.</summary>
    public static bool IsExposed(MemberInfo member) =>
        member is PropertyInfo { DeclaringType: { } type } && type.Assembly == Core && type.Namespace is { } ns && Namespaces.Contains(ns);
}
