using DocGen.Core.Options;

namespace DocGen.Core.Generation.Providers;

/// <summary>Why <see cref="LanguageModelFactory.Create"/> gave no model; each caller reports it with its own diagnostic.</summary>
internal enum ProviderProblem { None, InvalidEndpoint, NoApiKey }

/// <summary>The OpenAI-compatible model the options and environment describe (shared by doc and code generation).</summary>
internal static class LanguageModelFactory
{
    /// <param name="settings">Engine settings (transport, key lookup, provider factory).</param>
    /// <param name="options">The run's options (endpoint, model).</param>
    /// <param name="problem">Why no model was made, when none was.</param>
    /// <param name="breaker">The run's circuit breaker; the model is wrapped so that it sends nothing once it opens. Null for none.</param>
    /// <param name="onRetry">Told of every transport retry before its wait.</param>
    public static ILanguageModel? Create(EngineSettings settings, DocGenOptions options, out ProviderProblem problem, CircuitBreaker? breaker = null, Action<RetryNotice>? onRetry = null)
    {
        problem = ProviderProblem.None;
        Uri? endpoint = null;
        if (options.Endpoint is not null && !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out endpoint))
        {
            problem = ProviderProblem.InvalidEndpoint;
            return null;
        }
        var key = settings.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 } k1 ? k1
            : settings.GetEnvironmentVariable("DOCGEN_API_KEY") is { Length: > 0 } k2 ? k2 : null;
        if (key is null)
        {
            // Local OpenAI-compatible servers (Ollama, vLLM, LM Studio) accept any key.
            if (OpenAILanguageModel.KindOf(endpoint) != "compatible")
            {
                problem = ProviderProblem.NoApiKey;
                return null;
            }
            key = "unused";
        }
        var model = settings.ProviderFactory?.Invoke(options, key)
            ?? new OpenAILanguageModel(new OpenAIProviderSettings(endpoint, options.Model, settings.NetworkTimeout, settings.MaxRetries, settings.BackoffBase, settings.MaxDelay,
                breaker is null ? null : () => breaker.IsOpen, onRetry), key);
        return breaker is null ? model : new GuardedLanguageModel(model, breaker);
    }
}
