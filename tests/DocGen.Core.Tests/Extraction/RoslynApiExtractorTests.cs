using DocGen.Core.Diagnostics;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Tests.Extraction;

[Collection(SampleLibraryCollection.Name)]
public sealed class RoslynApiExtractorTests(SampleLibraryFixture fixture)
{
    private const string Geo = "Sample.Library.Geometry.";

    [Fact]
    public void Extract_SampleLibrary_ListsNamespacesSortedWithAssemblyFacts()
    {
        var assembly = fixture.Model.Assemblies.ShouldHaveSingleItem();
        assembly.Name.ShouldBe("Sample.Library");
        assembly.Version.ShouldBe("1.0.0.0");
        assembly.TargetFramework.ShouldBe("net10.0");
        assembly.Namespaces.Select(n => n.Name).ShouldBe(["", "Sample.Library.Collections", "Sample.Library.Geometry", "Sample.Library.Text"]);
        var geometry = assembly.Namespaces.Single(n => n.Name == "Sample.Library.Geometry").Types.Select(t => t.QualifiedName).ToList();
        geometry.ShouldBe(geometry.Order(StringComparer.Ordinal).ToList());
        geometry.ShouldContain("Canvas.ShapeAddedEventArgs");
    }

    [Fact]
    public void Extract_TypeKinds_MatchWhatTheUserWrote()
    {
        fixture.Type("T:" + Geo + "Circle").Kind.ShouldBe(ApiTypeKind.Class);
        fixture.Type("T:" + Geo + "Vector").Kind.ShouldBe(ApiTypeKind.Struct);
        fixture.Type("T:" + Geo + "Rectangle").Kind.ShouldBe(ApiTypeKind.Record);
        fixture.Type("T:" + Geo + "Point").Kind.ShouldBe(ApiTypeKind.RecordStruct);
        fixture.Type("T:" + Geo + "IShape").Kind.ShouldBe(ApiTypeKind.Interface);
        fixture.Type("T:" + Geo + "ShapeStyle").Kind.ShouldBe(ApiTypeKind.Enum);
        fixture.Type("T:" + Geo + "ShapeVisitor`1").Kind.ShouldBe(ApiTypeKind.Delegate);
        // Metadata alone must tell a record struct from a struct too (a lone .dll has no sources).
        fixture.LoneDllModel.AllTypes.Single(t => t.Id == "T:" + Geo + "Point").Kind.ShouldBe(ApiTypeKind.RecordStruct);
    }

    [Fact]
    public void Extract_TypeSignatures_AreCSharpDeclarations()
    {
        fixture.Type("T:" + Geo + "Shape").Signature.ShouldBe("public abstract class Shape : IShape, IComparable<Shape>");
        fixture.Type("T:" + Geo + "Circle").Signature.ShouldBe("public sealed class Circle : Shape");
        fixture.Type("T:" + Geo + "Point").Signature.ShouldBe("public readonly record struct Point");
        fixture.Type("T:" + Geo + "Größe").Signature.ShouldBe("public enum Größe : byte");
        fixture.Type("T:" + Geo + "ShapeVisitor`1").Signature.ShouldBe("public delegate TResult ShapeVisitor<out TResult>(IShape shape, int depth)");
        fixture.Type("T:Sample.Library.Collections.Entry`2").Signature.ShouldBe("public sealed record Entry<TKey, TValue> where TKey : IEquatable<TKey>");
        fixture.Type("T:Sample.Library.Collections.IReadOnlyRing`1").Signature.ShouldStartWith("public interface IReadOnlyRing<out T> : IReadOnlyCollection<T>");
    }

