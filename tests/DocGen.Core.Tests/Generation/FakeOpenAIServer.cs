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
    int CompletionTokens = 50)
{
    public static Scripted Json(string content, string? finish = "stop") => new(content, finish);
    public static Scripted Error(int status, string? retryAfter = null) => new(Status: status,
        RawBody: $$$"""{"error":{"message":"scripted {{{status}}}","type":"test"}}""",
        Headers: retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });
}

/// <summary>A request the server received.</summary>
public sealed record RecordedRequest(string Path, string? Authorization, JsonObject Body)
{
    public string Prompt => Body["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
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

    /// <summary>Valid docs for every member the prompt names (or the type of a type_overview prompt).</summary>
    public static Scripted DocumentEverything(RecordedRequest request) => Scripted.Json(AnswerFor(request.Prompt));

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

    private static string Completion(Scripted a) => new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1,
        ["model"] = "test",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = a.Content },
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
            await Send(Chunk(new JsonObject { ["content"] = a.Content.Substring(i, Math.Min(ChunkSize, a.Content.Length - i)) }, null, false));
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
