using System.Collections.Immutable;
using DocGen.Core.Diagnostics;
using DocGen.Core.Generation;
using DocGen.Core.Inputs;
using DocGen.Core.Model;
using DocGen.Core.Options;
using DocGen.Core.Output;
using DocGen.Core.Pipeline;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Generation;

/// <summary>Hand-built API models for engine tests.</summary>
internal static class TestModels
{
    public static MemberModel Method(string typeId, string name, string body, params (string Type, string TypeId, string Name)[] parameters)
    {
        var fullType = typeId[2..];
        var id = parameters.Length == 0 ? $"M:{fullType}.{name}" : $"M:{fullType}.{name}({string.Join(",", parameters.Select(p => p.TypeId))})";
        var signature = $"public int {name}({string.Join(", ", parameters.Select(p => p.Type + " " + p.Name))})";
        return new MemberModel
        {
            Id = id,
            Name = name,
            DisplayName = $"{name}({string.Join(", ", parameters.Select(p => p.Type))})",
            Kind = ApiMemberKind.Method,
            Accessibility = ApiAccessibility.Public,
            Signature = signature,
            ContainingTypeId = typeId,
            Parameters = [.. parameters.Select(p => new ParameterModel(p.Name, new TypeRef(p.Type, "T:" + p.TypeId), null, null))],
            ReturnType = new TypeRef("int", "T:System.Int32"),
            DeclarationText = signature + "\n{\n    " + body + "\n}",
            Fingerprint = "fp-" + body.GetHashCode(StringComparison.Ordinal),
        };
    }

    public static MemberModel Documented(MemberModel m, string summary) =>
        m with { Docs = new DocComment { Summary = DocBlock.FromText(summary) }, Provenance = Provenance.FromSource };

    public static TypeModel Type(string id, params MemberModel[] members)
    {
        var full = id[2..];
        var dot = full.LastIndexOf('.');
        var name = full[(dot + 1)..];
        return new TypeModel
        {
            Id = id,
            Name = name,
            QualifiedName = name,
            Namespace = dot < 0 ? "" : full[..dot],
            Kind = ApiTypeKind.Class,
            Accessibility = ApiAccessibility.Public,
            Signature = $"public class {name}",
            Members = [.. members],
        };
    }

    public static ApiModel Model(params TypeModel[] types) => new([
        new AssemblyModel("Sample", "1.0.0", "net10.0",
            [.. types.GroupBy(t => t.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new NamespaceModel(g.Key, [.. g]))])]);

    /// <summary>A type <c>Calc</c> with <paramref name="count"/> undocumented methods <c>Op0…</c> and a documented type summary.</summary>
    public static ApiModel Calculator(int count = 3)
    {
        var typeId = "T:Sample.Calc";
        var members = Enumerable.Range(0, count).Select(i => Method(typeId, "Op" + i, $"return x + {i};", ("int", "System.Int32", "x"))).ToArray();
        var type = Type(typeId, members) with { Docs = new DocComment { Summary = DocBlock.FromText("A calculator.") }, Provenance = Provenance.FromSource };
        return Model(type);
    }

    public static ApiModel ReplaceMember(ApiModel model, string id, Func<MemberModel, MemberModel> change) => model with
    {
        Assemblies = [.. model.Assemblies.Select(a => a with
        {
            Namespaces = [.. a.Namespaces.Select(n => n with
            {
                Types = [.. n.Types.Select(t => t with { Members = [.. t.Members.Select(m => m.Id == id ? change(m) : m)] })],
            })],
        })],
    };
}

/// <summary>Runs the engine against a temp output and cache folder with test settings.</summary>
internal sealed class EngineHarness : IDisposable
{
    public const string Key = "sk-test-SECRET-0123456789abcdef";

    public TempDirectory Temp { get; } = new("docgen-engine");
    public string OutputPath => Temp.Combine("out");
    public string CacheDirectory { get; set; }

    public EngineHarness() => CacheDirectory = Temp.Combine("cache");

    public EngineSettings Settings { get; set; } = new()
    {
        BackoffBase = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromSeconds(3),
        NetworkTimeout = TimeSpan.FromSeconds(20),
        MaxRetries = 2,
        GetEnvironmentVariable = name => name == "OPENAI_API_KEY" ? Key : null,
    };

    public DocGenOptions Options(FakeOpenAIServer? server, string model = "test-model") => new()
    {
        OutputPath = OutputPath,
        Provider = server is null ? ProviderKind.None : ProviderKind.OpenAI,
        Endpoint = server?.Endpoint,
        Model = model,
        CacheDirectory = CacheDirectory,
    };

    public async Task<EngineRun> RunAsync(ApiModel model, DocGenOptions options, IProgress<GenerationProgress>? progress = null)
    {
        var diagnostics = new DiagnosticBag();
        var writer = new OutputWriter(options.OutputPath!);
        var inputs = new ProjectInputs { AssemblyPath = Temp.Combine("Sample.dll") };
        var engine = new DocGenerationEngine(Settings, progress);
        var result = await engine.GenerateAsync(model, new GenerationContext(inputs, options, writer, diagnostics, CancellationToken.None));
        writer.WriteText(RunReport.FileName, RunReport.Create(inputs, result.Model, result.Report, diagnostics.ToList(), options).ToJson());
        writer.Complete();
        return new EngineRun(result.Model, (GenerationReport)result.Report!, diagnostics.ToList(), File.ReadAllText(Path.Combine(options.OutputPath!, RunReport.FileName)));
    }

    public void Dispose() => Temp.Dispose();
}

internal sealed record EngineRun(ApiModel Model, GenerationReport Report, IReadOnlyList<Diagnostic> Diagnostics, string ReportJson)
{
    public MemberModel Member(string id) => Model.AllMembers.Single(m => m.Id == id);
    public string Summary(string id) => Member(id).Docs.Summary?.ToPlainText() ?? "";
    public IEnumerable<Diagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id);
}
