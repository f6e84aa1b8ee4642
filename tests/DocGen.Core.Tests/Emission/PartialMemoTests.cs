using DocGen.Core.Diagnostics;
using DocGen.Core.Emission.Rendering;
using DocGen.Tests.Shared;
using Scriban.Runtime;

namespace DocGen.Core.Tests.Emission;

/// <summary>A partial rendered once per distinct input must give what rendering it every time gives.</summary>
public sealed class PartialMemoTests
{
    private static TemplateStore Store(TempDirectory templates) =>
        TemplateStore.Load("markdown", templates.Path, OutputEscaper.None, new DiagnosticBag(), reportShared: true);

    private static ScriptObject Model(string title, string text) => new() { ["title"] = title, ["badge"] = new ScriptObject { ["text"] = text } };

    [Fact]
    public void Render_PartialReadingAGlobal_IsKeyedByItsValue()
    {
        using var templates = new TempDirectory("docgen-memo");
        templates.Write("markdown/index.sbn", "{{ include 'badge' badge }}");
        templates.Write("markdown/_badge.sbn", "{{ title }}:{{ $1.text }}");
        var store = Store(templates);

        store.Render("index", Model("one", "x"), "a").ShouldBe("one:x");
        store.Render("index", Model("two", "x"), "b").ShouldBe("two:x");
        store.Render("index", Model("two", "y"), "c").ShouldBe("two:y");
        store.Render("index", Model("one", "x"), "d").ShouldBe("one:x");
    }

    [Fact]
    public void Render_PartialWithASideEffect_IsRenderedEveryTime()
    {
        using var templates = new TempDirectory("docgen-memo");
        templates.Write("markdown/index.sbn", "{{ seen = 0 }}{{ include 'badge' badge }}{{ include 'badge' badge }}{{ include 'badge' badge }}");
        templates.Write("markdown/_badge.sbn", "{{ seen = seen + 1 }}{{ seen }}");
        var store = Store(templates);

        for (var i = 0; i < 300; i++) store.Render("index", Model("t", "x"), "p").ShouldBe("123");
    }

    [Fact]
    public void Render_PartialCallingAFunction_IsRenderedEveryTime()
    {
        using var templates = new TempDirectory("docgen-memo");
        templates.Write("markdown/index.sbn", "{{ include 'badge' badge }}");
        templates.Write("markdown/_badge.sbn", "{{ $1.text | string.size }}");
        var store = Store(templates);

        store.Render("index", Model("t", "ab"), "p").ShouldBe("2");
        store.Render("index", Model("t", "abc"), "p").ShouldBe("3");
    }

    [Fact]
    public void Render_PartialReadingMembersOfItsArgument_IsKeyedByThoseMembers()
    {
        using var templates = new TempDirectory("docgen-memo");
        templates.Write("markdown/index.sbn", "{{ include 'badge' badge }}");
        templates.Write("markdown/_badge.sbn", "{{ $b = $1 }}[{{ $b.text }}]");
        var store = Store(templates);

        foreach (var text in new[] { "a", "b", "a", "c" })
            store.Render("index", Model("t", text), "p").ShouldBe($"[{text}]");
    }

    [Fact]
    public void Render_LocalAssignedTwice_IsRenderedEveryTime()
    {
        using var templates = new TempDirectory("docgen-memo");
        templates.Write("markdown/index.sbn", "{{ include 'badge' badge other }}");
        templates.Write("markdown/_badge.sbn", "{{ $b = $1 }}{{ if $2.flag }}{{ $b = $2 }}{{ end }}{{ $b.text }}");
        var store = Store(templates);
        ScriptObject With(string text, bool flag) => new() { ["title"] = "t", ["badge"] = new ScriptObject { ["text"] = "first" }, ["other"] = new ScriptObject { ["text"] = text, ["flag"] = flag } };

        store.Render("index", With("second", false), "p").ShouldBe("first");
        store.Render("index", With("second", true), "p").ShouldBe("second");
        store.Render("index", With("third", true), "p").ShouldBe("third");
    }
}
