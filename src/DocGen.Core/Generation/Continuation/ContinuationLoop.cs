using System.Diagnostics;
using System.Text;
using DocGen.Core.Generation.Providers;

namespace DocGen.Core.Generation.Continuation;

/// <summary>Limits of one continuation loop.</summary>
/// <param name="MaxRounds">Continuations after the first answer. Default 4: a blind "continue" loop amplifies repetition.</param>
/// <param name="MaxOutputTokens">Output cap of one answer.</param>
/// <param name="MaxTotalOutputTokens">Cap on output tokens over all rounds of one request.</param>
/// <param name="Stream">Stream answers (keeps a slow generation alive instead of timing it out and paying twice).</param>
public sealed record LoopLimits(int MaxRounds, int MaxOutputTokens, int MaxTotalOutputTokens, bool Stream)
{
    /// <summary>Times a stream that broke mid-answer is sent again. Default 2.</summary>
    public int StreamRetries { get; init; } = 2;
    /// <summary>First wait before re-sending a broken stream (doubled, jittered). Default 1 s.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Longest such wait. Default 60 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Tool rounds one request may make before the model must answer. Default 3.</summary>
    public int MaxToolRounds { get; init; } = 3;
    /// <summary>The least output cap worth sending a first round for (the budget may lower the cap to this). Default 1.</summary>
    public int MinimumFirstOutput { get; init; } = 1;
    /// <summary>The least output cap worth sending a continuation for. Default 64.</summary>
    public int MinimumContinuationOutput { get; init; } = 64;
}

/// <summary>Why the loop stopped.</summary>
public enum LoopStop { Complete, Garbage, NoOverlap, NoProgress, RoundCap, TokenCap, Error, Budget, ContextWindow }

/// <summary>Wording of a <see cref="LoopStop"/> for diagnostics (doc and code generation say it the same way).</summary>
internal static class LoopStopText
{
    public static string Describe(this LoopStop stop) => stop switch
    {
        LoopStop.NoOverlap => "a continuation did not join the previous text",
        LoopStop.NoProgress => "a continuation made no progress",
        LoopStop.RoundCap => "the continuation cap was reached",
        LoopStop.TokenCap => "the output token cap was reached",
        LoopStop.Budget => "the token budget ran out",
        LoopStop.ContextWindow => "the request does not fit the model's context window",
        _ => stop.ToString(),
    };
}

/// <summary>The outcome of one request with its continuations.</summary>
/// <param name="Json">The complete JSON text, or a repaired one (<see cref="Repaired"/>), or null.</param>
/// <param name="Repaired">True when <paramref name="Json"/> was cut back and closed; the caller still validates it.</param>
/// <param name="Stop">Why the loop stopped.</param>
/// <param name="Requests">Prompts sent (first answer plus continuations).</param>
/// <param name="InputTokens">Input tokens over all rounds (server usage, else an estimate).</param>
/// <param name="OutputTokens">Output tokens over all rounds (server usage, else an estimate).</param>
/// <param name="Merges">How each continuation was joined.</param>
/// <param name="LatenciesMs">Latency of each round that got an answer.</param>
/// <param name="Failure">The transport failure that ended the loop, if any.</param>
/// <param name="Fragments">Every raw answer, in order, for <c>--debug</c>.</param>
/// <param name="Prompts">Every prompt sent, in order, for <c>--debug</c>.</param>
public sealed record LoopResult(
    string? Json,
    bool Repaired,
    LoopStop Stop,
    int Requests,
    int InputTokens,
    int OutputTokens,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<string> Fragments,
    IReadOnlyList<MergeStrategy> Merges,
    IReadOnlyList<double> LatenciesMs,
    ModelException? Failure)
{
    /// <summary>HTTP requests sent: rounds, tool rounds and re-sent broken streams (the transport's own retries aside).</summary>
    public int HttpRequests { get; init; }
    /// <summary>Broken streams sent again.</summary>
    public int StreamRetries { get; init; }
    /// <summary>Tool rounds made (answers that called tools).</summary>
    public int ToolRounds { get; init; }
    /// <summary>True when the server rejected the tool definitions and the request was sent again without them.</summary>
    public bool ToolsRejected { get; init; }
    /// <summary>Every tool call made and what DocGen answered, in order.</summary>
    public IReadOnlyList<ToolUse> ToolUses { get; init; } = [];
}

/// <summary>Per-request progress for live displays.</summary>
/// <param name="Request">The request name.</param>
/// <param name="Round">0 for the first answer, then 1, 2… for continuations.</param>
/// <param name="ReceivedChars">Characters received in this round so far.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">For tool calls, retries and notices: what to show.</param>
/// <param name="Wait">For retries: the wait before the request is sent again.</param>
public sealed record RequestProgress(string Request, int Round, int ReceivedChars, RequestProgressKind Kind = RequestProgressKind.Receiving, string? Detail = null, TimeSpan? Wait = null);

/// <summary>Kinds of <see cref="RequestProgress"/>.</summary>
public enum RequestProgressKind { Started, Receiving, ToolCall, ToolOutput, Retrying, Notice }

