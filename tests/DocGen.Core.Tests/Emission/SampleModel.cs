using System.Collections.Immutable;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Emission;

/// <summary>Hand-made models for the emitter tests: every doc node kind, member kind, type kind and provenance.</summary>
public static class SampleModel
{
    public const string Ns = "Acme.Shapes";

    public static DocBlock Text(string text) => DocBlock.FromText(text);

    public static DocBlock Block(params DocNode[] nodes) => new([.. nodes]);

    public static DocReference See(string cref, string? text = null) =>
        new(cref, null, null, text is null ? [] : [new DocText(text)]);

    public static DocReference Href(string href, string text) => new(null, href, null, [new DocText(text)]);

    public static TypeModel Type(string ns, string name, ApiTypeKind kind = ApiTypeKind.Class, string? summary = null, Provenance? provenance = null, params MemberModel[] members)
    {
        var metadataName = name.Replace("<T>", "`1");
        var id = "T:" + (ns.Length == 0 ? "" : ns + ".") + metadataName;
        return new TypeModel
        {
            Id = id,
            Name = name,
            QualifiedName = name,
            Namespace = ns,
            Kind = kind,
            Accessibility = ApiAccessibility.Public,
            Signature = $"public {kind.ToString().ToLowerInvariant()} {name}",
            Members = [.. members.Select(m => m with { ContainingTypeId = id, Id = m.Id.Replace("{T}", id[2..]) })],
            Docs = summary is null ? DocComment.Empty : new DocComment { Summary = Text(summary) },
            Provenance = provenance ?? (summary is null ? Provenance.Missing : Provenance.FromSource),
        };
    }

    /// <summary>A member; <c>{T}</c> in <paramref name="id"/> is replaced by the containing type's name.</summary>
    public static MemberModel Member(string id, string name, string displayName, ApiMemberKind kind, string? summary = null, Provenance? provenance = null) => new()
    {
        Id = id,
        Name = name,
        DisplayName = displayName,
        Kind = kind,
        Accessibility = ApiAccessibility.Public,
        Signature = "public " + displayName,
        ContainingTypeId = "",
        Docs = summary is null ? DocComment.Empty : new DocComment { Summary = Text(summary) },
        Provenance = provenance ?? (summary is null ? Provenance.Missing : Provenance.FromSource),
    };

    public static ApiModel Of(params TypeModel[] types) => new([
        new AssemblyModel("Acme", "1.2.0.0", "net10.0", [.. types.GroupBy(t => t.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NamespaceModel(g.Key, [.. g.OrderBy(t => t.Id, StringComparer.Ordinal)]))]),
    ]);

