using System.Text.Json.Nodes;
using DocGen.Core.Extraction;
using DocGen.Core.Generation;
using DocGen.Core.Generation.Cache;
using DocGen.Core.Generation.UseCases;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Generation;

public sealed class IncrementalityTests : IDisposable
{
    private readonly FakeOpenAIServer _server = new();
    private readonly EngineHarness _h = new();

    private const string Op1 = "M:Sample.Calc.Op1(System.Int32)";
    private const string Op2 = "M:Sample.Calc.Op2(System.Int32)";

    public void Dispose()
    {
        _server.Dispose();
        _h.Dispose();
    }

    [Fact]
    public async Task GenerateAsync_Rebuilds_AskOnlyForWhatChanged()
    {
        var model = TestModels.Calculator(3);
        var first = await _h.RunAsync(model, _h.Options(_server));
        _server.Requests.Count.ShouldBe(1);
        first.Report.Members["generated"].ShouldBe(3);

        // Unchanged: no request, and report.json is byte-identical between two cached runs.
        var second = await _h.RunAsync(model, _h.Options(_server));
        var third = await _h.RunAsync(model, _h.Options(_server));
        _server.Requests.Count.ShouldBe(1);
        second.Report.CacheHits.ShouldBe(3);
        second.Report.LatencyP50Ms.ShouldBeNull();
        third.ReportJson.ShouldBe(second.ReportJson);
        second.Summary(Op1).ShouldBe(first.Summary(Op1));
        second.Member(Op1).Provenance.ShouldBe(Provenance.Generated("test-model"));

        // One method body changes: exactly one request, naming only that member.
        var changed = TestModels.ReplaceMember(model, Op1, m => m with { DeclarationText = m.DeclarationText!.Replace("x + 1", "x * 100"), Fingerprint = "changed" });
        await _h.RunAsync(changed, _h.Options(_server));
        _server.Requests.Count.ShouldBe(2);
        _server.Requests[1].MemberIds.ShouldBe([Op1]);

        // Whitespace and comments only: no request.
        var reformatted = TestModels.ReplaceMember(changed, Op2, m => m with
        {
            DeclarationText = m.DeclarationText!.Replace("return x + 2;", "  // adds two\n      return   x +\n 2 ; /* done */"),
            Fingerprint = "reformatted",
        });
        var quiet = await _h.RunAsync(reformatted, _h.Options(_server));
        _server.Requests.Count.ShouldBe(2);
        quiet.Report.Requests.ShouldBe(0);
        quiet.Report.CacheHits.ShouldBe(3);

        // Another model: everything is asked again.
        var other = await _h.RunAsync(reformatted, _h.Options(_server, model: "other-model"));
        _server.Requests.Count.ShouldBe(3);
        _server.Requests[2].MemberIds.Count.ShouldBe(3);
        other.Member(Op2).Provenance.ShouldBe(Provenance.Generated("other-model"));
    }

    [Fact]
    public void MemberKey_SourceInput_IsTheExtractorsNormalizedText()
    {
        // Cache keys hash the extractor's SourceNormalizer form, so comment or layout edits keep every key.
        var model = TestModels.Calculator(3);
        var planner = new GenerationPlanner(model);
        var member = TestModels.ReplaceMember(model, Op1, m => m with { DeclarationText = "  // note\n" + m.DeclarationText!.Replace("x + 1", "x   +\n 1 /* one */") })
            .AllMembers.Single(m => m.Id == Op1);
        var keyBase = GenerationPlanner.KeyBase(UseCaseRegistry.CreateDefault().Get(UseCaseId.MemberDocs), "test-model", "compatible", new JsonObject());

        var type = planner.TypeContextOf(member.ContainingTypeId, 12);
        var material = planner.MemberKeyMaterial(keyBase, member, [], type);

        material["body"]!.GetValue<string>().ShouldBe(SourceNormalizer.Normalize(member.DeclarationText));
        material["body"]!.GetValue<string>().ShouldNotContain("note");
        material["signature"]!.GetValue<string>().ShouldBe(SourceNormalizer.Normalize(member.Signature));
        planner.MemberKey(keyBase, member, [], type).ShouldBe(CacheKey.Compute(material));
    }

    [Fact]
    public async Task GenerateAsync_TypeSummaryChanges_AsksAgainBecauseContextChanged()
    {
        var model = TestModels.Calculator(2);
        await _h.RunAsync(model, _h.Options(_server));
        var retyped = model with
        {
            Assemblies = [.. model.Assemblies.Select(a => a with
            {
                Namespaces = [.. a.Namespaces.Select(n => n with { Types = [.. n.Types.Select(t => t with { Docs = new DocComment { Summary = DocBlock.FromText("A scientific calculator.") } })] })],
            })],
        };

        await _h.RunAsync(retyped, _h.Options(_server));

        _server.Requests.Count.ShouldBe(2);
        _server.Requests[1].Prompt.ShouldContain("Type summary: A scientific calculator.");
    }

    [Fact]
    public async Task GenerateAsync_CorruptCacheEntry_IsAMissAndIsReplaced()
    {
        var model = TestModels.Calculator(3);
        await _h.RunAsync(model, _h.Options(_server));
        var entries = Directory.GetFiles(_h.CacheDirectory, "*.json", SearchOption.AllDirectories).Order().ToArray();
        entries.Length.ShouldBe(3);
        File.WriteAllText(entries[0], "{\"schema\":\"docgen-cache/1\",\"key\":\"tru");

        var run = await _h.RunAsync(model, _h.Options(_server));

        _server.Requests.Count.ShouldBe(2);
        _server.Requests[1].MemberIds.Count.ShouldBe(1);
        run.WithId("DG0412").ShouldHaveSingleItem();
        var key = Path.GetFileNameWithoutExtension(entries[0]);
        LocalCacheStore.ParseEntry(File.ReadAllBytes(entries[0]), key).ShouldNotBeNull();
    }

    [Fact]
    public async Task GenerateAsync_TwoBuildsShareOneCacheConcurrently_CorruptNothing()
    {
        var model = TestModels.Calculator(40);
        _h.Settings = _h.Settings with { BatchSize = 2 };
        using var other = new EngineHarness { CacheDirectory = _h.CacheDirectory, Settings = _h.Settings };

        var runs = await Task.WhenAll(_h.RunAsync(model, _h.Options(_server)), other.RunAsync(model, other.Options(_server)));

        runs.ShouldAllBe(r => r.Report.Members["generated"] == 40);
        var files = Directory.GetFiles(_h.CacheDirectory, "*", SearchOption.AllDirectories);
        files.ShouldAllBe(f => f.EndsWith(".json"));
        files.Length.ShouldBe(40);
        foreach (var file in files)
            LocalCacheStore.ParseEntry(File.ReadAllBytes(file), Path.GetFileNameWithoutExtension(file)).ShouldNotBeNull(file);
        var before = _server.Requests.Count;

        var again = await _h.RunAsync(model, _h.Options(_server));

        _server.Requests.Count.ShouldBe(before);
        again.Report.CacheHits.ShouldBe(40);
    }
}