/// <summary>
/// Asks, and while the answer is cut (finish reason <c>length</c>, or an incomplete JSON prefix) asks
/// again with the fixed continuation prompt, joining fragments by overlap. Truncation is decided from
/// the finish reason and the reader's state, never from a parse failure alone: text that is not a JSON
/// prefix is garbage and is not continued.
/// </summary>
public static class ContinuationLoop
{
    /// <param name="model">The model to ask.</param>
    /// <param name="name">The request's name (progress, diagnostics).</param>
    /// <param name="basePrompt">The first prompt, passed unchanged into every continuation prompt.</param>
    /// <param name="template">The use case's JSON template, passed unchanged into every continuation prompt.</param>
    /// <param name="repairDepth">Depth of the container whose whole elements survive a repair.</param>
    /// <param name="limits">Rounds, output caps, retries.</param>
    /// <param name="progress">Per-round progress, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <param name="meter">Checks every round against the context window and the run's token budget, or null for no limits.</param>
    /// <param name="tools">Functions offered to the model, or null for none.</param>
    public static async Task<LoopResult> RunAsync(
        ILanguageModel model,
        string name,
        string basePrompt,
        string template,
        int repairDepth,
        LoopLimits limits,
        Action<RequestProgress>? progress,
        CancellationToken cancellationToken,
        Budget.RequestMeter? meter = null,
        IToolHost? tools = null)
    {
        var rounds = new RoundRunner(model, name, limits, progress, meter, tools, cancellationToken);
        var prompts = new List<string>();
        var fragments = new List<string>();
        var merges = new List<MergeStrategy>();
        string accumulated = "";
        var prompt = basePrompt;

        for (var round = 0; ; round++)
        {
            prompts.Add(prompt);
            ModelResponse? response;
            try
            {
                var minimum = round == 0 ? limits.MinimumFirstOutput : limits.MinimumContinuationOutput;
                var (answer, refused) = await rounds.AskAsync(prompt, round, jsonMode: round == 0, minimum).ConfigureAwait(false);
                if (answer is null)
                {
                    prompts.RemoveAt(prompts.Count - 1);
                    return round == 0 ? Result(null, false, refused, null) : Result(JsonCutPoint.Repair(accumulated, repairDepth), true, refused, null);
                }
                response = answer;
            }
            catch (ModelException ex)
            {
                return Result(null, false, LoopStop.Error, ex);
            }
            fragments.Add(response.Text);

            if (round == 0)
            {
                accumulated = FragmentMerger.StripFences(response.Text);
                var brace = accumulated.IndexOf('{');
                if (brace > 0) accumulated = accumulated[brace..];
            }
            else
            {
                var previous = JsonCutPoint.Analyze(accumulated, repairDepth);
                var (joined, strategy) = FragmentMerger.Merge(accumulated, response.Text, repairDepth);
                if (joined is null)
                {
                    // Deep structural merge: the model may have restarted the JSON instead of continuing it.
                    var restarted = JsonCutPoint.Analyze(FragmentMerger.StripFences(response.Text), repairDepth);
                    if (restarted.Complete && JsonCutPoint.Repair(accumulated, repairDepth) is { } repairedSoFar)
                    {
                        var merged = FragmentMerger.DeepMerge(System.Text.Json.Nodes.JsonNode.Parse(repairedSoFar), System.Text.Json.Nodes.JsonNode.Parse(FragmentMerger.StripFences(response.Text)));
                        merges.Add(MergeStrategy.DeepMerge);
                        return Result(merged?.ToJsonString(), false, LoopStop.Complete, null);
                    }
                    merges.Add(MergeStrategy.None);
                    return Result(JsonCutPoint.Repair(accumulated, repairDepth), true, LoopStop.NoOverlap, null);
                }
                merges.Add(strategy);
                var now = JsonCutPoint.Analyze(joined, repairDepth);
                if (!now.Complete && now.SafeLength <= previous.SafeLength)
                    return Result(JsonCutPoint.Repair(accumulated, repairDepth), true, LoopStop.NoProgress, null);
                accumulated = joined;
            }

            var cut = JsonCutPoint.Analyze(accumulated, repairDepth);
            if (cut.Complete) return Result(accumulated, false, LoopStop.Complete, null);
            if (cut.Invalid || (round == 0 && accumulated.Length == 0))
                return Result(null, false, LoopStop.Garbage, null);
            // A JSON prefix that stopped for any reason (length, or a local server's null/unknown reason) is continued.
            if (round >= limits.MaxRounds) return Result(JsonCutPoint.Repair(accumulated, repairDepth), true, LoopStop.RoundCap, null);
            if (rounds.OutputTokens >= limits.MaxTotalOutputTokens) return Result(JsonCutPoint.Repair(accumulated, repairDepth), true, LoopStop.TokenCap, null);
            prompt = ContinuationPrompt.Build(basePrompt, template, accumulated, cut);
        }

        LoopResult Result(string? json, bool repaired, LoopStop stop, ModelException? failure) =>
            new(json, repaired && json is not null, stop, prompts.Count, rounds.InputTokens, rounds.OutputTokens, prompts, fragments, merges, rounds.Latencies, failure)
            {
                HttpRequests = rounds.HttpRequests,
                StreamRetries = rounds.StreamRetries,
                ToolRounds = rounds.ToolRounds,
                ToolsRejected = rounds.ToolsRejected,
                ToolUses = rounds.ToolUses,
            };
    }
}