    /// <summary>A model with every kind of type, member and doc node, crefs of every sort, and every provenance.</summary>
    public static ApiModel Full()
    {
        var shapeId = $"T:{Ns}.Shape";
        var circleId = $"T:{Ns}.Circle";
        var richDocs = new DocComment
        {
            Summary = Block(
                new DocText("Computes the area of a "),
                See(circleId),
                new DocText(" or any "),
                See("T:System.Collections.Generic.List`1", "list"),
                new DocText(". <script>alert('x')</script> & more; see "),
                See("!:Missing.Thing"),
                new DocText(", "),
                See("T:Elsewhere.Unknown"),
                new DocText(", "),
                Href("javascript:alert(1)", "click me"),
                new DocText(" and "),
                Href("https://example.com/a?b=1&c=2", "example"),
                new DocText(". Uses "),
                new DocParamRef("scale"),
                new DocText(" and "),
                new DocTypeParamRef("T"),
                new DocText(", returns "),
                new DocReference(null, null, "null", []),
                new DocText(" on "),
                new DocInlineCode("x < 0"),
                new DocText(".")),
            Remarks = Block(
                new DocParagraph([new DocText("First paragraph with **stars** and | pipes |.")]),
                new DocList(DocListKind.Bullet, null, [new DocListItem([new DocText("term")], [new DocText("bullet <b>one</b>")])]),
                new DocList(DocListKind.Number, null, [new DocListItem(null, [new DocText("numbered")])]),
                new DocList(DocListKind.Table, new DocListItem([new DocText("Key")], [new DocText("Meaning")]),
                    [new DocListItem([new DocText("a|b")], [new DocText("cell")])]),
                new DocCodeBlock("var area = shape.Area(2);\nif (area < 1) { }", "c#")),
            Returns = Text("The area."),
            Params = [new NamedDoc("scale", Text("Scale factor."))],
            TypeParams = [new NamedDoc("T", Text("Unit type."))],
            Exceptions = [new CrefDoc("T:System.ArgumentOutOfRangeException", Text("When scale is negative.")), new CrefDoc($"T:{Ns}.ShapeException", Text("Ours."))],
            Examples = [Block(new DocCodeBlock("Console.WriteLine(new Circle().Area(1));", "csharp"))],
            SeeAlso = [See(shapeId), Href("https://learn.microsoft.com", "Learn")],
        };

        var area1 = Member("M:{T}.Area``1(System.Double)", "Area", "Area<T>(double)", ApiMemberKind.Method) with
        {
            Docs = richDocs,
            Provenance = Provenance.FromSource,
            TypeParameters = [new TypeParameterModel("T", "struct")],
            Parameters = [new ParameterModel("scale", new TypeRef("double", "T:System.Double"), null, "1.0")],
            ReturnType = new TypeRef("double", "T:System.Double"),
            Signature = "public double Area<T>(double scale = 1.0) where T : struct",
            Source = new SourceLocation("src/Shapes/Shape.cs", 42),
        };
        var area2 = Member("M:{T}.Area", "Area", "Area()", ApiMemberKind.Method, "Area at scale one.", Provenance.Generated("gpt-4o-mini")) with
        {
            ReturnType = new TypeRef("double", "T:System.Double"),
        };
        var shape = Type(Ns, "Shape", ApiTypeKind.Class, "A shape.", null,
            Member("M:{T}.#ctor", "Shape", "Shape()", ApiMemberKind.Constructor, "Creates a shape."),
            Member("M:{T}.#ctor(System.String)", "Shape", "Shape(string)", ApiMemberKind.Constructor, null, Provenance.Fallback),
            Member("P:{T}.Name", "Name", "Name", ApiMemberKind.Property, "The name.", Provenance.Inherited),
            Member("P:{T}.Item(System.Int32)", "this[]", "this[int]", ApiMemberKind.Indexer, "Corner by index."),
            area1,
            area2,
            Member("M:{T}.area", "area", "area()", ApiMemberKind.Method, "Lower-case twin of Area, to test case collisions."),
            Member("E:{T}.Changed", "Changed", "Changed", ApiMemberKind.Event, "Raised on change."),
            Member("F:{T}.Sides", "Sides", "Sides", ApiMemberKind.Field, "Number of sides."),
            Member("F:{T}.MaxSides", "MaxSides", "MaxSides", ApiMemberKind.Constant, "Upper bound.") with { ConstantValue = "64" },
            Member("M:{T}.op_Addition(Acme.Shapes.Shape,Acme.Shapes.Shape)", "operator +", "operator +(Shape, Shape)", ApiMemberKind.Operator, "Adds."),
            Member("M:{T}.op_Implicit(System.String)~Acme.Shapes.Shape", "implicit operator Shape", "implicit operator Shape(string)", ApiMemberKind.ConversionOperator, "Converts."),
            Member("M:{T}.Finalize", "~Shape", "~Shape()", ApiMemberKind.Destructor),
            Member("M:{T}.System#IDisposable#Dispose", "IDisposable.Dispose", "IDisposable.Dispose()", ApiMemberKind.Method, "Disposes.") with
            {
                ExplicitInterfaceMemberId = "M:System.IDisposable.Dispose",
                ImplementedMemberIds = ["M:System.IDisposable.Dispose"],
            }) with
        {
            IsAbstract = true,
            BaseTypes = [new TypeRef("object", "T:System.Object")],
            Interfaces = [new TypeRef("IDisposable", "T:System.IDisposable")],
            DerivedTypes = [new TypeRef("Circle", circleId)],
            Attributes = ["[Serializable]"],
            Source = new SourceLocation("src/Shapes/Shape.cs", 10),
        };
        var circle = Type(Ns, "Circle", ApiTypeKind.Class, "A round shape.", null,
            Member("P:{T}.Radius", "Radius", "Radius", ApiMemberKind.Property, "The radius.") with
            {
                ReturnType = new TypeRef("double", "T:System.Double"),
                Docs = new DocComment { Summary = Text("The radius."), Value = Text("Positive.") },
            }) with
        {
            BaseTypes = [new TypeRef("Shape", shapeId), new TypeRef("object", "T:System.Object")],
            InheritedMembers = [new InheritedMemberRef($"P:{Ns}.Shape.Name", "Name", new TypeRef("Shape", shapeId)), new InheritedMemberRef("M:System.Object.ToString", "ToString()", new TypeRef("object", "T:System.Object"))],
            Obsolete = new ObsoleteInfo("Use Ellipse.", false),
        };
        var generic = Type(Ns, "Box<T>", ApiTypeKind.Struct, "A box of T.", null,
            Member("M:{T}.Get", "Get", "Get()", ApiMemberKind.Method, "Gets.") with { ReturnType = new TypeRef("T", null) }) with
        {
            TypeParameters = [new TypeParameterModel("T", null)],
            Docs = new DocComment { Summary = Text("A box of T."), TypeParams = [new NamedDoc("T", Text("Content."))] },
        };
        var nonGeneric = Type(Ns, "Box", ApiTypeKind.RecordStruct, "A plain box.");
        var lower = Type(Ns, "box", ApiTypeKind.Record, "Differs from Box only by case.");
        var color = Type(Ns, "Color", ApiTypeKind.Enum, "Colors.", null,
            Member("F:{T}.Red", "Red", "Red", ApiMemberKind.EnumValue, "Red.") with { ConstantValue = "0" },
            Member("F:{T}.Green", "Green", "Green", ApiMemberKind.EnumValue) with { ConstantValue = "1" }) with
        { EnumUnderlyingType = "int", IsFlags = true };
        var handler = Type(Ns, "ShapeHandler", ApiTypeKind.Delegate, "Handles a shape.") with
        {
            DelegateParameters = [new ParameterModel("shape", new TypeRef("Shape", shapeId), null, null)],
            DelegateReturnType = new TypeRef("bool", "T:System.Boolean"),
        };
        var iface = Type(Ns, "IShape", ApiTypeKind.Interface, null, Provenance.Missing,
            Member("M:{T}.Draw", "Draw", "Draw()", ApiMemberKind.Method));
        var ex = Type(Ns, "ShapeException", ApiTypeKind.Class, "Thrown for bad shapes.") with
        {
            BaseTypes = [new TypeRef("Exception", "T:System.Exception"), new TypeRef("object", "T:System.Object")],
        };
        var con = Type(Ns, "Con", ApiTypeKind.Class, "Named like a Windows device.");
        var global = Type("", "Program", ApiTypeKind.Class, "In the global namespace.");
        var otherNs = Type("Acme.shapes", "Thing", ApiTypeKind.Class, "Namespace differing only by case.");
        var malformed = Type("Acme.Util", "Odd", ApiTypeKind.Class, null) with
        {
            Docs = new DocComment { MalformedXml = "<summary>unclosed <b>" },
            Provenance = Provenance.FromSource,
        };
        return Of(shape, circle, generic, nonGeneric, lower, color, handler, iface, ex, con, global, otherNs, malformed);
    }

