using DocGen.Core.Emission.Pages;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Emission;

public sealed class PageNamesTests
{
    [Fact]
    public void PageNames_IdsDifferingOnlyByCase_GetDistinctNamesOnCaseInsensitiveFileSystems()
    {
        var pages = new PageNames(SampleModel.Full());
        var paths = pages.All.Select(p => p.Path).ToList();
        paths.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(paths.Count);
        pages.Find("T:Acme.Shapes.Box")!.Page.Path.ShouldBe("api/acme.shapes/box/index");
        pages.Find("T:Acme.Shapes.box")!.Page.Path.ShouldMatch(@"^api/acme\.shapes/box-[0-9a-f]{6}/index$");
        pages.Find("N:Acme.shapes")!.Page.Path.ShouldMatch(@"^api/acme\.shapes-[0-9a-f]{6}/index$");
        pages.Find("M:Acme.Shapes.Shape.area")!.Page.Path.ShouldMatch(@"^api/acme\.shapes/shape/area-[0-9a-f]{6}$");
    }

    [Fact]
    public void PageNames_GenericArityAndOverloads_KeepArityAndShareOnePage()
    {
        var pages = new PageNames(SampleModel.Full());
        pages.Find("T:Acme.Shapes.Box`1")!.Page.Path.ShouldBe("api/acme.shapes/box-1/index");
        var generic = pages.Find("M:Acme.Shapes.Shape.Area``1(System.Double)")!;
        var plain = pages.Find("M:Acme.Shapes.Shape.Area")!;
        generic.Page.ShouldBeSameAs(plain.Page);
        generic.Anchor.ShouldNotBe(plain.Anchor);
        pages.Find("M:Acme.Shapes.Shape.#ctor(System.String)")!.Page.Path.ShouldBe("api/acme.shapes/shape/-ctor");
        pages.Find("M:Acme.Shapes.Shape.op_Implicit(System.String)~Acme.Shapes.Shape")!.Page.Path.ShouldBe("api/acme.shapes/shape/op_implicit");
        pages.Find("M:Acme.Shapes.Shape.System#IDisposable#Dispose")!.Page.Path.ShouldBe("api/acme.shapes/shape/system-idisposable-dispose");
    }

    [Fact]
    public void PageNames_ReservedDeviceNamesAndLongNames_AreMadeSafeAndShort()
    {
        var longName = "VeryLong" + new string('X', 300);
        var model = SampleModel.Of(SampleModel.Type("Acme", "Con"), SampleModel.Type("Acme", longName), SampleModel.Type("Acme", longName + "Y"));
        var pages = new PageNames(model);
        pages.Find("T:Acme.Con")!.Page.Path.ShouldMatch(@"^api/acme/con-[0-9a-f]{6}/index$");
        var a = pages.Find("T:Acme." + longName)!.Page.Path;
        var b = pages.Find("T:Acme." + longName + "Y")!.Page.Path;
        a.ShouldNotBe(b);
        Path.GetFileName(Path.GetDirectoryName(a))!.Length.ShouldBeLessThanOrEqualTo(64);
        Path.GetFileName(Path.GetDirectoryName(b))!.Length.ShouldBeLessThanOrEqualTo(64);
    }

    [Fact]
    public void PageNames_SameModelTwice_GivesSameNames()
    {
        var first = new PageNames(SampleModel.Full()).All.Select(p => p.Path).ToList();
        var second = new PageNames(SampleModel.Full()).All.Select(p => p.Path).ToList();
        second.ShouldBe(first);
    }

