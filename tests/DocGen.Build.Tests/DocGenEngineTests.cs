using System.Collections;
using System.Diagnostics;
using DocGen.Core;
using DocGen.Core.Inputs;
using DocGen.Tests.Shared;
using Microsoft.Build.Framework;
using TaskItem = Microsoft.Build.Utilities.TaskItem;

namespace DocGen.Build.Tests;

/// <summary>
/// The task in process, with fake <c>dotnet</c> hosts (shell scripts) in place of the engine: what it writes, what it
/// runs, how it reads the engine's lines and exit codes, and how it stops an engine when the build is cancelled. Every
/// wait is on something the script does (a line it prints, a file it touches), never on a fixed delay.
/// </summary>
public sealed class DocGenEngineTests : IDisposable
{
    private readonly TempDirectory _dir = new("docgen-engine");

    [Fact]
    public void Execute_EachKind_RunsItsVerbWithTheRequestFile()
    {
        if (OperatingSystem.IsWindows()) return; // the fake host is a shell script
        var host = Script("echo-args", """for a in "$@"; do echo "arg: $a"; done""");
        foreach (var (kind, verb) in new[] { ("docs", "build"), ("code", "generate-code"), ("render", "render") })
        {
            var (task, engine) = NewTask(host, kind, _dir.Combine("a dir", kind + " re\"quest.json"));

            task.Execute().ShouldBeTrue(string.Join("\n", engine.Errors.Select(e => e.Code + " " + e.Message).Concat(engine.Messages)));

            engine.Messages.Where(m => m.StartsWith("arg: ", StringComparison.Ordinal)).ShouldBe(["arg: exec", "arg: " + task.EnginePath, "arg: " + verb, "arg: --request", "arg: " + task.RequestFile], ignoreOrder: true);
            EngineRequest.FromJson(File.ReadAllText(task.RequestFile)).Kind.ToString().ToLowerInvariant().ShouldBe(kind);
        }
    }

    [Fact]
    public void Execute_RequestFile_CarriesTheItemsOfItsKind()
    {
        if (OperatingSystem.IsWindows()) return;
        var (task, _) = NewTask(Script("ok", "exit 0"), "render", _dir.Combine("request.json"));
        var template = new TaskItem(_dir.Write("ts.sbn", "{{ 1 }}"));
        template.SetMetadata("OutputFile", _dir.Combine("out", "models.ts"));
        task.Templates = [template];
        task.AssemblyPath = _dir.Combine("Models.dll");
        task.Properties = [Property("DocGenIncludeInternals", "true")];

        task.Execute().ShouldBeTrue();

        var request = EngineRequest.FromJson(File.ReadAllText(task.RequestFile));
        request.Templates.ShouldBe([new TemplateRequest(template.ItemSpec, _dir.Combine("out", "models.ts"))]);
        request.Inputs.AssemblyPath.ShouldBe(_dir.Combine("Models.dll"));
        RequestLoader.Bind(request, _dir.Combine("docgen")).Loaded!.Options.IncludeInternals.ShouldBeTrue();
    }

    [Fact]
    public void Execute_CanonicalLines_BecomeErrorsAndWarningsWithTheirContinuations()
    {
        if (OperatingSystem.IsWindows()) return;
        var host = Script("diagnostics", """
            echo 'src/A.cs(12,5): warning DG0101: <see cref="Nope"/> does not resolve'
            echo 'docgen: error DG0009: Internal error: boom'
            echo '    at X.Y()'
            echo 'DocGen: 2 types, 3 members'
            exit 1
            """);
        var (task, engine) = NewTask(host, "docs", _dir.Combine("request.json"));

        task.Execute().ShouldBeFalse();

        var warning = engine.Warnings.ShouldHaveSingleItem();
        (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber).ShouldBe(("DG0101", "src/A.cs", 12, 5));
        var error = engine.Errors.ShouldHaveSingleItem();
        (error.Code, error.File, error.Message).ShouldBe(("DG0009", task.ProjectPath, "Internal error: boom\nat X.Y()"));
        task.Summary.ShouldBe("DocGen: 2 types, 3 members");
    }

