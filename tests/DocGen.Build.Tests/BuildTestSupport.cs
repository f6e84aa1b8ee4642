using DocGen.Tests.Shared;

namespace DocGen.Build.Tests;

/// <summary>Steps and checks shared by the end-to-end build tests.</summary>
internal static class BuildTestSupport
{
    public const string Obj = "obj/Debug/net10.0";

    /// <summary>Runs <c>dotnet build</c> and requires it to succeed.</summary>
    public static async Task<ProcessResult> BuildAsync(this PackedFeed feed, string directory)
    {
        var build = await feed.DotnetAsync(directory, "build");
        build.ExitCode.ShouldBe(0, build.Output);
        return build;
    }

    /// <summary>A shell script that stands in for the <c>dotnet</c> host running the engine (set with <c>-p:_DocGenHost=</c>).</summary>
    public static string FakeHost(string project, string body)
    {
        var host = Path.Combine(project, "fake-host.sh");
        File.WriteAllText(host, "#!/bin/bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(host, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return host;
    }

    /// <summary>Every DocGen file of the project (output, key, stamp) with its last write time.</summary>
    public static Dictionary<string, DateTime> Snapshot(string project, string obj)
    {
        var dir = Path.Combine(project, obj);
        return Directory.EnumerateFiles(Path.Combine(dir, "docgen"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(dir, "docgen*"))
            .ToDictionary(f => Path.GetRelativePath(project, f).Replace('\\', '/'), File.GetLastWriteTimeUtc);
    }

    public static string OutputText(string root) => string.Join("\n",
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".html" or ".md" or ".json")
            .Select(File.ReadAllText));

    public static void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        text.ShouldContain(from);
        File.WriteAllText(file, text.Replace(from, to));
    }

    public static void AddProperties(string projectFile, string properties)
    {
        var text = File.ReadAllText(projectFile);
        File.WriteAllText(projectFile, text.Replace("</PropertyGroup>", properties + "\n  </PropertyGroup>"));
    }
}
