using DocGen.Core.Emission.Pages;
using DocGen.Core.Emission.Rendering;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Extraction;

/// <summary>Records, caller-relevant attributes, inherited members and the data the pages need (issue 11, defects 7, 9, 10).</summary>
public sealed class RecordsAndSignaturesTests
{
    private const string Source = """
        #nullable disable
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        namespace Rec;
        /// <summary>A person.</summary>
        /// <param name="Name">The person's name.</param>
        /// <param name="Age">The age in years.</param>
        public record Person(string Name, int Age);
        /// <summary>An employee.</summary>
        /// <param name="Name">The name.</param>
        /// <param name="Age">The age.</param>
        /// <param name="Company">The employer.</param>
        public sealed record Employee(string Name, int Age, string Company) : Person(Name, Age);
        /// <summary>A legacy class compiled without nullable annotations.</summary>
        public class Legacy
        {
            /// <summary>Compares.</summary>
            public override bool Equals(object obj) => false;
            /// <summary>Hashes.</summary>
            public override int GetHashCode() => 0;
        }
        /// <summary>Helpers.</summary>
        public static class Util
        {
            /// <summary>Old.</summary>
            [Obsolete("Use New", DiagnosticId = "RW001")] public static void Old() { }
            /// <summary>Trim-unsafe.</summary>
            [RequiresUnreferencedCode("Reflection"), RequiresDynamicCode("Emit")] public static void Dyn() { }
            /// <summary>Preview.</summary>
            [Experimental("RW002")] public static void Exp() { }
            /// <summary>Extends a person.</summary>
            public static string Describe(this Person person) => person.Name;
            /// <summary>Extends a list.</summary>
            public static int Twice<T>(this IEnumerable<T> items) => 2;
        }
        /// <summary>Options.</summary>
        [Flags] public enum Opts { /// <summary>None.</summary>
         None = 0, /// <summary>A.</summary>
         A = 1 }
        /// <summary>A shape.</summary>
        public interface IShape { /// <summary>Area.</summary>
         double Area { get; } }
        /// <summary>A solid.</summary>
        public interface ISolid : IShape { }
        /// <summary>A square.</summary>
        public sealed class Square : IShape, IEnumerable<int>
        {
            /// <inheritdoc/>
            public double Area => 1;
            /// <summary>The side.</summary>
            public double Side;
            /// <summary>Changed.</summary>
            public event EventHandler Changed { add { } remove { } }
            IEnumerator<int> IEnumerable<int>.GetEnumerator() => null;
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null;
        }
        """;

    [Fact]
    public void Extract_Records_SynthesizedMembersGetTheirContractsAndNeverCountAsMissing()
    {
        using var snippet = new Snippet(Source);
        var person = snippet.Type("T:Rec.Person");
        person.Members.ShouldAllBe(m => m.Provenance.IsDocumented, string.Join(", ", person.Members.Where(m => !m.Provenance.IsDocumented).Select(m => m.Id)));
        snippet.Type("T:Rec.Employee").Members.ShouldAllBe(m => m.Provenance.IsDocumented);
        snippet.Member("P:Rec.Person.Name").Docs.Summary!.ToPlainText().ShouldBe("The person's name.");
        snippet.Member("M:Rec.Person.op_Equality(Rec.Person,Rec.Person)").Docs.Summary!.ToPlainText().ShouldStartWith("Indicates whether two Person values are equal");
        snippet.Member("M:Rec.Person.Deconstruct(System.String@,System.Int32@)").Docs.Params[1].Content.ToPlainText().ShouldBe("The age in years.");
        // Employee.Equals(object) overrides Person's synthesized override, which overrides object.Equals: the chain reaches the docs.
        snippet.Member("M:Rec.Employee.Equals(System.Object)").Docs.Summary.ShouldNotBeNull();
        person.Members.ShouldNotContain(m => m.Name.Contains('<') || m.Name.Contains('$') || m.Name == "PrintMembers" || m.Name == "EqualityContract");
    }

    [Fact]
    public void Extract_OverrideWithoutNullableAnnotations_HidesTheBaseMemberItOverrides()
    {
        using var snippet = new Snippet(Source);
        var legacy = snippet.Type("T:Rec.Legacy");
        legacy.InheritedMembers.ShouldNotContain(i => i.DisplayName == "Equals(object?)" || i.DisplayName == "Equals(object)");
        legacy.InheritedMembers.ShouldNotContain(i => i.DisplayName == "GetHashCode()");
        snippet.Type("T:Rec.Person").InheritedMembers.ShouldNotContain(i => i.DisplayName == "Equals(object?)" || i.DisplayName == "Equals(object)");
    }

    [Fact]
    public void Extract_StaticClassAndEnum_ListNoInheritedObjectOrEnumMembers()
    {
        using var snippet = new Snippet(Source);
        snippet.Type("T:Rec.Util").InheritedMembers.ShouldBeEmpty();
        snippet.Type("T:Rec.Opts").InheritedMembers.ShouldBeEmpty();
        snippet.Type("T:Rec.Square").InheritedMembers.ShouldContain(i => i.DisplayName == "ToString()");
    }

