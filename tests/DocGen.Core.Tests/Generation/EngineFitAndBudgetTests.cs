using System.Text.Json.Nodes;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation.Budget;
using DocGen.Core.Generation.Continuation;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Generation;

/// <summary>Budgets, context windows, packing across types, partial docs and prompt context, against the scripted server.</summary>
public sealed class EngineFitAndBudgetTests : IDisposable
{
    private readonly FakeOpenAIServer _server = new();
    private readonly EngineHarness _h = new();

    public void Dispose()
    {
        _server.Dispose();
        _h.Dispose();
    }

    /// <summary><paramref name="types"/> undocumented types in three namespaces, each with <paramref name="perType"/> undocumented methods.</summary>
    internal static ApiModel Many(int types, int perType, bool documentedTypes = false) => TestModels.Model([.. Enumerable.Range(0, types).Select(t =>
    {
        var id = $"T:Sample.N{t % 3}.Type{t:D2}";
        var type = TestModels.Type(id, [.. Enumerable.Range(0, perType).Select(i => TestModels.Method(id, "Op" + i, $"return x * {i} + {t};", ("int", "System.Int32", "x")))]);
        return documentedTypes ? type with { Docs = new DocComment { Summary = DocBlock.FromText($"Type number {t}.") }, Provenance = Provenance.FromSource } : type;
    })]);

    [Theory]
    [InlineData(1500)]
    [InlineData(3000)]
    [InlineData(8000)]
    public async Task GenerateAsync_TokenBudget_NeverSpendsPastItAcrossContinuationsAndConcurrency(long budget)
    {
        // Small answers force continuations; the server counts real tokens and cuts at max_tokens, like OpenAI.
        _server.RealisticTokens = true;
        _h.Settings = _h.Settings with { MaxOutputTokens = 120 };
        var options = _h.Options(_server, model: "gpt-4o-mini") with { TokenBudget = budget, MaxConcurrency = 4 };

        var run = await _h.RunAsync(Many(types: 6, perType: 5), options);

        _server.ReportedTokens.ShouldBeLessThanOrEqualTo(budget);
        (run.Report.InputTokens + run.Report.OutputTokens).ShouldBe(_server.ReportedTokens);
        run.Report.Requests.ShouldBeGreaterThan(0);
        // The large budget pays for continuations; the small ones stop a cut answer instead of overspending.
        if (budget >= 8000) _server.Requests.ShouldContain(r => r.Prompt.Contains("--- CONTINUATION REQUEST ---"));
        run.Report.Members["generated"].ShouldBeGreaterThan(0);
        if (run.Report.Members["generated"] < 30) run.Diagnostics.ShouldContain(d => d.Id == "DG0406" || d.Id == "DG0409");
    }

    [Fact]
    public async Task GenerateAsync_UnlimitedBudget_SettlesWithTheServersUsage()
    {
        _server.RealisticTokens = true;

        var run = await _h.RunAsync(Many(types: 2, perType: 2), _h.Options(_server, model: "gpt-4o"));

        (run.Report.InputTokens + run.Report.OutputTokens).ShouldBe(_server.ReportedTokens);
        run.Report.TokensByUseCase["member_docs"].Requests.ShouldBe(1);
        run.Report.TokensByUseCase["type_overview"].Requests.ShouldBe(2);
        run.ReportJson.ShouldContain("\"tokensByUseCase\"");
    }