    [Fact]
    public void Extract_Members_HaveCSharpSignaturesWithDefaultsAndModifiers()
    {
        fixture.Member("M:" + Geo + "Canvas.Render(System.String,System.Int32)").Signature
            .ShouldBe("public string Render(string title = \"Untitled \\\"canvas\\\"\", int indent = 2)");
        fixture.Member("M:" + Geo + "Canvas.Add(Sample.Library.Geometry.IShape[])").Signature.ShouldBe("public void Add(params IShape[] shapes)");
        fixture.Member("M:" + Geo + "Canvas.TryFind(Sample.Library.Geometry.IShape,System.Int32@)").Parameters[1].Modifier.ShouldBe("out");
        fixture.Member("M:Sample.Library.Collections.Lookup.Peek(Sample.Library.Geometry.Vector@)").Signature.ShouldBe("public static int Peek(in Vector value)");
        fixture.Member("M:" + Geo + "Canvas.Find``1(System.Func{``0,System.Boolean})").Signature
            .ShouldBe("public IEnumerable<TShape> Find<TShape>(Func<TShape, bool>? predicate = null) where TShape : class, IShape");
        fixture.Member("M:" + Geo + "Circle.Scale(System.Double)").Signature.ShouldBe("public override IShape Scale(double factor)");
        fixture.Member("P:" + Geo + "Shape.Area").Signature.ShouldBe("public abstract double Area { get; }");
        fixture.Member("P:" + Geo + "IShape.Area").Signature.ShouldBe("double Area { get; }");
        fixture.Member("P:" + Geo + "Point.X").Signature.ShouldBe("public double X { get; init; }");
        fixture.Member("E:" + Geo + "Canvas.ShapeAdded").Signature.ShouldBe("public event EventHandler<Canvas.ShapeAddedEventArgs>? ShapeAdded");
        fixture.Member("M:" + Geo + "NativeCanvas.Finalize").Kind.ShouldBe(ApiMemberKind.Destructor);
        fixture.Member("M:" + Geo + "NativeCanvas.Finalize").Signature.ShouldBe("~NativeCanvas()");
    }

    [Fact]
    public void Extract_Generics_CarryConstraints()
    {
        var best = fixture.Member("M:Sample.Library.Collections.Lookup.Best``2(System.Collections.Generic.IEnumerable{``1},System.Func{``1,``0})");
        best.TypeParameters.ShouldBe([new TypeParameterModel("TKey", "notnull"), new TypeParameterModel("TValue", "IComparable<TValue>")]);
        var sum = fixture.Member("M:Sample.Library.Collections.Lookup.Sum``1(System.ReadOnlySpan{``0})");
        sum.TypeParameters.ShouldHaveSingleItem().Constraints.ShouldBe("unmanaged, INumber<T>");
        fixture.Type("T:Sample.Library.Collections.Entry`2").TypeParameters[0].Constraints.ShouldBe("IEquatable<TKey>");
    }

    [Fact]
    public void Extract_ConstantsAndEnums_CarryValues()
    {
        fixture.Member("F:" + Geo + "Canvas.MaxShapes").ConstantValue.ShouldBe("10000");
        fixture.Member("F:" + Geo + "Canvas.DefaultTitle").ConstantValue.ShouldBe("\"Untitled \\\"canvas\\\"\"");
        fixture.Member("F:" + Geo + "Circle.Pi").Kind.ShouldBe(ApiMemberKind.Constant);
        fixture.Member("F:" + Geo + "Circle.Unit").Signature.ShouldBe("public static readonly Circle Unit");
        var style = fixture.Type("T:" + Geo + "ShapeStyle");
        style.IsFlags.ShouldBeTrue();
        style.Attributes.ShouldContain("[Flags]");
        style.Members.Select(m => (m.Name, m.ConstantValue)).ShouldBe([("None", "0"), ("Filled", "1"), ("Outlined", "2"), ("Dashed", "4"), ("All", "7")]);
        style.Members.ShouldAllBe(m => m.Kind == ApiMemberKind.EnumValue);
        fixture.Type("T:" + Geo + "Größe").EnumUnderlyingType.ShouldBe("byte");
    }

