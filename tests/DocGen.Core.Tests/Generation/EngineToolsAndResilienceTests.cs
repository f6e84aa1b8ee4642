using DocGen.Core.Diagnostics;
using DocGen.Core.Generation;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Generation;

/// <summary>Tool calls, the circuit breaker, retry notices with jitter and dropped streams, against the scripted server.</summary>
public sealed class EngineToolsAndResilienceTests : IDisposable
{
    private readonly FakeOpenAIServer _server = new();
    private readonly EngineHarness _h = new();
    private const string TypeId = "T:Sample.Calc";
    private const string Caller = "M:Sample.Calc.UsesHelper";

    public void Dispose()
    {
        _server.Dispose();
        _h.Dispose();
    }

    private static ApiModel HelperModel(string helperBody = "return 1;")
    {
        var helper = TestModels.Documented(TestModels.Method(TypeId, "Helper", helperBody), "Returns the magic number.");
        var caller = TestModels.Method(TypeId, "UsesHelper", "return Helper() + 41;");
        return TestModels.Model(TestModels.Type(TypeId, helper, caller) with { Docs = new DocComment { Summary = DocBlock.FromText("A calculator.") }, Provenance = Provenance.FromSource });
    }

    /// <summary>Answers a tool round with docs that quote the tool output, so the test can see it reached the final doc.</summary>
    private static Scripted QuoteToolOutput(RecordedRequest r) => r.ToolOutputs.Count == 0
        ? FakeOpenAIServer.DocumentEverything(r)
        : Scripted.Json(FakeOpenAIServer.AnswerFor(r.Prompt, id => "Adds 41 to Helper, whose source is: " + r.ToolOutputs[0].ReplaceLineEndings(" ")));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GenerateAsync_ModelCallsGetSource_ToolOutputReachesTheNextRequestAndTheDoc(bool stream)
    {
        _h.Settings = _h.Settings with { Stream = stream };
        var events = new List<GenerationProgress>();
        _server.Enqueue(Scripted.CallTools(("get_source", """{"id":"M:Sample.Calc.Helper"}""")));
        _server.Responder = QuoteToolOutput;

        var run = await _h.RunAsync(HelperModel(), _h.Options(_server), new EngineProviderTests.SyncProgress(events));

        _server.Requests.Count.ShouldBe(2);
        _server.Requests[0].ToolNames.ShouldBe(["get_symbol", "get_source", "find_usages"]);
        var output = _server.Requests[1].ToolOutputs.ShouldHaveSingleItem();
        output.ShouldContain("return 1;");
        _server.Requests[1].Body["messages"]!.AsArray().ShouldContain(m => m!["role"]!.GetValue<string>() == "assistant" && m["tool_calls"] != null);
        run.Summary(Caller).ShouldContain("return 1;");
        run.Report.ToolRounds.ShouldBe(1);
        run.Report.ToolCalls.ShouldBe(1);
        lock (events)
        {
            events.ShouldContain(e => e.Kind == GenerationProgressKind.ToolCall && e.Detail!.StartsWith("get_source("));
            events.ShouldContain(e => e.Kind == GenerationProgressKind.ToolOutput);
        }
    }

    [Fact]
    public async Task GenerateAsync_CachedAnswerUsedATool_IsReusedUntilTheToolResultChanges()
    {
        _server.Enqueue(Scripted.CallTools(("get_source", """{"id":"M:Sample.Calc.Helper"}""")));
        _server.Responder = QuoteToolOutput;
        await _h.RunAsync(HelperModel(), _h.Options(_server));
        _server.Requests.Count.ShouldBe(2);

        // Same model: the tool would answer the same, so the entry is a hit.
        var again = await _h.RunAsync(HelperModel(), _h.Options(_server));
        _server.Requests.Count.ShouldBe(2);
        again.Summary(Caller).ShouldContain("return 1;");

        // The helper's body changed: the caller's own inputs did not, but the tool result its answer used did.
        var changed = await _h.RunAsync(HelperModel("return 2;"), _h.Options(_server));
        _server.Requests.Count.ShouldBe(3);
        changed.Report.CacheMisses.ShouldBe(1);
    }

    [Fact]
    public async Task GenerateAsync_ModelKeepsCallingTools_RoundsAreBoundedThenItMustAnswer()
    {
        _h.Settings = _h.Settings with { MaxToolRounds = 2 };
        _server.Responder = r => r.Body["tool_choice"]?.GetValue<string>() == "none"
            ? FakeOpenAIServer.DocumentEverything(r)
            : Scripted.CallTools(("get_symbol", """{"id":"T:Sample.Calc"}"""));

        var run = await _h.RunAsync(HelperModel(), _h.Options(_server));

        _server.Requests.Count.ShouldBe(3);
        _server.Requests[2].ToolOutputs.Count.ShouldBe(2);
        _server.Requests[2].ToolOutputs[0].ShouldContain("\"kind\":\"Class\"");
        run.Report.ToolRounds.ShouldBe(2);
        run.Member(Caller).Provenance.Source.ShouldBe(DocSource.Generated);
    }

