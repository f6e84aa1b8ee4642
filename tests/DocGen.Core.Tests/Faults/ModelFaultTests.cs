using DocGen.Core.Diagnostics;
using DocGen.Core.Model;
using DocGen.Core.Pipeline;
using DocGen.Core.Tests.Generation;

namespace DocGen.Core.Tests.Faults;

/// <summary>
/// Model-fault rows of the fault matrix, against the scripted OpenAI-wire server, asserting the output side of each:
/// the run's outcome and id (never DG0009), a run that fell back is marked incomplete (so a build does not freeze the
/// fallback as up to date), the user's files survive, no temp file is left, and the next run with a healthy server
/// asks again and completes the docs. How often and how long the engine retries is not asserted here.
/// </summary>
public sealed class ModelFaultTests : IDisposable
{
    private readonly FakeOpenAIServer _server = new();
    private readonly PipelineRig _rig = new(TestModels.Calculator(4));

    public ModelFaultTests() =>
        _rig.Settings = _rig.Settings with { NetworkTimeout = TimeSpan.FromMilliseconds(800), MaxRetries = 1 };

    public void Dispose()
    {
        _server.Dispose();
        _rig.Dispose();
    }

    public static TheoryData<string, string> FailingAnswers() => new()
    {
        { "429 with Retry-After", "DG0404" },
        { "429 without Retry-After", "DG0404" },
        { "500", "DG0404" },
        { "garbage body", "DG0404" }, // a body that is no chat completion or event stream is a server fault, like a 5xx
        { "not the expected JSON", "DG0405" },
        { "truncated answer", "DG0409" },
        { "slow answer", "DG0404" },
    };

    private static Scripted Answer(string fault, RecordedRequest request) => fault switch
    {
        "429 with Retry-After" => Scripted.Error(429, retryAfter: "1"),
        "429 without Retry-After" => Scripted.Error(429),
        "500" => Scripted.Error(500),
        "garbage body" => new Scripted(RawBody: "<html>502 Bad Gateway</html>"),
        "not the expected JSON" => Scripted.Json("I am sorry, I cannot help with that."),
        "truncated answer" => Scripted.Json("""{"members":[{"id":""", finish: "length"),
        "slow answer" => FakeOpenAIServer.DocumentEverything(request) with { Delay = TimeSpan.FromSeconds(3) },
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    [Theory]
    [MemberData(nameof(FailingAnswers))]
    public async Task RunAsync_ProviderFails_FallsBackMarksTheRunIncompleteAndTheNextRunAsksAgain(string fault, string id)
    {
        await _rig.SeedAsync(_rig.Options() with { Formats = Options.OutputFormats.Markdown });
        _server.Responder = request => Answer(fault, request);

        var failed = await _rig.RunAsync(_rig.Options(_server));

        failed.Succeeded.ShouldBeTrue(string.Join("\n", failed.Diagnostics));
        failed.Diagnostics.ShouldContain(d => d.Id == id, string.Join("\n", failed.Diagnostics));
        failed.Diagnostics.ShouldNotContain(d => d.Id == "DG0009");
        failed.Incomplete.ShouldBeTrue("a build must not record a fallen-back run as up to date");
        failed.Model!.AllMembers.ShouldAllBe(m => m.Provenance == Provenance.Fallback);
        _rig.ShouldHoldThePromise();

        _server.Responder = FakeOpenAIServer.DocumentEverything;
        var before = _server.Requests.Count;
        var repaired = await _rig.RunAsync(_rig.Options(_server));

        _server.Requests.Count.ShouldBeGreaterThan(before, "the fallback was not frozen: the model is asked again");
        repaired.Incomplete.ShouldBeFalse();
        repaired.Model!.AllMembers.ShouldAllBe(m => m.Provenance == Provenance.Generated("test-model"));
        _rig.ShouldHoldThePromise();
    }

    [Fact]
    public async Task RunAsync_KeyRefused401_FailsWithDG0402AndKeepsThePreviousOutput()
    {
        await _rig.SeedAsync();
        var before = PipelineRig.Snapshot(_rig.Output);
        _server.Responder = _ => Scripted.Error(401);

        var result = await _rig.RunAsync(_rig.Options(_server) with { Formats = Options.OutputFormats.Markdown });

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().ShouldBe(["DG0402"]);
        var after = PipelineRig.Snapshot(_rig.Output);
        after.Keys.Where(k => k.StartsWith("markdown/", StringComparison.Ordinal)).ShouldBe(before.Keys.Where(k => k.StartsWith("markdown/", StringComparison.Ordinal)), ignoreOrder: true);
        _rig.ShouldHoldThePromise();
        _server.Responder = FakeOpenAIServer.DocumentEverything;
        (await _rig.RunAsync(_rig.Options(_server) with { Formats = Options.OutputFormats.Markdown })).Incomplete.ShouldBeFalse();
    }

    [Fact]
    public async Task RunAsync_UnknownFinishReason_IsNoInternalErrorAndIncompleteOnlyIfItFellBack()
    {
        await _rig.SeedAsync();
        _server.Responder = request => FakeOpenAIServer.DocumentEverything(request) with { FinishReason = "content_filter_v9" };

        var result = await _rig.RunAsync(_rig.Options(_server));

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Diagnostics.ShouldNotContain(d => d.Id == "DG0009");
        var fellBack = result.Model!.AllMembers.Any(m => m.Provenance == Provenance.Fallback);
        result.Incomplete.ShouldBe(fellBack);
        _rig.ShouldHoldThePromise();
    }

    [Fact]
    public async Task RunAsync_HealthyProviderAndNoProvider_AreNotIncomplete()
    {
        await _rig.SeedAsync();

        (await _rig.RunAsync(_rig.Options(_server))).Incomplete.ShouldBeFalse();
        (await _rig.RunAsync(_rig.Options(_server))).Incomplete.ShouldBeFalse("answered from the cache");
        (await _rig.RunAsync(_rig.Options())).Incomplete.ShouldBeFalse("DocGenProvider=none falls back by design, not because of a failure");
    }
}
