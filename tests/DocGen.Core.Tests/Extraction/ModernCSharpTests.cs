using DocGen.Core.Model;

namespace DocGen.Core.Tests.Extraction;

/// <summary>C# features that real libraries use and that once crashed or mis-stated the docs (issue 11, defects 2–4).</summary>
public sealed class ModernCSharpTests
{
    private const string ExtensionSource = """
        using System.Collections.Generic;
        namespace Ext;
        /// <summary>Money.</summary>
        public readonly struct Money { /// <summary>Amount.</summary>
         public decimal Amount { get; init; } }
        /// <summary>Extensions.</summary>
        public static class MoneyExtensions
        {
            extension(Money money)
            {
                /// <summary>Is zero.</summary>
                public bool IsZero => money.Amount == 0;
                /// <summary>Doubled; see <see cref="MoneyExtensions.get_IsZero(Money)"/>.</summary>
                public Money Doubled() => money;
            }
            extension(Money)
            {
                /// <summary>Zero.</summary>
                public static Money Zero => default;
                /// <summary>Parses.</summary>
                public static Money Parse(string s) => default;
                /// <summary>Minus.</summary>
                public static Money operator -(Money a, Money b) => a;
            }
            extension<T>(IEnumerable<T> items)
            {
                /// <summary>First or fallback.</summary>
                public T? FirstOr(T? fallback) => fallback;
            }
            /// <summary>Classic.</summary>
            public static Money Triple(this Money m) => m;
        }
        internal static class Polyfill
        {
            extension(string s)
            {
                public static string Blank => "";
                public int Twice => s.Length * 2;
            }
        }
        """;

    [Fact]
    public void Extract_ExtensionBlocks_EveryMemberFormShownAsDeclaredAndStaticPropertyDoesNotCrash()
    {
        using var snippet = new Snippet(ExtensionSource);
        const string T = "Ext.MoneyExtensions";

        snippet.Member($"P:{T}.Zero").Signature.ShouldBe("extension(Money) public static Money Zero { get; }");
        snippet.Member($"P:{T}.IsZero(Ext.Money)").Signature.ShouldBe("extension(Money money) public bool IsZero { get; }");
        snippet.Member($"M:{T}.Doubled(Ext.Money)").Signature.ShouldBe("extension(Money money) public Money Doubled()");
        snippet.Member($"M:{T}.Parse(System.String)").Signature.ShouldBe("extension(Money) public static Money Parse(string s)");
        var minus = snippet.Member($"M:{T}.op_Subtraction(Ext.Money,Ext.Money)");
        minus.Kind.ShouldBe(ApiMemberKind.Operator);
        minus.Signature.ShouldBe("extension(Money) public static Money operator -(Money a, Money b)");
        snippet.Member($"M:{T}.FirstOr``1(System.Collections.Generic.IEnumerable{{``0}},``0)").Signature
            .ShouldBe("extension<T>(IEnumerable<T> items) public T? FirstOr(T? fallback)");
        snippet.Member($"M:{T}.Triple(Ext.Money)").Signature.ShouldBe("public static Money Triple(this Money m)");
        snippet.Type($"T:{T}").Members.ShouldAllBe(m => m.Provenance == Provenance.FromSource && m.IsExtension);
        snippet.Type($"T:{T}").Members.Where(m => m.Id != $"M:{T}.FirstOr``1(System.Collections.Generic.IEnumerable{{``0}},``0)")
            .ShouldAllBe(m => m.ExtendedType!.Id == "T:Ext.Money");
    }

    [Fact]
    public void Extract_ExtensionBlocks_CompilerImplementationsAndInternalBlocksNeverAppear()
    {
        using var snippet = new Snippet(ExtensionSource);
        snippet.Model.AllTypes.ShouldNotContain(t => t.Id.Contains("Polyfill"));
        snippet.Type("T:Ext.MoneyExtensions").Members.ShouldNotContain(m => m.Name.StartsWith("get_") || m.Name.StartsWith("op_") || m.Id.Contains('<') || m.Id.Contains('$'));
        snippet.Type("T:Ext.MoneyExtensions").Members.Count(m => m.Name == "Doubled").ShouldBe(1);
        snippet.Diagnostics.ShouldBeEmpty();
        // A cref to an extension property compiles to its getter's implementation: it leads to the property.
        var see = snippet.Member("M:Ext.MoneyExtensions.Doubled(Ext.Money)").Docs.Summary!.Nodes.OfType<DocReference>().ShouldHaveSingleItem();
        see.Cref.ShouldBe("P:Ext.MoneyExtensions.IsZero(Ext.Money)");
    }

