namespace DocGen.Core.Generation.Budget;

/// <summary>
/// How many tokens (prompt and answer together) one request may hold. Known OpenAI models get their
/// published window; any other model gets 8,192, the low end of what local servers run, so a request
/// never overflows a small local context unless the user raises it with <c>--context-window</c>.
/// </summary>
public static class ContextWindow
{
    /// <summary>The window assumed for a model DocGen does not know.</summary>
    public const int UnknownModelDefault = 8192;

    /// <summary>The smallest window accepted: a prompt and a useful answer need at least this much.</summary>
    public const int Minimum = 1024;

    /// <summary>The published context window of a known model, else <see cref="UnknownModelDefault"/>.</summary>
    public static int DefaultFor(string? modelId)
    {
        var id = ModelFamily.Normalize(modelId);
        if (ModelFamily.StartsWithAny(id, "gpt-4.1")) return 1_047_576;
        if (ModelFamily.StartsWithAny(id, "gpt-5")) return 400_000;
        if (ModelFamily.IsOSeries(id)) return 200_000;
        if (ModelFamily.StartsWithAny(id, "gpt-oss")) return 131_072;
        if (ModelFamily.StartsWithAny(id, "gpt-4o", "chatgpt-4o", "gpt-4.5", "gpt-4-turbo", "gpt-4-1106", "gpt-4-0125")) return 128_000;
        if (ModelFamily.StartsWithAny(id, "gpt-4-32k")) return 32_768;
        if (ModelFamily.StartsWithAny(id, "gpt-4")) return 8_192;
        if (ModelFamily.StartsWithAny(id, "gpt-3.5", "gpt-35")) return 16_385;
        return UnknownModelDefault;
    }
}
