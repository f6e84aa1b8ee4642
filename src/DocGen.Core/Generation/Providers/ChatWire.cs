using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace DocGen.Core.Generation.Providers;

/// <summary>Reads the chat-completions wire format leniently: null or unknown finish reasons, missing usage and extra fields are all fine.</summary>
internal static class ChatWire
{
    /// <summary>The system message of every request.</summary>
    public const string SystemPrompt = "You are a precise technical writer for .NET APIs. You answer with JSON only.";

    /// <summary>The texts a request sends, one per message plus one per tool definition: what its prompt tokens are counted from.</summary>
    public static IEnumerable<string> MessageTexts(ModelRequest request)
    {
        yield return SystemPrompt;
        yield return request.Prompt;
        foreach (var exchange in request.Transcript ?? [])
        {
            yield return string.Concat(exchange.Calls.Select(c => c.Id + c.Name + c.Arguments));
            foreach (var output in exchange.Outputs) yield return output.CallId + output.Output;
        }
        foreach (var tool in request.Tools ?? []) yield return tool.Name + tool.Description + tool.ParametersSchema;
    }

    public static ModelFinishReason ParseFinish(string? raw) => raw switch
    {
        "stop" => ModelFinishReason.Stop,
        "length" => ModelFinishReason.Length,
        "content_filter" => ModelFinishReason.ContentFilter,
        "tool_calls" or "function_call" => ModelFinishReason.ToolCalls,
        _ => ModelFinishReason.Unknown,
    };

    /// <exception cref="ModelException">The body is not a chat completion.</exception>
    public static ModelResponse ParseCompletion(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
                throw Invalid(body);
            var choice = choices[0];
            string text = "";
            if (choice.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
                text = content.GetString()!;
            var raw = choice.TryGetProperty("finish_reason", out var fr) && fr.ValueKind == JsonValueKind.String ? fr.GetString() : null;
            var (input, output) = Usage(root);
            return new ModelResponse(text, ParseFinish(raw), raw, input, output, ToolCallsOf(message));
        }
        catch (JsonException)
        {
            throw Invalid(body);
        }
    }

    private static List<ToolCall>? ToolCallsOf(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("tool_calls", out var calls) || calls.ValueKind != JsonValueKind.Array) return null;
        var result = new List<ToolCall>();
        foreach (var call in calls.EnumerateArray())
        {
            if (call.ValueKind != JsonValueKind.Object || !call.TryGetProperty("function", out var fn) || fn.ValueKind != JsonValueKind.Object) continue;
            result.Add(new ToolCall(StringOf(fn, "name"), StringOf(fn, "arguments"), StringOf(call, "id")));
        }
        return result;

        static string StringOf(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
    }

    private static ModelException Invalid(string body) =>
        new(ModelErrorKind.InvalidResponse, 200, $"The server answered with something that is not a chat completion: {Snippet(body)}");

    private static string Snippet(string body)
    {
        var s = body.Length > 80 ? body[..80] + "…" : body;
        return SecretScrubber.Scrub(s.ReplaceLineEndings(" "), null);
    }

    private static (int Input, int Output) Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object) return (0, 0);
        return (Int(usage, "prompt_tokens"), Int(usage, "completion_tokens"));

        static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : 0;
    }

    /// <summary>Turns an SSE body (<c>data: {...}</c> lines, <c>data: [DONE]</c>) into events, ending with one <see cref="Finish"/> or <see cref="Error"/>.</summary>
    public static async IAsyncEnumerable<ModelStreamEvent> ReadStreamAsync(Stream stream, string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? rawFinish = null;
        int input = 0, output = 0;
        var tools = new SortedDictionary<int, (StringBuilder Name, StringBuilder Args, StringBuilder Id)>();
        var done = false;
        var sawEvent = false;
        string? firstOtherLine = null;
        while (true)
        {
            string? line;
            ModelException? failure = null;
            try
            {
                line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                line = null;
                failure = new ModelException(ex is OperationCanceledException ? ModelErrorKind.Timeout : ModelErrorKind.Transient, null, $"Request '{name}': the stream broke: {ex.GetType().Name}", ex);
            }
            if (failure is not null) { yield return new Error(failure); yield break; }
            if (line is null) break;
            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                // SSE comments (':') and 'event:'/'id:' fields are legal; anything else is remembered in case the whole
                // body turns out not to be an event stream (a proxy's HTML error page with status 200).
                if (firstOtherLine is null && line.Length > 0 && line[0] != ':' && !line.StartsWith("event:", StringComparison.Ordinal) && !line.StartsWith("id:", StringComparison.Ordinal))
                    firstOtherLine = line;
                continue;
            }
            sawEvent = true;
            var data = line[5..].Trim();
            if (data == "[DONE]") { done = true; break; }
            JsonDocument? doc = null;
            try { doc = JsonDocument.Parse(data); }
            catch (JsonException)
            {
                failure = new ModelException(ModelErrorKind.InvalidResponse, 200, $"Request '{name}': a stream event is not JSON: {Snippet(data)}");
            }
            if (failure is not null) { yield return new Error(failure); yield break; }
            var parsed = doc!;
            using (parsed)
            {
                var root = parsed.RootElement;
                if (root.ValueKind != JsonValueKind.Object) continue;
                var (i, o) = Usage(root);
                if (i > 0 || o > 0) (input, output) = (i, o);
                if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0) continue;
                var choice = choices[0];
                if (choice.TryGetProperty("finish_reason", out var fr) && fr.ValueKind == JsonValueKind.String) rawFinish = fr.GetString();
                if (!choice.TryGetProperty("delta", out var delta) || delta.ValueKind != JsonValueKind.Object) continue;
                if (delta.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String && content.GetString() is { Length: > 0 } text)
                    yield return new TextDelta(text);
                if (delta.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
                {
                    foreach (var call in calls.EnumerateArray())
                    {
                        var index = call.TryGetProperty("index", out var ix) && ix.TryGetInt32(out var n) ? n : 0;
                        if (!tools.TryGetValue(index, out var acc)) tools[index] = acc = (new StringBuilder(), new StringBuilder(), new StringBuilder());
                        if (call.TryGetProperty("id", out var callId) && callId.ValueKind == JsonValueKind.String) acc.Id.Append(callId.GetString());
                        if (call.TryGetProperty("function", out var fn) && fn.ValueKind == JsonValueKind.Object)
                        {
                            if (fn.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String) acc.Name.Append(nm.GetString());
                            if (fn.TryGetProperty("arguments", out var ar) && ar.ValueKind == JsonValueKind.String) acc.Args.Append(ar.GetString());
                        }
                    }
                }
            }
        }
        // A connection closed before [DONE] and before any finish reason was dropped, not finished: the
        // answer is a transport failure to retry, never a truncation to continue.
        if (!sawEvent && firstOtherLine is not null)
        {
            yield return new Error(new ModelException(ModelErrorKind.InvalidResponse, 200, $"Request '{name}': the answer is not an event stream: {Snippet(firstOtherLine)}"));
            yield break;
        }
        if (!done && rawFinish is null)
        {
            yield return new Error(new ModelException(ModelErrorKind.Transient, null, $"Request '{name}': the connection closed before the answer finished"));
            yield break;
        }
        foreach (var (_, (toolName, args, id)) in tools) yield return new ToolCall(toolName.ToString(), args.ToString(), id.ToString());
        yield return new Finish(ParseFinish(rawFinish), rawFinish, input, output);
    }
}
