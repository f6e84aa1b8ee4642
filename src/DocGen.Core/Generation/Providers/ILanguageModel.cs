namespace DocGen.Core.Generation.Providers;

/// <summary>Why the model stopped. <see cref="Unknown"/> covers null and unrecognised values from local servers.</summary>
public enum ModelFinishReason { Stop, Length, ContentFilter, ToolCalls, Unknown }

/// <summary>One prompt sent to a model.</summary>
/// <param name="Name">Human name of the request (for progress and diagnostics).</param>
/// <param name="Prompt">The user prompt.</param>
/// <param name="MaxOutputTokens">Output cap, sent as both <c>max_completion_tokens</c> and (to servers that ignore it) <c>max_tokens</c>.</param>
/// <param name="JsonMode">Ask for a JSON object (first rounds only: a continuation fragment is not a whole object).</param>
public sealed record ModelRequest(string Name, string Prompt, int MaxOutputTokens, bool JsonMode);

/// <summary>A whole answer: text, finish reason and the token usage the server reported (0 when it reported none).</summary>
public sealed record ModelResponse(string Text, ModelFinishReason Finish, string? RawFinishReason, int InputTokens, int OutputTokens);

/// <summary>An event of a streamed answer.</summary>
public abstract record ModelStreamEvent;

/// <summary>A piece of answer text.</summary>
public sealed record TextDelta(string Text) : ModelStreamEvent;

/// <summary>A complete tool call (arguments as JSON text).</summary>
public sealed record ToolCall(string Name, string Arguments) : ModelStreamEvent;

/// <summary>The end of the answer, with usage when the server sent it.</summary>
public sealed record Finish(ModelFinishReason Reason, string? RawReason, int InputTokens, int OutputTokens) : ModelStreamEvent;

/// <summary>The stream broke; <see cref="Exception"/> is a <see cref="ModelException"/>.</summary>
public sealed record Error(ModelException Exception) : ModelStreamEvent;

/// <summary>How a request failed, which decides retry and severity.</summary>
public enum ModelErrorKind
{
    /// <summary>401/403: the key is wrong. Never retried.</summary>
    Authentication,
    /// <summary>400/404/422: the server rejected the request itself. Never retried.</summary>
    BadRequest,
    /// <summary>429/5xx/network failures after the retries were spent.</summary>
    Transient,
    /// <summary>The endpoint cannot be reached at all (connection refused, unknown host) after the retries. The run stops asking.</summary>
    Unreachable,
    /// <summary>No answer within the network timeout (after retries).</summary>
    Timeout,
    /// <summary>HTTP 200 with a body that is not a chat completion.</summary>
    InvalidResponse,
}

/// <summary>A failed model request. Its message never contains the API key.</summary>
public sealed class ModelException(ModelErrorKind kind, int? status, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public ModelErrorKind Kind { get; } = kind;
    public int? Status { get; } = status;
}

/// <summary>A language model that answers prompts. Implementations: <see cref="OpenAILanguageModel"/>.</summary>
public interface ILanguageModel
{
    /// <summary>Model id (or Azure deployment) as it goes into provenance and cache keys.</summary>
    string ModelId { get; }

    /// <summary><c>openai</c>, <c>azure</c> or <c>compatible</c>; part of the cache key.</summary>
    string EndpointKind { get; }

    /// <summary>Retries made so far by the transport (429, 5xx, timeouts).</summary>
    int Retries { get; }

    /// <summary>Streams one answer. Failures before the first byte throw <see cref="ModelException"/>; later ones arrive as <see cref="Error"/>.</summary>
    IAsyncEnumerable<ModelStreamEvent> StreamAsync(ModelRequest request, CancellationToken cancellationToken);

    /// <summary>Gets one whole answer without streaming.</summary>
    /// <exception cref="ModelException">The request failed for good.</exception>
    Task<ModelResponse> CompleteAsync(ModelRequest request, CancellationToken cancellationToken);
}
