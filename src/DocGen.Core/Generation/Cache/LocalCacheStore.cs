using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocGen.Core.Generation.Cache;

/// <summary>
/// Key-addressed JSON entries in a folder (<c>ab/abcdef….json</c>). Writes are atomic (unique temp
/// file + rename in the same folder), so concurrent builds sharing the folder never see a torn entry;
/// an entry that does not parse or names another key is a miss and is removed.
/// </summary>
/// <remarks>Not written through the OutputWriter on purpose: the cache is not an output, must survive
/// <c>dotnet clean</c>, and must never be removed as a stale output file.</remarks>
public sealed class LocalCacheStore(string directory)
{
    public const string Schema = "docgen-cache/1";

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Entries found corrupt (and removed) during this run.</summary>
    public int Corrupt => _corrupt;
    private int _corrupt;

    private string PathOf(string key) => Path.Combine(Directory, key[..2], key + ".json");

    /// <summary>The stored answer for <paramref name="key"/>, or null.</summary>
    public JsonNode? TryGet(string key)
    {
        var path = PathOf(key);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException) { return null; }
        catch (IOException) { return null; }
        var answer = ParseEntry(bytes, key);
        if (answer is null)
        {
            Interlocked.Increment(ref _corrupt);
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return answer;
    }

    /// <summary>The answer inside an entry's bytes, or null when they are not a valid entry for the key.</summary>
    public static JsonNode? ParseEntry(ReadOnlySpan<byte> bytes, string key)
    {
        try
        {
            var node = JsonNode.Parse(bytes);
            if (node is JsonObject o && o["schema"]?.GetValue<string>() == Schema && o["key"]?.GetValue<string>() == key && o["answer"] is JsonNode answer)
                return answer.DeepClone();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException) { }
        return null;
    }

    /// <summary>The bytes of an entry.</summary>
    public static byte[] CreateEntry(string key, string useCase, string model, JsonNode answer)
    {
        var entry = new JsonObject
        {
            ["schema"] = Schema,
            ["key"] = key,
            ["useCase"] = useCase,
            ["model"] = model,
            ["answer"] = answer.DeepClone(),
        };
        return Encoding.UTF8.GetBytes(entry.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Stores bytes atomically.</summary>
    /// <exception cref="IOException">The folder is not writable.</exception>
    public void Put(string key, byte[] entry)
    {
        var path = PathOf(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllBytes(temp, entry);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
