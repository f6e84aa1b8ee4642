using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DocGen.Core.Output;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DocGen.Build
{
    /// <summary>
    /// Reads what DocGen owns in an output folder, for the targets: the ownership list (with a killed run's journal),
    /// else an earlier version's plain file list. Every path is confined to the folder (no rooted path, no
    /// <c>..</c>) and no symbolic link is followed, since a list is a file anyone can edit.
    /// </summary>
    internal static class OwnedOutputs
    {
        /// <summary>Relative path → acceptable content hashes; an empty set means "listed by an earlier version, no hash".</summary>
        public static Dictionary<string, HashSet<string>> Read(string root, out int rejected)
        {
            var owned = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            rejected = 0;
            var marked = false;
            foreach (var name in new[] { OutputLayout.OwnershipFileName, OutputLayout.JournalFileName })
            {
                var path = Path.Combine(root, name);
                if (!IsRegularFile(path)) continue;
                marked = true;
                rejected += OutputLayout.ParseOwnership(OutputLayout.CompleteLines(File.ReadAllText(path)), owned);
            }
            var legacy = Path.Combine(root, OutputLayout.FileListName);
            if (!marked && IsRegularFile(legacy))
            {
                foreach (var line in File.ReadAllLines(legacy))
                {
                    if (line.Length == 0) continue;
                    if (OutputLayout.IsConfinedRelativePath(line)) owned[line] = new HashSet<string>(StringComparer.Ordinal);
                    else rejected++;
                }
            }
            return owned;
        }

        /// <summary>The full path of a listed file when it is a regular file reached through real folders only; else null.</summary>
        public static string? Locate(string root, string relative)
        {
            var full = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            for (var dir = Path.GetDirectoryName(full); dir != null && dir.Length > root.TrimEnd(Path.DirectorySeparatorChar).Length; dir = Path.GetDirectoryName(dir))
                if (!Directory.Exists(dir) || IsLink(dir)) return null;
            return IsRegularFile(full) ? full : null;
        }

        public static bool IsRegularFile(string path) => File.Exists(path) && !IsLink(path);

        public static bool IsLink(string path)
        {
            try { return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0; }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        }

        /// <summary>
        /// Deletes the temp files that the engine process <paramref name="processId"/> left in the output folder's
        /// <c>.docgen-tmp/</c> when it was killed, so no partial file remains. Nothing else is touched: not another
        /// process's temp files, not a user's <c>*.tmp</c>, nothing behind a symbolic link.
        /// </summary>
        public static void RemoveTemporaryFiles(string outputRoot, int processId)
        {
            var folder = Path.Combine(outputRoot, OutputLayout.TempFolderName);
            if (!Directory.Exists(folder) || IsLink(folder)) return;
            foreach (var file in Directory.GetFiles(folder))
            {
                if (!OutputLayout.TryParseTempFileName(Path.GetFileName(file), out var pid) || pid != processId) continue;
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
    }

    /// <summary>
    /// <c>DocGenCollectOutputs</c>: the files DocGen wrote into <see cref="OutputRoot"/> (also when generation was
    /// skipped), confined to it.
    /// </summary>
    public sealed class ReadDocGenOutputs : Task
    {
        [Required] public string OutputRoot { get; set; } = "";

        /// <summary>Full paths of the files DocGen owns there.</summary>
        [Output] public ITaskItem[] Files { get; set; } = new ITaskItem[0];

        /// <inheritdoc />
        public override bool Execute()
        {
            var root = Path.GetFullPath(OutputRoot);
            if (!Directory.Exists(root)) return true;
            var owned = OwnedOutputs.Read(root, out var rejected);
            if (rejected > 0)
                Log.LogWarning(null, BuildDiagnostics.OutputListTampered, null, root, 0, 0, 0, 0,
                    $"{rejected} line(s) of DocGen's file list in '{root}' are not paths inside the output folder and were ignored; the next DocGen run rewrites the list");
            Files = owned.Keys.OrderBy(k => k, StringComparer.Ordinal)
                .Select(relative => OwnedOutputs.Locate(root, relative))
                .Where(full => full != null)
                .Select(full => (ITaskItem)new TaskItem(full))
                .ToArray();
            return true;
        }
    }
}
