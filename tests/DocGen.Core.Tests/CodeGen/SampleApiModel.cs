using System.Collections.Immutable;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.CodeGen;

/// <summary>A small hand-made model: a documented record with a nested record, an enum and a class.</summary>
internal static class SampleApiModel
{
    public static TypeModel Type(string ns, string name, ApiTypeKind kind, string? summary, params MemberModel[] members) => new()
    {
        Id = $"T:{ns}.{name}",
        Name = name,
        QualifiedName = name,
        Namespace = ns,
        Kind = kind,
        Accessibility = ApiAccessibility.Public,
        Signature = $"public {kind.ToString().ToLowerInvariant()} {name}",
        BaseTypes = kind == ApiTypeKind.Enum ? [new TypeRef("Enum", "T:System.Enum")] : [new TypeRef("object", "T:System.Object")],
        Members = [.. members],
        Docs = summary is null ? DocComment.Empty : new DocComment { Summary = DocBlock.FromText(summary) },
    };

    public static MemberModel Property(string typeId, string name, string type, string? typeId2 = null, string? summary = null, string accessors = "{ get; init; }") => new()
    {
        Id = $"P:{typeId[2..]}.{name}",
        Name = name,
        DisplayName = name,
        Kind = ApiMemberKind.Property,
        Accessibility = ApiAccessibility.Public,
        Signature = $"public {type} {name} {accessors}",
        ContainingTypeId = typeId,
        ReturnType = new TypeRef(type, typeId2),
        Docs = summary is null ? DocComment.Empty : new DocComment { Summary = DocBlock.FromText(summary) },
    };

    public static MemberModel EnumValue(string typeId, string name, string value, string? summary = null) => new()
    {
        Id = $"F:{typeId[2..]}.{name}",
        Name = name,
        DisplayName = name,
        Kind = ApiMemberKind.EnumValue,
        Accessibility = ApiAccessibility.Public,
        Signature = $"{name} = {value}",
        ContainingTypeId = typeId,
        ConstantValue = value,
        Docs = summary is null ? DocComment.Empty : new DocComment { Summary = DocBlock.FromText(summary) },
    };

    public static ApiModel Create()
    {
        const string ns = "Shop.Models";
        var order = Type(ns, "Order", ApiTypeKind.Record, "A customer's order. Ends a comment: */ alert(1); /*",
            Property("T:Shop.Models.Order", "Id", "Guid", summary: "Order id."),
            Property("T:Shop.Models.Order", "Lines", "IReadOnlyList<OrderLine>", "T:System.Collections.Generic.IReadOnlyList`1", "The lines."),
            Property("T:Shop.Models.Order", "Note", "string?"),
            Property("T:Shop.Models.Order", "Status", "OrderStatus", "T:Shop.Models.OrderStatus"),
            Property("T:Shop.Models.Order", "Tags", "Dictionary<string, int?>", "T:System.Collections.Generic.Dictionary`2"));
        var line = Type(ns, "OrderLine", ApiTypeKind.Record, "One line.",
            Property("T:Shop.Models.OrderLine", "Sku", "string"),
            Property("T:Shop.Models.OrderLine", "Quantity", "int"));
        var status = Type(ns, "OrderStatus", ApiTypeKind.Enum, "Where an order is.",
            EnumValue("T:Shop.Models.OrderStatus", "Open", "0", "Not paid."),
            EnumValue("T:Shop.Models.OrderStatus", "Paid", "1"));
        var service = Type(ns, "OrderService", ApiTypeKind.Class, null);
        return new ApiModel([new AssemblyModel("Shop", "1.0.0.0", "net10.0",
            [new NamespaceModel(ns, [order, line, service, status])])]);
    }
}
