using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DocGen.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DocGen.Tool.Tests;

/// <summary>
/// A large generated library (hundreds of documented types, thousands of pages), compiled once with Roslyn, so a
/// real engine process is still writing when a test kills or interrupts it.
/// </summary>
public sealed class SyntheticLibrary : IDisposable
{
    public const int Types = 300;

    public SyntheticLibrary()
    {
        var source = new StringBuilder();
        for (var i = 0; i < Types; i++)
        {
            source.Append("namespace Synthetic.Area").Append(i % 12).Append(" {\n");
            source.Append("/// <summary>Service ").Append(i).Append(", which does useful work.</summary>\n");
            source.Append("public class Service").Append(i).Append(" {\n");
            for (var m = 0; m < 8; m++)
                source.Append("/// <summary>Operation ").Append(m).Append(" of service ").Append(i).Append(".</summary><param name=\"value\">The input.</param><returns>The result.</returns>\n")
                    .Append("public int Operation").Append(m).Append("(int value) => value * ").Append(m).Append(";\n");
            source.Append("/// <summary>The name.</summary>\npublic string Name { get; set; } = \"\";\n}\n}\n");
        }
        var assembly = Temp.Combine("Synthetic.Library.dll");
        var compilation = CSharpCompilation.Create("Synthetic.Library",
            [CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(documentationMode: DocumentationMode.Parse))],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using (var dll = File.Create(assembly))
        using (var xml = File.Create(Path.ChangeExtension(assembly, ".xml")))
            compilation.Emit(dll, xmlDocumentationStream: xml).Success.ShouldBeTrue();
        Assembly = assembly;
    }

    public TempDirectory Temp { get; } = new("docgen-synthetic");

    public string Assembly { get; }

    /// <summary>The engine as a separate process (<c>dotnet exec docgen.dll build …</c>), as the MSBuild task runs it.</summary>
    public static Process StartEngine(params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "docgen.dll"));
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(psi)!;
        return process;
    }

    /// <summary>Waits until the engine has written at least <paramref name="files"/> files under <paramref name="folder"/>.</summary>
    public static async Task WaitForFilesAsync(Process engine, string folder, int files)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !engine.HasExited)
        {
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Take(files).Count() == files) return;
            await Task.Delay(20);
        }
        engine.HasExited.ShouldBeFalse("the engine finished before the test could interrupt it; make the library larger");
    }

    /// <summary>SHA-256 of every file under <paramref name="root"/> whose relative path passes <paramref name="include"/>.</summary>
    public static Dictionary<string, string> Hashes(string root, Func<string, bool>? include = null) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => include?.Invoke(f) ?? true)
            .ToDictionary(f => f, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, f)))), StringComparer.Ordinal);

    /// <summary>The site and Markdown pages and the file list: what must equal a clean build after a repair (report.json records the repair).</summary>
    public static bool IsPageOrList(string relative) =>
        relative.StartsWith("site/", StringComparison.Ordinal) || relative.StartsWith("markdown/", StringComparison.Ordinal) || relative == ".docgen-files.txt";

    /// <summary>
    /// The proof that nothing is partial after a kill: every file DocGen left is recorded (ownership list or journal)
    /// with exactly its content, and every file not recorded is the user's.
    /// </summary>
    public static void ShouldRecordEveryFileItLeft(string root, params string[] userFiles)
    {
        var recorded = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var list in new[] { ".docgen-owned.txt", ".docgen-journal.txt" })
        {
            var path = Path.Combine(root, list);
            if (!File.Exists(path)) continue;
            foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 66 && !l.StartsWith('#')))
            {
                if (!recorded.TryGetValue(line[66..], out var hashes)) recorded[line[66..]] = hashes = [];
                hashes.Add(line[..64]);
            }
        }
        foreach (var (file, hash) in Hashes(root, f => !f.StartsWith(".docgen-", StringComparison.Ordinal) && !userFiles.Contains(f)))
        {
            recorded.TryGetValue(file, out var hashes).ShouldBeTrue($"{file} was left by DocGen but is not recorded as its own");
            hashes!.ShouldContain(hash, $"{file} is partial or not what DocGen recorded");
        }
    }

    public void Dispose() => Temp.Dispose();
}
