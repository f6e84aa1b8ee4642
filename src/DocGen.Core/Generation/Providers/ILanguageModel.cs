namespace DocGen.Core.Generation.Providers;

/// <summary>Why the model stopped. <see cref="Unknown"/> covers null and unrecognised values from local servers.</summary>
public enum ModelFinishReason { Stop, Length, ContentFilter, ToolCalls, Unknown }

/// <summary>One prompt sent to a model.</summary>
/// <param name="Name">Human name of the request (for progress and diagnostics).</param>
/// <param name="Prompt">The user prompt.</param>
/// <param name="MaxOutputTokens">Output cap, sent as both <c>max_completion_tokens</c> and (to servers that ignore it) <c>max_tokens</c>.</param>
/// <param name="JsonMode">Ask for a JSON object (first rounds only: a continuation fragment is not a whole object).</param>
/// <param name="Tools">Functions the model may call, or null for none.</param>
/// <param name="Transcript">Tool calls the model made earlier in this question and their outputs, in order; they follow the prompt.</param>
/// <param name="AllowToolCalls">False once the tool rounds are spent: the tools stay defined (the transcript names them) but the model must answer.</param>
public sealed record ModelRequest(
    string Name,
    string Prompt,
    int MaxOutputTokens,
    bool JsonMode,
    IReadOnlyList<ToolDefinition>? Tools = null,
    IReadOnlyList<ToolExchange>? Transcript = null,
    bool AllowToolCalls = true);

/// <summary>A function offered to the model.</summary>
/// <param name="Name">Function name, e.g. <c>get_symbol</c>.</param>
/// <param name="Description">What it returns, for the model.</param>
/// <param name="ParametersSchema">JSON schema of its arguments.</param>
public sealed record ToolDefinition(string Name, string Description, string ParametersSchema);

/// <summary>One tool round: the calls of one answer and the output of each, matched by call id.</summary>
public sealed record ToolExchange(IReadOnlyList<ToolCall> Calls, IReadOnlyList<ToolOutput> Outputs);

/// <summary>A whole answer: text, finish reason and the token usage the server reported (0 when it reported none).</summary>
/// <param name="Text">The answer text.</param>
/// <param name="Finish">Why the model stopped.</param>
/// <param name="RawFinishReason">The finish reason as the server sent it.</param>
/// <param name="InputTokens">Prompt tokens the server reported.</param>
/// <param name="OutputTokens">Completion tokens the server reported.</param>
/// <param name="ToolCalls">Functions the model asked to call instead of (or before) answering; null or empty for none.</param>
public sealed record ModelResponse(string Text, ModelFinishReason Finish, string? RawFinishReason, int InputTokens, int OutputTokens, IReadOnlyList<ToolCall>? ToolCalls = null);

/// <summary>An event of a streamed answer.</summary>
public abstract record ModelStreamEvent;

/// <summary>A piece of answer text.</summary>
public sealed record TextDelta(string Text) : ModelStreamEvent;

/// <summary>A complete tool call (arguments as JSON text); <paramref name="Id"/> is the server's call id that the output must name.</summary>
public sealed record ToolCall(string Name, string Arguments, string Id = "") : ModelStreamEvent;

/// <summary>What DocGen answered to a <see cref="ToolCall"/> (the engine produces it; it is sent back with the next round).</summary>
public sealed record ToolOutput(string CallId, string Name, string Output) : ModelStreamEvent;

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
    /// <summary>Not sent: the circuit breaker opened after consecutive failures, and the run asks no more.</summary>
    CircuitOpen,
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
