using DocGen.Core.Diagnostics;

namespace DocGen.Tool.Commands.Init;

/// <summary>
/// Where <c>docgen init</c> puts things. A single project (a <c>.csproj</c>, or a folder with exactly one and no
/// solution) gets the reference itself; a solution or a folder of several projects gets it in
/// <c>Directory.Build.props</c> beside them, so every project is documented. A <c>Directory.Packages.props</c> that
/// turns on central package management (in the folder or above it) gets the version.
/// </summary>
internal sealed record InitLayout
{
    public Diagnostic? Problem { get; init; }
    /// <summary>The project file or <c>Directory.Build.props</c> that gets the package reference.</summary>
    public string ReferenceFile { get; init; } = "";
    /// <summary>The central <c>Directory.Packages.props</c>, when versions are managed centrally.</summary>
    public string? PackagesProps { get; init; }
    /// <summary>The repository root (the folder holding <c>.git</c>), or the init folder.</summary>
    public string RepositoryRoot { get; init; } = "";
    /// <summary>What CI builds: <c>dotnet build X</c> arguments, relative to the repository root.</summary>
    public string BuildCommandTarget { get; init; } = "";
    public IReadOnlyList<CiProject> CiProjects { get; init; } = [];
    /// <summary>The branch that publishes (the repository's current branch, else <c>main</c>).</summary>
    public string Branch { get; init; } = "main";

    public static InitLayout Find(string? path)
    {
        var full = Path.GetFullPath(path ?? Directory.GetCurrentDirectory());
        string folder;
        string? project = null, solution = null;
        if (File.Exists(full))
        {
            folder = Path.GetDirectoryName(full)!;
            switch (Path.GetExtension(full).ToLowerInvariant())
            {
                case ".csproj": project = full; break;
                case ".sln" or ".slnx": solution = full; break;
                default: return new InitLayout { Problem = DiagnosticIds.UnsupportedInput.Create(full, null, full) };
            }
        }
        else if (Directory.Exists(full))
        {
            folder = full;
            solution = Directory.GetFiles(folder, "*.sln").Concat(Directory.GetFiles(folder, "*.slnx")).Order(StringComparer.Ordinal).FirstOrDefault();
            var here = Directory.GetFiles(folder, "*.csproj");
            if (solution is null && here.Length == 1) project = here[0];
        }
        else
        {
            return new InitLayout { Problem = DiagnosticIds.InputNotFound.Create(full) };
        }

        var projects = project is not null ? [project] : ProjectsUnder(folder);
        if (projects.Count == 0)
            return new InitLayout { Problem = DiagnosticIds.NoSingleProject.Create($"'{folder}' holds no .csproj (in it or its subfolders); run init in a project or solution folder") };

        var root = RepositoryRootOf(folder) ?? folder;
        var documented = projects.Where(p => project is not null || !IsTestProject(p)).DefaultIfEmpty(projects[0]).ToList();
        string Relative(string p) => Path.GetRelativePath(root, p).Replace('\\', '/');
        var target = solution is not null ? Relative(solution)
            : project is not null ? Relative(project)
            : string.Join(" -c Release && dotnet build ", documented.Select(Relative));
        return new InitLayout
        {
            ReferenceFile = project ?? Path.Combine(folder, "Directory.Build.props"),
            PackagesProps = CentralPackagesProps(folder, root),
            RepositoryRoot = root,
            BuildCommandTarget = target,
            CiProjects = [.. documented.Select(p => new CiProject(Path.GetFileNameWithoutExtension(p), Relative(Path.GetDirectoryName(p)!) is { Length: > 0 } d ? d : "."))],
            Branch = BranchOf(root) ?? "main",
        };
    }

    private static List<string> ProjectsUnder(string folder)
    {
        var found = new List<string>();
        void Visit(string dir, int depth)
        {
            found.AddRange(Directory.GetFiles(dir, "*.csproj"));
            if (depth == 4) return;
            foreach (var sub in Directory.GetDirectories(dir))
            {
                var name = Path.GetFileName(sub);
                if (name is "bin" or "obj" or "node_modules" || name.StartsWith('.')) continue;
                Visit(sub, depth + 1);
            }
        }
        Visit(folder, 0);
        return [.. found.Order(StringComparer.Ordinal)];
    }

    /// <summary>Test projects get DocGen too (Directory.Build.props reaches them), but their sites are not published.</summary>
    private static bool IsTestProject(string project)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        return name.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".Test", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("Tests", StringComparison.Ordinal) || name.Contains(".Tests.", StringComparison.OrdinalIgnoreCase);
    }

    private static string? CentralPackagesProps(string folder, string root)
    {
        for (var dir = folder; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, "Directory.Packages.props");
            if (File.Exists(candidate))
                return MsBuildFileEditor.Load(File.ReadAllText(candidate)) is { } doc && MsBuildFileEditor.ManagesVersionsCentrally(doc) ? candidate : null;
            if (string.Equals(dir, root, StringComparison.Ordinal)) break;
        }
        return null;
    }

    private static string? RepositoryRootOf(string folder)
    {
        for (var dir = folder; dir is not null; dir = Path.GetDirectoryName(dir))
            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git"))) return dir;
        return null;
    }

    /// <summary>The current branch from <c>.git/HEAD</c> (a worktree's <c>.git</c> file points at its own HEAD).</summary>
    private static string? BranchOf(string root)
    {
        try
        {
            var git = Path.Combine(root, ".git");
            if (File.Exists(git) && File.ReadAllText(git).Trim() is { } pointer && pointer.StartsWith("gitdir:", StringComparison.Ordinal))
                git = Path.GetFullPath(Path.Combine(root, pointer["gitdir:".Length..].Trim()));
            var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
            return head.StartsWith("ref: refs/heads/", StringComparison.Ordinal) ? head["ref: refs/heads/".Length..] : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