    [Fact]
    public async Task GenerateAsync_ServerRejectsTools_AsksAgainWithoutThemOnce()
    {
        _server.Responder = r => r.ToolNames.Count > 0
            ? new Scripted(Status: 400, RawBody: """{"error":{"message":"\"auto\" tool choice requires --enable-auto-tool-choice"}}""")
            : FakeOpenAIServer.DocumentEverything(r);

        var run = await _h.RunAsync(EngineFitAndBudgetTests.Many(types: 2, perType: 1), _h.Options(_server) with { MaxConcurrency = 1 });

        _server.Requests.Count(r => r.ToolNames.Count > 0).ShouldBe(1);
        run.WithId("DG0415").ShouldHaveSingleItem();
        run.WithId("DG0403").ShouldBeEmpty();
        run.Report.Members["generated"].ShouldBe(2);
    }

    [Fact]
    public async Task GenerateAsync_PersistentServerErrors_CircuitOpensAfterThreeAndSaysSoAtOnce()
    {
        var events = new List<GenerationProgress>();
        _h.Settings = _h.Settings with { BatchSize = 1, MaxRetries = 0 };
        _server.Responder = _ => Scripted.Error(503);

        var run = await _h.RunAsync(TestModels.Calculator(count: 20), _h.Options(_server) with { MaxConcurrency = 1 }, new EngineProviderTests.SyncProgress(events));

        _server.Requests.Count.ShouldBe(3);
        var open = run.WithId("DG0413").ShouldHaveSingleItem();
        open.Severity.ShouldBe(DiagnosticSeverity.Warning);
        open.Message.ShouldContain("3 request(s) in a row");
        run.WithId("DG0404").Count().ShouldBe(3);
        run.Report.CircuitBreakerTrips.ShouldBe(1);
        run.Report.Requests.ShouldBe(3);
        run.Report.Members["fallback"].ShouldBe(20);
        run.ReportJson.ShouldContain("\"circuitBreakerTrips\": 1");
        lock (events)
        {
            var notice = events.FindIndex(e => e.Kind == GenerationProgressKind.Notice);
            notice.ShouldBeGreaterThan(0);
            events[notice].Detail!.ShouldContain("DG0413");
            events.Skip(notice).ShouldNotContain(e => e.Kind == GenerationProgressKind.RequestStarted);
        }
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentRetries_WaitsAreShownAndJittered()
    {
        var events = new List<GenerationProgress>();
        _h.Settings = _h.Settings with { BatchSize = 1, MaxRetries = 2, BackoffBase = TimeSpan.FromMilliseconds(200) };
        _server.Enqueue(Scripted.Error(500), Scripted.Error(500), Scripted.Error(500), Scripted.Error(500));

        var run = await _h.RunAsync(TestModels.Calculator(count: 4), _h.Options(_server) with { MaxConcurrency = 4 }, new EngineProviderTests.SyncProgress(events));

        run.Report.Members["generated"].ShouldBe(4);
        List<GenerationProgress> waits;
        lock (events) waits = [.. events.Where(e => e.Kind == GenerationProgressKind.RetryWaiting)];
        waits.Count.ShouldBe(4);
        waits.ShouldAllBe(w => w.Detail == "HTTP 500" && w.Request!.StartsWith("member_docs Sample.Calc"));
        // Retry n waits a random point in the upper half of 200 ms · 2^(n-1) (Round carries n).
        foreach (var w in waits)
            w.Wait!.Value.TotalMilliseconds.ShouldBeInRange(100 * (1 << (w.Round - 1)), 200 * (1 << (w.Round - 1)));
        waits.Select(w => w.Wait).Distinct().Count().ShouldBeGreaterThan(1, "concurrent retries must not wait in lockstep");
    }

    [Fact]
    public async Task GenerateAsync_ConnectionDroppedMidStream_IsRetriedNotContinued()
    {
        var full = FakeOpenAIServer.AnswerFor(string.Concat(Enumerable.Range(0, 3).Select(i => $"### M:Sample.Calc.Op{i}(System.Int32)\n")));
        _server.Enqueue(Scripted.Dropped(full, 30));
        var events = new List<GenerationProgress>();

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server), new EngineProviderTests.SyncProgress(events));

        _server.Requests.Count.ShouldBe(2);
        _server.Requests[1].Prompt.ShouldNotContain("CONTINUATION");
        run.Report.Continuations.ShouldBe(0);
        run.Report.Retries.ShouldBe(1);
        run.Report.Members["generated"].ShouldBe(3);
        run.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ShouldBeEmpty();
        lock (events) events.ShouldContain(e => e.Kind == GenerationProgressKind.RetryWaiting && e.Detail == "the stream broke" && e.Round == 1);
    }
}
