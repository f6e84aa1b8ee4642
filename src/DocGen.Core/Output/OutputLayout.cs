using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DocGen.Core.Output;

/// <summary>
/// DocGen's bookkeeping inside an output folder: the names of its files, the ownership list's format and
/// the temp file names. The file is compiled into the MSBuild task too (netstandard2.0), so the engine, the
/// clean target and the list readers share one definition of what DocGen owns.
/// </summary>
internal static class OutputLayout
{
    /// <summary>The ownership list and marker: what DocGen wrote here, each file with the SHA-256 of what it wrote.</summary>
    public const string OwnershipFileName = ".docgen-owned.txt";

    /// <summary>The plain list of written files (one relative path a line) that MSBuild's targets read; derived from the ownership list.</summary>
    public const string FileListName = ".docgen-files.txt";

    /// <summary>Appended before each file is moved into place, so a killed run's files are still known to be DocGen's.</summary>
    public const string JournalFileName = ".docgen-journal.txt";

    /// <summary>Where temp files are written before they are renamed into place; nothing else lives there.</summary>
    public const string TempFolderName = ".docgen-tmp";

    public const string OwnershipHeader =
        "# docgen-owned/1: files DocGen wrote in this folder with the SHA-256 of their content (sha256sum format)."
        + " DocGen replaces or deletes only these, and only while their content is what it wrote.";

    /// <summary>True for the names of DocGen's own bookkeeping entries at the top of an output folder.</summary>
    public static bool IsBookkeeping(string name) =>
        name is OwnershipFileName or FileListName or JournalFileName or TempFolderName;

    /// <summary>The name of a temp file: the writing process's id, so a later run can tell an orphan from a live write.</summary>
    public static string TempFileName(int processId, long sequence) =>
        processId.ToString(CultureInfo.InvariantCulture) + "-" + sequence.ToString("x", CultureInfo.InvariantCulture) + ".tmp";

    /// <summary>Parses a name made by <see cref="TempFileName"/>; anything else is not a DocGen temp file.</summary>
    public static bool TryParseTempFileName(string name, out int processId)
    {
        processId = 0;
        var dash = name.IndexOf('-');
        if (dash <= 0 || !name.EndsWith(".tmp", StringComparison.Ordinal) || name.Length - 4 <= dash + 1) return false;
        for (var i = dash + 1; i < name.Length - 4; i++)
            if (!IsLowerHex(name[i])) return false;
        return int.TryParse(name.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out processId);
    }

    /// <summary>
    /// True when <paramref name="path"/> is a relative path that stays inside the folder it is relative to:
    /// forward slashes, not rooted, no drive, no empty, <c>.</c> or <c>..</c> segment, no control character.
    /// Every reader of a list applies it, since a list is a file anyone can edit.
    /// </summary>
    public static bool IsConfinedRelativePath(string path)
    {
        if (path.Length == 0 || path[0] == '/' || path.IndexOf('\\') >= 0 || path.IndexOf(':') >= 0) return false;
        foreach (var c in path)
            if (char.IsControl(c)) return false;
        foreach (var segment in path.Split('/'))
            if (segment.Length == 0 || segment == "." || segment == "..") return false;
        return true;
    }

    /// <summary>One line of the ownership list or journal: the hash, two spaces, the relative path.</summary>
    public static string FormatLine(string hash, string path) => hash + "  " + path;

    /// <summary>Parses a line written by <see cref="FormatLine"/>; false for comments, blank, torn or unconfined lines.</summary>
    public static bool TryParseLine(string line, out string hash, out string path)
    {
        hash = path = "";
        if (line.Length < 67 || line[64] != ' ' || line[65] != ' ') return false;
        for (var i = 0; i < 64; i++)
            if (!IsLowerHex(line[i])) return false;
        var candidate = line.Substring(66);
        if (!IsConfinedRelativePath(candidate)) return false;
        hash = line.Substring(0, 64);
        path = candidate;
        return true;
    }

    /// <summary>
    /// The lines of a list that end with a newline. A run killed (or a disk filled up) while appending to the journal
    /// can leave a torn last line, which must not be read as a shorter path.
    /// </summary>
    public static IEnumerable<string> CompleteLines(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++) yield return lines[i];
    }

    /// <summary>
    /// Adds every valid line to <paramref name="owned"/> (a path may carry several acceptable hashes: the list's and
    /// a killed run's journal entry). Returns how many non-comment lines were rejected.
    /// </summary>
    public static int ParseOwnership(IEnumerable<string> lines, IDictionary<string, HashSet<string>> owned)
    {
        var rejected = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (!TryParseLine(line, out var hash, out var path)) { rejected++; continue; }
            if (!owned.TryGetValue(path, out var hashes)) owned[path] = hashes = new HashSet<string>(StringComparer.Ordinal);
            hashes.Add(hash);
        }
        return rejected;
    }

    /// <summary>The text of an ownership list: header, then one line per path and hash, in ordinal order.</summary>
    public static string FormatOwnership(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var lines = new List<string>();
        foreach (var entry in entries) lines.Add(FormatLine(entry.Value, entry.Key));
        lines.Sort(StringComparer.Ordinal);
        var text = new StringBuilder(OwnershipHeader).Append('\n');
        foreach (var line in lines) text.Append(line).Append('\n');
        return text.ToString();
    }

#if NET
    /// <summary>Lower-case hex SHA-256 of <paramref name="content"/>.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
#else
    /// <summary>Lower-case hex SHA-256 of <paramref name="content"/>.</summary>
    public static string Hash(byte[] content)
    {
        using var sha = SHA256.Create();
        var text = new StringBuilder(64);
        foreach (var b in sha.ComputeHash(content)) text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return text.ToString();
    }
#endif

    private static bool IsLowerHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f';
}
