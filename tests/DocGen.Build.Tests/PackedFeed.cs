using DocGen.Tests.Shared;

namespace DocGen.Build.Tests;

/// <summary>
/// Packs DocGen.Build and DocGen.Tool once per test run into a temporary local feed and prepares
/// workspaces where the build fixtures (tests/fixtures/build) reference DocGen.Build from that feed, with
/// their own NUGET_PACKAGES folder, so every test runs a real <c>dotnet build</c> against the real package.
/// </summary>
/// <remarks>
/// Two collections use it so that their builds run in parallel; the pack and the NuGet folder are shared
/// (static), the workspaces belong to each instance.
/// </remarks>
public sealed class PackedFeed : IAsyncLifetime
{
    private static readonly TempDirectory Root = CreateRoot();
    private static readonly Lazy<Task<string>> Pack = new(PackAsync);
    private readonly List<TempDirectory> _workspaces = [];

    public string FeedDirectory => Root.Combine("feed");
    public string PackagesDirectory => Root.Combine("packages");
    public string Version { get; private set; } = "";
    public string BuildPackagePath => Path.Combine(FeedDirectory, $"DocGen.Build.{Version}.nupkg");
    public string ToolPackagePath => Path.Combine(FeedDirectory, $"DocGen.Tool.{Version}.nupkg");

    public async Task InitializeAsync() => Version = await Pack.Value;

    private static async Task<string> PackAsync()
    {
        var feed = Root.Combine("feed");
        Directory.CreateDirectory(feed);
        // The two shipped projects only: packing the solution would rebuild the running test assembly.
        foreach (var project in new[] { "src/DocGen.Build/DocGen.Build.csproj", "src/DocGen.Tool/DocGen.Tool.csproj" })
        {
            var pack = await ProcessRunner.RunAsync("dotnet",
                ["pack", Path.Combine(Fixtures.RepositoryRoot, project), "-c", "Release", "-o", feed, "-nodeReuse:false", "-v:q", "-nologo"],
                Fixtures.RepositoryRoot, timeout: TimeSpan.FromMinutes(5));
            if (pack.ExitCode != 0) throw new InvalidOperationException($"dotnet pack {project} failed:\n{pack.Output}");
        }
        var name = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "DocGen.Build.*.nupkg").Single());
        return name["DocGen.Build.".Length..];
    }

    private static TempDirectory CreateRoot()
    {
        var root = new TempDirectory("docgen-build");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => root.Dispose();
        return root;
    }

    /// <summary>
    /// A fresh copy of tests/fixtures/build in its own temporary workspace (with a nuget.config naming the
    /// local feed); returns the path of <paramref name="fixture"/> inside it.
    /// </summary>
    public string CopyFixture(string fixture)
    {
        var workspace = new TempDirectory("docgen-build-ws");
        lock (_workspaces) _workspaces.Add(workspace);
        workspace.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="docgen-local" value="{FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        var copy = Fixtures.CopyTo("build", workspace);
        File.WriteAllText(Path.Combine(copy, "Feed.props"),
            $"<Project><PropertyGroup><FixtureDocGenVersion>{Version}</FixtureDocGenVersion></PropertyGroup></Project>");
        return Path.Combine(copy, fixture);
    }

    /// <summary>Runs <c>dotnet</c> with the workspace's NuGet folder and no build-server reuse.</summary>
    public Task<ProcessResult> DotnetAsync(string workingDirectory, params string[] arguments) =>
        DotnetAsync(workingDirectory, new Dictionary<string, string?>(), arguments);

    /// <summary>As <see cref="DotnetAsync(string, string[])"/>, with extra environment variables (an API key).</summary>
    public Task<ProcessResult> DotnetAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var variables = new Dictionary<string, string?>(environment)
        {
            ["NUGET_PACKAGES"] = PackagesDirectory,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            // The terminal logger would hide low-importance lines and rewrite others.
            ["MSBUILDTERMINALLOGGER"] = "off",
        };
        return ProcessRunner.RunAsync("dotnet", [.. arguments, "-nodeReuse:false"], workingDirectory, variables, TimeSpan.FromMinutes(4));
    }

    /// <summary>Starts <c>dotnet</c> like <see cref="DotnetAsync"/> without waiting (output discarded), for tests that signal it.</summary>
    public System.Diagnostics.Process StartDotnet(string workingDirectory, params string[] arguments) => StartDotnet(workingDirectory, null, arguments);

    /// <summary>Starts <c>dotnet</c> without waiting; its output lines go to <paramref name="output"/> (for a failure message).</summary>
    public System.Diagnostics.Process StartDotnet(string workingDirectory, System.Text.StringBuilder? output, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments.Append("-nodeReuse:false")) start.ArgumentList.Add(argument);
        foreach (var key in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(key);
        start.Environment["NUGET_PACKAGES"] = PackagesDirectory;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        var process = System.Diagnostics.Process.Start(start)!;
        void Collect(object _, System.Diagnostics.DataReceivedEventArgs e)
        {
            if (output is null || e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public Task DisposeAsync()
    {
        foreach (var workspace in _workspaces) workspace.Dispose();
        return Task.CompletedTask;
    }
}
