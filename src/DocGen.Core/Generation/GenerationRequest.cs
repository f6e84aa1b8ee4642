using System.Text.Json.Nodes;

namespace DocGen.Core.Generation;

/// <summary>What a request is for. Every request names it; nothing infers it from prompt text.</summary>
public enum Intent
{
    /// <summary>The intent was not set; such a request is rejected.</summary>
    Unspecified = 0,
    Documentation,
    Code,
    Manifest,
    Diagram,
}

/// <summary>The id of a registered use case, such as <c>member_docs</c>.</summary>
public readonly record struct UseCaseId(string Value)
{
    public static readonly UseCaseId MemberDocs = new("member_docs");
    public static readonly UseCaseId TypeOverview = new("type_overview");

    public override string ToString() => Value ?? "";
}

/// <summary>One model request: the intent, the use case, and the use case's typed prompt arguments.</summary>
/// <param name="Intent">What the request is for; must match the use case.</param>
/// <param name="UseCaseId">The registered use case to run.</param>
/// <param name="Args">The use case's typed prompt-args record.</param>
/// <param name="Name">Short human name used in diagnostics and debug dumps (e.g. the type it documents).</param>
public sealed record GenerationRequest(Intent Intent, UseCaseId UseCaseId, object Args, string Name);

/// <summary>A request without an intent or use case, or with an unknown one. Thrown at once, before any I/O.</summary>
public sealed class GenerationRequestException(string message) : Exception(message);

/// <summary>The parsed, validated answer of one use case plus how it was obtained.</summary>
/// <param name="Value">The answer as JSON (already validated by the use case).</param>
/// <param name="Complete">False when the answer was truncated and could not be completed; such an answer is never used.</param>
public sealed record UseCaseAnswer(JsonNode Value, bool Complete);