    [Theory]
    [InlineData(ExitCodes.Incomplete, true, true, null)]
    [InlineData(ExitCodes.Errors, false, false, "DG0604")]
    [InlineData(134, false, false, "DG0605")]
    public void Execute_ExitCode_DecidesSuccessAndIncomplete(int exitCode, bool succeeds, bool incomplete, string? error)
    {
        if (OperatingSystem.IsWindows()) return;
        var (task, engine) = NewTask(Script("exit" + exitCode, "echo 'some output'\nexit " + exitCode), "docs", _dir.Combine("request.json"));

        task.Execute().ShouldBe(succeeds);

        task.Incomplete.ShouldBe(incomplete);
        engine.Errors.Select(e => e.Code).ShouldBe(error is null ? [] : [error]);
    }

    [Fact]
    public void Execute_EngineMissing_ReportsDG0602WithoutRunningAnything()
    {
        var (task, engine) = NewTask("/nonexistent/dotnet", "code", _dir.Combine("request.json"));
        task.EnginePath = _dir.Combine("missing", "docgen.dll");

        task.Execute().ShouldBeFalse();

        engine.Errors.ShouldHaveSingleItem().Code.ShouldBe("DG0602");
    }

    [InterruptFact]
    public async Task Cancel_EngineHandlesInterrupt_ExitsWithItsOwnCodeBeforeTheGracePeriodEnds()
    {
        var started = _dir.Combine("started");
        var host = Script("polite", $$"""
            trap 'kill $child 2>/dev/null; echo "docgen: error DG0008: Cancelled"; exit 130' INT
            sleep 60 & child=$!
            touch '{{started}}'
            wait $child
            """);
        var (task, engine) = NewTask(host, "docs", _dir.Combine("request.json"));

        var run = Task.Run(task.Execute);
        await WaitForFileAsync(started, run);
        var watch = Stopwatch.StartNew();
        task.Cancel();
        var succeeded = await run.WaitAsync(TimeSpan.FromSeconds(60));

        succeeded.ShouldBeFalse();
        watch.Elapsed.ShouldBeLessThan(DocGenEngine.GracePeriod); // the interrupt, not the kill, ended it
        engine.Errors.ShouldContain(e => e.Code == "DG0008");
        engine.Messages.ShouldContain("DocGen: cancelled");
    }

    [Fact]
    public async Task Cancel_EngineIgnoresInterrupt_IsKilledAndItsTempFilesRemoved()
    {
        if (OperatingSystem.IsWindows()) return;
        var started = _dir.Combine("started");
        var output = _dir.Combine("out");
        var host = Script("stubborn", $$"""
            trap '' INT
            mkdir -p '{{output}}/.docgen-tmp'
            printf '<html><bo' > "{{output}}/.docgen-tmp/$$-1f.tmp"
            touch '{{started}}'
            sleep 60
            """);
        var (task, engine) = NewTask(host, "docs", _dir.Combine("request.json"));
        task.OutputPath = output;

        var run = Task.Run(task.Execute);
        await WaitForFileAsync(started, run);
        task.Cancel();
        var succeeded = await run.WaitAsync(TimeSpan.FromSeconds(60));

        succeeded.ShouldBeFalse();
        Directory.Exists(Path.Combine(output, ".docgen-tmp")).ShouldBeFalse("the killed engine's temp file is removed");
    }

