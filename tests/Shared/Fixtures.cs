namespace DocGen.Tests.Shared;

/// <summary>Locates the repository and copies fixture projects (tests/fixtures/NAME) into temp folders to build them for real.</summary>
public static class Fixtures
{
    /// <summary>The repository root (the folder holding DocGenBuild.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string FixturesRoot => Path.Combine(RepositoryRoot, "tests", "fixtures");

    /// <summary>Copies tests/fixtures/<paramref name="name"/> (and the fixtures' Directory.* files) into <paramref name="target"/>; returns the copy's folder.</summary>
    public static string CopyTo(string name, TempDirectory target)
    {
        foreach (var file in Directory.GetFiles(FixturesRoot, "Directory.*"))
            File.Copy(file, target.Combine(Path.GetFileName(file)), overwrite: true);
        var source = Path.Combine(FixturesRoot, name);
        var destination = target.Combine(name);
        CopyDirectory(source, destination);
        return destination;
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var dir in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj") continue;
            CopyDirectory(dir, Path.Combine(destination, name));
        }
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
    }

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "DocGenBuild.sln")))
            dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("DocGenBuild.sln not found above " + AppContext.BaseDirectory);
    }
}