    [Fact]
    public async Task GenerateAsync_HugeDeclaration_IsCutToSignatureAndMarkedExcerptWithinTheWindow()
    {
        _server.RealisticTokens = true;
        var typeId = "T:Sample.Calc";
        var body = string.Join("\n", Enumerable.Range(0, 6000).Select(i => $"    total += Compute(x, {i}) * Weight{i % 97};"));
        var huge = TestModels.Method(typeId, "Big", body, ("int", "System.Int32", "x"));
        var options = _h.Options(_server, model: "gpt-4o-mini") with { ContextWindow = 4096 };
        huge.DeclarationText!.Length.ShouldBeGreaterThan(200_000);

        var run = await _h.RunAsync(TestModels.Model(TestModels.Type(typeId, huge)), options);

        var request = _server.Requests.First(r => r.MemberIds.Contains(huge.Id));
        request.Prompt.ShouldContain("Signature: public int Big(int x)");
        request.Prompt.ShouldContain("[excerpt: DocGen cut this declaration");
        var promptTokens = TokenCounter.ForModel("gpt-4o-mini").Count(request.Prompt);
        (promptTokens + request.MaxTokens).ShouldBeLessThanOrEqualTo(4096);
        run.Member(huge.Id).Provenance.Source.ShouldBe(DocSource.Generated);
    }

