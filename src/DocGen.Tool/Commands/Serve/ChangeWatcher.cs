using System.Threading.Channels;

namespace DocGen.Tool.Commands.Serve;

/// <summary>
/// Watches what a site is made from: the project's sources and project files (never <c>bin/</c>, <c>obj/</c>, the
/// output folder or dot-folders such as <c>.git</c>, which every rebuild itself writes to) and the templates folder.
/// <see cref="WaitAsync"/> returns once changes have settled, so an editor's save-and-rename burst is one rebuild.
/// </summary>
internal sealed class ChangeWatcher : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private static readonly string[] ProjectExtensions = [".cs", ".csproj", ".props", ".targets", ".json", ".xml", ".dll"];

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly string _projectDir;
    private readonly string? _templates;
    private readonly string _output;

    /// <param name="projectDir">The project's folder (or a lone assembly's).</param>
    /// <param name="templatesDir">The <c>--templates</c> folder, or null.</param>
    /// <param name="outputDir">Where the site is written (ignored).</param>
    public ChangeWatcher(string projectDir, string? templatesDir, string outputDir)
    {
        _projectDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(projectDir));
        _templates = templatesDir is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(templatesDir));
        _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        Watch(_projectDir);
        if (_templates is not null && !IsUnder(_templates, _projectDir)) Watch(_templates);
    }

    /// <summary>Waits for a relevant change and for the changes after it to settle; returns the first changed path.</summary>
    public async Task<string> WaitAsync(CancellationToken cancellationToken)
    {
        var first = await _changes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(Settle);
            try
            {
                await _changes.Reader.ReadAsync(quiet.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return first;
            }
        }
    }

    private void Watch(string folder)
    {
        if (!Directory.Exists(folder)) return;
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => OnChange(e.FullPath);
        watcher.Created += (_, e) => OnChange(e.FullPath);
        watcher.Deleted += (_, e) => OnChange(e.FullPath);
        watcher.Renamed += (_, e) => { OnChange(e.OldFullPath); OnChange(e.FullPath); };
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void OnChange(string path)
    {
        if (IsRelevant(Path.GetFullPath(path))) _changes.Writer.TryWrite(path);
    }

    /// <summary>True for a change that can alter the site.</summary>
    public bool IsRelevant(string path)
    {
        if (IsUnder(path, _output)) return false;
        if (_templates is not null && IsUnder(path, _templates)) return true;
        if (!IsUnder(path, _projectDir)) return false;
        var relative = Path.GetRelativePath(_projectDir, path).Replace('\\', '/');
        var segments = relative.Split('/');
        if (segments.Any(s => s is "bin" or "obj" || s.StartsWith('.'))) return false;
        return ProjectExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _changes.Writer.TryComplete();
    }
}
