using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DocGen.Core.Tests.Generation;

/// <summary>One scripted answer of <see cref="FakeOpenAIServer"/>.</summary>
/// <param name="Content">Assistant text (for 200 answers).</param>
/// <param name="FinishReason">Raw finish_reason; null sends JSON null.</param>
/// <param name="Status">HTTP status.</param>
/// <param name="RawBody">When set, sent as is instead of a chat completion (garbage bodies, error bodies).</param>
/// <param name="Delay">Wait before answering.</param>
/// <param name="Headers">Extra response headers (Retry-After).</param>
public sealed record Scripted(
    string Content = "",
    string? FinishReason = "stop",
    int Status = 200,
    string? RawBody = null,
    TimeSpan Delay = default,
    IReadOnlyDictionary<string, string>? Headers = null,
    int PromptTokens = 100,
    int CompletionTokens = 50,
    IReadOnlyList<(string Name, string Arguments)>? ToolCalls = null,
    int DropAfterChars = -1)
{
    /// <summary>An answer that calls tools instead of answering (finish reason <c>tool_calls</c>).</summary>
    public static Scripted CallTools(params (string Name, string Arguments)[] calls) => new("", "tool_calls", ToolCalls: calls);

    /// <summary>A streamed answer whose connection is dropped after <paramref name="chars"/> characters (no finish, no [DONE]).</summary>
    public static Scripted Dropped(string content, int chars) => new(content, DropAfterChars: chars);

    public static Scripted Json(string content, string? finish = "stop") => new(content, finish);
    public static Scripted Error(int status, string? retryAfter = null) => new(Status: status,
        RawBody: $$$"""{"error":{"message":"scripted {{{status}}}","type":"test"}}""",
        Headers: retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });
}