    [Fact]
    public void Extract_Overloads_HaveUniqueDisplayNames()
    {
        foreach (var type in fixture.Model.AllTypes)
            type.Members.Select(m => m.DisplayName).ShouldBeUnique($"in {type.Id}");
        fixture.Type("T:" + Geo + "Canvas").Members.Where(m => m.Name == "Add").Select(m => m.DisplayName)
            .ShouldBe(["Add(IShape)", "Add(IShape, ShapeStyle)", "Add(IShape[])"]);
    }

    [Fact]
    public void Extract_OperatorsIndexersAndConversions_ShowAsWritten()
    {
        var vector = fixture.Type("T:" + Geo + "Vector");
        vector.Members.Where(m => m.Kind == ApiMemberKind.Operator).Select(m => m.Name)
            .ShouldBe(["operator !=", "operator *", "operator +", "operator -", "operator =="]);
        var conversion = vector.Members.Single(m => m.Kind == ApiMemberKind.ConversionOperator);
        conversion.Signature.ShouldBe("public static explicit operator double(Vector v)");
        var indexer = vector.Members.Single(m => m.Kind == ApiMemberKind.Indexer);
        indexer.DisplayName.ShouldBe("this[int]");
        indexer.Signature.ShouldBe("public readonly double this[int index] { get; }");
        fixture.Member("M:" + Geo + "Point.op_Implicit(System.ValueTuple{System.Double,System.Double})~Sample.Library.Geometry.Point").Name
            .ShouldBe("implicit operator Point");
    }

    [Fact]
    public void Extract_ExplicitInterfaceImplementations_AreNamedByInterface()
    {
        var scale = fixture.Member("M:" + Geo + "Rectangle.Sample#Library#Geometry#IShape#Scale(System.Double)");
        scale.Name.ShouldBe("IShape.Scale");
        scale.Signature.ShouldBe("IShape IShape.Scale(double factor)");
        scale.ExplicitInterfaceMemberId.ShouldBe("M:" + Geo + "IShape.Scale(System.Double)");
        scale.ImplementedMemberIds.ShouldBe(["M:" + Geo + "IShape.Scale(System.Double)"]);
        fixture.Member("P:Sample.Library.Collections.RingBuffer`1.System#Collections#ICollection#SyncRoot").Name.ShouldBe("ICollection.SyncRoot");
    }

    [Fact]
    public void Extract_OverridesAndImplementations_ListImplementedMemberIds()
    {
        fixture.Member("M:" + Geo + "Circle.Scale(System.Double)").ImplementedMemberIds.ShouldContain("M:" + Geo + "Shape.Scale(System.Double)");
        fixture.Member("M:" + Geo + "Shape.CompareTo(Sample.Library.Geometry.Shape)").ImplementedMemberIds.ShouldBe(["M:System.IComparable`1.CompareTo(`0)"]);
        fixture.Member("M:" + Geo + "Canvas.Dispose").ImplementedMemberIds.ShouldBe(["M:System.IDisposable.Dispose"]);
    }

    [Fact]
    public void Extract_TypeRelations_CoverBasesInterfacesDerivedAndNested()
    {
        var circle = fixture.Type("T:" + Geo + "Circle");
        circle.BaseTypes.Select(b => b.Id).ShouldBe(["T:" + Geo + "Shape", "T:System.Object"]);
        circle.Interfaces.Select(i => i.Display).ShouldBe(["IShape", "IComparable<Shape>"], ignoreOrder: true);
        fixture.Type("T:" + Geo + "IShape").DerivedTypes.Select(d => d.Display).ShouldBe(["Rectangle", "Shape", "Square"]);
        fixture.Type("T:" + Geo + "Canvas").NestedTypeIds.ShouldBe(["T:" + Geo + "Canvas.ShapeAddedEventArgs"]);
        fixture.Type("T:" + Geo + "Canvas.ShapeAddedEventArgs").ContainingTypeId.ShouldBe("T:" + Geo + "Canvas");
        fixture.Type("T:Sample.Library.Collections.Entry`2.Deep").QualifiedName.ShouldBe("Entry<TKey, TValue>.Deep");
    }

