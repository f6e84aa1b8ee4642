using System.Collections.Immutable;
using System.Text.Json.Nodes;
using DocGen.Core.Generation;
using DocGen.Core.Generation.Fallback;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Generation;

public sealed class FallbackAndUseCaseTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static MemberPromptItem Item(string name, ApiMemberKind kind, string? returns = null, string? constant = null, bool setter = false, params string[] parameters) =>
        new("M:X." + name, kind, name, "Widget", "sig", null, [.. parameters], [], returns, constant, setter);

    [Theory]
    [InlineData("GetUserName", ApiMemberKind.Method, "Gets the user name.")]
    [InlineData("SaveAsync", ApiMemberKind.Method, "Saves this instance asynchronously.")]
    [InlineData("IsEmpty", ApiMemberKind.Method, "Determines whether this instance is empty.")]
    [InlineData("TryParseHeader", ApiMemberKind.Method, "Tries to parse header.")]
    [InlineData("Frobnicate", ApiMemberKind.Method, "Performs the frobnicate operation.")]
    [InlineData("Widget", ApiMemberKind.Constructor, "Initializes a new instance of `Widget`.")]
    [InlineData("Changed", ApiMemberKind.Event, "Occurs on changed.")]
    [InlineData("IEventEmitter.Emit", ApiMemberKind.Method, "Emits this instance.")]
    [InlineData("IEnumerable<T>.GetEnumerator", ApiMemberKind.Method, "Gets the enumerator.")]
    [InlineData("PushRange", ApiMemberKind.Method, "Pushes the range.")]
    [InlineData("ApplyPolicy", ApiMemberKind.Method, "Applies the policy.")]
    [InlineData("Flush", ApiMemberKind.Method, "Flushes this instance.")]
    [InlineData("IReadOnlyDictionary<TKey, TValue>.Keys", ApiMemberKind.Property, "Gets the keys.")]
    public void ForMember_Names_GiveDeterministicSummaries(string name, ApiMemberKind kind, string expected)
    {
        FallbackText.ForMember(Item(name, kind))["summary"]!.GetValue<string>().ShouldBe(expected);
    }

    [Fact]
    public void ForMember_PropertiesConstantsAndParameters_UseTheSignature()
    {
        FallbackText.ForMember(Item("IsEnabled", ApiMemberKind.Property, "bool", setter: true))["summary"]!.GetValue<string>()
            .ShouldBe("Gets or sets a value indicating whether this instance is enabled.");
        FallbackText.ForMember(Item("MaxSize", ApiMemberKind.Constant, "int", "42"))["summary"]!.GetValue<string>().ShouldBe("The max size value (`42`).");
        var withParams = FallbackText.ForMember(Item("Add", ApiMemberKind.Method, "int", null, false, "leftOperand"));
        withParams["params"]!["leftOperand"]!.GetValue<string>().ShouldBe("The left operand.");
        withParams["returns"]!.GetValue<string>().ShouldBe("The `int` result.");
        withParams["summary"]!.GetValue<string>().ShouldBe("Adds the specified left operand.");
        FallbackText.ForMember(Item("Contains", ApiMemberKind.Method, "bool", null, false, "point"))["summary"]!.GetValue<string>()
            .ShouldBe("Determines whether this instance contains the specified point.");
        FallbackText.ForMember(Item("ContainsKey", ApiMemberKind.Method, "bool", null, false, "key"))["summary"]!.GetValue<string>()
            .ShouldBe("Determines whether this instance contains the key.");
    }

    [Fact]
    public void ToDocComment_BackticksAndTags_BecomeInlineCodeAndPlainText()
    {
        var docs = MemberDocsUseCase.ToDocComment(new JsonObject { ["summary"] = "Returns `null` when <see cref=\"X\"/> is <b>empty</b>." }, Item("A", ApiMemberKind.Method));

        docs.Summary!.Nodes.ShouldBe([new DocText("Returns "), new DocInlineCode("null"), new DocText(" when is empty.")]);
    }

    [Fact]
    public void Validate_OverlongTextAndBadCrefs_AreCappedAndDropped()
    {
        var args = new MemberDocsArgs([], [Item("A", ApiMemberKind.Method, "int", null, false, "x")], []);
        var answer = JsonNode.Parse($$$"""{"members":[{"id":"M:X.A","summary":"{{{new string('w', 5000)}}}","params":{"x":"The x.","y":"nope"},"exceptions":{"T:System.ArgumentException":"Bad.","<script>":"x"}}]}""")!;

        var entry = MemberDocsUseCase.Validate(answer, args)!["members"]![0]!;

        entry["summary"]!.GetValue<string>().Length.ShouldBeLessThanOrEqualTo(DocTextSanitizer.SummaryMax + 1);
        entry["params"]!.AsObject().Select(p => p.Key).ShouldBe(["x"]);
        entry["exceptions"]!.AsObject().Select(p => p.Key).ShouldBe(["T:System.ArgumentException"]);
    }

    [Theory]
    [InlineData(Intent.Unspecified, "member_docs", "has no intent")]
    [InlineData(Intent.Documentation, "", "has no use case id")]
    [InlineData(Intent.Documentation, "summarise_everything", "unknown use case 'summarise_everything'")]
    [InlineData(Intent.Code, "member_docs", "is for Documentation")]
    public void Resolve_MissingOrUnknownIntentOrUseCase_FailsFast(Intent intent, string useCase, string message)
    {
        var registry = UseCaseRegistry.CreateDefault();
        var request = new GenerationRequest(intent, new UseCaseId(useCase), new MemberDocsArgs([], [], []), "req");

        Should.Throw<GenerationRequestException>(() => registry.Resolve(request)).Message.ShouldContain(message);
    }

    [Fact]
    public void Resolve_WrongArgsType_FailsFast()
    {
        var request = new GenerationRequest(Intent.Documentation, UseCaseId.TypeOverview, new MemberDocsArgs([], [], []), "req");

        Should.Throw<GenerationRequestException>(() => UseCaseRegistry.CreateDefault().Resolve(request)).Message.ShouldContain("TypeOverviewArgs");
    }

    [Fact]
    public async Task GenerateAsync_NoProvider_FallbackIsMarkedAndByteIdenticalEveryRun()
    {
        var model = TestModels.Calculator(2);

        var first = await _h.RunAsync(model, _h.Options(null));
        var second = await _h.RunAsync(model, _h.Options(null));

        first.Member("M:Sample.Calc.Op0(System.Int32)").Provenance.ShouldBe(Provenance.Fallback);
        first.Summary("M:Sample.Calc.Op0(System.Int32)").ShouldBe("Performs the op0 operation.");
        first.Member("M:Sample.Calc.Op0(System.Int32)").Docs.Params.ShouldHaveSingleItem().Name.ShouldBe("x");
        second.ReportJson.ShouldBe(first.ReportJson);
        second.Model.ShouldBe(first.Model, new ModelJsonComparer());
        first.Report.Provider.ShouldBe("none");
        first.Report.Requests.ShouldBe(0);
        first.Report.Fallbacks.ShouldBe(2);
        first.WithId("DG0410").ShouldHaveSingleItem();
        Directory.Exists(_h.CacheDirectory).ShouldBeFalse();
        var generation = JsonNode.Parse(first.ReportJson)!["generation"]!.AsObject();
        generation["provider"]!.GetValue<string>().ShouldBe("none");
        generation.ContainsKey("latencyP50Ms").ShouldBeFalse();
        generation["members"]!["fallback"]!.GetValue<int>().ShouldBe(2);
        generation["types"]!["source"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task GenerateAsync_OverrideOfDocumentedMember_InheritsWithoutAskingAnyone()
    {
        var baseRun = TestModels.Documented(TestModels.Method("T:Sample.Base", "Run", "return 0;"), "Runs the job.");
        var derivedRun = TestModels.Method("T:Sample.Derived", "Run", "return 1;") with { IsOverride = true, ImplementedMemberIds = [baseRun.Id] };
        using var server = new FakeOpenAIServer();
        var model = TestModels.Model(TestModels.Type("T:Sample.Base", baseRun), TestModels.Type("T:Sample.Derived", derivedRun));

        var run = await _h.RunAsync(model, _h.Options(server));

        run.Member(derivedRun.Id).Provenance.ShouldBe(Provenance.Inherited);
        run.Summary(derivedRun.Id).ShouldBe("Runs the job.");
        server.Requests.ShouldAllBe(r => r.MemberIds.Count == 0);
        run.Model.AllTypes.Single(t => t.Id == "T:Sample.Derived").Provenance.Source.ShouldBe(DocSource.Generated);
    }

    private sealed class ModelJsonComparer : IEqualityComparer<ApiModel>
    {
        public bool Equals(ApiModel? x, ApiModel? y) =>
            System.Text.Json.JsonSerializer.Serialize(x!.AllMembers.Select(m => (m.Id, m.Docs.Summary!.ToPlainText(), m.Provenance.Label)).ToList())
            == System.Text.Json.JsonSerializer.Serialize(y!.AllMembers.Select(m => (m.Id, m.Docs.Summary!.ToPlainText(), m.Provenance.Label)).ToList());

        public int GetHashCode(ApiModel obj) => 0;
    }
}