    [Fact]
    public void Extract_StaticAbstractInterfaceMembers_ImplicitImplementationsShowWhatTheSourceDeclares()
    {
        using var snippet = new Snippet("""
            using System;
            using System.Numerics;
            namespace Num;
            /// <summary>Converts.</summary>
            public interface IConvertibleTo<TSelf> where TSelf : IConvertibleTo<TSelf> { /// <summary>Converts.</summary>
             static abstract explicit operator int(TSelf value); }
            /// <summary>Money.</summary>
            public readonly struct Money : IAdditionOperators<Money, Money, Money>, IMinMaxValue<Money>, IParsable<Money>, IUnaryNegationOperators<Money, Money>, IConvertibleTo<Money>
            {
                /// <summary>Max.</summary>
                public static Money MaxValue => default;
                /// <summary>Min.</summary>
                public static Money MinValue => default;
                /// <summary>Adds.</summary>
                public static Money operator +(Money a, Money b) => a;
                /// <summary>Parses.</summary>
                public static Money Parse(string s, IFormatProvider? provider) => default;
                static bool IParsable<Money>.TryParse(string? s, IFormatProvider? provider, out Money result) { result = default; return true; }
                static Money IUnaryNegationOperators<Money, Money>.operator -(Money value) => value;
                static explicit IConvertibleTo<Money>.operator int(Money value) => 0;
            }
            """);
        var max = snippet.Member("P:Num.Money.MaxValue");
        max.Name.ShouldBe("MaxValue");
        max.Signature.ShouldBe("public static Money MaxValue { get; }");
        max.ExplicitInterfaceMemberId.ShouldBeNull();
        max.ImplementedMemberIds.ShouldContain("P:System.Numerics.IMinMaxValue`1.MaxValue");
        snippet.Member("M:Num.Money.op_Addition(Num.Money,Num.Money)").Signature.ShouldBe("public static Money operator +(Money a, Money b)");
        snippet.Member("M:Num.Money.Parse(System.String,System.IFormatProvider)").Signature.ShouldBe("public static Money Parse(string s, IFormatProvider? provider)");
        var tryParse = snippet.Member("M:Num.Money.System#IParsable{Num#Money}#TryParse(System.String,System.IFormatProvider,Num.Money@)");
        tryParse.Name.ShouldBe("IParsable<Money>.TryParse");
        tryParse.Signature.ShouldBe("static bool IParsable<Money>.TryParse(string? s, IFormatProvider? provider, out Money result)");
        tryParse.ExplicitInterfaceMemberId.ShouldNotBeNull();
        var negation = snippet.Type("T:Num.Money").Members.Single(m => m.Id.Contains("op_UnaryNegation"));
        negation.Kind.ShouldBe(ApiMemberKind.Operator);
        negation.Signature.ShouldBe("static Money IUnaryNegationOperators<Money, Money>.operator -(Money value)");
        var conversion = snippet.Type("T:Num.Money").Members.Single(m => m.Id.Contains("op_Explicit"));
        conversion.Kind.ShouldBe(ApiMemberKind.ConversionOperator);
        conversion.Signature.ShouldBe("static explicit IConvertibleTo<Money>.operator int(Money value)");
    }

    [Fact]
    public void Extract_ExplicitInterfaceIndexers_KeepParametersAndAccessorsAndHideAccessorMethods()
    {
        using var snippet = new Snippet("""
            using System.Collections;
            using System.Collections.Generic;
            namespace Idx;
            /// <summary>Lookup.</summary>
            public interface ILookup2 { /// <summary>Gets a value.</summary>
             string this[int index, string key] { get; set; } }
            /// <summary>Bag.</summary>
            public sealed class Bag<T> : IList<T?>, ILookup2
            {
                private readonly List<T?> _items = new();
                T? IList<T?>.this[int index] { get => _items[index]; set => _items[index] = value; }
                string ILookup2.this[int index, string key] { get => ""; set { } }
                /// <inheritdoc/>
                public int Count => _items.Count;
                bool ICollection<T?>.IsReadOnly => false;
                /// <inheritdoc/>
                public void Add(T? item) => _items.Add(item);
                void ICollection<T?>.Clear() => _items.Clear();
                bool ICollection<T?>.Contains(T? item) => _items.Contains(item);
                void ICollection<T?>.CopyTo(T?[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);
                IEnumerator<T?> IEnumerable<T?>.GetEnumerator() => _items.GetEnumerator();
                IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
                int IList<T?>.IndexOf(T? item) => _items.IndexOf(item);
                void IList<T?>.Insert(int index, T? item) => _items.Insert(index, item);
                bool ICollection<T?>.Remove(T? item) => _items.Remove(item);
                void IList<T?>.RemoveAt(int index) => _items.RemoveAt(index);
            }
            """);
        var bag = snippet.Type("T:Idx.Bag`1");
        var listIndexer = bag.Members.Single(m => m.Id == "P:Idx.Bag`1.System#Collections#Generic#IList{T}#Item(System.Int32)");
        listIndexer.Kind.ShouldBe(ApiMemberKind.Indexer);
        listIndexer.Signature.ShouldBe("T? IList<T?>.this[int index] { get; set; }");
        listIndexer.DisplayName.ShouldBe("IList<T?>.this[int]");
        listIndexer.Parameters.ShouldHaveSingleItem().Name.ShouldBe("index");
        listIndexer.Provenance.ShouldBe(Provenance.Inherited);
        var custom = bag.Members.Single(m => m.Id == "P:Idx.Bag`1.Idx#ILookup2#Item(System.Int32,System.String)");
        custom.Signature.ShouldBe("string ILookup2.this[int index, string key] { get; set; }");
        custom.ImplementedMemberIds.ShouldBe(["P:Idx.ILookup2.Item(System.Int32,System.String)"]);
        custom.Docs.Summary!.ToPlainText().ShouldBe("Gets a value.");
        bag.Members.ShouldNotContain(m => m.Name.Contains("get_") || m.Name.Contains("set_"));
        bag.Members.Single(m => m.Name == "IEnumerable<T?>.GetEnumerator").ShouldNotBeNull();
    }
}
