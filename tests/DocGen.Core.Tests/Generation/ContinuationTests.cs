using System.Text.Json.Nodes;
using DocGen.Core.Generation.Continuation;

namespace DocGen.Core.Tests.Generation;

public sealed class ContinuationTests
{
    [Theory]
    [InlineData("""{"members":[{"id":"a","summary":"caf""", """{"members":[{"id":"a","summary":""")]
    [InlineData("""{"members":[{"id":"a","n":12""", """{"members":[{"id":"a","n":""")]
    [InlineData("""{"members":[{"id":"a","ok":tr""", """{"members":[{"id":"a","ok":""")]
    [InlineData("""{"members":[{"id":"a","s":"caf\u00""", """{"members":[{"id":"a","s":""")]
    public void Analyze_TruncatedToken_CutsBeforeTheAmbiguousEnding(string text, string safePrefix)
    {
        var cut = JsonCutPoint.Analyze(text);

        cut.Complete.ShouldBeFalse();
        cut.Invalid.ShouldBeFalse();
        text[..cut.SafeLength].TrimEnd(',').ShouldBe(safePrefix.TrimEnd(','));
        string.Join(" > ", cut.OpenPath).ShouldBe("$ (object) > members (array) > [0] (object)");
    }

    [Fact]
    public void Analyze_CompleteAndGarbage_AreTold()
    {
        JsonCutPoint.Analyze("""{"a":[1,2]}  """).Complete.ShouldBeTrue();
        JsonCutPoint.Analyze("Sorry, I can't.").Invalid.ShouldBeTrue();
        JsonCutPoint.Analyze("""{"a":1}{"b":2}""").Invalid.ShouldBeTrue();
    }

    [Fact]
    public void Repair_CutInsideSecondMember_KeepsOnlyWholeMembers()
    {
        var repaired = JsonCutPoint.Repair("""{"members":[{"id":"a","summary":"A."},{"id":"b","summ""");

        repaired.ShouldBe("""{"members":[{"id":"a","summary":"A."}]}""");
    }

    [Fact]
    public void Merge_ExactOverlap_DropsTheRepeat()
    {
        var (text, strategy) = FragmentMerger.Merge("""{"members":[{"id":"a","summary":"Hello wo""", "\"summary\":\"Hello world.\"}]}");

        strategy.ShouldBe(MergeStrategy.Exact);
        text.ShouldBe("""{"members":[{"id":"a","summary":"Hello world."}]}""");
    }

    [Fact]
    public void Merge_RepeatedWholeLines_LineBased()
    {
        var acc = "{\n  \"members\": [\n    {\"id\": \"a\", \"summary\": \"First.\"},\n    {\"id\": \"b\", \"sum";
        var frag = "garbage preamble\n    {\"id\": \"a\", \"summary\": \"First.\"},\n    {\"id\": \"b\", \"summary\": \"Second.\"}\n  ]\n}";

        var (text, strategy) = FragmentMerger.Merge(acc, frag);

        strategy.ShouldBe(MergeStrategy.LineBased);
        JsonNode.Parse(text!)!["members"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public void Merge_RepeatsOnlyTheEndOfTheLastLine_PartialLine()
    {
        var acc = "{\"members\":[{\"id\":\"a\",\"summary\":\"The quick brown";
        var frag = "Continuing:\nsummary\":\"The quick brown fox.\"}]}";

        var (text, strategy) = FragmentMerger.Merge(acc, frag);

        strategy.ShouldBe(MergeStrategy.PartialLine);
        JsonNode.Parse(text!)!["members"]![0]!["summary"]!.GetValue<string>().ShouldBe("The quick brown fox.");
    }

    [Fact]
    public void Merge_OverlapWithDifferentWhitespace_StructureAware()
    {
        var acc = "{\"members\":[{\"id\":\"a\",\n\"summary\":\"Alpha.\"},{\"id\":\"b\"";
        var frag = "{ \"id\" : \"b\" , \"summary\":\"Beta.\"}]}";

        var (text, strategy) = FragmentMerger.Merge(acc, frag);

        strategy.ShouldBe(MergeStrategy.StructureAware);
        JsonNode.Parse(text!)!["members"]![1]!["summary"]!.GetValue<string>().ShouldBe("Beta.");
    }

    [Fact]
    public void Merge_NoOverlapAtAll_ConcatenatesWhenTheJsonGetsFurther()
    {
        var (text, strategy) = FragmentMerger.Merge("{\"members\":[{\"id\":\"a\",\"summary\":\"Al", "pha.\"}]}");

        strategy.ShouldBe(MergeStrategy.StructureAware);
        text.ShouldBe("{\"members\":[{\"id\":\"a\",\"summary\":\"Alpha.\"}]}");
    }

    [Fact]
    public void Merge_FragmentThatBreaksTheJson_IsRejected()
    {
        var (text, strategy) = FragmentMerger.Merge("{\"members\":[{\"id\":\"a\"", "}}}}]]]");

        text.ShouldBeNull();
        strategy.ShouldBe(MergeStrategy.None);
    }

    [Fact]
    public void DeepMerge_RestartedJson_MergesMembersById()
    {
        var first = JsonNode.Parse("""{"members":[{"id":"a","summary":"A."}]}""");
        var second = JsonNode.Parse("""{"members":[{"id":"a","remarks":"More."},{"id":"b","summary":"B."}]}""");

        var merged = FragmentMerger.DeepMerge(first, second)!;

        merged.ToJsonString().ShouldBe("""{"members":[{"id":"a","summary":"A.","remarks":"More."},{"id":"b","summary":"B."}]}""");
    }

    [Fact]
    public void ContinuationPrompt_Build_HasTheFixedShapeAndTheTemplateAsPassed()
    {
        var basePrompt = "Base prompt with TEMPLATE-X inside.";
        var previous = new string('x', 150) + "{\"members\":[{\"id\":\"a\",\"summary\":\"cut her";

        var prompt = ContinuationPrompt.Build(basePrompt, "TEMPLATE-Y", previous, JsonCutPoint.Analyze(previous));

        prompt.ShouldContain("JSON Structure Template:\nTEMPLATE-Y\n");
        prompt.ShouldContain("(repeat these at the start):\n" + previous[^100..] + "\n");
    }

    [Fact]
    public void Merge_FragmentStartsWithASpaceAndNoOverlap_KeepsTheSpace()
    {
        var (text, _) = FragmentMerger.Merge("{\"members\":[{\"id\":\"a\",\"summary\":\"alpha", " beta.\"}]}");

        JsonNode.Parse(text!)!["members"]![0]!["summary"]!.GetValue<string>().ShouldBe("alpha beta.");
    }

    [Fact]
    public void Merge_FragmentOnlyRepeatsTheEnd_JoinsWithoutProgress()
    {
        var acc = "{\"members\":[{\"id\":\"a\",\"summary\":\"The quick brown";

        var (text, strategy) = FragmentMerger.Merge(acc, "\"summary\":\"The quick brown");

        text.ShouldBe(acc);
        strategy.ShouldNotBe(MergeStrategy.None);
    }
}