/// <summary>A request the server received.</summary>
public sealed record RecordedRequest(string Path, string? Authorization, JsonObject Body)
{
    /// <summary>The user prompt (the first user message; tool rounds add assistant and tool messages after it).</summary>
    public string Prompt => Body["messages"]!.AsArray().First(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.GetValue<string>();
    /// <summary>Contents of the <c>tool</c> messages, in order.</summary>
    public IReadOnlyList<string> ToolOutputs => [.. Body["messages"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "tool").Select(m => m!["content"]!.GetValue<string>())];
    /// <summary>Names of the tools the request offers.</summary>
    public IReadOnlyList<string> ToolNames => Body["tools"] is JsonArray tools ? [.. tools.Select(t => t!["function"]!["name"]!.GetValue<string>())] : [];
    public int MaxTokens => Body["max_tokens"]?.GetValue<int>() ?? Body["max_completion_tokens"]?.GetValue<int>() ?? int.MaxValue;
    public bool Stream => Body["stream"]?.GetValue<bool>() == true;
    /// <summary>Member ids named in a member_docs prompt (lines <c>### id</c>).</summary>
    public IReadOnlyList<string> MemberIds => FakeOpenAIServer.IdsIn(Prompt);
}

/// <summary>
/// A local server speaking the OpenAI chat-completions wire format (JSON and SSE streaming) on
/// 127.0.0.1. Answers come from a script queue, then from <see cref="Responder"/>, which by default
/// documents every member the prompt names.
/// </summary>
public sealed partial class FakeOpenAIServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<Scripted> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeOpenAIServer()
    {
        // Another test may take the probed port before Start: retry with a fresh listener each time, since a
        // listener whose Start failed keeps stale prefix state that makes its Close fail later on Linux.
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                Endpoint = $"http://127.0.0.1:{port}/v1";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                try { listener.Close(); } catch (HttpListenerException) { }
            }
        }
        _loop = Task.Run(AcceptLoop);
    }

    /// <summary>Base URL including <c>/v1</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Answers requests when the script is empty.</summary>
    public Func<RecordedRequest, Scripted> Responder { get; set; } = DocumentEverything;

    /// <summary>Characters per SSE chunk.</summary>
    public int ChunkSize { get; set; } = 7;

    /// <summary>
    /// Behave like a real server on tokens: report usage counted with the model's tokenizer (every message
    /// and tool definition) and cut the answer at <c>max_tokens</c> with finish reason <c>length</c>.
    /// </summary>
    public bool RealisticTokens { get; set; }

    /// <summary>Total tokens (prompt + completion) the server reported over all answers.</summary>
    public long ReportedTokens => Interlocked.Read(ref _reportedTokens);
    private long _reportedTokens;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void Enqueue(params Scripted[] answers)
    {
        foreach (var a in answers) _script.Enqueue(a);
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    [GeneratedRegex(@"^### (\S+)$", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    public static IReadOnlyList<string> IdsIn(string prompt)
    {
        var basePart = prompt.Split("--- CONTINUATION REQUEST ---")[0];
        return [.. IdLine().Matches(basePart).Select(m => m.Groups[1].Value)];
    }

    /// <summary>
    /// Valid docs for every member the prompt names (or the type of a type_overview prompt); a continuation
    /// prompt gets the rest of that answer, starting with the overlap it asks to repeat.
    /// </summary>
    public static Scripted DocumentEverything(RecordedRequest request) => Scripted.Json(Continue(request.Prompt, AnswerFor(request.Prompt)));

    /// <summary>For a continuation prompt, the part of <paramref name="full"/> from the repeated tail on; else <paramref name="full"/>.</summary>
    public static string Continue(string prompt, string full)
    {
        const string marker = "(repeat these at the start):\n";
        var at = prompt.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return full;
        var start = at + marker.Length;
        var tail = prompt[start..prompt.IndexOf("\n\nTASK:", start, StringComparison.Ordinal)];
        var index = full.IndexOf(tail, StringComparison.Ordinal);
        return index < 0 ? full : full[index..];
    }

    public static string AnswerFor(string prompt, Func<string, string>? summary = null)
    {
        summary ??= id => $"Docs for {id}.";
        var ids = IdsIn(prompt);
        if (ids.Count == 0)
        {
            var type = Regex.Match(prompt, @"Rules: ""id"" is (\S+);").Groups[1].Value;
            return new JsonObject { ["id"] = type, ["summary"] = summary(type) }.ToJsonString();
        }
        var members = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["summary"] = summary(id) })]);
        return new JsonObject { ["members"] = members }.ToJsonString();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { continue; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            string text;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) text = await reader.ReadToEndAsync();
            var body = JsonNode.Parse(text) as JsonObject ?? new JsonObject();
            var recorded = new RecordedRequest(context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body);
            _requests.Enqueue(recorded);
            var answer = recorded.Path != "/v1/chat/completions" ? new Scripted(Status: 404, RawBody: """{"error":{"message":"no such route"}}""")
                : _script.TryDequeue(out var s) ? s : Responder(recorded);
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, _stop.Token);
            if (RealisticTokens && answer.Status == 200 && answer.RawBody is null) answer = Realistic(recorded, answer);
            var response = context.Response;
            response.StatusCode = answer.Status;
            foreach (var (k, v) in answer.Headers ?? new Dictionary<string, string>()) response.Headers[k] = v;
            if (answer.RawBody is not null || answer.Status != 200)
            {
                await WriteAsync(response, answer.RawBody ?? "", "application/json");
                return;
            }
            if (recorded.Stream) await StreamAsync(response, answer);
            else await WriteAsync(response, Completion(answer), "application/json");
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
        catch (HttpListenerException) { }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    private Scripted Realistic(RecordedRequest request, Scripted answer)
    {
        var counter = DocGen.Core.Generation.Budget.TokenCounter.ForModel(request.Body["model"]?.GetValue<string>());
        var texts = new List<string>();
        foreach (var m in request.Body["messages"]!.AsArray())
        {
            var calls = m!["tool_calls"] is JsonArray tc ? string.Concat(tc.Select(c => c!["id"]!.GetValue<string>() + c["function"]!["name"]!.GetValue<string>() + c["function"]!["arguments"]!.GetValue<string>())) : "";
            texts.Add((m["tool_call_id"]?.GetValue<string>() ?? "") + (m["content"] is JsonValue v && v.TryGetValue<string>(out var c) ? c : "") + calls);
        }
        if (request.Body["tools"] is JsonArray tools)
            foreach (var t in tools) texts.Add(t!["function"]!["name"]!.GetValue<string>() + t["function"]!["description"]!.GetValue<string>() + t["function"]!["parameters"]!.ToJsonString());
        var prompt = counter.CountChat(texts);
        var content = answer.Content;
        var finish = answer.FinishReason;
        if (counter.Count(content) > request.MaxTokens)
        {
            content = content[..counter.PrefixLength(content, request.MaxTokens)];
            finish = "length";
        }
        var completion = counter.Count(content);
        Interlocked.Add(ref _reportedTokens, prompt + completion);
        return answer with { Content = content, FinishReason = finish, PromptTokens = prompt, CompletionTokens = completion };
    }

    private static string Completion(Scripted a) => new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1,
        ["model"] = "test",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = a.ToolCalls is { Count: > 0 } calls
                ? new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray([.. calls.Select((c, i) => (JsonNode)ToolCallJson(c, i, withIndex: false))]) }
                : new JsonObject { ["role"] = "assistant", ["content"] = a.Content },
            ["finish_reason"] = a.FinishReason is null ? null : JsonValue.Create(a.FinishReason),
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = a.PromptTokens, ["completion_tokens"] = a.CompletionTokens, ["total_tokens"] = a.PromptTokens + a.CompletionTokens },
    }.ToJsonString();

    private async Task StreamAsync(HttpListenerResponse response, Scripted a)
    {
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        var output = response.OutputStream;
        async Task Send(JsonObject chunk)
        {
            var bytes = Encoding.UTF8.GetBytes("data: " + chunk.ToJsonString() + "\n\n");
            await output.WriteAsync(bytes);
            await output.FlushAsync();
        }
        JsonObject Chunk(JsonObject delta, string? finish, bool withFinish) => new()
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1,
            ["model"] = "test",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["delta"] = delta,
                ["finish_reason"] = withFinish && finish is not null ? JsonValue.Create(finish) : null,
            }),
        };
        await Send(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null, false));
        for (var i = 0; i < a.Content.Length; i += ChunkSize)
        {
            if (a.DropAfterChars >= 0 && i >= a.DropAfterChars)
            {
                // A dropped connection: no finish reason, no [DONE], no terminating chunk.
                response.Abort();
                return;
            }
            await Send(Chunk(new JsonObject { ["content"] = a.Content.Substring(i, Math.Min(ChunkSize, a.Content.Length - i)) }, null, false));
        }
        foreach (var (call, i) in (a.ToolCalls ?? []).Select((c, i) => (c, i)))
            await Send(Chunk(new JsonObject { ["tool_calls"] = new JsonArray(ToolCallJson(call, i, withIndex: true)) }, null, false));
        await Send(Chunk(new JsonObject(), a.FinishReason, true));
        await Send(new JsonObject
        {
            ["id"] = "chatcmpl-test", ["object"] = "chat.completion.chunk", ["created"] = 1, ["model"] = "test",
            ["choices"] = new JsonArray(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = a.PromptTokens, ["completion_tokens"] = a.CompletionTokens, ["total_tokens"] = a.PromptTokens + a.CompletionTokens },
        });
        var done = Encoding.UTF8.GetBytes("data: [DONE]\n\n");
        await output.WriteAsync(done);
        output.Close();
    }

    private static JsonObject ToolCallJson((string Name, string Arguments) call, int index, bool withIndex)
    {
        var o = new JsonObject
        {
            ["id"] = $"call_{index}_{call.Name}",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
        };
        if (withIndex) o["index"] = index;
        return o;
    }

    private static async Task WriteAsync(HttpListenerResponse response, string text, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.OutputStream.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        // The managed HttpListener can throw "Address already in use" while unregistering on Linux; the test is over either way.
        try { _listener.Stop(); _listener.Close(); } catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException) { }
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}
