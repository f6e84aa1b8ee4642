using System.Diagnostics;
using System.Text;
using DocGen.Core.Generation.Budget;
using DocGen.Core.Generation.Providers;

namespace DocGen.Core.Generation.Continuation;

/// <summary>Functions the model may call while answering (<c>get_symbol</c>, <c>get_source</c>…).</summary>
public interface IToolHost
{
    /// <summary>The functions offered.</summary>
    IReadOnlyList<ToolDefinition> Definitions { get; }

    /// <summary>Runs one call. Never throws: an unknown function or bad arguments get an error text the model can read.</summary>
    string Execute(ToolCall call);

    /// <summary>True once the server rejected the definitions; no request of the run offers them again.</summary>
    bool Rejected { get; }

    /// <summary>Records that the server rejected the definitions.</summary>
    void Reject();
}

/// <summary>A tool call the model made and what it was answered: what the answer used, for its cache entry.</summary>
public sealed record ToolUse(string Name, string Arguments, string Output);

/// <summary>
/// Gets one answer for one prompt of the loop: meters each HTTP request, answers tool calls and sends
/// the prompt again with the exchange (bounded), and re-sends a stream that broke mid-answer with a
/// jittered backoff (a dropped connection is a transport failure, never a truncated answer).
/// </summary>
internal sealed class RoundRunner(
    ILanguageModel model, string name, LoopLimits limits, Action<RequestProgress>? progress, RequestMeter? meter, IToolHost? tools, CancellationToken cancellationToken)
{
    private readonly List<ToolExchange> _transcript = [];

    public int HttpRequests { get; private set; }
    public int InputTokens { get; private set; }
    public int OutputTokens { get; private set; }
    public int StreamRetries { get; private set; }
    public int ToolRounds { get; private set; }
    public bool ToolsRejected { get; private set; }
    public List<double> Latencies { get; } = [];
    public List<ToolUse> ToolUses { get; } = [];

    /// <summary>The text answer to <paramref name="prompt"/>, or null with the reason when the window or budget refused it.</summary>
    /// <exception cref="ModelException">The request failed for good.</exception>
    public async Task<(ModelResponse? Response, LoopStop Refused)> AskAsync(string prompt, int round, bool jsonMode, int minimumOutput)
    {
        while (true)
        {
            var offered = tools is { Rejected: false } ? tools.Definitions : null;
            var request = new ModelRequest(name, prompt, limits.MaxOutputTokens, jsonMode, offered,
                _transcript.Count > 0 ? [.. _transcript] : null, AllowToolCalls: ToolRounds < limits.MaxToolRounds);
            RoundGrant? grant = null;
            if (meter is not null)
            {
                var (granted, refusal) = meter.Begin(request, minimumOutput, newRequest: HttpRequests == 0);
                if (granted is null) return (null, refusal == GrantRefusal.Budget ? LoopStop.Budget : LoopStop.ContextWindow);
                grant = granted;
                request = request with { MaxOutputTokens = granted.Value.MaxOutputTokens };
            }

            HttpRequests++;
            progress?.Invoke(new RequestProgress(name, round, 0, RequestProgressKind.Started));
            var watch = Stopwatch.StartNew();
            var received = new StringBuilder();
            ModelResponse response;
            try
            {
                response = await SendAsync(request, round, received).ConfigureAwait(false);
            }
            catch (StreamBroke broke)
            {
                Charge(grant, request, 0, 0, received.ToString());
                if (StreamRetries >= limits.StreamRetries) throw broke.Failure;
                StreamRetries++;
                var wait = RetryTiming.Backoff(limits.BackoffBase, limits.MaxDelay, StreamRetries);
                // Round carries the retry's number here, as it does for the transport's retries.
                progress?.Invoke(new RequestProgress(name, StreamRetries, 0, RequestProgressKind.Retrying, "the stream broke", wait));
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (ModelException ex)
            {
                // Nothing was generated: the reservation is released, not spent.
                meter?.Budget.Settle(grant?.Reserved ?? 0, 0);
                if (ex.Kind == ModelErrorKind.BadRequest && offered is not null && _transcript.Count == 0 && ex.Message.Contains("tool", StringComparison.OrdinalIgnoreCase))
                {
                    // Some OpenAI-compatible servers reject tool definitions (vLLM without --enable-auto-tool-choice,
                    // models without tool support): ask again without them. Other 400s are the request's own fault.
                    tools!.Reject();
                    ToolsRejected = true;
                    progress?.Invoke(new RequestProgress(name, round, 0, RequestProgressKind.Notice, "the server rejected the tool definitions; asking without tools"));
                    continue;
                }
                throw;
            }
            Latencies.Add(watch.Elapsed.TotalMilliseconds);
            Charge(grant, request, response.InputTokens, response.OutputTokens, response.Text);

            if (response.ToolCalls is { Count: > 0 } calls && tools is not null && request.AllowToolCalls && request.Tools is not null)
            {
                ToolRounds++;
                var named = calls.Select((c, i) => c.Id.Length > 0 ? c : c with { Id = $"call_{ToolRounds}_{i}" }).ToList();
                var outputs = new List<ToolOutput>();
                foreach (var call in named)
                {
                    progress?.Invoke(new RequestProgress(name, round, 0, RequestProgressKind.ToolCall, $"{call.Name}({call.Arguments})"));
                    var output = new ToolOutput(call.Id, call.Name, tools.Execute(call));
                    outputs.Add(output);
                    ToolUses.Add(new ToolUse(call.Name, call.Arguments, output.Output));
                    progress?.Invoke(new RequestProgress(name, round, output.Output.Length, RequestProgressKind.ToolOutput, call.Name));
                }
                _transcript.Add(new ToolExchange(named, outputs));
                continue;
            }
            return (response, LoopStop.Complete);
        }
    }

    private void Charge(RoundGrant? grant, ModelRequest request, int reportedInput, int reportedOutput, string text)
    {
        if (meter is not null && grant is { } g)
        {
            var (input, output) = meter.End(g, reportedInput, reportedOutput, text);
            InputTokens += input;
            OutputTokens += output;
            return;
        }
        InputTokens += reportedInput > 0 ? reportedInput : request.Prompt.Length / 4;
        OutputTokens += reportedOutput > 0 ? reportedOutput : text.Length / 4;
    }

    private sealed class StreamBroke(ModelException failure) : Exception(failure.Message, failure)
    {
        public ModelException Failure { get; } = failure;
    }

    private async Task<ModelResponse> SendAsync(ModelRequest request, int round, StringBuilder text)
    {
        if (!limits.Stream)
        {
            var whole = await model.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
            progress?.Invoke(new RequestProgress(request.Name, round, whole.Text.Length));
            return whole;
        }
        var calls = new List<ToolCall>();
        await foreach (var evt in model.StreamAsync(request, cancellationToken).ConfigureAwait(false))
        {
            switch (evt)
            {
                case TextDelta delta:
                    text.Append(delta.Text);
                    progress?.Invoke(new RequestProgress(request.Name, round, text.Length));
                    break;
                case ToolCall call:
                    calls.Add(call);
                    break;
                case Finish finish:
                    return new ModelResponse(text.ToString(), finish.Reason, finish.RawReason, finish.InputTokens, finish.OutputTokens, calls.Count > 0 ? calls : null);
                case Error error when error.Exception.Kind is ModelErrorKind.Transient or ModelErrorKind.Timeout:
                    throw new StreamBroke(error.Exception);
                case Error error:
                    throw error.Exception;
            }
        }
        return new ModelResponse(text.ToString(), ModelFinishReason.Unknown, null, 0, 0, calls.Count > 0 ? calls : null);
    }
}
