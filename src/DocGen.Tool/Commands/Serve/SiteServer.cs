using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DocGen.Tool.Commands.Serve;

/// <summary>
/// Serves a site folder on 127.0.0.1 for <c>docgen serve</c>. HTML pages get a small live-reload script (added to the
/// response only, never to the files on disk) that listens on <see cref="EventsPath"/>, a server-sent events stream:
/// <see cref="Reload"/> makes every open page reload. Only GET and HEAD, only files inside the folder.
/// </summary>
internal sealed class SiteServer : IAsyncDisposable
{
    public const string EventsPath = "/__docgen/events";
    public const string ReloadScript =
        "<script>/* docgen serve: live reload */(function(){var s=new EventSource('" + EventsPath + "');" +
        "s.onmessage=function(e){if(e.data==='reload')location.reload();};})();</script>";

    private readonly HttpListener _listener;
    private readonly string _root;
    private readonly List<HttpListenerResponse> _clients = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private SiteServer(HttpListener listener, string root, int port)
    {
        _listener = listener;
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Url = $"http://127.0.0.1:{port}/";
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The address pages are served at, with a trailing slash.</summary>
    public string Url { get; }

    /// <summary>Starts listening on <paramref name="port"/> (0: a free port).</summary>
    /// <exception cref="HttpListenerException">The port cannot be listened on (taken, or not allowed).</exception>
    public static SiteServer Start(string root, int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port == 0 ? FreePort() : port;
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
            try
            {
                listener.Start();
                return new SiteServer(listener, root, chosen);
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                // Another process took the probed port first: probe again.
                try { listener.Close(); } catch (HttpListenerException) { }
            }
        }
    }

    /// <summary>Tells every open page to reload.</summary>
    public void Reload() => Broadcast("data: reload\n\n");

    /// <summary>Open live-reload connections (pages showing the site).</summary>
    public int Clients { get { lock (_gate) return _clients.Count; } }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                if (_stop.IsCancellationRequested || !_listener.IsListening) return;
                continue;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var method = context.Request.HttpMethod;
            if (method is not ("GET" or "HEAD"))
            {
                await SendAsync(response, 405, "text/plain; charset=utf-8", "Only GET and HEAD."u8.ToArray(), head: false).ConfigureAwait(false);
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            if (path == EventsPath)
            {
                OpenEvents(response);
                return;
            }
            if (Resolve(Uri.UnescapeDataString(path)) is not { } file)
            {
                await SendAsync(response, 404, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes($"Not found: {path}"), method == "HEAD").ConfigureAwait(false);
                return;
            }
            var bytes = await File.ReadAllBytesAsync(file, _stop.Token).ConfigureAwait(false);
            var type = ContentType(file);
            if (type.StartsWith("text/html", StringComparison.Ordinal)) bytes = InjectReloadScript(bytes);
            response.Headers["Cache-Control"] = "no-store";
            await SendAsync(response, 200, type, bytes, method == "HEAD").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or ObjectDisposedException or UnauthorizedAccessException or OperationCanceledException)
        {
            try { response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    /// <summary>The file a request path names, confined to the site folder; a folder means its <c>index.html</c>.</summary>
    private string? Resolve(string path)
    {
        var relative = path.TrimStart('/');
        if (relative.Contains('\0')) return null;
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (full != _root && !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        if (Directory.Exists(full)) full = Path.Combine(full, "index.html");
        return File.Exists(full) ? full : null;
    }

    /// <summary>The page with the reload script before its closing body tag (or at its end).</summary>
    public static byte[] InjectReloadScript(byte[] page)
    {
        var html = Encoding.UTF8.GetString(page);
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        html = at < 0 ? html + ReloadScript : html.Insert(at, ReloadScript);
        return Encoding.UTF8.GetBytes(html);
    }

    private void OpenEvents(HttpListenerResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers["Cache-Control"] = "no-store";
        response.SendChunked = true;
        lock (_gate) _clients.Add(response);
        // "retry" makes a page reconnect within a second when the server restarts.
        Send(response, "retry: 1000\n: connected\n\n");
    }

    private void Broadcast(string message)
    {
        List<HttpListenerResponse> clients;
        lock (_gate) clients = [.. _clients];
        foreach (var client in clients) Send(client, message);
    }

    private void Send(HttpListenerResponse client, string message)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(message);
            lock (client)
            {
                client.OutputStream.Write(bytes);
                client.OutputStream.Flush();
            }
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The page went away.
            lock (_gate) _clients.Remove(client);
            try { client.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    private static async Task SendAsync(HttpListenerResponse response, int status, string type, byte[] body, bool head)
    {
        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength64 = body.Length;
        if (!head) await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        response.Close();
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".ico" => "image/x-icon",
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        ".txt" or ".md" => "text/plain; charset=utf-8",
        ".xml" => "application/xml",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        List<HttpListenerResponse> clients;
        lock (_gate)
        {
            clients = [.. _clients];
            _clients.Clear();
        }
        foreach (var client in clients)
        {
            try { client.Abort(); } catch (ObjectDisposedException) { }
        }
        try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
        try { await _loop.ConfigureAwait(false); } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
