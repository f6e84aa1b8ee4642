using Microsoft.ML.Tokenizers;

namespace DocGen.Core.Generation.Budget;

/// <summary>
/// Counts tokens the way the model's tokenizer does: o200k_base for gpt-4o, gpt-4.1, gpt-4.5, gpt-5 and the
/// o-series, cl100k_base for gpt-4 and gpt-3.5; an estimate (one token per three characters, which
/// over-counts English and code for the tokenizers local models use) for any other model.
/// </summary>
/// <remarks>The tiktoken tables take a noticeable time to load, so each is loaded once per process, on the
/// first count, and only for a run that has a model: the offline path never touches them.</remarks>
public sealed class TokenCounter
{
    /// <summary>Tokens the chat format adds per message (role and separators), as OpenAI documents for its models.</summary>
    public const int PerMessageOverhead = 4;
    /// <summary>Tokens that prime the reply.</summary>
    public const int ReplyOverhead = 3;

    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<Tokenizer>? _tokenizer;

    private TokenCounter(string encoding, Lazy<Tokenizer>? tokenizer)
    {
        Encoding = encoding;
        _tokenizer = tokenizer;
    }

    /// <summary>A counter that estimates (no tokenizer); what unknown models get.</summary>
    public static TokenCounter Estimate { get; } = new("estimate", null);

    /// <summary><c>o200k_base</c>, <c>cl100k_base</c> or <c>estimate</c>.</summary>
    public string Encoding { get; }

    /// <summary>True when counts come from the model family's real tokenizer.</summary>
    public bool IsExact => _tokenizer is not null;

    /// <summary>The counter for a model id (an Azure deployment named like its model works too).</summary>
    public static TokenCounter ForModel(string? modelId) => EncodingOf(modelId) switch
    {
        "o200k_base" => new TokenCounter("o200k_base", O200k),
        "cl100k_base" => new TokenCounter("cl100k_base", Cl100k),
        _ => Estimate,
    };

    /// <summary>The tiktoken encoding of a model id, or null when the model is not a known OpenAI family.</summary>
    public static string? EncodingOf(string? modelId)
    {
        var id = ModelFamily.Normalize(modelId);
        if (id.Length == 0) return null;
        if (ModelFamily.StartsWithAny(id, "gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss") || ModelFamily.IsOSeries(id)) return "o200k_base";
        if (ModelFamily.StartsWithAny(id, "gpt-4", "gpt-3.5", "gpt-35", "text-embedding-3", "text-embedding-ada")) return "cl100k_base";
        return null;
    }

    /// <summary>Tokens of <paramref name="text"/>.</summary>
    public int Count(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        return _tokenizer is null ? (text.Length + 2) / 3 : _tokenizer.Value.CountTokens(text);
    }

    /// <summary>Tokens of a chat request whose messages (and tool definitions) have these texts.</summary>
    public int CountChat(IEnumerable<string> messageTexts)
    {
        var total = ReplyOverhead;
        foreach (var text in messageTexts) total += Count(text) + PerMessageOverhead;
        return total;
    }

    /// <summary>The length of the longest prefix of <paramref name="text"/> that has at most <paramref name="maxTokens"/> tokens.</summary>
    public int PrefixLength(string text, int maxTokens)
    {
        if (maxTokens <= 0) return 0;
        if (Count(text) <= maxTokens) return text.Length;
        if (_tokenizer is null) return Math.Min(text.Length, maxTokens * 3);
        var index = _tokenizer.Value.GetIndexByTokenCount(text, maxTokens, out var normalized, out _);
        // No normalizer is configured for tiktoken, so the index is into the text itself.
        return normalized is null ? Math.Clamp(index, 0, text.Length) : Math.Min(text.Length, index);
    }
}

/// <summary>Model id rules shared by the token counter and the context window defaults.</summary>
internal static class ModelFamily
{
    /// <summary>Lower case, without a provider prefix such as <c>openai/</c>.</summary>
    public static string Normalize(string? modelId)
    {
        if (string.IsNullOrWhiteSpace(modelId)) return "";
        var id = modelId.Trim().ToLowerInvariant();
        var slash = id.LastIndexOf('/');
        return slash >= 0 ? id[(slash + 1)..] : id;
    }

    public static bool StartsWithAny(string id, params string[] prefixes) =>
        prefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal));

    /// <summary><c>o1</c>, <c>o3-mini</c>, <c>o4-mini-2025…</c>: the reasoning models.</summary>
    public static bool IsOSeries(string id) =>
        id.Length >= 2 && id[0] == 'o' && char.IsAsciiDigit(id[1]) && (id.Length == 2 || id[2] == '-');
}
