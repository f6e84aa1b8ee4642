using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DocGen.Build
{
    /// <summary>
    /// The <c>DocGenGenerate</c> target's task: writes the request file from MSBuild's items and properties and
    /// runs the bundled engine out of process (<c>dotnet exec docgen.dll build --request FILE</c>), turning
    /// the engine's canonical output lines into MSBuild warnings and errors. It loads nothing of the engine,
    /// so the engine's Roslyn never meets the compiler's.
    /// </summary>
    public sealed class GenerateDocs : Task, ICancelableTask
    {
        private readonly object _gate = new object();
        private EngineProcess? _engine;
        private bool _cancelRequested;

        /// <summary>Full path of the engine, <c>tools/net10.0/any/docgen.dll</c> in the package.</summary>
        [Required] public string EnginePath { get; set; } = "";

        /// <summary>The <c>dotnet</c> host (<c>$(DOTNET_HOST_PATH)</c>); <c>dotnet</c> on PATH when empty.</summary>
        public string? DotnetHostPath { get; set; }

        /// <summary>Where the request file is written.</summary>
        [Required] public string RequestFile { get; set; } = "";

        /// <summary>The output root (already in <see cref="Properties"/> as <c>DocGenOutputPath</c>); the killed engine's temp files are removed from it after a cancellation.</summary>
        [Required] public string OutputPath { get; set; } = "";

        /// <summary><c>@(IntermediateAssembly)</c>.</summary>
        [Required] public string AssemblyPath { get; set; } = "";

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

        /// <summary>The <c>DocGen*</c> properties passed to the engine: item spec = name, metadata <c>Value</c> = raw value.</summary>
        public ITaskItem[] Properties { get; set; } = new ITaskItem[0];

        /// <summary><c>DocGen*</c> properties the targets consume themselves (not passed to the engine, but not typos either).</summary>
        public string[] TargetProperties { get; set; } = new string[0];

        /// <summary>Files whose <c>PropertyGroup</c>s are checked for unknown <c>DocGen*</c> names (project file, Directory.Build.*).</summary>
        public ITaskItem[] PropertyFiles { get; set; } = new ITaskItem[0];

        /// <summary>The engine's summary line (<c>DocGen: 12 types, …</c>), for callers that want to show it elsewhere.</summary>
        [Output] public string? Summary { get; set; }

        /// <summary>
        /// True when the run succeeded but its output is not final (model requests failed and fell back, or a file in
        /// DocGen's way was left alone): the targets then leave the stamp alone, so the next build runs DocGen again.
        /// </summary>
        [Output] public bool Incomplete { get; set; }

        /// <inheritdoc />
        public override bool Execute()
        {
            if (!CheckPropertyNames()) return false;

            if (!File.Exists(EnginePath))
            {
                LogError(BuildDiagnostics.EngineNotFound, $"The DocGen engine was not found at '{EnginePath}'. Restore the project again; if the package folder was trimmed, clear it and restore.");
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(RequestFile))!);
            File.WriteAllText(RequestFile, RequestJson.Build(CreateRequest()), new UTF8Encoding(false));

            var host = string.IsNullOrEmpty(DotnetHostPath) ? "dotnet" : DotnetHostPath!;
            Log.LogMessage(MessageImportance.Low, $"Running {host} exec \"{EnginePath}\" build --request \"{RequestFile}\"");
            int exitCode;
            var lastLines = new Queue<string>();
            using (var engine = new EngineProcess(host, EnginePath, RequestFile))
            {
                lock (_gate)
                {
                    if (_cancelRequested) return false;
                    _engine = engine;
                }
                try
                {
                    EngineOutputLine? pending = null;
                    exitCode = engine.Run(text =>
                    {
                        lastLines.Enqueue(text);
                        if (lastLines.Count > 20) lastLines.Dequeue();
                        if (pending != null && EngineOutputLine.IsContinuation(text))
                        {
                            pending.Append(text);
                            return;
                        }
                        if (pending != null) Report(pending);
                        var line = EngineOutputLine.Parse(text);
                        // A diagnostic is logged when the next line shows it is complete.
                        if (line.IsDiagnostic) pending = line;
                        else { pending = null; Report(line); }
                    });
                    if (pending != null) Report(pending);
                }
                catch (System.ComponentModel.Win32Exception ex)
                {
                    LogError(BuildDiagnostics.HostNotStarted, $"Could not start '{host}' to run the DocGen engine: {ex.Message}");
                    return false;
                }
                finally
                {
                    lock (_gate) _engine = null;
                }

                if (engine.WasCancelled || exitCode == ExitCodes.Cancelled)
                {
                    if (engine.ProcessId is int pid) EngineProcess.RemoveTemporaryFiles(OutputPath, pid);
                    Log.LogMessage(MessageImportance.High, "DocGen: cancelled");
                    return false;
                }
            }

            switch (exitCode)
            {
                case ExitCodes.Success:
                    return !Log.HasLoggedErrors;
                case ExitCodes.Incomplete:
                    Incomplete = true;
                    Log.LogMessage(MessageImportance.High, "DocGen: the output is not final (see the warnings above); the next build runs DocGen again");
                    return !Log.HasLoggedErrors;
                case ExitCodes.Errors:
                case ExitCodes.Usage:
                    if (!Log.HasLoggedErrors)
                        LogError(BuildDiagnostics.EngineFailed, $"The DocGen engine failed (exit code {exitCode}) without reporting an error:{Environment.NewLine}{string.Join(Environment.NewLine, lastLines)}");
                    return false;
                default:
                    LogError(BuildDiagnostics.EngineCrashed, $"The DocGen engine stopped unexpectedly (exit code {exitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, lastLines)}");
                    return false;
            }
        }

        /// <inheritdoc />
        public void Cancel()
        {
            EngineProcess? engine;
            lock (_gate)
            {
                _cancelRequested = true;
                engine = _engine;
            }
            engine?.Cancel();
        }

        private RequestData CreateRequest() => new RequestData
        {
            AssemblyPath = Path.GetFullPath(AssemblyPath),
            XmlDocPath = string.IsNullOrEmpty(XmlDocPath) ? null : Path.GetFullPath(XmlDocPath),
            ProjectPath = string.IsNullOrEmpty(ProjectPath) ? null : ProjectPath,
            ProjectName = string.IsNullOrEmpty(ProjectName) ? null : ProjectName,
            SourceFiles = SourceFiles.Select(FullPath).ToList(),
            ReferencePaths = ReferencePaths.Select(FullPath).ToList(),
            DefineConstants = (DefineConstants ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToList(),
            LangVersion = string.IsNullOrEmpty(LangVersion) ? null : LangVersion,
            TargetFramework = TargetFramework ?? "",
            ProjectAssetsFile = string.IsNullOrEmpty(ProjectAssetsFile) ? null : ProjectAssetsFile,
            NuGetPackageRoot = string.IsNullOrEmpty(NuGetPackageRoot) ? null : NuGetPackageRoot,
            Properties = Properties.Select(p => new KeyValuePair<string, string?>(p.ItemSpec, p.GetMetadata("Value"))).ToList(),
        };

        private static string FullPath(ITaskItem item)
        {
            var full = item.GetMetadata("FullPath");
            return string.IsNullOrEmpty(full) ? item.ItemSpec : full;
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

        private static class ExitCodes
        {
            public const int Success = 0;
            public const int Errors = 1;
            public const int Usage = 2;
            /// <summary>Success, but not to be recorded as up to date (DocGen.Tool's ExitCodes.Incomplete).</summary>
            public const int Incomplete = 3;
            public const int Cancelled = 130;
        }
    }
}
