using System.Diagnostics;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation;
using DocGen.Core.Generation.Continuation;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Generation;

public sealed class EngineProviderTests : IDisposable
{
    private readonly FakeOpenAIServer _server = new();
    private readonly EngineHarness _h = new();

    private const string Op0 = "M:Sample.Calc.Op0(System.Int32)";
    private const string Op1 = "M:Sample.Calc.Op1(System.Int32)";
    private const string Op2 = "M:Sample.Calc.Op2(System.Int32)";

    public void Dispose()
    {
        _server.Dispose();
        _h.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GenerateAsync_NormalAnswer_FillsDocsAsGeneratedWithUsageInReport(bool stream)
    {
        _h.Settings = _h.Settings with { Stream = stream };
        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        run.Summary(Op1).ShouldBe("Docs for " + Op1 + ".");
        run.Member(Op1).Provenance.ShouldBe(Provenance.Generated("test-model"));
        _server.Requests.Count.ShouldBe(1);
        _server.Requests[0].Stream.ShouldBe(stream);
        _server.Requests[0].Path.ShouldBe("/v1/chat/completions");
        _server.Requests[0].Authorization.ShouldBe("Bearer " + EngineHarness.Key);
        _server.Requests[0].Body["max_tokens"]!.GetValue<int>().ShouldBe(2048);
        _server.Requests[0].Body["max_completion_tokens"]!.GetValue<int>().ShouldBe(2048);
        run.Report.Requests.ShouldBe(1);
        run.Report.CacheMisses.ShouldBe(3);
        run.Report.InputTokens.ShouldBe(100);
        run.Report.OutputTokens.ShouldBe(50);
        run.Report.Members["generated"].ShouldBe(3);
        run.Report.LatencyP50Ms.ShouldNotBeNull();
        run.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ShouldBeEmpty();
    }

    [Fact]
    public async Task GenerateAsync_Prompt_ShowsSignatureDeclarationTypeSummaryAndCalledMemberDocs()
    {
        var typeId = "T:Sample.Calc";
        var helper = TestModels.Documented(TestModels.Method(typeId, "Helper", "return 1;"), "Returns the magic one.");
        var caller = TestModels.Method(typeId, "UsesHelper", "return Helper() + 41;");
        var model = TestModels.Model(TestModels.Type(typeId, helper, caller) with { Docs = new DocComment { Summary = DocBlock.FromText("A calculator.") }, Provenance = Provenance.FromSource });

        await _h.RunAsync(model, _h.Options(_server));

        var prompt = _server.Requests.ShouldHaveSingleItem().Prompt;
        prompt.ShouldContain("### M:Sample.Calc.UsesHelper");
        prompt.ShouldContain("Signature: public int UsesHelper()");
        prompt.ShouldContain("return Helper() + 41;");
        prompt.ShouldContain("Type summary: A calculator.");
        prompt.ShouldContain("- M:Sample.Calc.Helper: Returns the magic one.");
        prompt.ShouldNotContain("### M:Sample.Calc.Helper\n");
    }

    [Fact]
    public async Task GenerateAsync_CutMidStringThenOverlappingContinuation_JoinsFragments()
    {
        var full = FakeOpenAIServer.AnswerFor(PromptFor(3), id => $"Computes the value for {id} with care and precision.");
        var cut = full.IndexOf("with care", full.IndexOf(Op1, StringComparison.Ordinal), StringComparison.Ordinal) + 4;
        var first = full[..cut];
        var overlap = ContinuationPrompt.Tail(first);
        _server.Enqueue(Scripted.Json(first, "length"), Scripted.Json(overlap + full[cut..]));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        _server.Requests.Count.ShouldBe(2);
        var continuation = _server.Requests[1].Prompt;
        AssertContinuationShape(continuation, _server.Requests[0].Prompt, first);
        _server.Requests[1].Body["response_format"].ShouldBeNull();
        run.Summary(Op1).ShouldBe($"Computes the value for {Op1} with care and precision.");
        run.Summary(Op2).ShouldBe($"Computes the value for {Op2} with care and precision.");
        run.Report.Continuations.ShouldBe(1);
        run.Report.Requests.ShouldBe(2);
        run.Report.Repaired.ShouldBe(0);
        run.Report.Members["generated"].ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_CutMidNumberWithoutOverlap_JoinsByStructure()
    {
        var full = FakeOpenAIServer.AnswerFor(PromptFor(3)).TrimEnd('}') + ",\"count\":12345}";
        var cut = full.IndexOf("12345", StringComparison.Ordinal) + 2;
        _server.Enqueue(Scripted.Json(full[..cut], "length"), Scripted.Json(full[cut..]));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        _server.Requests.Count.ShouldBe(2);
        _server.Requests[1].Prompt.ShouldContain("Incomplete text after the cut point: 12");
        run.Report.Members["generated"].ShouldBe(3);
        run.Report.Continuations.ShouldBe(1);
    }

    [Fact]
    public async Task GenerateAsync_ContinuationsNeverComplete_StopsAtCapAndKeepsOnlyValidatedWholeMembers()
    {
        _h.Settings = _h.Settings with { MaxContinuations = 2 };
        var full = FakeOpenAIServer.AnswerFor(PromptFor(3));
        var cut = full.IndexOf(Op2, StringComparison.Ordinal) + 5;
        // Every continuation repeats the overlap and adds 30 characters: progress, but never complete.
        _server.Enqueue(Scripted.Json(full[..cut], "length"));
        for (var i = 0; i < 2; i++)
        {
            var soFar = full[..(cut + 30 * i)];
            _server.Enqueue(Scripted.Json(ContinuationPrompt.Tail(soFar) + full[(cut + 30 * i)..(cut + 30 * i + 30)], "length"));
        }

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        _server.Requests.Count.ShouldBe(3);
        run.Member(Op0).Provenance.Source.ShouldBe(DocSource.Generated);
        run.Member(Op1).Provenance.Source.ShouldBe(DocSource.Generated);
        run.Member(Op2).Provenance.ShouldBe(Provenance.Fallback);
        run.Report.Repaired.ShouldBe(1);
        run.WithId("DG0409").ShouldHaveSingleItem().Message.ShouldContain("continuation cap");
    }

    [Fact]
    public async Task GenerateAsync_ContinuationRestartsTheJson_StillGetsEveryMember()
    {
        var full = FakeOpenAIServer.AnswerFor(PromptFor(3));
        var cut = full.IndexOf(Op1, StringComparison.Ordinal) + 3;
        _server.Enqueue(Scripted.Json(full[..cut], "length"), Scripted.Json("```json\n" + full.Replace("{\"id\"", "{ \"id\"") + "\n```"));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        _server.Requests.Count.ShouldBe(2);
        run.Report.Members["generated"].ShouldBe(3);
        run.Summary(Op2).ShouldBe("Docs for " + Op2 + ".");
        run.Report.Repaired.ShouldBe(0);
    }

    [Fact]
    public async Task GenerateAsync_ErrorBodyEchoesTheKey_DiagnosticIsScrubbed()
    {
        _server.Enqueue(new Scripted(Status: 400, RawBody: $$$"""{"error":{"message":"bad request from {{{EngineHarness.Key}}}"}}"""));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        var error = run.WithId("DG0403").ShouldHaveSingleItem();
        error.Message.ShouldContain("bad request from");
        error.Message.ShouldNotContain("SECRET");
        run.ReportJson.ShouldNotContain("SECRET");
    }

    [Fact]
    public async Task GenerateAsync_GarbageContent_FallsBackWithWarning()
    {
        _server.Enqueue(Scripted.Json("I'm sorry, I cannot help with that."));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        _server.Requests.Count.ShouldBe(1);
        run.Member(Op0).Provenance.ShouldBe(Provenance.Fallback);
        run.Summary(Op0).ShouldBe("Performs the op0 operation.");
        run.WithId("DG0405").ShouldHaveSingleItem().Severity.ShouldBe(DiagnosticSeverity.Warning);
        run.Report.Errors.ShouldBe(1);
        run.Report.Fallbacks.ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_NonJsonBody_FallsBackWithProviderWarning()
    {
        _h.Settings = _h.Settings with { Stream = false };
        _server.Enqueue(new Scripted(RawBody: "<html>bad gateway</html>"));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        run.WithId("DG0404").ShouldHaveSingleItem().Message.ShouldContain("not a chat completion");
        run.Report.Members["fallback"].ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_ExtraAndMissingIds_IgnoresUnknownAndFallsBackForMissing()
    {
        _server.Enqueue(Scripted.Json($$"""{"members":[{"id":"{{Op0}}","summary":"Zero."},{"id":"M:Evil.Injected","summary":"x"},{"id":"{{Op2}}","summary":"Two <b>bold</b></summary><script>x</script>."}]}"""));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        run.Summary(Op0).ShouldBe("Zero.");
        run.Summary(Op2).ShouldBe("Two boldx.");
        run.Member(Op1).Provenance.ShouldBe(Provenance.Fallback);
        run.Model.AllMembers.ShouldNotContain(m => m.Id == "M:Evil.Injected");
        run.Report.Fallbacks.ShouldBe(1);
        run.Report.Members["generated"].ShouldBe(2);
    }

    [Fact]
    public async Task GenerateAsync_Unauthorized_OneClearErrorNoRetryNoFurtherRequests()
    {
        _h.Settings = _h.Settings with { BatchSize = 1, MaxRetries = 3 };
        _server.Responder = _ => new Scripted(Status: 401, RawBody: $$$"""{"error":{"message":"Incorrect API key provided: {{{EngineHarness.Key}}}"}}""");
        var options = _h.Options(_server) with { MaxConcurrency = 1 };

        var run = await _h.RunAsync(TestModels.Calculator(), options);

        _server.Requests.Count.ShouldBe(1);
        var error = run.WithId("DG0402").ShouldHaveSingleItem();
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        error.Message.ShouldContain("check OPENAI_API_KEY");
        error.Message.ShouldNotContain(EngineHarness.Key);
        run.Report.Retries.ShouldBe(0);
        run.Report.Members["fallback"].ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_BadRequest_ErrorNamesTheRequest()
    {
        _server.Enqueue(new Scripted(Status: 422, RawBody: """{"error":{"message":"model not found"}}"""));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        var error = run.WithId("DG0403").ShouldHaveSingleItem();
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        error.Message.ShouldContain("'member_docs Sample.Calc'");
        error.Message.ShouldContain("model not found");
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GenerateAsync_EndpointWithoutV1_ErrorSaysSo()
    {
        var options = _h.Options(_server) with { Endpoint = _server.Endpoint[..^3] };

        var run = await _h.RunAsync(TestModels.Calculator(), options);

        run.WithId("DG0403").ShouldHaveSingleItem().Message.ShouldContain("ends with /v1");
        _server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/chat/completions");
    }

    [Fact]
    public async Task GenerateAsync_RateLimitedWithRetryAfter_WaitsAndRetries()
    {
        _server.Enqueue(Scripted.Error(429, retryAfter: "1"));
        var watch = Stopwatch.StartNew();

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        watch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900));
        _server.Requests.Count.ShouldBe(2);
        run.Report.Retries.ShouldBe(1);
        run.Report.Members["generated"].ShouldBe(3);
        run.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ShouldBeEmpty();
    }

    [Fact]
    public async Task GenerateAsync_ServerErrorsPersist_RetriesWithBackoffThenFallsBack()
    {
        _server.Responder = _ => Scripted.Error(500);

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        _server.Requests.Count.ShouldBe(3);
        run.Report.Retries.ShouldBe(2);
        run.WithId("DG0404").ShouldHaveSingleItem().Message.ShouldContain("HTTP 500");
        run.Report.Members["fallback"].ShouldBe(3);
        run.Report.Errors.ShouldBe(1);
    }

    [Fact]
    public async Task GenerateAsync_NothingListensAtEndpoint_StopsAskingAndFallsBackWithOneWarning()
    {
        // A port with no server: every attempt is refused, and the SDK's retry policy then throws all of them together.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        // 20 members are 3 requests of up to 8: the first finds the endpoint dead, the other two are never sent.
        var run = await _h.RunAsync(TestModels.Calculator(count: 20), _h.Options(null) with { Provider = Options.ProviderKind.OpenAI, Endpoint = $"http://127.0.0.1:{port}/v1", MaxConcurrency = 1 });

        var warning = run.WithId("DG0404").ShouldHaveSingleItem(string.Join("\n", run.Diagnostics));
        run.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning).ShouldBe(1);
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Message.ShouldContain("refused");
        warning.Message.ShouldContain("no further requests");
        warning.Message.ShouldNotContain(EngineHarness.Key);
        run.Report.Members["fallback"].ShouldBe(20);
        run.Report.Requests.ShouldBe(1);
        run.Report.Errors.ShouldBe(1);
    }

    [Fact]
    public async Task GenerateAsync_FailOnProviderError_MakesFailuresErrors()
    {
        _server.Responder = _ => Scripted.Error(503);
        _h.Settings = _h.Settings with { MaxRetries = 0 };

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server) with { FailOnProviderError = true });

        run.WithId("DG0404").ShouldHaveSingleItem().Severity.ShouldBe(DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task GenerateAsync_SlowerThanNetworkTimeout_TimesOutAndFallsBack()
    {
        _h.Settings = _h.Settings with { NetworkTimeout = TimeSpan.FromMilliseconds(700), MaxRetries = 0, Stream = false };
        _server.Enqueue(new Scripted(FakeOpenAIServer.AnswerFor(PromptFor(3)), Delay: TimeSpan.FromSeconds(3)));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        run.WithId("DG0404").ShouldHaveSingleItem().Message.ShouldContain("timeout");
        run.Report.Members["fallback"].ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_SlowButWithinTimeout_IsNotResent()
    {
        _h.Settings = _h.Settings with { NetworkTimeout = TimeSpan.FromSeconds(10) };
        _server.Enqueue(new Scripted(FakeOpenAIServer.AnswerFor(PromptFor(3)), Delay: TimeSpan.FromSeconds(1.5)));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        _server.Requests.Count.ShouldBe(1);
        run.Report.Members["generated"].ShouldBe(3);
        run.Report.LatencyP50Ms!.Value.ShouldBeGreaterThanOrEqualTo(1400);
    }

    [Theory]
    [InlineData("eos_token", true)]
    [InlineData(null, true)]
    [InlineData("eos_token", false)]
    [InlineData(null, false)]
    public async Task GenerateAsync_UnknownOrNullFinishReason_UsesCompleteAnswer(string? finish, bool stream)
    {
        _h.Settings = _h.Settings with { Stream = stream };
        _server.Enqueue(Scripted.Json(FakeOpenAIServer.AnswerFor(PromptFor(3)), finish));

        var run = await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        _server.Requests.Count.ShouldBe(1);
        run.Report.Members["generated"].ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_StreamingWithProgress_ReportsStartReceivingFinish()
    {
        var events = new List<GenerationProgress>();
        var progress = new SyncProgress(events);

        await _h.RunAsync(TestModels.Calculator(), _h.Options(_server), progress);

        lock (events)
        {
            events[0].Kind.ShouldBe(GenerationProgressKind.Planned);
            events[0].Total.ShouldBe(1);
            events.ShouldContain(e => e.Kind == GenerationProgressKind.RequestStarted && e.Request == "member_docs Sample.Calc");
            events.Count(e => e.Kind == GenerationProgressKind.Receiving).ShouldBeGreaterThan(3);
            events[^1].Kind.ShouldBe(GenerationProgressKind.RequestFinished);
            events[^1].Completed.ShouldBe(1);
        }
    }

    [Fact]
    public async Task GenerateAsync_WithDebug_NeverWritesTheKeyAnywhere()
    {
        _server.Enqueue(new Scripted(Status: 500, RawBody: $$$"""{"error":{"message":"boom for key {{{EngineHarness.Key}}}"}}"""));
        var options = _h.Options(_server) with { Debug = true };

        var run = await _h.RunAsync(TestModels.Calculator(), options);

        Directory.GetFiles(_h.OutputPath, "*", SearchOption.AllDirectories).ShouldContain(f => f.Contains("round-0-prompt.txt"));
        foreach (var file in Directory.GetFiles(_h.Temp.Path, "*", SearchOption.AllDirectories))
            File.ReadAllText(file).ShouldNotContain("SECRET", customMessage: file);
        run.Diagnostics.ShouldAllBe(d => !d.Message.Contains("SECRET"));
        run.ReportJson.ShouldNotContain("SECRET");
        run.Report.Members["generated"].ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_NoKeyForOpenAI_WarnsAndFallsBack()
    {
        _h.Settings = _h.Settings with { GetEnvironmentVariable = _ => null };
        var options = _h.Options(_server) with { Endpoint = null };

        var run = await _h.RunAsync(TestModels.Calculator(), options);

        run.WithId("DG0408").ShouldHaveSingleItem().Message.ShouldContain("OPENAI_API_KEY");
        run.Report.Members["fallback"].ShouldBe(3);
        run.Report.Requests.ShouldBe(0);
    }

    [Fact]
    public async Task GenerateAsync_DocgenApiKeyVariable_IsUsed()
    {
        _h.Settings = _h.Settings with { GetEnvironmentVariable = n => n == "DOCGEN_API_KEY" ? "other-key" : null };

        await _h.RunAsync(TestModels.Calculator(), _h.Options(_server));

        _server.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer other-key");
    }

    private static string PromptFor(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"### M:Sample.Calc.Op{i}(System.Int32)\n"));

    internal static void AssertContinuationShape(string continuation, string basePrompt, string previous)
    {
        continuation.ShouldStartWith(basePrompt.TrimEnd());
        string[] sections =
        [
            "--- CONTINUATION REQUEST ---", "JSON Structure Template:", "Context showing structure hierarchy with cut point:",
            "Overlap Requirement:", "Last ~100 characters from previous response (repeat these at the start):", "TASK:", "CRITICAL:",
        ];
        var at = basePrompt.TrimEnd().Length;
        foreach (var section in sections)
        {
            var next = continuation.IndexOf(section, at, StringComparison.Ordinal);
            next.ShouldBeGreaterThan(at - 1, $"section '{section}' missing or out of order");
            at = next;
        }
        continuation.ShouldContain(previous[^100..]);
        continuation.ShouldContain("$ (object) > members (array) > [");
        System.Text.RegularExpressions.Regex.Matches(continuation[continuation.IndexOf("TASK:", StringComparison.Ordinal)..continuation.IndexOf("CRITICAL:", StringComparison.Ordinal)], @"^\d\. ", System.Text.RegularExpressions.RegexOptions.Multiline).Count.ShouldBe(4);
        System.Text.RegularExpressions.Regex.Matches(continuation[continuation.IndexOf("CRITICAL:", StringComparison.Ordinal)..], @"^\d\. ", System.Text.RegularExpressions.RegexOptions.Multiline).Count.ShouldBe(3);
    }

    internal sealed class SyncProgress(List<GenerationProgress> events) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value)
        {
            lock (events) events.Add(value);
        }
    }
}