    [Fact]
    public void Extract_InheritedMembers_IncludeBaseAndObjectButNotOverridden()
    {
        var circle = fixture.Type("T:" + Geo + "Circle");
        var inherited = circle.InheritedMembers.Select(m => m.Id).ToList();
        inherited.ShouldContain("P:" + Geo + "Shape.Name");
        inherited.ShouldContain("M:" + Geo + "Shape.CompareTo(" + Geo.TrimEnd('.') + ".Shape)");
        inherited.ShouldContain("M:System.Object.GetHashCode");
        inherited.ShouldNotContain("M:System.Object.ToString"); // Shape overrides it
        inherited.ShouldNotContain("P:" + Geo + "Shape.Area"); // Circle overrides it
        circle.InheritedMembers.Single(m => m.Id == "P:" + Geo + "Shape.Name").DeclaringType.Display.ShouldBe("Shape");
    }

    [Fact]
    public void Extract_Obsolete_CarriesMessageAndErrorFlag()
    {
        fixture.Member("M:" + Geo + "Rectangle.ToTuple").Obsolete.ShouldBe(new ObsoleteInfo("Use the Width and Height properties.", false));
        fixture.Member("M:" + Geo + "Rectangle.Stretch(System.Double)").Obsolete.ShouldBe(new ObsoleteInfo("Use Scale, which keeps the aspect ratio.", true));
        fixture.Member("M:" + Geo + "Rectangle.ToTuple").Attributes.ShouldBe(["[Obsolete(\"Use the Width and Height properties.\")]"]);
    }

    [Fact]
    public void Extract_ExtensionMembers_ShowAsWrittenWithoutCompilerNames()
    {
        var type = fixture.Type("T:Sample.Library.Text.TextExtensions");
        var words = type.Members.Single(m => m.Name == "Words");
        words.IsExtension.ShouldBeTrue();
        words.Id.ShouldBe("M:Sample.Library.Text.TextExtensions.Words(System.String)");
        words.Signature.ShouldBe("extension(string text) public int Words()");
        words.Docs.Summary!.ToPlainText().ShouldBe("Counts the words, splitting on white space.");
        words.Provenance.ShouldBe(Provenance.FromSource);
        var palindrome = type.Members.Single(m => m.Name == "IsPalindrome");
        palindrome.Kind.ShouldBe(ApiMemberKind.Property);
        palindrome.Signature.ShouldBe("extension(string text) public bool IsPalindrome { get; }");
        palindrome.Docs.Summary.ShouldNotBeNull();
        var join = type.Members.Single(m => m.Name == "JoinWith");
        join.Signature.ShouldBe("extension<T>(IEnumerable<T> items) public string JoinWith(string separator) where T : notnull");
        join.Provenance.ShouldBe(Provenance.FromSource);
        type.Members.Single(m => m.Name == "Truncate").IsExtension.ShouldBeTrue();
        type.Members.ShouldNotContain(m => m.Name.StartsWith("get_"));
    }

    [Fact]
    public void Extract_WholeModel_HasNoCompilerGeneratedNames()
    {
        foreach (var model in new[] { fixture.Model, fixture.LoneDllModel })
        {
            var names = model.AllTypes.SelectMany(t => new[] { t.Id, t.Name, t.QualifiedName, t.Signature }
                .Concat(t.Members.SelectMany(m => new[] { m.Id, m.Name, m.DisplayName, m.Signature }))
                .Concat(t.InheritedMembers.Select(i => i.DisplayName)));
            names.ShouldAllBe(n => !n.Contains("<G>") && !n.Contains("<M>") && !n.Contains("$") && !n.Contains("k__BackingField") && !n.Contains("<Clone>"));
        }
        fixture.Model.AllMembers.ShouldNotContain(m => m.Name == "EqualityContract" || m.Name == "PrintMembers");
    }

