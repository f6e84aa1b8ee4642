using DocGen.Core.Tests.CodeGen;
using DocGen.Core.Tests.Generation;
using static DocGen.Build.Tests.BuildTestSupport;

namespace DocGen.Build.Tests;

/// <summary>
/// Real <c>dotnet build</c>s of tests/fixtures/build/Weather, whose <c>DocGenCode</c> item is generated
/// before CoreCompile against the scripted OpenAI-wire server, and whose Program calls the generated API.
/// </summary>
[Collection(PackedFeedScenarioCollection.Name)]
public sealed class CodeUnitBuildTests(PackedFeed feed) : IDisposable
{
    private readonly FakeOpenAIServer _server = new();

    public void Dispose() => _server.Dispose();

    private int CodeRequests => _server.Requests.Count(r => CodeUnitScript.IsStructure(r.Prompt) || CodeUnitScript.FileOf(r.Prompt) is not null);

    private string[] Model(string cache, string provider = "openai") =>
        [$"-p:DocGenProvider={provider}", $"-p:DocGenEndpoint={_server.Endpoint}", "-p:DocGenModel=test-model", $"-p:DocGenCacheDirectory={cache}"];

    [Fact]
    public async Task Build_CodeUnit_GeneratedBeforeCompileThenCachedThenOffline()
    {
        new CodeUnitScript().Attach(_server);
        var project = feed.CopyFixture("Weather");
        var cache = Path.Combine(project, "..", "shared-cache");

        var first = await feed.DotnetAsync(project, ["build", .. Model(cache)]);

        first.ExitCode.ShouldBe(0, first.Output);
        CodeRequests.ShouldBe(4);
        var unit = Path.Combine(project, Obj, "docgen", "code", "Weather");
        File.ReadAllText(Path.Combine(unit, "WeatherClient.cs")).ShouldBe(WeatherUnit.Client + "\n");
        var run = await feed.DotnetAsync(project, "bin/Debug/net10.0/Weather.dll");
        run.StdOut.Trim().ShouldBe("Oslo: 2026-01-01 0..10, 2026-01-02 1..11, 2026-01-03 2..12");

        var second = await feed.DotnetAsync(project, ["build", .. Model(cache)]);
        second.ExitCode.ShouldBe(0, second.Output);
        var question = await feed.DotnetAsync(project, ["build", "-question", .. Model(cache)]);
        question.ExitCode.ShouldBe(0, question.Output);

        // A clean clone with the shared cache and no provider builds offline.
        Directory.Delete(Path.Combine(project, "obj"), recursive: true);
        Directory.Delete(Path.Combine(project, "bin"), recursive: true);
        var offline = await feed.DotnetAsync(project, ["build", .. Model(cache, "none")]);
        offline.ExitCode.ShouldBe(0, offline.Output);
        CodeRequests.ShouldBe(4, "the second and the offline build make no request");
        File.ReadAllText(Path.Combine(unit, "WeatherClient.cs")).ShouldBe(WeatherUnit.Client + "\n");

        var clean = await feed.DotnetAsync(project, "clean");
        clean.ExitCode.ShouldBe(0, clean.Output);
        File.Exists(Path.Combine(unit, "WeatherClient.cs")).ShouldBeFalse();
    }

    [Fact]
    public async Task Build_CodeUnitWithoutProviderOrCache_FailsWithDG0718NamingTheSpec()
    {
        var project = feed.CopyFixture("Weather");
        var cache = Path.Combine(project, "..", "empty-cache");

        var build = await feed.DotnetAsync(project, ["build", .. Model(cache, "none")]);

        build.ExitCode.ShouldNotBe(0);
        build.Output.ShouldContain("error DG0718");
        build.Output.ShouldContain(Path.Combine(project, "specs", "Weather.prompt.md"));
        _server.Requests.ShouldBeEmpty();
    }
}