    [Fact]
    public async Task GenerateAsync_SmallWindow_SplitsTheBatchSoEachRequestFits()
    {
        _server.RealisticTokens = true;
        var typeId = "T:Sample.Calc";
        // Each declaration is about 1,300 tokens: under the excerpt limit, but two do not fit a 4,096-token window next to the answer.
        string Body(int n) => string.Join("\n", Enumerable.Range(0, 110).Select(i => $"    total += Step{n}(x, {i});"));
        var members = Enumerable.Range(0, 3).Select(n => TestModels.Method(typeId, "Run" + n, Body(n), ("int", "System.Int32", "x"))).ToArray();
        var options = _h.Options(_server, model: "gpt-4o-mini") with { ContextWindow = 4096 };

        var run = await _h.RunAsync(TestModels.Model(TestModels.Type(typeId, members)), options);

        var memberRequests = _server.Requests.Where(r => r.MemberIds.Count > 0).ToList();
        memberRequests.Count.ShouldBe(3);
        memberRequests.ShouldAllBe(r => TokenCounter.ForModel("gpt-4o-mini").Count(r.Prompt) + r.MaxTokens <= 4096);
        memberRequests.ShouldAllBe(r => !r.Prompt.Contains("[excerpt:"));
        run.Report.Members["generated"].ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_36MembersAcross18Types_TakesAtMostSixRequests()
    {
        var run = await _h.RunAsync(Many(types: 18, perType: 2, documentedTypes: true), _h.Options(_server));

        _server.Requests.Count.ShouldBeLessThanOrEqualTo(6);
        var memberRequests = _server.Requests.ToList();
        memberRequests.Sum(r => r.MemberIds.Count).ShouldBe(36);
        // Ordered by namespace and type: a request holds neighbouring types, each under its own context header.
        memberRequests.ShouldContain(r => r.Prompt.Contains("## Type T:Sample.N0.Type00\n") && r.Prompt.Contains("## Type T:Sample.N0.Type03\n"));
        foreach (var r in memberRequests)
        {
            var types = r.Prompt.Split("## Type ").Skip(1).Select(p => p[..p.IndexOf('\n')]).ToList();
            types.ShouldBe([.. types.Order(StringComparer.Ordinal)]);
        }
        run.Report.Members["generated"].ShouldBe(36);
    }

    [Fact]
    public async Task GenerateAsync_ParamOnlyMember_AsksOnlyForTheSummaryAndKeepsTheParam()
    {
        var typeId = "T:Sample.Calc";
        var m = TestModels.Method(typeId, "Scale", "return x * 2;", ("int", "System.Int32", "x")) with
        {
            Docs = new DocComment { Params = [new NamedDoc("x", DocBlock.FromText("The human x.")), ], Returns = DocBlock.FromText("Twice x.") },
            Provenance = Provenance.FromSource,
        };
        var model = TestModels.Model(TestModels.Type(typeId, m) with { Docs = new DocComment { Summary = DocBlock.FromText("A calculator.") }, Provenance = Provenance.FromSource });
        _server.Responder = r => Scripted.Json($$"""{"members":[{"id":"{{m.Id}}","summary":"Doubles a value.","params":{"x":"Model text for x."},"returns":"Model returns."}]}""");

        var run = await _h.RunAsync(model, _h.Options(_server));

        var request = _server.Requests.ShouldHaveSingleItem();
        request.Prompt.ShouldContain("Write only: summary");
        request.Prompt.ShouldContain("- param x: The human x.");
        var member = run.Member(m.Id);
        member.Docs.Summary!.ToPlainText().ShouldBe("Doubles a value.");
        member.Docs.Params.ShouldHaveSingleItem().Content.ToPlainText().ShouldBe("The human x.");
        member.Docs.Returns!.ToPlainText().ShouldBe("Twice x.");
        member.Provenance.Source.ShouldBe(DocSource.Source);
        member.Provenance.Parts.ShouldBe([new DocPart("summary", DocSource.Generated, "test-model")]);
        run.Report.PartialMembers.ShouldBe(1);
        run.Report.PartsGenerated.ShouldBe(1);
        ModelStatistics.Compute(run.Model).Partial.ShouldBe(1);
        run.ReportJson.ShouldContain("\"partialMembers\": 1");
        run.ReportJson.ShouldContain("\"partial\": 1");
        var badge = DocGen.Core.Emission.Pages.PageModelBuilder.Badge(member.Provenance);
        badge.Text.ShouldBe("source, completed");
        badge.Title.ShouldContain("summary (generated by test-model)");
    }

    [Fact]
    public async Task GenerateAsync_ParamOnlyMemberWithoutProvider_GetsFallbackSummaryMarkedPerPart()
    {
        var typeId = "T:Sample.Calc";
        var m = TestModels.Method(typeId, "Scale", "return x * 2;", ("int", "System.Int32", "x")) with
        {
            Docs = new DocComment { Params = [new NamedDoc("x", DocBlock.FromText("The human x."))] },
            Provenance = Provenance.FromSource,
        };

        var run = await _h.RunAsync(TestModels.Model(TestModels.Type(typeId, m)), _h.Options(null));

        var member = run.Member(m.Id);
        member.Docs.Summary!.ToPlainText().ShouldBe("Scales the specified x.", "the signature-derived text of FallbackText");
        member.Docs.Params.ShouldHaveSingleItem().Content.ToPlainText().ShouldBe("The human x.");
        member.Provenance.Parts.Select(p => (p.Part, p.Source)).ShouldBe([("summary", DocSource.Fallback), ("returns", DocSource.Fallback)]);
        run.Report.PartialMembers.ShouldBe(1);
        run.Report.PartsFallback.ShouldBe(2);
    }

    [Fact]
    public async Task GenerateAsync_UndocumentedType_OverviewPromptCarriesItsMembersGeneratedSummaries()
    {
        var typeId = "T:Sample.Calc";
        var model = TestModels.Model(TestModels.Type(typeId,
            TestModels.Method(typeId, "Add", "return x + 1;", ("int", "System.Int32", "x")),
            TestModels.Documented(TestModels.Method(typeId, "Sub", "return x - 1;", ("int", "System.Int32", "x")), "Subtracts one.")));

        await _h.RunAsync(model, _h.Options(_server));

        _server.Requests.Count.ShouldBe(2);
        _server.Requests[0].MemberIds.ShouldBe(["M:Sample.Calc.Add(System.Int32)"]);
        var overview = _server.Requests[1].Prompt;
        overview.ShouldContain("Rules: \"id\" is T:Sample.Calc;");
        overview.ShouldContain("public int Add(int x) — Docs for M:Sample.Calc.Add(System.Int32).");
        overview.ShouldContain("public int Sub(int x) — Subtracts one.");
        overview.ShouldContain("Namespace: Sample");
    }

    [Fact]
    public async Task GenerateAsync_Prompt_ShowsNamespaceBaseInterfacesAndSiblingsAndLinksOnlyKnownCrefs()
    {
        var typeId = "T:Sample.Calc";
        var sibling = TestModels.Documented(TestModels.Method(typeId, "Reset", "return 0;"), "Resets the calculator.");
        var target = TestModels.Method(typeId, "Add", "return x + 1;", ("int", "System.Int32", "x"));
        var type = TestModels.Type(typeId, sibling, target) with
        {
            Signature = "public class Calc : Machine, IDisposable",
            BaseTypes = [new TypeRef("Machine", "T:Sample.Machine"), new TypeRef("object", "T:System.Object")],
            Interfaces = [new TypeRef("IDisposable", "T:System.IDisposable")],
            Docs = new DocComment { Summary = DocBlock.FromText("A calculator.") },
            Provenance = Provenance.FromSource,
        };
        _server.Responder = _ => Scripted.Json($$"""{"members":[{"id":"{{target.Id}}","summary":"Adds one; see <see cref=\"M:Sample.Calc.Reset\"/> and <see cref=\"M:Nowhere.Gone\"/> and <b>bold</b>."}]}""");

        var run = await _h.RunAsync(TestModels.Model(type), _h.Options(_server));

        var prompt = _server.Requests.ShouldHaveSingleItem().Prompt;
        prompt.ShouldContain("Namespace: Sample");
        prompt.ShouldContain("Base type: Machine (T:Sample.Machine)");
        prompt.ShouldContain("Implements: IDisposable (T:System.IDisposable)");
        prompt.ShouldContain("- M:Sample.Calc.Reset: Resets the calculator.");
        prompt.ShouldContain("<see cref=\"ID\"/>");
        run.Member(target.Id).Docs.Summary!.Nodes.ShouldBe([
            new DocText("Adds one; see "), new DocReference("M:Sample.Calc.Reset", null, null, []), new DocText(" and "), new DocText("Nowhere.Gone"), new DocText(" and bold."),
        ]);
    }

    [Fact]
    public async Task GenerateAsync_ImplicitConstructor_GetsFixedTextWithoutARequest()
    {
        var typeId = "T:Sample.Calc";
        var ctor = new MemberModel
        {
            Id = "M:Sample.Calc.#ctor", Name = "Calc", DisplayName = "Calc()", Kind = ApiMemberKind.Constructor,
            Accessibility = ApiAccessibility.Public, Signature = "public Calc()", ContainingTypeId = typeId,
        };
        var model = TestModels.Model(TestModels.Type(typeId, ctor) with { Docs = new DocComment { Summary = DocBlock.FromText("A calculator.") }, Provenance = Provenance.FromSource });

        var run = await _h.RunAsync(model, _h.Options(_server));

        _server.Requests.ShouldBeEmpty();
        run.Summary(ctor.Id).ShouldBe("Initializes a new instance of Calc.");
        run.Member(ctor.Id).Provenance.ShouldBe(Provenance.Fallback);
    }

    [Fact]
    public async Task GenerateAsync_ContinuationWithoutOverlapStartingWithASpace_KeepsTheSpace()
    {
        var id = "M:Sample.Calc.Op0(System.Int32)";
        _server.Enqueue(Scripted.Json($$"""{"members":[{"id":"{{id}}","summary":"alpha""", "length"), Scripted.Json(" beta.\"}]}"));

        var run = await _h.RunAsync(TestModels.Calculator(1), _h.Options(_server));

        run.Summary(id).ShouldBe("alpha beta.");
    }

    [Fact]
    public async Task GenerateAsync_ContinuationRepeatsOnlyTheOverlap_StopsAsNoProgress()
    {
        var full = FakeOpenAIServer.AnswerFor("### M:Sample.Calc.Op0(System.Int32)\n### M:Sample.Calc.Op1(System.Int32)\n");
        var first = full[..(full.IndexOf("Op1", StringComparison.Ordinal) + 10)];
        _server.Enqueue(Scripted.Json(first, "length"), Scripted.Json(ContinuationPrompt.Tail(first), "length"));

        var run = await _h.RunAsync(TestModels.Calculator(2), _h.Options(_server));

        _server.Requests.Count.ShouldBe(2);
        run.WithId("DG0409").ShouldHaveSingleItem().Message.ShouldContain("made no progress");
        run.Member("M:Sample.Calc.Op0(System.Int32)").Provenance.Source.ShouldBe(DocSource.Generated);
    }
}
