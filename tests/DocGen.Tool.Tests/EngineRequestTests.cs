using DocGen.Core;
using DocGen.Core.Inputs;
using DocGen.Tests.Shared;

namespace DocGen.Tool.Tests;

/// <summary>A copy of Hello.Lib with an internal type, built once (through <c>docgen render --project</c>).</summary>
public sealed class InternalsProjectFixture : IAsyncLifetime
{
    public TempDirectory Temp { get; } = new("docgen-request");
    public string ProjectDir { get; private set; } = "";
    public string Bin => Path.Combine(ProjectDir, "bin", "Debug", "net10.0");
    public string Template { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ProjectDir = Fixtures.CopyTo("Hello.Lib", Temp);
        File.WriteAllText(Path.Combine(ProjectDir, "Hidden.cs"), "namespace Hello.Lib;\n\n/// <summary>Not for callers.</summary>\ninternal sealed class Hidden { }\n");
        Template = Temp.Write("types.sbn", "{{~ for namespace in namespaces ~}}{{~ for type in namespace.types ~}}{{ type.name }}\n{{~ end ~}}{{~ end ~}}");
        var build = await CliResult.RunAsync("render", Template, "--project", Path.Combine(ProjectDir, "Hello.Lib.csproj"), "--output", Temp.Combine("first.txt"));
        build.ExitCode.ShouldBe(0, build.StdOut + build.StdErr);
    }

    public Task DisposeAsync()
    {
        Temp.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The request/response path of the engine, the same for its three kinds: <c>docgen VERB --request FILE</c> with the
/// JSON the MSBuild task writes (<see cref="EngineRequest"/>), read by one loader that binds every <c>DocGen*</c>
/// property for every kind.
/// </summary>
public sealed class EngineRequestTests(InternalsProjectFixture fixture) : IClassFixture<InternalsProjectFixture>
{
    public static TheoryData<string> Kinds => new() { "docs", "code", "render" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Request_OfEachKind_RunsAndWritesWhatItsVerbWrites(string kind)
    {
        using var temp = new TempDirectory();
        var (verb, request) = Request(kind, temp);

        var result = await CliResult.RunAsync(verb, "--request", temp.Write("request.json", request.ToJson()));

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.StdOut + result.StdErr);
        switch (kind)
        {
            case "docs":
                File.ReadAllText(temp.Combine("out", "site", "index.html")).ShouldContain("Hello.Lib");
                break;
            case "code":
                // No provider and an optional unit: a warning, an empty list of files, success.
                result.StdErr.ShouldContain("warning DG0719");
                File.ReadAllText(temp.Combine("files.txt")).ShouldBeEmpty();
                break;
            case "render":
                File.ReadAllText(temp.Combine("types.txt")).ShouldBe("Greeter\n");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Request_InvalidProperty_FailsNamingThePropertyForEveryKind(string kind)
    {
        using var temp = new TempDirectory();
        var (verb, request) = Request(kind, temp);
        request.Properties["DocGenMaxConcurrency"] = "lots";

        var result = await CliResult.RunAsync(verb, "--request", temp.Write("request.json", request.ToJson()));

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("error DG0001: DocGenMaxConcurrency: 'lots' is not a whole number");
    }

    [Theory]
    [InlineData("build", "code")]
    [InlineData("generate-code", "render")]
    [InlineData("render", "docs")]
    public async Task Request_OfAnotherKind_FailsWithDG0010(string verb, string kind)
    {
        using var temp = new TempDirectory();
        var (_, request) = Request(kind, temp);

        var result = await CliResult.RunAsync(verb, "--request", temp.Write("request.json", request.ToJson()));

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.StdErr.ShouldContain("error DG0010:");
        result.StdErr.ShouldContain($"it is a '{kind}' request");
    }

    [Fact]
    public async Task Render_RequestWithDocGenIncludeInternals_RendersInternalTypes()
    {
        using var temp = new TempDirectory();
        var (verb, request) = Request("render", temp);
        request.Properties["DocGenIncludeInternals"] = "true";

        var result = await CliResult.RunAsync(verb, "--request", temp.Write("request.json", request.ToJson()));

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.StdOut + result.StdErr);
        File.ReadAllText(temp.Combine("types.txt")).ShouldBe("Greeter\nHidden\n");
    }

    [Fact]
    public async Task Request_CodeThenDocs_ReportJsonHasTheCodeSection()
    {
        using var temp = new TempDirectory();
        var (codeVerb, code) = Request("code", temp);
        var (docsVerb, docs) = Request("docs", temp);

        var codeRun = await CliResult.RunAsync(codeVerb, "--request", temp.Write("code.json", code.ToJson()));
        var docsRun = await CliResult.RunAsync(docsVerb, "--request", temp.Write("docs.json", docs.ToJson()));

        codeRun.ExitCode.ShouldBe(ExitCodes.Ok, codeRun.StdErr);
        docsRun.ExitCode.ShouldBe(ExitCodes.Ok, docsRun.StdErr);
        var report = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(temp.Combine("out", "report.json")))!;
        report["code"]!["units"]!.GetValue<int>().ShouldBe(1);
        report["code"]!["provider"]!.GetValue<string>().ShouldBe("none");
        report["generation"].ShouldNotBeNull("the docs' own section stays");
    }

    /// <summary>A request as the targets write it for <paramref name="kind"/>, with everything under <paramref name="temp"/>.</summary>
    private (string Verb, EngineRequest Request) Request(string kind, TempDirectory temp)
    {
        var inputs = new ProjectInputs
        {
            AssemblyPath = Path.Combine(fixture.Bin, "Hello.Lib.dll"),
            XmlDocPath = Path.Combine(fixture.Bin, "Hello.Lib.xml"),
            ProjectPath = Path.Combine(fixture.ProjectDir, "Hello.Lib.csproj"),
            ProjectName = "Hello.Lib",
            TargetFramework = "net10.0",
            RootNamespace = "Hello.Lib",
            SourceFiles = [Path.Combine(fixture.ProjectDir, "Greeter.cs"), Path.Combine(fixture.ProjectDir, "Hidden.cs")],
        };
        var properties = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["DocGenOutputPath"] = temp.Combine("out"),
            ["DocGenFormats"] = "html",
            ["DocGenCacheDirectory"] = temp.Combine("cache"),
        };
        return kind switch
        {
            "docs" => ("build", new EngineRequest { Kind = RequestKind.Docs, Inputs = inputs, Properties = properties }),
            "code" => ("generate-code", new EngineRequest
            {
                Kind = RequestKind.Code,
                Inputs = inputs with { AssemblyPath = "" },
                Specs = [temp.Write("Client.prompt.md", "A client for the greeting service.\n")],
                FileList = temp.Combine("files.txt"),
                Properties = new(properties, StringComparer.OrdinalIgnoreCase) { ["DocGenCodeOptional"] = "true" },
            }),
            _ => ("render", new EngineRequest
            {
                Kind = RequestKind.Render,
                Inputs = inputs,
                Templates = [new TemplateRequest(fixture.Template, temp.Combine("types.txt"))],
                Properties = properties,
            }),
        };
    }
}
