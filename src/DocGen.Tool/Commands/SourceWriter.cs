using System.Text;

namespace DocGen.Tool.Commands;

/// <summary>
/// Replaces a file a person owns with an edited text, on their explicit request (<c>fill --apply</c>, <c>init</c>):
/// the file's encoding and byte-order mark and its Unix permissions are kept, and the new content is written to a
/// DocGen-named temp file in the same folder and renamed over the old one, so a failure leaves the old file whole.
/// </summary>
internal static class SourceWriter
{
    public static void Write(string path, string text)
    {
        var encoding = File.Exists(path) ? EncodingOf(path) : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".docgen-tmp");
        try
        {
            File.WriteAllText(temp, text, encoding);
            if (!OperatingSystem.IsWindows() && File.Exists(path)) File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The encoding the file's byte-order mark names; UTF-8 without one when it has none.</summary>
    private static Encoding EncodingOf(string path)
    {
        var head = new byte[4];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.Read(head, 0, head.Length);
        if (read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        if (read >= 2 && head[0] == 0xFF && head[1] == 0xFE) return new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        if (read >= 2 && head[0] == 0xFE && head[1] == 0xFF) return new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    }
}
