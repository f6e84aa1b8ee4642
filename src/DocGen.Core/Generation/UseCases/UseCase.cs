using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace DocGen.Core.Generation.UseCases;

/// <summary>
/// A use case: what a request asks for and everything the loop needs to ask it. Adding a use case is
/// registering one of these; the continuation loop never changes.
/// </summary>
/// <param name="Id">The id requests name.</param>
/// <param name="Intent">The intent its requests must carry.</param>
/// <param name="Template">The JSON template shown to the model (and passed unchanged to continuations).</param>
/// <param name="PromptVersion">Bumped whenever the prompt text changes; part of every cache key.</param>
/// <param name="ArgsType">The typed prompt-args record.</param>
/// <param name="BuildPrompt">Initial prompt from the args.</param>
/// <param name="Validate">Parses and validates an answer against the args; returns the cleaned answer or null when it is unusable.</param>
/// <param name="Fallback">Deterministic answer for when the model cannot give one.</param>
/// <param name="RepairDepth">Depth of the container whose whole elements survive a repair of a truncated answer.</param>
public sealed record UseCase(
    UseCaseId Id,
    Intent Intent,
    string Template,
    int PromptVersion,
    Type ArgsType,
    Func<object, string> BuildPrompt,
    Func<JsonNode, object, JsonNode?> Validate,
    Func<object, JsonNode> Fallback,
    int RepairDepth = 2)
{
    /// <summary>Creates a use case over a typed args record.</summary>
    public static UseCase Create<TArgs>(
        UseCaseId id,
        Intent intent,
        string template,
        int promptVersion,
        Func<TArgs, string> buildPrompt,
        Func<JsonNode, TArgs, JsonNode?> validate,
        Func<TArgs, JsonNode> fallback,
        int repairDepth = 2) where TArgs : class =>
        new(id, intent, template, promptVersion, typeof(TArgs),
            a => buildPrompt((TArgs)a), (n, a) => validate(n, (TArgs)a), a => fallback((TArgs)a), repairDepth);
}

/// <summary>The registered use cases. Thread-safe.</summary>
public sealed class UseCaseRegistry
{
    private readonly ConcurrentDictionary<string, UseCase> _useCases = new(StringComparer.Ordinal);

    /// <summary>A registry with the built-in use cases <c>member_docs</c>, <c>type_overview</c>, <c>code_structure</c> and <c>code_content</c>.</summary>
    public static UseCaseRegistry CreateDefault()
    {
        var registry = new UseCaseRegistry();
        registry.Register(MemberDocsUseCase.Create());
        registry.Register(TypeOverviewUseCase.Create());
        registry.Register(CodeStructureUseCase.Create());
        registry.Register(CodeContentUseCase.Create());
        return registry;
    }

    /// <exception cref="ArgumentException">The id is empty, the intent unspecified, or the id already registered.</exception>
    public void Register(UseCase useCase)
    {
        if (string.IsNullOrWhiteSpace(useCase.Id.Value)) throw new ArgumentException("A use case needs an id", nameof(useCase));
        if (useCase.Intent == Intent.Unspecified) throw new ArgumentException($"Use case '{useCase.Id}' needs an intent", nameof(useCase));
        if (!_useCases.TryAdd(useCase.Id.Value, useCase)) throw new ArgumentException($"Use case '{useCase.Id}' is already registered", nameof(useCase));
    }

    /// <summary>A registered use case by id.</summary>
    /// <exception cref="GenerationRequestException">No use case has that id.</exception>
    public UseCase Get(UseCaseId id) =>
        id.Value is not null && _useCases.TryGetValue(id.Value, out var useCase) ? useCase
            : throw new GenerationRequestException($"Unknown use case '{id}'; known: {string.Join(", ", _useCases.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>The use case a request names, checked against the request's intent and args.</summary>
    /// <exception cref="GenerationRequestException">The intent or use case is missing or unknown, or they do not match.</exception>
    public UseCase Resolve(GenerationRequest request)
    {
        if (!Enum.IsDefined(request.Intent) || request.Intent == Intent.Unspecified)
            throw new GenerationRequestException($"Request '{request.Name}' has no intent; every request must name one of {string.Join(", ", Enum.GetNames<Intent>().Skip(1))}");
        if (string.IsNullOrWhiteSpace(request.UseCaseId.Value))
            throw new GenerationRequestException($"Request '{request.Name}' has no use case id");
        if (!_useCases.TryGetValue(request.UseCaseId.Value, out var useCase))
            throw new GenerationRequestException($"Request '{request.Name}' names unknown use case '{request.UseCaseId}'; known: {string.Join(", ", _useCases.Keys.Order(StringComparer.Ordinal))}");
        if (useCase.Intent != request.Intent)
            throw new GenerationRequestException($"Request '{request.Name}' has intent {request.Intent}, but use case '{useCase.Id}' is for {useCase.Intent}");
        if (request.Args is null || !useCase.ArgsType.IsInstanceOfType(request.Args))
            throw new GenerationRequestException($"Request '{request.Name}' for use case '{useCase.Id}' needs args of type {useCase.ArgsType.Name}");
        return useCase;
    }
}
