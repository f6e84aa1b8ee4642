using System.Text;
using DocGen.Core.Generation.Providers;

namespace DocGen.Core.Tests.Generation;

public sealed class ChatWireTests
{
    private static async Task<List<ModelStreamEvent>> Read(string sse, Stream? stream = null)
    {
        var events = new List<ModelStreamEvent>();
        await foreach (var e in ChatWire.ReadStreamAsync(stream ?? new MemoryStream(Encoding.UTF8.GetBytes(sse)), "req", CancellationToken.None))
            events.Add(e);
        return events;
    }

    [Fact]
    public async Task ReadStreamAsync_TextToolCallsAndUsage_BecomeEventsEndingWithFinish()
    {
        var sse = """
            data: {"choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}

            data:{"choices":[{"index":0,"delta":{"content":"lo"},"extra":1}]}

            : keep-alive comment

            data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"name":"lookup","arguments":"{\"id\":"}}]}}]}

            data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"1}"}}]},"finish_reason":"tool_calls"}]}

            data: {"choices":[],"usage":{"prompt_tokens":11,"completion_tokens":7}}

            data: [DONE]

            """;

        var events = await Read(sse);

        events.OfType<TextDelta>().Select(t => t.Text).ShouldBe(["Hel", "lo"]);
        events.OfType<ToolCall>().ShouldHaveSingleItem().ShouldBe(new ToolCall("lookup", "{\"id\":1}"));
        events[^1].ShouldBe(new Finish(ModelFinishReason.ToolCalls, "tool_calls", 11, 7));
    }

    [Fact]
    public async Task ReadStreamAsync_NonJsonEvent_EndsWithError()
    {
        var events = await Read("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: <html>oops\n\n");

        events.OfType<TextDelta>().ShouldHaveSingleItem();
        events[^1].ShouldBeOfType<Error>().Exception.Kind.ShouldBe(ModelErrorKind.InvalidResponse);
    }

    [Fact]
    public async Task ReadStreamAsync_BodyIsNoEventStream_EndsWithInvalidResponseNamingIt()
    {
        var events = await Read("<html>502 Bad Gateway</html>\n");

        var error = events.ShouldHaveSingleItem().ShouldBeOfType<Error>().Exception;
        error.Kind.ShouldBe(ModelErrorKind.InvalidResponse, "a proxy's error page is no dropped connection to retry as a stream");
        error.Message.ShouldContain("502 Bad Gateway");
    }

    [Fact]
    public async Task ReadStreamAsync_StreamBreaks_EndsWithTransientError()
    {
        var events = await Read("", new BreakingStream(Encoding.UTF8.GetBytes("data: {\"choices\":[{\"delta\":{\"content\":\"partial\"}}]}\n\n")));

        events.OfType<TextDelta>().ShouldHaveSingleItem().Text.ShouldBe("partial");
        events[^1].ShouldBeOfType<Error>().Exception.Kind.ShouldBe(ModelErrorKind.Transient);
    }

    [Theory]
    [InlineData("""{"choices":[{"message":{"content":"x"},"finish_reason":"length"}]}""", ModelFinishReason.Length)]
    [InlineData("""{"choices":[{"message":{"content":"x"},"finish_reason":null}]}""", ModelFinishReason.Unknown)]
    [InlineData("""{"choices":[{"message":{"content":"x"},"finish_reason":"eos"}]}""", ModelFinishReason.Unknown)]
    [InlineData("""{"choices":[{"message":{"content":"x"}}]}""", ModelFinishReason.Unknown)]
    public void ParseCompletion_AnyFinishReason_IsRead(string body, ModelFinishReason expected)
    {
        var response = ChatWire.ParseCompletion(body);

        response.Text.ShouldBe("x");
        response.Finish.ShouldBe(expected);
        response.InputTokens.ShouldBe(0);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"object":"list","data":[]}""")]
    public void ParseCompletion_NotACompletion_ThrowsInvalidResponse(string body)
    {
        Should.Throw<ModelException>(() => ChatWire.ParseCompletion(body)).Kind.ShouldBe(ModelErrorKind.InvalidResponse);
    }

    [Fact]
    public void Scrub_KeyAndKeyShapedText_AreMasked()
    {
        SecretScrubber.Scrub("bad key sk-abcdef123456 and my-very-secret-key", "my-very-secret-key").ShouldBe("bad key sk-*** and ***");
    }

    /// <summary>Returns its bytes, then fails like a dropped connection.</summary>
    private sealed class BreakingStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, count);
            return n > 0 ? n : throw new IOException("connection reset");
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = base.Read(buffer.Span);
            return n > 0 ? ValueTask.FromResult(n) : ValueTask.FromException<int>(new IOException("connection reset"));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}

public sealed class EndpointKindTests
{
    [Theory]
    [InlineData(null, "openai")]
    [InlineData("https://api.openai.com/v1", "openai")]
    [InlineData("https://myres.openai.azure.com/openai/v1/", "azure")]
    [InlineData("https://myres.cognitiveservices.azure.com/openai/v1/", "azure")]
    [InlineData("http://localhost:11434/v1", "compatible")]
    public void KindOf_Endpoint_IsClassified(string? endpoint, string expected)
    {
        OpenAILanguageModel.KindOf(endpoint is null ? null : new Uri(endpoint)).ShouldBe(expected);
    }
}
