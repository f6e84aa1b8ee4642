using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Code;

namespace DocGen.Core.Tests.CodeGen;

public sealed class DependencyOrderTests
{
    private static CodeFilePlan File(string id, params string[] deps) => new(id, id + ".cs", "", [.. deps], [], [], []);

    [Fact]
    public void Sort_Chain_PutsDependenciesFirst()
    {
        var result = DependencyOrder.Sort([File("client", "models"), File("models", "units"), File("units")]);

        result.Files.Select(f => f.Id).ShouldBe(["units", "models", "client"]);
        result.Broken.ShouldBeEmpty();
    }

    [Fact]
    public void Sort_IndependentFiles_KeepAnswerOrder() =>
        DependencyOrder.Sort([File("b"), File("a"), File("c", "a")]).Files.Select(f => f.Id).ShouldBe(["b", "a", "c"]);

    [Fact]
    public void Sort_Cycle_BreaksTheClosingEdgeAndReportsBothFiles()
    {
        var diagnostics = new DiagnosticBag();

        var order = DependencyOrder.Sort([File("a", "b"), File("b", "c"), File("c", "a"), File("d", "a")], "specs/Cyc.prompt.md", diagnostics);

        order.Select(f => f.Id).ShouldBe(["c", "b", "a", "d"]);
        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0714");
        d.Severity.ShouldBe(DiagnosticSeverity.Warning);
        d.File.ShouldBe("specs/Cyc.prompt.md");
        d.Message.ShouldBe("The files of 'specs/Cyc.prompt.md' depend on each other in a cycle (a → b → c → a); 'c' is generated without seeing 'a' (that dependency is ignored to order them)");
    }

    [Fact]
    public void Sort_TwoCycles_BreaksEachOnce()
    {
        var result = DependencyOrder.Sort([File("a", "b"), File("b", "a"), File("c", "d"), File("d", "c")]);

        result.Broken.Select(b => (b.From, b.To)).ShouldBe([("b", "a"), ("d", "c")]);
        result.Files.Select(f => f.Id).ShouldBe(["b", "a", "d", "c"]);
    }

    [Fact]
    public void Sort_SelfDependency_IsACycleOfOne()
    {
        var result = DependencyOrder.Sort([File("a", "a")]);

        result.Files.Select(f => f.Id).ShouldBe(["a"]);
        result.Broken.ShouldHaveSingleItem().Cycle.ShouldBe("a → a");
    }

    [Fact]
    public void Sort_UnknownDependency_IsIgnoredWithWarning()
    {
        var diagnostics = new DiagnosticBag();

        var order = DependencyOrder.Sort([File("a", "ghost"), File("b")], "s.md", diagnostics);

        order.Select(f => f.Id).ShouldBe(["a", "b"]);
        var d = diagnostics.ToList().ShouldHaveSingleItem();
        d.Id.ShouldBe("DG0715");
        d.Message.ShouldContain("'a' depends on 'ghost'");
    }

    [Fact]
    public void Sort_SameInput_SameOrderEveryTime()
    {
        CodeFilePlan[] files = [File("e", "a", "b"), File("a", "c"), File("b", "c"), File("c"), File("d", "e")];

        var first = DependencyOrder.Sort(files).Files.Select(f => f.Id).ToList();

        first.ShouldBe(["c", "a", "b", "e", "d"]);
        for (var i = 0; i < 5; i++) DependencyOrder.Sort(files).Files.Select(f => f.Id).ShouldBe(first);
    }
}
