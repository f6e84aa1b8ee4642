using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace DocGen.Core.Generation.Providers;

/// <summary>Transport settings of <see cref="OpenAILanguageModel"/>.</summary>
/// <param name="Endpoint">OpenAI-compatible base URL including <c>/v1</c>, or null for api.openai.com.</param>
/// <param name="Model">Model id, or the Azure deployment name.</param>
/// <param name="NetworkTimeout">Time allowed for one HTTP try. Long by default (10 min) because a reply cut by the timeout is re-sent and billed twice.</param>
/// <param name="MaxRetries">Retries of 408/429/5xx and network failures. Default 3.</param>
/// <param name="BackoffBase">First backoff delay; doubles on each retry. Default 1 s.</param>
/// <param name="MaxDelay">Cap of one wait, <c>Retry-After</c> included. Default 60 s.</param>
/// <param name="StopRetrying">When it returns true no further retry is made (the run's circuit breaker opened).</param>
/// <param name="OnRetry">Told of every retry before its wait, for progress displays.</param>
public sealed record OpenAIProviderSettings(
    Uri? Endpoint,
    string Model,
    TimeSpan NetworkTimeout,
    int MaxRetries,
    TimeSpan BackoffBase,
    TimeSpan MaxDelay,
    Func<bool>? StopRetrying = null,
    Action<RetryNotice>? OnRetry = null)
{
    public static OpenAIProviderSettings Default(Uri? endpoint, string model) =>
        new(endpoint, model, TimeSpan.FromMinutes(10), 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
}

/// <summary>
/// <see cref="ILanguageModel"/> on the official OpenAI SDK. It uses the SDK's pipeline (auth, retries,
/// timeouts) through the chat client's protocol method and reads the raw JSON itself, because the
/// typed models throw on the null or unknown <c>finish_reason</c> that local servers send, and because
/// <c>max_tokens</c> must be sent next to <c>max_completion_tokens</c> for servers that ignore the latter.
/// </summary>
public sealed class OpenAILanguageModel : ILanguageModel
{
    private readonly ChatClient _client;
    private readonly BackoffRetryPolicy _retry;
    private readonly string _apiKey;
    private readonly bool _isAzure;

    /// <param name="settings">Endpoint, model and transport settings.</param>
    /// <param name="apiKey">The key. It is sent as a bearer token (and as <c>api-key</c> to Azure) and never appears in any message.</param>
    public OpenAILanguageModel(OpenAIProviderSettings settings, string apiKey)
    {
        ModelId = settings.Model;
        EndpointKind = KindOf(settings.Endpoint);
        _isAzure = EndpointKind == "azure";
        _apiKey = apiKey;
        _retry = new BackoffRetryPolicy(settings.MaxRetries, settings.BackoffBase, settings.MaxDelay, settings.StopRetrying, settings.OnRetry);
        var options = new OpenAIClientOptions { NetworkTimeout = settings.NetworkTimeout, RetryPolicy = _retry };
        if (settings.Endpoint is not null) options.Endpoint = settings.Endpoint;
        _client = new ChatClient(settings.Model, new ApiKeyCredential(apiKey), options);
    }

    public string ModelId { get; }
    public string EndpointKind { get; }
    public int Retries => _retry.Retries;

    /// <summary><c>openai</c> for api.openai.com, <c>azure</c> for Azure OpenAI hosts, else <c>compatible</c>.</summary>
    public static string KindOf(Uri? endpoint) =>
        endpoint is null || endpoint.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase) ? "openai"
        : endpoint.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
          || endpoint.Host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase) ? "azure"
        : "compatible";

    public async Task<ModelResponse> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, stream: false, cancellationToken).ConfigureAwait(false);
        return ChatWire.ParseCompletion(response.Content.ToString());
    }

    public async IAsyncEnumerable<ModelStreamEvent> StreamAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, stream: true, cancellationToken).ConfigureAwait(false);
        var stream = response.ContentStream ?? throw new ModelException(ModelErrorKind.InvalidResponse, response.Status, $"Request '{request.Name}': the server sent no body");
        await foreach (var evt in ChatWire.ReadStreamAsync(stream, request.Name, cancellationToken).ConfigureAwait(false))
            yield return evt;
    }

    private async Task<PipelineResponse> SendAsync(ModelRequest request, bool stream, CancellationToken cancellationToken)
    {
        var body = BinaryContent.Create(BinaryData.FromBytes(BuildBody(request, stream)));
        var options = new RequestOptions { CancellationToken = cancellationToken, BufferResponse = !stream };
        if (_isAzure) options.SetHeader("api-key", _apiKey);
        BackoffRetryPolicy.SetCurrentRequest(request.Name);
        try
        {
            var result = await _client.CompleteChatAsync(body, options).ConfigureAwait(false);
            return result.GetRawResponse();
        }
        catch (ClientResultException ex)
        {
            throw Translate(ex, request.Name);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelException(ModelErrorKind.Timeout, null, $"Request '{request.Name}' got no answer within the network timeout", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ModelException(KindOfNetworkFailure(ex), null, $"Request '{request.Name}' failed: {Scrub(ex.Message)}", ex);
        }
        catch (AggregateException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The SDK's retry policy throws every attempt's exception together once retries run out
            // (e.g. connection refused each time): report the last one like a single failure.
            throw ex.InnerExceptions[^1] switch
            {
                ClientResultException inner => Translate(inner, request.Name),
                var inner => new ModelException(KindOfNetworkFailure(inner), null, $"Request '{request.Name}' failed after {ex.InnerExceptions.Count} attempts: {Scrub(inner.Message)}", ex),
            };
        }
    }

    // Connection refused or an unknown host will not heal within one run: callers stop asking instead of
    // spending every remaining request's retries on it.
    private static ModelErrorKind KindOfNetworkFailure(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
                return ModelErrorKind.Unreachable;
        return ModelErrorKind.Transient;
    }

    private ModelException Translate(ClientResultException ex, string name)
    {
        var detail = Scrub(ErrorDetail(ex.GetRawResponse()));
        return ex.Status switch
        {
            401 or 403 => new ModelException(ModelErrorKind.Authentication, ex.Status,
                $"The model server refused the API key (HTTP {ex.Status}); check OPENAI_API_KEY (or DOCGEN_API_KEY)"),
            404 => new ModelException(ModelErrorKind.BadRequest, ex.Status,
                $"The model server rejected request '{name}' (HTTP 404){(detail.Length > 0 ? ": " + detail : "")}; check --model and that --endpoint ends with /v1"),
            400 or 413 or 422 => new ModelException(ModelErrorKind.BadRequest, ex.Status,
                $"The model server rejected request '{name}' (HTTP {ex.Status}){(detail.Length > 0 ? ": " + detail : "")}"),
            0 when ex.InnerException is OperationCanceledException or TimeoutException => new ModelException(ModelErrorKind.Timeout, null,
                $"Request '{name}' got no answer within the network timeout"),
            0 => new ModelException(KindOfNetworkFailure(ex), null, $"Request '{name}' failed: {Scrub(ex.InnerException?.Message ?? ex.Message)}"),
            _ => new ModelException(ModelErrorKind.Transient, ex.Status, $"Request '{name}' failed after retries (HTTP {ex.Status}){(detail.Length > 0 ? ": " + detail : "")}"),
        };
    }

    private static string ErrorDetail(PipelineResponse? response)
    {
        if (response is null) return "";
        try
        {
            var text = response.Content.ToString();
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
                    text = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.ToString() : error.ToString();
            }
            catch (JsonException) { }
            return text.Length > 300 ? text[..300] + "…" : text;
        }
        catch (InvalidOperationException) { return ""; }
    }

    /// <summary>Removes the key and anything shaped like one (servers echo partial keys in 401 bodies).</summary>
    internal string Scrub(string text) => SecretScrubber.Scrub(text, _apiKey);

    private byte[] BuildBody(ModelRequest request, bool stream)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", ModelId);
            json.WriteStartArray("messages");
            WriteMessage(json, "system", ChatWire.SystemPrompt);
            WriteMessage(json, "user", request.Prompt);
            foreach (var exchange in request.Transcript ?? [])
            {
                WriteModel<ChatMessage>(json, new AssistantChatMessage(exchange.Calls.Select(c =>
                    ChatToolCall.CreateFunctionToolCall(c.Id, c.Name, BinaryData.FromString(c.Arguments.Length > 0 ? c.Arguments : "{}")))));
                foreach (var output in exchange.Outputs) WriteModel<ChatMessage>(json, new ToolChatMessage(output.CallId, output.Output));
            }
            json.WriteEndArray();
            if (request.Tools is { Count: > 0 } tools)
            {
                json.WriteStartArray("tools");
                foreach (var tool in tools)
                    WriteModel(json, ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.ParametersSchema)));
                json.WriteEndArray();
                if (!request.AllowToolCalls) json.WriteString("tool_choice", "none");
            }
            json.WriteNumber("max_completion_tokens", request.MaxOutputTokens);
            // OpenAI's reasoning models reject max_tokens; the servers that ignore max_completion_tokens are the other ones.
            if (EndpointKind != "openai") json.WriteNumber("max_tokens", request.MaxOutputTokens);
            // LM Studio and some other local servers reject json_object (400); the prompt asks for JSON anyway.
            if (request.JsonMode && EndpointKind != "compatible")
            {
                json.WriteStartObject("response_format");
                json.WriteString("type", "json_object");
                json.WriteEndObject();
            }
            if (stream)
            {
                json.WriteBoolean("stream", true);
                json.WriteStartObject("stream_options");
                json.WriteBoolean("include_usage", true);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();

        // The SDK's own types write the tool wire shapes (assistant tool_calls, tool messages, function tools).
        static void WriteModel<T>(Utf8JsonWriter json, T model) where T : IPersistableModel<T> =>
            json.WriteRawValue(ModelReaderWriter.Write(model, ModelReaderWriterOptions.Json).ToMemory().Span, skipInputValidation: true);

        static void WriteMessage(Utf8JsonWriter json, string role, string content)
        {
            json.WriteStartObject();
            json.WriteString("role", role);
            json.WriteString("content", content);
            json.WriteEndObject();
        }
    }
}

/// <summary>Keeps secrets out of messages.</summary>
internal static class SecretScrubber
{
    private static readonly System.Text.RegularExpressions.Regex KeyShape = new(@"sk-[A-Za-z0-9_\-\*]{6,}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static string Scrub(string text, string? key)
    {
        if (!string.IsNullOrEmpty(key) && key.Length >= 4) text = text.Replace(key, "***", StringComparison.Ordinal);
        return KeyShape.Replace(text, "sk-***");
    }
}