    [Fact]
    public void Extract_UnicodeIdentifiers_AreKept()
    {
        var nandu = fixture.Type("T:" + Geo + "Ñandú");
        nandu.Name.ShouldBe("Ñandú");
        nandu.Members.Select(m => m.Name).ShouldContain("Posición");
        fixture.Type("T:" + Geo + "Größe").Members.Select(m => m.Name).ShouldBe(["Klein", "Mittel", "Groß"]);
    }

    [Fact]
    public void Extract_Accessibility_HidesInternalsUnlessAsked()
    {
        fixture.Model.AllMembers.ShouldNotContain(m => m.Id == "M:" + Geo + "Canvas.Compact");
        fixture.Member("M:" + Geo + "Canvas.Trace(System.String)").Accessibility.ShouldBe(ApiAccessibility.ProtectedInternal);
        fixture.Member("M:" + Geo + "Shape.CheckFactor(System.Double)").Accessibility.ShouldBe(ApiAccessibility.Protected);
        var (withInternals, _) = SampleLibraryFixture.Extract(fixture.Inputs, new DocGenOptions { IncludeInternals = true });
        withInternals.AllMembers.Single(m => m.Id == "M:" + Geo + "Canvas.Compact").Accessibility.ShouldBe(ApiAccessibility.Internal);
        withInternals.AllMembers.ShouldNotContain(m => m.Name.Contains("k__") || m.Name.Contains("<>") || m.Id.Contains('$'));
    }

    [Fact]
    public void Extract_LoneDll_ResolvesFrameworkFromReferencePack()
    {
        fixture.LoneDllDiagnostics.ShouldNotContain(d => d.Id == "DG0106" || d.Severity == DiagnosticSeverity.Error);
        var lone = fixture.LoneDllModel.AllTypes.Single(t => t.Id == "T:" + Geo + "Shape");
        lone.Signature.ShouldBe(fixture.Type("T:" + Geo + "Shape").Signature);
        lone.InheritedMembers.ShouldContain(m => m.Id == "M:System.Object.GetHashCode");
        fixture.LoneDllModel.AllMembers.ShouldAllBe(m => m.Source == null && m.DeclarationText == null);
        fixture.LoneDllModel.AllMembers.Count().ShouldBe(fixture.Model.AllMembers.Count());
    }

    [Fact]
    public void Extract_NotAnAssembly_ReportsErrorWithoutThrowing()
    {
        using var temp = new DocGen.Tests.Shared.TempDirectory();
        var path = temp.Write("Broken.dll", "this is not a PE file");
        var (model, diagnostics) = SampleLibraryFixture.Extract(new Inputs.ProjectInputs { AssemblyPath = path });
        diagnostics.ShouldContain(d => d.Id == "DG0107" && d.Severity == DiagnosticSeverity.Error);
        model.AllTypes.ShouldBeEmpty();
    }
}

[Collection(SampleLibraryCollection.Name)]
public sealed class ModernMemberSignatureTests(SampleLibraryFixture fixture)
{
    [Fact]
    public void Extract_StaticAbstractRequiredAndRestrictedSetter_ShowInSignatures()
    {
        fixture.Member("M:Sample.Library.Geometry.IShapeFactory`1.Create(System.Double)").Signature.ShouldBe("static abstract TSelf Create(double size)");
        fixture.Type("T:Sample.Library.Geometry.IShapeFactory`1").TypeParameters.ShouldHaveSingleItem().Constraints.ShouldBe("IShapeFactory<TSelf>, IShape");
        fixture.Member("P:Sample.Library.Geometry.Square.Side").Signature.ShouldBe("public required double Side { get; init; }");
        fixture.Member("P:Sample.Library.Geometry.Square.Label").Signature.ShouldBe("public string Label { get; protected set; }");
    }
}
