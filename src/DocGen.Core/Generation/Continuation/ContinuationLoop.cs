using System.Diagnostics;
using System.Text;
using DocGen.Core.Generation.Providers;

namespace DocGen.Core.Generation.Continuation;

/// <summary>Limits of one continuation loop.</summary>
/// <param name="MaxRounds">Continuations after the first answer. Default 4: a blind "continue" loop amplifies repetition.</param>
/// <param name="MaxOutputTokens">Output cap of one answer.</param>
/// <param name="MaxTotalOutputTokens">Cap on output tokens over all rounds of one request.</param>
/// <param name="Stream">Stream answers (keeps a slow generation alive instead of timing it out and paying twice).</param>
public sealed record LoopLimits(int MaxRounds, int MaxOutputTokens, int MaxTotalOutputTokens, bool Stream);

/// <summary>Why the loop stopped.</summary>
public enum LoopStop { Complete, Garbage, NoOverlap, NoProgress, RoundCap, TokenCap, Error }

/// <summary>Wording of a <see cref="LoopStop"/> for diagnostics (doc and code generation say it the same way).</summary>
internal static class LoopStopText
{
    public static string Describe(this LoopStop stop) => stop switch
    {
        LoopStop.NoOverlap => "a continuation did not join the previous text",
        LoopStop.NoProgress => "a continuation made no progress",
        LoopStop.RoundCap => "the continuation cap was reached",
        LoopStop.TokenCap => "the output token cap was reached",
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
    ModelException? Failure);

/// <summary>Per-request progress for live displays.</summary>
/// <param name="Request">The request name.</param>
/// <param name="Round">0 for the first answer, then 1, 2… for continuations.</param>
/// <param name="ReceivedChars">Characters received in this round so far.</param>
public sealed record RequestProgress(string Request, int Round, int ReceivedChars);

/// <summary>
/// Asks, and while the answer is cut (finish reason <c>length</c>, or an incomplete JSON prefix) asks
/// again with the fixed continuation prompt, joining fragments by overlap. Truncation is decided from
/// the finish reason and the reader's state, never from a parse failure alone: text that is not a JSON
/// prefix is garbage and is not continued.
/// </summary>
public static class ContinuationLoop
{
    public static async Task<LoopResult> RunAsync(
        ILanguageModel model,
        string name,
        string basePrompt,
        string template,
        int repairDepth,
        LoopLimits limits,
        Action<RequestProgress>? progress,
        CancellationToken cancellationToken)
    {
        var prompts = new List<string>();
        var fragments = new List<string>();
        var merges = new List<MergeStrategy>();
        var latencies = new List<double>();
        int inputTokens = 0, outputTokens = 0;
        string accumulated = "";
        var prompt = basePrompt;

        for (var round = 0; ; round++)
        {
            prompts.Add(prompt);
            ModelResponse response;
            var watch = Stopwatch.StartNew();
            try
            {
                response = await AskAsync(model, new ModelRequest(name, prompt, limits.MaxOutputTokens, JsonMode: round == 0), limits.Stream, round, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelException ex)
            {
                return Result(null, false, LoopStop.Error, ex);
            }
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            inputTokens += response.InputTokens > 0 ? response.InputTokens : prompt.Length / 4;
            outputTokens += response.OutputTokens > 0 ? response.OutputTokens : response.Text.Length / 4;
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
            if (outputTokens >= limits.MaxTotalOutputTokens) return Result(JsonCutPoint.Repair(accumulated, repairDepth), true, LoopStop.TokenCap, null);
            prompt = ContinuationPrompt.Build(basePrompt, template, accumulated, cut);
        }

        LoopResult Result(string? json, bool repaired, LoopStop stop, ModelException? failure) =>
            new(json, repaired && json is not null, stop, prompts.Count, inputTokens, outputTokens, prompts, fragments, merges, latencies, failure);
    }

    private static async Task<ModelResponse> AskAsync(ILanguageModel model, ModelRequest request, bool stream, int round, Action<RequestProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Invoke(new RequestProgress(request.Name, round, 0));
        if (!stream)
        {
            var whole = await model.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
            progress?.Invoke(new RequestProgress(request.Name, round, whole.Text.Length));
            return whole;
        }
        var text = new StringBuilder();
        await foreach (var evt in model.StreamAsync(request, cancellationToken).ConfigureAwait(false))
        {
            switch (evt)
            {
                case TextDelta delta:
                    text.Append(delta.Text);
                    progress?.Invoke(new RequestProgress(request.Name, round, text.Length));
                    break;
                case Finish finish:
                    return new ModelResponse(text.ToString(), finish.Reason, finish.RawReason, finish.InputTokens, finish.OutputTokens);
                case Error error:
                    throw error.Exception;
            }
        }
        return new ModelResponse(text.ToString(), ModelFinishReason.Unknown, null, 0, 0);
    }
}
