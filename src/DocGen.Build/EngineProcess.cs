using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace DocGen.Build
{
    /// <summary>
    /// Runs the engine (<c>dotnet exec docgen.dll build --request FILE</c>) out of process and hands its output
    /// lines, in order, to the thread that called <see cref="Run"/> (MSBuild's logger expects to be called
    /// from the task's own thread). <see cref="Cancel"/> asks the engine to stop (SIGINT on Unix, so it can
    /// finish the file it is writing), then kills the process tree.
    /// </summary>
    internal sealed class EngineProcess : IDisposable
    {
        /// <summary>How long a cancelled engine gets by default to exit on its own before it is killed.</summary>
        public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(5);

        private readonly Process _process;
        private readonly BlockingCollection<string> _lines = new BlockingCollection<string>();
        private int _openStreams = 2;
        private int _cancelled;
        private readonly TimeSpan _gracePeriod;
        private Timer? _killTimer;

        public EngineProcess(string host, string enginePath, string requestFile, TimeSpan? gracePeriod = null)
        {
            _gracePeriod = gracePeriod ?? DefaultGracePeriod;
            var start = new ProcessStartInfo(host)
            {
                Arguments = string.Join(" ", Quote("exec"), Quote(enginePath), "build", "--request", Quote(requestFile)),
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.EnvironmentVariables["DOTNET_NOLOGO"] = "1";
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += OnData;
            _process.ErrorDataReceived += OnData;
        }

        public bool WasCancelled => Volatile.Read(ref _cancelled) != 0;

        /// <summary>Starts the engine, calls <paramref name="onLine"/> for every line it prints, and returns its exit code.</summary>
        /// <exception cref="System.ComponentModel.Win32Exception">The host could not be started.</exception>
        public int Run(Action<string> onLine)
        {
            _process.Start();
            ProcessId = _process.Id;
            _process.StandardInput.Close(); // the engine never reads stdin; a closed stdin cannot hang it
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            foreach (var line in _lines.GetConsumingEnumerable()) onLine(line);
            _process.WaitForExit();
            return _process.ExitCode;
        }

        /// <summary>Asks the engine to stop, and kills it if it has not after the grace period. Safe to call from any thread, more than once.</summary>
        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) != 0) return;
            try
            {
                if (_process.HasExited) return;
                if (!TrySendInterrupt(_process.Id)) { KillTree(); return; }
                _killTimer = new Timer(_ => KillTree(), null, _gracePeriod, Timeout.InfiniteTimeSpan);
            }
            catch (InvalidOperationException)
            {
                // Not started yet or already gone: nothing to stop.
            }
        }

        /// <summary>The engine's process id, once it started (its temp files carry it).</summary>
        public int? ProcessId { get; private set; }

        /// <summary>
        /// Deletes the temp files that the engine process <paramref name="processId"/> left in the output folder's
        /// <c>.docgen-tmp/</c> when it was killed, so no partial file remains. Nothing else is touched: not another
        /// process's temp files, not a user's <c>*.tmp</c>, nothing behind a symbolic link.
        /// </summary>
        public static void RemoveTemporaryFiles(string outputRoot, int processId)
        {
            var folder = Path.Combine(outputRoot, DocGen.Core.Output.OutputLayout.TempFolderName);
            if (!Directory.Exists(folder) || OwnedOutputs.IsLink(folder)) return;
            foreach (var file in Directory.GetFiles(folder))
            {
                if (!DocGen.Core.Output.OutputLayout.TryParseTempFileName(Path.GetFileName(file), out var pid) || pid != processId) continue;
                try { File.Delete(file); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            try
            {
                if (Directory.GetFileSystemEntries(folder).Length == 0) Directory.Delete(folder);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        public void Dispose()
        {
            _killTimer?.Dispose();
            _process.Dispose();
            _lines.Dispose();
        }

        private void OnData(object sender, DataReceivedEventArgs e)
        {
            if (e.Data != null) _lines.Add(e.Data);
            else if (Interlocked.Decrement(ref _openStreams) == 0) _lines.CompleteAdding();
        }

        private void KillTree()
        {
            try
            {
                if (_process.HasExited) return;
                // Process.Kill(bool entireProcessTree) exists on .NET Core 3+, where `dotnet build` runs this
                // task; the netstandard2.0 surface only has Kill().
                var killTree = typeof(Process).GetMethod("Kill", new[] { typeof(bool) });
                if (killTree != null) killTree.Invoke(_process, new object[] { true });
                else _process.Kill();
            }
            catch (InvalidOperationException) { }
            catch (System.ComponentModel.Win32Exception) { }
            catch (System.Reflection.TargetInvocationException) { }
        }

        private static bool TrySendInterrupt(int pid)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return false;
            try
            {
                return NativeMethods.kill(pid, NativeMethods.SIGINT) == 0;
            }
            catch (DllNotFoundException) { return false; }
            catch (EntryPointNotFoundException) { return false; }
        }

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

        private static class NativeMethods
        {
            public const int SIGINT = 2;

            [DllImport("libc", SetLastError = true)]
            public static extern int kill(int pid, int sig);
        }
    }
}
