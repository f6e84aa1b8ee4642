using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using DocGen.Core;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DocGen.Build
{
    /// <summary>
    /// The one task of the DocGen targets, for all three kinds of run: writes the engine's request file (JSON, the
    /// <c>EngineRequest</c> of DocGen.Core) from MSBuild's items and properties and runs the bundled engine out of
    /// process (<c>dotnet exec docgen.dll VERB --request FILE</c>). MSBuild's <see cref="ToolTask"/> runs the process:
    /// it yields the node while the engine runs (<see cref="ToolTask.YieldDuringToolExecution"/>, so <c>-m</c> builds
    /// other projects meanwhile) and kills the process tree when the build is cancelled; this class adds the engine's
    /// exit codes, its canonical diagnostics (with indented continuation lines) and a polite interrupt first. It loads
    /// nothing of the engine, so the engine's Roslyn never meets the compiler's.
    /// </summary>
    public sealed class DocGenEngine : ToolTask
    {
        /// <summary>How long a cancelled engine gets to exit on its own (it finishes the file it is writing) before it is killed.</summary>
        public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

        private readonly Queue<string> _lastLines = new Queue<string>();
        private EngineOutputLine? _pending;
        private Process? _process;
        private int? _processId;
        private int _cancelled;

        public DocGenEngine()
        {
            YieldDuringToolExecution = true;
            EnvironmentVariables = new[] { "DOTNET_NOLOGO=1" };
        }

        /// <summary><c>docs</c> (default), <c>code</c> or <c>render</c>: the request's kind, which picks the engine's verb.</summary>
        public string Kind { get; set; } = "docs";

        /// <summary>Full path of the engine, <c>tools/net10.0/any/docgen.dll</c> in the package.</summary>
        [Required] public string EnginePath { get; set; } = "";

        /// <summary>The <c>dotnet</c> host (<c>$(DOTNET_HOST_PATH)</c>); <c>dotnet</c> on PATH when empty or a bare name.</summary>
        public string? DotnetHostPath { get; set; }

        /// <summary>Where the request file is written.</summary>
        [Required] public string RequestFile { get; set; } = "";

        /// <summary>The output root (already in <see cref="Properties"/> as <c>DocGenOutputPath</c>); the killed engine's temp files are removed from it after a cancellation.</summary>
        [Required] public string OutputPath { get; set; } = "";

        /// <summary><c>@(IntermediateAssembly)</c>; empty for code units, which run before the compiler.</summary>
        public string? AssemblyPath { get; set; }

        /// <summary><c>@(DocFileItem)</c>, when the compiler wrote one.</summary>
        public string? XmlDocPath { get; set; }

        public string? ProjectPath { get; set; }
        public string? ProjectName { get; set; }
        /// <summary><c>@(Compile)</c>.</summary>
        public ITaskItem[] SourceFiles { get; set; } = new ITaskItem[0];
        /// <summary><c>@(ReferencePath)</c>.</summary>
        public ITaskItem[] ReferencePaths { get; set; } = new ITaskItem[0];
        /// <summary><c>$(DefineConstants)</c>, semicolon separated.</summary>
        public string? DefineConstants { get; set; }
        public string? LangVersion { get; set; }
        public string? TargetFramework { get; set; }
        public string? ProjectAssetsFile { get; set; }
        public string? NuGetPackageRoot { get; set; }
        public string? RootNamespace { get; set; }
        /// <summary><c>@(FrameworkReference)</c>.</summary>
        public ITaskItem[] FrameworkReferences { get; set; } = new ITaskItem[0];

        /// <summary>Code: <c>@(DocGenCode)</c>, the specs.</summary>
        public ITaskItem[] Specs { get; set; } = new ITaskItem[0];
        /// <summary>Code: where the engine writes the list of generated files.</summary>
        public string? FileList { get; set; }
        /// <summary>Render: the templates, each with its full output path in metadata <c>OutputFile</c> (<c>Output</c> is reserved).</summary>
        public ITaskItem[] Templates { get; set; } = new ITaskItem[0];

        /// <summary>The <c>DocGen*</c> properties passed to the engine: item spec = name, metadata <c>Value</c> = raw value.</summary>
        public ITaskItem[] Properties { get; set; } = new ITaskItem[0];

        /// <summary><c>DocGen*</c> properties the targets consume themselves (not passed to the engine, but not typos either).</summary>
        public string[] TargetProperties { get; set; } = new string[0];

        /// <summary>Files whose <c>PropertyGroup</c>s are checked for unknown <c>DocGen*</c> names (the docs run passes them, so a typo is reported once).</summary>
        public ITaskItem[] PropertyFiles { get; set; } = new ITaskItem[0];

        /// <summary>The engine's summary line (<c>DocGen: 12 types, …</c>), for callers that want to show it elsewhere.</summary>
        [Output] public string? Summary { get; set; }

        /// <summary>
        /// True when the run succeeded but its output is not final (model requests failed and fell back, or a file in
        /// DocGen's way was left alone): the targets then leave the stamp alone, so the next build runs DocGen again.
        /// </summary>
        [Output] public bool Incomplete { get; set; }

        /// <inheritdoc />
        protected override string ToolName => "dotnet";

        /// <inheritdoc />
        protected override Encoding StandardOutputEncoding => Encoding.UTF8;

        /// <inheritdoc />
        protected override Encoding StandardErrorEncoding => Encoding.UTF8;

        /// <inheritdoc />
        public override bool Execute()
        {
            if (Verb == null)
            {
                LogError(BuildDiagnostics.EngineFailed, $"Unknown request kind '{Kind}' (docs, code or render).");
                return false;
            }
            if (PropertyFiles.Length > 0 && !CheckPropertyNames()) return false;
            if (!File.Exists(EnginePath))
            {
                LogError(BuildDiagnostics.EngineNotFound, $"The DocGen engine was not found at '{EnginePath}'. Restore the project again; if the package folder was trimmed, clear it and restore.");
                return false;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(RequestFile))!);
            File.WriteAllText(RequestFile, RequestJson.Build(CreateRequest()), new UTF8Encoding(false));
            return base.Execute();
        }

        /// <inheritdoc />
        protected override string GenerateFullPathToTool()
        {
            var host = string.IsNullOrEmpty(DotnetHostPath) ? "dotnet" : DotnetHostPath!;
            return host.IndexOfAny(new[] { '/', '\\' }) >= 0 ? host : FindOnPath(host);
        }

        /// <inheritdoc />
        protected override string GenerateCommandLineCommands() =>
            // Not CommandLineBuilder: it rejects a path with a double quote, which Unix allows in a folder name.
            string.Join(" ", "exec", Quote(EnginePath), Verb, "--request", Quote(RequestFile));

        /// <summary>Quotes one argument for <see cref="ProcessStartInfo.Arguments"/> (the rules .NET uses on every OS).</summary>
        internal static string Quote(string argument)
        {
            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\\' }) < 0) return argument;
            var result = new StringBuilder("\"");
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\') { backslashes++; continue; }
                if (c == '"') result.Append('\\', backslashes * 2 + 1);
                else result.Append('\\', backslashes);
                backslashes = 0;
                result.Append(c);
            }
            result.Append('\\', backslashes * 2);
            return result.Append('"').ToString();
        }

        /// <inheritdoc />
        protected override void LogToolCommand(string message) => Log.LogMessage(MessageImportance.Low, message);

        /// <inheritdoc />
        protected override Process StartToolProcess(Process proc)
        {
            var started = base.StartToolProcess(proc);
            _processId = started.Id;
            Volatile.Write(ref _process, started);
            return started;
        }

        /// <inheritdoc />
        protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
        {
            int exitCode;
            try
            {
                exitCode = base.ExecuteTool(pathToTool, responseFileCommands, commandLineCommands);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                LogError(BuildDiagnostics.HostNotStarted, $"Could not start '{pathToTool}' to run the DocGen engine: {ex.Message}");
                return -1;
            }
            FlushPending();
            if (Volatile.Read(ref _cancelled) != 0 || exitCode == ExitCodes.Cancelled)
            {
                // A killed engine could not clean up: its temp files carry its process id.
                if (_processId is int pid) OwnedOutputs.RemoveTemporaryFiles(OutputPath, pid);
                Log.LogMessage(MessageImportance.High, "DocGen: cancelled");
            }
            return exitCode;
        }

        /// <inheritdoc />
        protected override bool HandleTaskExecutionErrors()
        {
            var exitCode = ExitCode;
            if (Volatile.Read(ref _cancelled) != 0 || exitCode == ExitCodes.Cancelled || ExitCodeOverriddenToIndicateErrors) return false;
            switch (exitCode)
            {
                case ExitCodes.Incomplete:
                    Incomplete = true;
                    Log.LogMessage(MessageImportance.High, "DocGen: the output is not final (see the warnings above); the next build runs DocGen again");
                    return !Log.HasLoggedErrors;
                case ExitCodes.Errors:
                case ExitCodes.Usage:
                    if (!Log.HasLoggedErrors)
                        LogError(BuildDiagnostics.EngineFailed, $"The DocGen engine failed (exit code {exitCode}) without reporting an error:{Environment.NewLine}{string.Join(Environment.NewLine, _lastLines)}");
                    return false;
                default:
                    if (Log.HasLoggedErrors && exitCode == -1) return false; // the host could not be started (logged)
                    LogError(BuildDiagnostics.EngineCrashed, $"The DocGen engine stopped unexpectedly (exit code {exitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, _lastLines)}");
                    return false;
            }
        }

        /// <summary>
        /// Asks the engine to stop (SIGINT on Unix, so it can finish the file it is writing and remove its temp files),
        /// kills its process tree if it has not exited after <see cref="GracePeriod"/>, and removes the temp files a
        /// killed engine left. All of it before returning: MSBuild does not wait for a task that yielded its node, so
        /// a cancelled build may end (and its node exit) before <see cref="ToolTask.Execute"/> gets to run again.
        /// </summary>
        public override void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) != 0) return;
            var process = Volatile.Read(ref _process);
            if (process != null && _processId is int pid)
            {
                var stoppedItself = false;
                try
                {
                    stoppedItself = Interrupt.TrySend(pid) && process.WaitForExit((int)GracePeriod.TotalMilliseconds);
                    if (!stoppedItself)
                    {
                        KillTree(process);
                        process.WaitForExit((int)GracePeriod.TotalMilliseconds);
                    }
                }
                catch (InvalidOperationException) { } // already gone
                catch (System.ComponentModel.Win32Exception) { }
                OwnedOutputs.RemoveTemporaryFiles(OutputPath, pid);
                // An engine that stopped itself has said why (DG0008): ToolTask reads the rest of its output as usual.
                if (stoppedItself) return;
            }
            base.Cancel();
        }

        private static void KillTree(Process process)
        {
            // Process.Kill(bool entireProcessTree) exists on .NET Core 3+, where `dotnet build` runs this task; the
            // netstandard2.0 surface only has Kill().
            var killTree = typeof(Process).GetMethod("Kill", new[] { typeof(bool) });
            try
            {
                if (killTree != null) killTree.Invoke(process, new object[] { true });
                else process.Kill();
            }
            catch (System.Reflection.TargetInvocationException) { }
        }

        /// <summary>
        /// One line of the engine's output, on the task's thread (ToolTask drains both streams there): canonical
        /// diagnostics become MSBuild errors and warnings, logged when the next line shows they are complete.
        /// </summary>
        protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
        {
            _lastLines.Enqueue(singleLine);
            if (_lastLines.Count > 20) _lastLines.Dequeue();
            if (_pending != null && EngineOutputLine.IsContinuation(singleLine))
            {
                _pending.Append(singleLine);
                return;
            }
            FlushPending();
            var line = EngineOutputLine.Parse(singleLine);
            if (line.IsDiagnostic) _pending = line;
            else Report(line);
        }

        private string? Verb => Kind.ToLowerInvariant() switch
        {
            "docs" => "build",
            "code" => "generate-code",
            "render" => "render",
            _ => null,
        };

        private void FlushPending()
        {
            if (_pending != null) Report(_pending);
            _pending = null;
        }

        private RequestData CreateRequest() => new RequestData
        {
            Kind = Kind.ToLowerInvariant(),
            AssemblyPath = string.IsNullOrEmpty(AssemblyPath) ? "" : Path.GetFullPath(AssemblyPath),
            XmlDocPath = string.IsNullOrEmpty(XmlDocPath) ? null : Path.GetFullPath(XmlDocPath),
            ProjectPath = NullIfEmpty(ProjectPath),
            ProjectName = NullIfEmpty(ProjectName),
            SourceFiles = SourceFiles.Select(FullPath).ToList(),
            ReferencePaths = ReferencePaths.Select(FullPath).ToList(),
            DefineConstants = (DefineConstants ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToList(),
            LangVersion = NullIfEmpty(LangVersion),
            TargetFramework = TargetFramework ?? "",
            ProjectAssetsFile = NullIfEmpty(ProjectAssetsFile),
            NuGetPackageRoot = NullIfEmpty(NuGetPackageRoot),
            RootNamespace = NullIfEmpty(RootNamespace),
            FrameworkReferences = FrameworkReferences.Select(f => f.ItemSpec).ToList(),
            Specs = Specs.Select(FullPath).ToList(),
            FileList = string.IsNullOrEmpty(FileList) ? null : Path.GetFullPath(FileList),
            Templates = Templates.Select(t => new KeyValuePair<string, string?>(FullPath(t), NullIfEmpty(t.GetMetadata("OutputFile")))).ToList(),
            Properties = Properties.Select(p => new KeyValuePair<string, string?>(p.ItemSpec, p.GetMetadata("Value"))).ToList(),
        };

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        private static string FullPath(ITaskItem item)
        {
            var full = item.GetMetadata("FullPath");
            return string.IsNullOrEmpty(full) ? item.ItemSpec : full;
        }

        /// <summary>A host given by name (<c>dotnet</c>) from PATH: ToolTask runs a path. MSBuild sets DOTNET_HOST_PATH, so this is rare.</summary>
        private static string FindOnPath(string name)
        {
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (folder.Trim().Length == 0) continue;
                foreach (var candidate in windows ? new[] { name, name + ".exe" } : new[] { name })
                {
                    try
                    {
                        var path = Path.Combine(folder.Trim(), candidate);
                        if (File.Exists(path)) return path;
                    }
                    catch (ArgumentException) { }
                }
            }
            return name;
        }

        private bool CheckPropertyNames()
        {
            var known = new HashSet<string>(Properties.Select(p => p.ItemSpec).Concat(TargetProperties), StringComparer.OrdinalIgnoreCase);
            var globals = (BuildEngine as IBuildEngine6)?.GetGlobalProperties()?.Keys ?? Enumerable.Empty<string>();
            var ok = true;
            foreach (var unknown in PropertyNameCheck.FindUnknown(PropertyFiles.Select(f => f.ItemSpec), globals, known))
            {
                var suggestion = PropertyNameCheck.Suggest(unknown.Key, known);
                var where = unknown.Value == null ? "set on the command line" : $"set in '{unknown.Value}'";
                var hint = suggestion == null ? $" Known properties: {string.Join(", ", known.OrderBy(k => k, StringComparer.Ordinal))}." : $" Did you mean '{suggestion}'?";
                Log.LogError(null, BuildDiagnostics.UnknownProperty, null, unknown.Value ?? ProjectPath ?? "", 0, 0, 0, 0,
                    $"{unknown.Key}: unknown DocGen property ({where}).{hint}");
                ok = false;
            }
            return ok;
        }

        private void Report(EngineOutputLine line)
        {
            switch (line.Kind)
            {
                case EngineLineKind.Summary:
                    Summary = line.Message;
                    Log.LogMessage(MessageImportance.High, line.Message);
                    break;
                case EngineLineKind.Error:
                    Log.LogError(null, line.Code, null, line.File ?? ProjectPath ?? "", line.Line, line.Column, line.EndLine, line.EndColumn, line.Message);
                    break;
                case EngineLineKind.Warning:
                    Log.LogWarning(null, line.Code, null, line.File ?? ProjectPath ?? "", line.Line, line.Column, line.EndLine, line.EndColumn, line.Message);
                    break;
                default:
                    Log.LogMessage(MessageImportance.Low, line.Message);
                    break;
            }
        }

        private void LogError(string code, string message) =>
            Log.LogError(null, code, null, ProjectPath ?? "", 0, 0, 0, 0, message);

        private static class Interrupt
        {
            private const int SIGINT = 2;

            public static bool TrySend(int pid)
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return false;
                try { return kill(pid, SIGINT) == 0; }
                catch (DllNotFoundException) { return false; }
                catch (EntryPointNotFoundException) { return false; }
            }

            [DllImport("libc", SetLastError = true)]
            private static extern int kill(int pid, int sig);
        }
    }
}