    [Fact]
    public void RemoveTemporaryFiles_AfterKill_DeletesOnlyThatEnginesTempFiles()
    {
        var partial = _dir.Write("out/.docgen-tmp/4242-1f.tmp", "<html><bo");
        var otherRun = _dir.Write("out/.docgen-tmp/4343-1.tmp", "<html>");
        var page = _dir.Write("out/site/types/Calc.html", "<html></html>");
        // Names that the engine of an earlier version used, and a user's own temp files: never DocGen's to delete.
        var lookalike = _dir.Write("out/site/types/Calc.html.0a1b2c3d.tmp", "mine");
        var userTemp = _dir.Write("out/notes.tmp", "mine");

        OwnedOutputs.RemoveTemporaryFiles(_dir.Combine("out"), 4242);

        File.Exists(partial).ShouldBeFalse();
        File.Exists(otherRun).ShouldBeTrue();
        File.Exists(page).ShouldBeTrue();
        File.Exists(lookalike).ShouldBeTrue();
        File.Exists(userTemp).ShouldBeTrue();
    }

    [Fact]
    public void RemoveTemporaryFiles_TempFolderIsALink_TouchesNothingBehindIt()
    {
        if (OperatingSystem.IsWindows()) return;
        var outside = _dir.Write("elsewhere/4242-1.tmp", "not DocGen's");
        Directory.CreateDirectory(_dir.Combine("out"));
        Directory.CreateSymbolicLink(_dir.Combine("out", ".docgen-tmp"), _dir.Combine("elsewhere"));

        OwnedOutputs.RemoveTemporaryFiles(_dir.Combine("out"), 4242);

        File.Exists(outside).ShouldBeTrue();
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("with space", "\"with space\"")]
    [InlineData("", "\"\"")]
    [InlineData(@"C:\dir\", @"""C:\dir\\""")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    public void Quote_Argument_FollowsProcessArgumentRules(string argument, string expected) =>
        DocGenEngine.Quote(argument).ShouldBe(expected);

    public void Dispose() => _dir.Dispose();

    private static async Task WaitForFileAsync(string path, Task<bool> run)
    {
        // Generous: the machine may be busy; the file is the engine's own signal that it runs.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(path) && !run.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(50);
        File.Exists(path).ShouldBeTrue("the fake engine never started");
    }

    private (DocGenEngine Task, FakeBuildEngine Engine) NewTask(string host, string kind, string requestFile)
    {
        var engine = new FakeBuildEngine();
        var task = new DocGenEngine
        {
            BuildEngine = engine,
            Kind = kind,
            DotnetHostPath = host,
            EnginePath = _dir.Write("pkg/tools/docgen.dll", ""),
            RequestFile = requestFile,
            OutputPath = _dir.Combine("out"),
            ProjectPath = _dir.Combine("Calc.csproj"),
        };
        return (task, engine);
    }

    private static TaskItem Property(string name, string value)
    {
        var item = new TaskItem(name);
        item.SetMetadata("Value", value);
        return item;
    }

    private string Script(string name, string body)
    {
        var path = _dir.Write(name + ".sh", "#!/bin/bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Records what the task logs; <see cref="IBuildEngine3"/> because the task yields the node while the engine runs.</summary>
    private sealed class FakeBuildEngine : IBuildEngine3
    {
        private readonly object _gate = new();
        public List<BuildErrorEventArgs> Errors { get; } = [];
        public List<BuildWarningEventArgs> Warnings { get; } = [];
        public List<string> Messages { get; } = [];

        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "test.proj";
        public bool IsRunningMultipleNodes => false;

        public void LogErrorEvent(BuildErrorEventArgs e) { lock (_gate) Errors.Add(e); }
        public void LogWarningEvent(BuildWarningEventArgs e) { lock (_gate) Warnings.Add(e); }
        public void LogMessageEvent(BuildMessageEventArgs e) { lock (_gate) if (e.Message is { } m && !(e is TaskCommandLineEventArgs)) Messages.Add(m); }
        public void LogCustomEvent(CustomBuildEventArgs e) { }
        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) => false;
        public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) => false;
        public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) => default;
        public void Yield() { }
        public void Reacquire() { }
    }
}