    [Fact]
    public void Extract_CallerRelevantAttributes_AppearWithShortNames()
    {
        using var snippet = new Snippet(Source);
        snippet.Member("M:Rec.Util.Old").Attributes.ShouldBe(["[Obsolete(\"Use New\", DiagnosticId = \"RW001\")]"]);
        snippet.Member("M:Rec.Util.Dyn").Attributes.ShouldBe(["[RequiresUnreferencedCode(\"Reflection\")]", "[RequiresDynamicCode(\"Emit\")]"]);
        snippet.Member("M:Rec.Util.Exp").Attributes.ShouldBe(["[Experimental(\"RW002\")]"]);
        snippet.Type("T:Rec.Opts").Attributes.ShouldBe(["[Flags]"]);
    }

    [Fact]
    public void Extract_ImplementedMembers_AreNamedAsDeclaredWithGenericArguments()
    {
        using var snippet = new Snippet(Source);
        var enumerator = snippet.Member("M:Rec.Square.System#Collections#Generic#IEnumerable{System#Int32}#GetEnumerator");
        enumerator.ImplementedMembers.ShouldBe([new MemberRef("IEnumerable<int>.GetEnumerator()", "M:System.Collections.Generic.IEnumerable`1.GetEnumerator")]);
        snippet.Member("P:Rec.Square.Area").ImplementedMembers.ShouldBe([new MemberRef("IShape.Area", "P:Rec.IShape.Area")]);
        snippet.Member("M:Rec.Legacy.Equals(System.Object)").ImplementedMembers.ShouldBe([new MemberRef("object.Equals(object?)", "M:System.Object.Equals(System.Object)")]);
    }

    [Fact]
    public void Extract_InternalInterfaces_AreNeitherInSignaturesNorInImplementedLists()
    {
        using var snippet = new Snippet("""
            namespace Vis;
            internal interface ISecret { void Hide(); }
            /// <summary>Visible.</summary>
            public interface IVisible { /// <summary>Shows.</summary>
             void Show(); }
            /// <summary>A widget.</summary>
            public sealed class Widget : ISecret, IVisible
            {
                /// <summary>Hides.</summary>
                public void Hide() { }
                /// <inheritdoc/>
                public void Show() { }
            }
            """);
        var widget = snippet.Type("T:Vis.Widget");
        widget.Signature.ShouldBe("public sealed class Widget : IVisible");
        widget.Interfaces.Select(i => i.Display).ShouldBe(["IVisible"]);
        snippet.Member("M:Vis.Widget.Hide").ImplementedMembers.ShouldBeEmpty();
        snippet.Member("M:Vis.Widget.Show").ImplementedMembers.ShouldBe([new MemberRef("IVisible.Show()", "M:Vis.IVisible.Show")]);
    }

    [Fact]
    public void TypePage_ExtensionsInterfacesAndReturnLabels_AreInThePageModel()
    {
        using var snippet = new Snippet(Source);
        var pages = new PageNames(snippet.Model);
        var builder = new PageModelBuilder(snippet.Model, pages, new DocHtmlRenderer(new LinkResolver(pages, ".html", null), null));

        var person = builder.Type((TypePage)pages.Find("T:Rec.Person")!.Page);
        person.ExtensionMembers.ShouldHaveSingleItem().Name.ShouldBe("Describe");
        person.ExtensionMembers[0].DeclaringType.Name.ShouldBe("Util");
        // Employee derives from Person: Person's extensions apply to it too.
        builder.Type((TypePage)pages.Find("T:Rec.Employee")!.Page).ExtensionMembers.ShouldContain(e => e.Name == "Describe");
        // Square implements IEnumerable<int>: a generic extension on IEnumerable<T> applies.
        builder.Type((TypePage)pages.Find("T:Rec.Square")!.Page).ExtensionMembers.ShouldContain(e => e.Name == "Twice");

        var shape = builder.Type((TypePage)pages.Find("T:Rec.IShape")!.Page);
        shape.Implementers.ShouldHaveSingleItem().ShouldContain("Square");
        shape.DerivedTypes.ShouldHaveSingleItem().ShouldContain("ISolid");
        shape.DerivedLabel.ShouldBe("Derived interfaces");

        OverloadView Overload(string id) => builder.Member((MemberPage)pages.Find(id)!.Page).Overloads.Single(o => o.Anchor == pages.Find(id)!.Anchor);
        Overload("P:Rec.Square.Area").ReturnsLabel.ShouldBe("Property value");
        Overload("F:Rec.Square.Side").ReturnsLabel.ShouldBe("Field value");
        Overload("E:Rec.Square.Changed").ReturnsLabel.ShouldBe("Event type");
        Overload("M:Rec.Util.Describe(Rec.Person)").ReturnsLabel.ShouldBe("Returns");
        Overload("M:Rec.Square.System#Collections#Generic#IEnumerable{System#Int32}#GetEnumerator").Implements.ShouldHaveSingleItem().ShouldContain("IEnumerable&lt;int&gt;.GetEnumerator()");
    }
}
