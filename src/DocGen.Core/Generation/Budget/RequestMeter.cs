using DocGen.Core.Generation.Providers;

namespace DocGen.Core.Generation.Budget;

/// <summary>What one round may send: its prompt's tokens and the output cap it was granted.</summary>
public readonly record struct RoundGrant(int PromptTokens, int MaxOutputTokens)
{
    /// <summary>Tokens reserved for the round.</summary>
    public int Reserved => PromptTokens + MaxOutputTokens;
}

/// <summary>Why a round got no grant.</summary>
public enum GrantRefusal { None, Budget, ContextWindow }

/// <summary>
/// Meters the rounds of requests against the model's context window and the run's token budget:
/// counts each round's whole chat (system prompt, prompt, tool exchanges and definitions) with the
/// model's tokenizer before sending, and settles with the usage the server reports afterwards.
/// Shared by doc and code generation; thread-safe.
/// </summary>
public sealed class RequestMeter(TokenCounter counter, TokenBudget budget, int contextWindow)
{
    /// <summary>Tokens kept free of the window for what the count cannot see (server-side formatting).</summary>
    public const int WindowMargin = 32;

    /// <summary>The model's tokenizer (or estimate).</summary>
    public TokenCounter Counter => counter;

    /// <summary>The run's budget.</summary>
    public TokenBudget Budget => budget;

    /// <summary>Tokens one request may hold, prompt and answer together.</summary>
    public int ContextWindow => contextWindow;

    /// <summary>Tokens of the whole chat the request sends.</summary>
    /// <remarks>Padded by 2% and 8 tokens: servers format the chat (and tool schemas) a little differently than the count sees it.</remarks>
    public int PromptTokens(ModelRequest request)
    {
        var count = counter.CountChat(ChatWire.MessageTexts(request));
        return count + count / 50 + 8;
    }

    /// <summary>The most prompt tokens a request may have and still leave <paramref name="outputTokens"/> for the answer.</summary>
    public int PromptLimit(int outputTokens) => Math.Max(0, contextWindow - WindowMargin - outputTokens);

    /// <summary>Reserves one round: its prompt and an output cap within the window and the budget.</summary>
    /// <param name="request">The round as it will be sent (its <see cref="ModelRequest.MaxOutputTokens"/> is the cap wanted).</param>
    /// <param name="minimumOutput">The least output worth sending the round for.</param>
    /// <param name="newRequest">The request's first round (a refusal closes the budget for new requests).</param>
    public (RoundGrant? Grant, GrantRefusal Refusal) Begin(ModelRequest request, int minimumOutput, bool newRequest)
    {
        var prompt = PromptTokens(request);
        var room = contextWindow - WindowMargin - prompt;
        var wanted = Math.Min(request.MaxOutputTokens, room);
        var minimum = Math.Min(Math.Max(1, minimumOutput), request.MaxOutputTokens);
        if (wanted < minimum) return (null, GrantRefusal.ContextWindow);
        return budget.Reserve(prompt, wanted, minimum, newRequest) is { } granted
            ? (new RoundGrant(prompt, granted), GrantRefusal.None)
            : (null, GrantRefusal.Budget);
    }

    /// <summary>Settles a round with the server's usage, or with counts of what was sent and received when it reported none.</summary>
    /// <returns>The input and output tokens the round is charged.</returns>
    public (int Input, int Output) End(RoundGrant grant, int reportedInput, int reportedOutput, string receivedText)
    {
        var input = reportedInput > 0 ? reportedInput : grant.PromptTokens;
        var output = reportedOutput > 0 ? reportedOutput : counter.Count(receivedText);
        budget.Settle(grant.Reserved, input + output);
        return (input, output);
    }
}
