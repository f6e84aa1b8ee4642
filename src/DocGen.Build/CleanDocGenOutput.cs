using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DocGen.Core.Output;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace DocGen.Build
{
    /// <summary>
    /// <c>dotnet clean</c> of DocGen's output: deletes the files DocGen's ownership lists name in the output folder
    /// and in the folders of its own inside it (code units), but only while each file's content is what DocGen
    /// wrote; then DocGen's bookkeeping and the folders left empty. Paths are confined to the folder and no
    /// symbolic link is followed, so a tampered list cannot reach a file elsewhere, and a file of the user's
    /// (unlisted, or changed since) survives with a warning.
    /// </summary>
    public sealed class CleanDocGenOutput : Task
    {
        [Required] public string OutputRoot { get; set; } = "";

        /// <summary>Remove the output folder itself when it is empty afterwards (the default output folder, which DocGen created).</summary>
        public bool RemoveEmptyRoot { get; set; }

        /// <inheritdoc />
        public override bool Execute()
        {
            var root = Path.GetFullPath(OutputRoot).TrimEnd(Path.DirectorySeparatorChar);
            if (!Directory.Exists(root)) return true;
            // Nested DocGen folders first, so their parents can be removed once empty.
            foreach (var folder in DocGenFolders(root).OrderByDescending(f => f.Length))
                CleanFolder(folder, root);
            if (RemoveEmptyRoot) RemoveIfEmpty(root);
            return !Log.HasLoggedErrors;
        }

        private void CleanFolder(string folder, string root)
        {
            var owned = OwnedOutputs.Read(folder, out var rejected);
            if (rejected > 0)
                Log.LogWarning(null, BuildDiagnostics.OutputListTampered, null, Path.Combine(folder, OutputLayout.OwnershipFileName), 0, 0, 0, 0,
                    $"{rejected} line(s) of DocGen's file list in '{folder}' are not paths inside the output folder and were ignored; nothing outside it was deleted");
            foreach (var entry in owned)
            {
                var full = OwnedOutputs.Locate(folder, entry.Key);
                if (full == null) continue;
                // No hash: listed by an earlier DocGen version, which recorded none; trusted as it was then.
                if (entry.Value.Count > 0 && !entry.Value.Contains(OutputLayout.Hash(File.ReadAllBytes(full))))
                {
                    Log.LogWarning(null, BuildDiagnostics.OutputFileModified, null, full, 0, 0, 0, 0,
                        $"'{full}' was changed since DocGen wrote it, so clean kept it. Delete it yourself if you do not need it");
                    continue;
                }
                TryDelete(full);
                RemoveEmptyParents(Path.GetDirectoryName(full)!, folder);
            }
            foreach (var name in new[] { OutputLayout.FileListName, OutputLayout.OwnershipFileName, OutputLayout.JournalFileName })
            {
                var path = Path.Combine(folder, name);
                if (OwnedOutputs.IsRegularFile(path)) TryDelete(path);
            }
            var temp = Path.Combine(folder, OutputLayout.TempFolderName);
            if (Directory.Exists(temp) && !OwnedOutputs.IsLink(temp))
            {
                foreach (var file in Directory.GetFiles(temp))
                    if (OutputLayout.TryParseTempFileName(Path.GetFileName(file), out _)) TryDelete(file);
                RemoveIfEmpty(temp);
            }
            if (folder != root)
            {
                RemoveIfEmpty(folder);
                RemoveEmptyParents(Path.GetDirectoryName(folder)!, root);
            }
        }

        /// <summary>The root and every folder below it (links not followed) that carries DocGen's ownership list or an earlier file list.</summary>
        private static IEnumerable<string> DocGenFolders(string root)
        {
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var folder = pending.Pop();
                if (File.Exists(Path.Combine(folder, OutputLayout.OwnershipFileName)) || File.Exists(Path.Combine(folder, OutputLayout.FileListName)))
                    yield return folder;
                string[] children;
                try { children = Directory.GetDirectories(folder); }
                catch (IOException) { continue; }
                catch (UnauthorizedAccessException) { continue; }
                foreach (var child in children)
                    if (!OwnedOutputs.IsLink(child) && Path.GetFileName(child) != OutputLayout.TempFolderName) pending.Push(child);
            }
        }

        private void RemoveEmptyParents(string directory, string stopAt)
        {
            while (directory.Length > stopAt.Length && RemoveIfEmpty(directory))
                directory = Path.GetDirectoryName(directory)!;
        }

        private bool RemoveIfEmpty(string directory)
        {
            try
            {
                if (!Directory.Exists(directory) || OwnedOutputs.IsLink(directory) || Directory.EnumerateFileSystemEntries(directory).Any()) return false;
                Directory.Delete(directory);
                return true;
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        }

        private void TryDelete(string path)
        {
            try { File.Delete(path); }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Log.LogWarning(null, BuildDiagnostics.CleanFailed, null, path, 0, 0, 0, 0, $"'{path}' could not be deleted: {ex.Message}");
            }
        }
    }
}
