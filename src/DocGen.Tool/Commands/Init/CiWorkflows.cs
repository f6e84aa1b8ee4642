namespace DocGen.Tool.Commands.Init;

/// <summary>A documented project as a CI job sees it.</summary>
/// <param name="Name">Project name (a subfolder of the collected site when there are several).</param>
/// <param name="Directory">Its folder relative to the repository root, with forward slashes ("." for the root).</param>
internal sealed record CiProject(string Name, string Directory);

/// <summary>
/// The CI files <c>docgen init --ci</c> writes: build in Release (which writes each project's site), keep the answer
/// cache between runs, collect the site(s) into one folder, upload it as an artifact and, with <c>--pages</c>, publish
/// it (GitHub Pages, GitLab Pages). docs/ci.md explains the same recipes step by step.
/// </summary>
internal static class CiWorkflows
{
    public static readonly string[] Kinds = ["github", "azure", "gitlab"];

    /// <summary>Where each kind's file goes, relative to the repository root.</summary>
    public static string FileName(string kind) => kind switch
    {
        "github" => ".github/workflows/docgen.yml",
        "azure" => "azure-pipelines.yml",
        _ => ".gitlab-ci.yml",
    };

    /// <param name="kind">github, azure or gitlab.</param>
    /// <param name="target">What to build, relative to the repository root (a .sln, a .csproj or a folder).</param>
    /// <param name="projects">The projects whose sites are collected.</param>
    /// <param name="branch">The branch that publishes (the repository's current one).</param>
    /// <param name="pages">Also publish the site (GitHub Pages, GitLab Pages).</param>
    public static IReadOnlyList<string> Lines(string kind, string target, IReadOnlyList<CiProject> projects, string branch, bool pages) => kind switch
    {
        "github" => GitHub(target, projects, branch, pages),
        "azure" => Azure(target, projects, branch),
        _ => GitLab(target, projects, pages),
    };

    /// <summary>Shell lines that copy each project's site into <paramref name="into"/> (one subfolder per project when several).</summary>
    private static IEnumerable<string> Collect(IReadOnlyList<CiProject> projects, string into)
    {
        yield return $"mkdir -p {into}";
        foreach (var p in projects)
        {
            var destination = projects.Count == 1 ? into : $"{into}/{p.Name}";
            if (projects.Count > 1) yield return $"mkdir -p {destination}";
            var dir = p.Directory == "." ? "" : p.Directory + "/";
            yield return $"cp -r {dir}obj/Release/*/docgen/site/. {destination}/";
        }
    }

    private static List<string> GitHub(string target, IReadOnlyList<CiProject> projects, string branch, bool pages)
    {
        var lines = new List<string>
        {
            "# Builds the API documentation site with DocGen (written by 'docgen init --ci github'; docs/ci.md explains it).",
            "name: docs",
            "on:",
            "  push:",
            $"    branches: [{branch}]",
            "  pull_request:",
            "  workflow_dispatch:",
            "permissions:",
            "  contents: read",
            "jobs:",
            "  site:",
            "    runs-on: ubuntu-latest",
            "    steps:",
            "      - uses: actions/checkout@v4",
            "      - uses: actions/setup-dotnet@v4",
            "        with:",
            "          dotnet-version: '10.0.x'",
            "      # Model answers are cached per member (~/.cache/docgen): an unchanged member never costs a token again.",
            "      - uses: actions/cache@v4",
            "        with:",
            "          path: ~/.cache/docgen",
            "          key: docgen-${{ runner.os }}-${{ github.sha }}",
            "          restore-keys: docgen-${{ runner.os }}-",
            "      # Add -p:DocGenMinCoverage=80 to fail the build when less than 80% of the API is documented.",
            "      - name: Build (writes the site)",
            $"        run: dotnet build {target} -c Release",
            "        # env:",
            "        #   OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}   # with <DocGenProvider>openai</DocGenProvider>",
            "      - name: Collect the site",
            "        run: |",
        };
        lines.AddRange(Collect(projects, "_site").Select(l => "          " + l));
        lines.AddRange(
        [
            "      - uses: actions/upload-artifact@v4",
            "        with:",
            "          name: docgen-site",
            "          path: _site",
        ]);
        if (!pages) return lines;
        lines.AddRange(
        [
            "      # GitHub Pages: turn on Settings → Pages → Source: GitHub Actions.",
            "      - uses: actions/upload-pages-artifact@v3",
            "        if: github.event_name != 'pull_request'",
            "        with:",
            "          path: _site",
            "  deploy:",
            "    if: github.event_name != 'pull_request'",
            "    needs: site",
            "    runs-on: ubuntu-latest",
            "    permissions:",
            "      pages: write",
            "      id-token: write",
            "    environment:",
            "      name: github-pages",
            "      url: ${{ steps.deployment.outputs.page_url }}",
            "    steps:",
            "      - id: deployment",
            "        uses: actions/deploy-pages@v4",
        ]);
        return lines;
    }