    /// <summary>
    /// <see cref="Full"/> with what the site shows around types: an interface with an implementer and extension methods
    /// from a static class (the browser tests and the README screenshots use it).
    /// </summary>
    public static ApiModel Site()
    {
        var types = Full().AllTypes.Select(t => t.Id == $"T:{Ns}.IShape" ? t with { DerivedTypes = [new TypeRef("Square", $"T:{Ns}.Square")] } : t).ToList();
        var shape = new TypeRef("Shape", $"T:{Ns}.Shape");
        types.Add(Type(Ns, "Square", ApiTypeKind.Class, "A shape with four equal sides.", null,
            Member("P:{T}.Side", "Side", "Side", ApiMemberKind.Property, "Length of a side.") with { ReturnType = new TypeRef("double", "T:System.Double") },
            Member("M:{T}.Draw", "Draw", "Draw()", ApiMemberKind.Method, "Draws the square.") with { ImplementedMemberIds = [$"M:{Ns}.IShape.Draw"] }) with
        {
            BaseTypes = [new TypeRef("object", "T:System.Object")],
            Interfaces = [new TypeRef("IShape", $"T:{Ns}.IShape")],
        });
        types.Add(Type(Ns, "ShapeExtensions", ApiTypeKind.Class, "Helpers for every shape.", null,
            Member("M:{T}.Describe(Acme.Shapes.Shape)", "Describe", "Describe(Shape)", ApiMemberKind.Method, "Describes a shape in words.") with
            {
                IsStatic = true, IsExtension = true, ExtendedType = shape,
                Parameters = [new ParameterModel("shape", shape, "this", null)],
                ReturnType = new TypeRef("string", "T:System.String"),
                // Returns written, the parameter not: documented in part.
                Docs = new DocComment { Summary = Text("Describes a shape in words."), Returns = Text("A sentence.") },
            }) with { IsStatic = true });
        return Of([.. types]);
    }

    /// <summary>A big model for timing: <paramref name="types"/> types with <paramref name="membersPerType"/> members each.</summary>
    public static ApiModel Large(int types, int membersPerType)
    {
        var list = new List<TypeModel>(types);
        for (var t = 0; t < types; t++)
        {
            var members = new MemberModel[membersPerType];
            for (var m = 0; m < membersPerType; m++)
            {
                var name = "Method" + (m / 2);
                members[m] = Member($"M:{{T}}.{name}(System.Int32{new string(',', m % 2)}{(m % 2 == 1 ? "System.String" : "")})", name, $"{name}(int{(m % 2 == 1 ? ", string" : "")})", ApiMemberKind.Method,
                    m % 3 == 0 ? null : $"Does thing {m} of type {t}.") with
                {
                    Parameters = [new ParameterModel("value", new TypeRef("int", "T:System.Int32"), null, null)],
                    Docs = m % 3 == 0 ? DocComment.Empty : new DocComment { Summary = Block(new DocText($"Does thing {m}; see "), See($"T:Big.Ns{(t + 1) % types % 20}.Type{(t + 1) % types}")) },
                };
            }
            list.Add(Type($"Big.Ns{t % 20}", "Type" + t, ApiTypeKind.Class, $"Type number {t}.", null, members));
        }
        return Of([.. list]);
    }
}
