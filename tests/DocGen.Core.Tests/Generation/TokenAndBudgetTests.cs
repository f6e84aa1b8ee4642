using System.Text;
using DocGen.Core.Generation.Budget;
using DocGen.Core.Generation.Providers;
using DocGen.Core.Model;
using DocGen.Core.Options;

namespace DocGen.Core.Tests.Generation;

public sealed class TokenAndBudgetTests
{
    [Theory]
    [InlineData("gpt-4o-mini", "o200k_base")]
    [InlineData("gpt-4.1-nano", "o200k_base")]
    [InlineData("gpt-5", "o200k_base")]
    [InlineData("o3-mini", "o200k_base")]
    [InlineData("openai/gpt-4o", "o200k_base")]
    [InlineData("gpt-4", "cl100k_base")]
    [InlineData("gpt-35-turbo", "cl100k_base")]
    [InlineData("llama3.1:8b", "estimate")]
    [InlineData("omni-local", "estimate")]
    public void ForModel_ModelId_PicksTheFamilysEncoding(string model, string encoding)
    {
        TokenCounter.ForModel(model).Encoding.ShouldBe(encoding);
    }

    [Fact]
    public void Count_KnownModel_MatchesTheTokenizerNotTheCharacterEstimate()
    {
        var text = "Text tokenization is the process of splitting a string into a list of tokens.";

        TokenCounter.ForModel("gpt-4o").Count(text).ShouldBe(16);
        TokenCounter.ForModel("some-local-model").Count(text).ShouldBe((text.Length + 2) / 3);
    }

    [Fact]
    public void PrefixLength_LongText_FitsTheTokenCount()
    {
        var counter = TokenCounter.ForModel("gpt-4o");
        var text = string.Concat(Enumerable.Repeat("total += Compute(x, 42); ", 400));

        var length = counter.PrefixLength(text, 100);

        counter.Count(text[..length]).ShouldBeLessThanOrEqualTo(100);
        counter.Count(text[..Math.Min(text.Length, length + 30)]).ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("gpt-4o-mini", 128_000)]
    [InlineData("gpt-4.1", 1_047_576)]
    [InlineData("gpt-4", 8_192)]
    [InlineData("qwen2.5-coder:7b", ContextWindow.UnknownModelDefault)]
    public void DefaultFor_Model_IsItsPublishedWindow(string model, int window)
    {
        ContextWindow.DefaultFor(model).ShouldBe(window);
    }

    [Fact]
    public void Reserve_ConcurrentRounds_NeverTogetherPassTheLimit()
    {
        var budget = new TokenBudget(1000);

        budget.Reserve(300, 200, 100, newRequest: true).ShouldBe(200);
        budget.Reserve(300, 200, 100, newRequest: true).ShouldBe(200);
        // 1000 - 1000 reserved: nothing left, and a refused new request closes the budget.
        budget.Reserve(100, 200, 50, newRequest: true).ShouldBeNull();
        budget.Closed.ShouldBeTrue();
        budget.Settle(500, 350);
        // A continuation may still use what the first rounds did not spend; new requests may not.
        budget.Reserve(100, 200, 50, newRequest: false).ShouldBe(50);
        budget.Reserve(10, 10, 1, newRequest: true).ShouldBeNull();
    }

    [Fact]
    public void Bind_ContextWindow_FlagAndPropertyAreValidated()
    {
        OptionBinder.Bind(new DocGenOptions(), [new("--context-window", "16384")]).Options.ContextWindow.ShouldBe(16384);
        OptionBinder.Bind(new DocGenOptions(), [new("DocGenContextWindow", "32768")]).Options.ContextWindow.ShouldBe(32768);
        OptionBinder.Bind(new DocGenOptions(), [new("DocGenContextWindow", "100")]).Errors.ShouldHaveSingleItem().ShouldContain("at least 1024");
    }

    [Fact]
    public async Task ReadStreamAsync_ConnectionClosesWithoutFinishOrDone_IsATransportError()
    {
        var sse = "data: {\"choices\":[{\"delta\":{\"content\":\"{\\\"members\\\":[\"}}]}\n\n";
        var events = new List<ModelStreamEvent>();
        await foreach (var e in ChatWire.ReadStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes(sse)), "req", CancellationToken.None)) events.Add(e);

        events[^1].ShouldBeOfType<Error>().Exception.Kind.ShouldBe(ModelErrorKind.Transient);
    }

    [Fact]
    public void MissingParts_SummaryOnlyIsCompleteButDetailedDocsMustBeWhole()
    {
        var typeId = "T:Sample.Calc";
        var m = TestModels.Method(typeId, "Add", "return x + y;", ("int", "System.Int32", "x"), ("int", "System.Int32", "y"));

        DocCompleteness.MissingParts(m with { Docs = new DocComment { Summary = DocBlock.FromText("Adds.") } }).ShouldBeEmpty();
        DocCompleteness.MissingParts(m with { Docs = new DocComment { Summary = DocBlock.FromText("Adds."), Params = [new NamedDoc("x", DocBlock.FromText("X."))] } })
            .ShouldBe(["param:y", "returns"]);
        DocCompleteness.MissingParts(m with { Docs = new DocComment { Params = [new NamedDoc("x", DocBlock.FromText("X."))] } })
            .ShouldBe(["summary", "param:y", "returns"]);
    }
}