    [Theory]
    [InlineData("T:System.Collections.Generic.Dictionary`2", "https://learn.microsoft.com/dotnet/api/system.collections.generic.dictionary-2")]
    [InlineData("M:System.String.Join(System.String,System.String[])", "https://learn.microsoft.com/dotnet/api/system.string.join")]
    [InlineData("M:System.Linq.Enumerable.Select``2(System.Collections.Generic.IEnumerable{``0},System.Func{``0,``1})", "https://learn.microsoft.com/dotnet/api/system.linq.enumerable.select")]
    [InlineData("M:System.Exception.#ctor(System.String)", "https://learn.microsoft.com/dotnet/api/system.exception.-ctor")]
    [InlineData("N:System.IO", "https://learn.microsoft.com/dotnet/api/system.io")]
    [InlineData("P:Microsoft.Extensions.Logging.ILogger.Name", "https://learn.microsoft.com/dotnet/api/microsoft.extensions.logging.ilogger.name")]
    [InlineData("T:System.Collections.Generic.List`1", "https://learn.microsoft.com/dotnet/api/system.collections.generic.list-1")]
    [InlineData("T:System.Collections.Generic.Dictionary`2.KeyCollection", "https://learn.microsoft.com/dotnet/api/system.collections.generic.dictionary-2.keycollection")]
    [InlineData("T:System.Environment.SpecialFolder", "https://learn.microsoft.com/dotnet/api/system.environment.specialfolder")]
    [InlineData("P:System.Collections.Generic.List`1.System#Collections#IList#Item", "https://learn.microsoft.com/dotnet/api/system.collections.generic.list-1.system-collections-ilist-item")]
    [InlineData("M:System.Collections.Generic.List`1.System#Collections#Generic#IEnumerable{T}#GetEnumerator", "https://learn.microsoft.com/dotnet/api/system.collections.generic.list-1.system-collections-generic-ienumerable-t--getenumerator")]
    [InlineData("M:System.Collections.ObjectModel.Collection`1.System#Collections#IEnumerable#GetEnumerator", "https://learn.microsoft.com/dotnet/api/system.collections.objectmodel.collection-1.system-collections-ienumerable-getenumerator")]
    [InlineData("M:System.Decimal.op_Addition(System.Decimal,System.Decimal)", "https://learn.microsoft.com/dotnet/api/system.decimal.op_addition")]
    [InlineData("M:System.Decimal.op_Implicit(System.Int32)~System.Decimal", "https://learn.microsoft.com/dotnet/api/system.decimal.op_implicit")]
    [InlineData("M:System.Collections.Generic.List`1.#ctor(System.Int32)", "https://learn.microsoft.com/dotnet/api/system.collections.generic.list-1.-ctor")]
    [InlineData("P:System.Collections.Generic.List`1.Item(System.Int32)", "https://learn.microsoft.com/dotnet/api/system.collections.generic.list-1.item")]
    [InlineData("F:System.String.Empty", "https://learn.microsoft.com/dotnet/api/system.string.empty")]
    [InlineData("T:Acme.Other", null)]
    [InlineData("T:SystemX.Thing", null)]
    public void LearnUrl_NetIds_MapToLearnPages(string id, string? expected) => LinkResolver.LearnUrl(id).ShouldBe(expected);

    [Theory]
    [InlineData("F:System.DayOfWeek.Monday", "https://learn.microsoft.com/dotnet/api/system.dayofweek#system-dayofweek-monday")]
    [InlineData("F:System.IO.FileMode.CreateNew", "https://learn.microsoft.com/dotnet/api/system.io.filemode#system-io-filemode-createnew")]
    [InlineData("F:System.Environment.SpecialFolder.ApplicationData", "https://learn.microsoft.com/dotnet/api/system.environment.specialfolder#system-environment-specialfolder-applicationdata")]
    public void LearnUrl_EnumValues_LinkTheEnumPageWithTheValuesAnchor(string id, string expected) =>
        LinkResolver.LearnUrl(id, isEnumValue: true).ShouldBe(expected);

    [Theory]
    [InlineData("https://example.com", true)]
    [InlineData("mailto:a@b.c", true)]
    [InlineData("../other.html#x", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JavaScript:alert(1)", false)]
    [InlineData("data:text/html,<script>", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("java\tscript:alert(1)", false)]
    public void IsSafeHref_Schemes_OnlyWebAndRelativeAllowed(string href, bool expected) => LinkResolver.IsSafeHref(href).ShouldBe(expected);
}