    private static List<string> Azure(string target, IReadOnlyList<CiProject> projects, string branch)
    {
        var lines = new List<string>
        {
            "# Builds the API documentation site with DocGen (written by 'docgen init --ci azure'; docs/ci.md explains it).",
            "trigger:",
            $"  - {branch}",
            "pool:",
            "  vmImage: ubuntu-latest",
            "variables:",
            "  DOCGEN_CACHE: $(Pipeline.Workspace)/.docgen-cache",
            "steps:",
            "  - task: UseDotNet@2",
            "    inputs:",
            "      packageType: sdk",
            "      version: 10.0.x",
            "  # Model answers are cached per member: an unchanged member never costs a token again.",
            "  - task: Cache@2",
            "    inputs:",
            "      key: 'docgen | \"$(Agent.OS)\" | $(Build.SourceVersion)'",
            "      restoreKeys: 'docgen | \"$(Agent.OS)\"'",
            "      path: $(DOCGEN_CACHE)",
            "  # Add -p:DocGenMinCoverage=80 to fail the build when less than 80% of the API is documented.",
            $"  - script: dotnet build {target} -c Release -p:DocGenCacheDirectory=$(DOCGEN_CACHE)",
            "    displayName: Build (writes the site)",
            "    # env:",
            "    #   OPENAI_API_KEY: $(OPENAI_API_KEY)   # a secret variable, with <DocGenProvider>openai</DocGenProvider>",
            "  - script: |",
        };
        lines.AddRange(Collect(projects, "$(Build.ArtifactStagingDirectory)/site").Select(l => "      " + l));
        lines.AddRange(
        [
            "    displayName: Collect the site",
            "  - publish: $(Build.ArtifactStagingDirectory)/site",
            "    artifact: docgen-site",
        ]);
        return lines;
    }

    private static List<string> GitLab(string target, IReadOnlyList<CiProject> projects, bool pages)
    {
        // GitLab Pages publishes the "public" artifact of a job named "pages".
        var lines = new List<string>
        {
            "# Builds the API documentation site with DocGen (written by 'docgen init --ci gitlab'; docs/ci.md explains it).",
            pages ? "pages:" : "docs:",
            "  image: mcr.microsoft.com/dotnet/sdk:10.0",
            "  variables:",
            "    DOCGEN_CACHE: \"$CI_PROJECT_DIR/.docgen-cache\"",
            "  # Model answers are cached per member: an unchanged member never costs a token again.",
            "  cache:",
            "    key: docgen",
            "    paths:",
            "      - .docgen-cache/",
            "  script:",
            "    # Add -p:DocGenMinCoverage=80 to fail the build when less than 80% of the API is documented.",
            $"    - dotnet build {target} -c Release -p:DocGenCacheDirectory=$DOCGEN_CACHE",
        };
        lines.AddRange(Collect(projects, "public").Select(l => "    - " + l));
        lines.AddRange(
        [
            "  artifacts:",
            "    name: docgen-site",
            "    paths:",
            "      - public",
        ]);
        if (pages) lines.AddRange(["  rules:", "    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]);
        return lines;
    }
}
