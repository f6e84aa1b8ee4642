using System.Diagnostics;
using System.Net.Sockets;
using DocGen.Tests.Shared;

namespace DocGen.Core.Tests.Generation;

/// <summary>The remote cache against a real nginx with WebDAV PUT (Debian package <c>nginx</c>) on loopback.</summary>
public sealed class RemoteCacheTests : IDisposable
{
    private readonly FakeOpenAIServer _server = new();
    private readonly EngineHarness _h = new();

    public void Dispose()
    {
        _server.Dispose();
        _h.Dispose();
    }

    [NginxFact]
    public async Task GenerateAsync_RemoteCacheOnNginx_SecondMachineGetsEverythingFromRemote()
    {
        using var nginx = NginxDavServer.TryStart()!;
        var model = TestModels.Calculator(3);
        var first = await _h.RunAsync(model, _h.Options(_server) with { RemoteCacheUrl = nginx.Url });
        first.Diagnostics.ShouldNotContain(d => d.Id == "DG0407");
        Directory.GetFiles(nginx.DataDirectory, "*.json", SearchOption.AllDirectories).Length.ShouldBe(3);

        _h.CacheDirectory = _h.Temp.Combine("fresh-cache");
        var second = await _h.RunAsync(model, _h.Options(_server) with { RemoteCacheUrl = nginx.Url });

        _server.Requests.Count.ShouldBe(1);
        second.Report.RemoteCacheHits.ShouldBe(3);
        second.Report.CacheHits.ShouldBe(3);
        second.Summary("M:Sample.Calc.Op1(System.Int32)").ShouldBe(first.Summary("M:Sample.Calc.Op1(System.Int32)"));
        Directory.GetFiles(_h.CacheDirectory, "*.json", SearchOption.AllDirectories).Length.ShouldBe(3);
    }

    [Fact]
    public async Task GenerateAsync_RemoteCacheDown_OneWarningAndLocalCacheStillWorks()
    {
        var url = $"http://127.0.0.1:{FakeOpenAIServer.FreePort()}/cache/";

        var run = await _h.RunAsync(TestModels.Calculator(3), _h.Options(_server) with { RemoteCacheUrl = url });

        run.WithId("DG0407").ShouldHaveSingleItem().Message.ShouldContain(url);
        run.Report.Members["generated"].ShouldBe(3);
        Directory.GetFiles(_h.CacheDirectory, "*.json", SearchOption.AllDirectories).Length.ShouldBe(3);
    }
}

/// <summary>An nginx master process (daemon off) serving GET/PUT under <c>/cache/</c> from a temp folder.</summary>
internal sealed class NginxDavServer : IDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _temp;

    private NginxDavServer(Process process, TempDirectory temp, string url)
    {
        _process = process;
        _temp = temp;
        Url = url;
    }

    public string Url { get; }
    public string DataDirectory => _temp.Combine("data", "cache");

    public static string? FindBinary() => new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public static NginxDavServer? TryStart()
    {
        var binary = FindBinary();
        if (binary is null) return null;
        var temp = new TempDirectory("docgen-nginx");
        foreach (var dir in new[] { "data/cache", "body", "proxy", "fastcgi", "uwsgi", "scgi", "logs" })
        {
            Directory.CreateDirectory(temp.Combine(dir));
            // Workers of a root master run as nobody; let them write.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp.Combine(dir), (UnixFileMode)0x1FF);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp.Combine("data"), (UnixFileMode)0x1FF);
        var port = FakeOpenAIServer.FreePort();
        var t = temp.Path;
        var config = $$"""
            daemon off;
            worker_processes 1;
            pid {{t}}/nginx.pid;
            error_log {{t}}/logs/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{t}}/body;
                proxy_temp_path {{t}}/proxy;
                fastcgi_temp_path {{t}}/fastcgi;
                uwsgi_temp_path {{t}}/uwsgi;
                scgi_temp_path {{t}}/scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    location /cache/ {
                        root {{t}}/data;
                        dav_methods PUT;
                        create_full_put_path on;
                        dav_access user:rw group:rw all:r;
                        client_max_body_size 16m;
                    }
                }
            }
            """;
        var configPath = temp.Write("nginx.conf", config);
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", t, "-e", t + "/logs/error.log", "-c", configPath }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var server = new NginxDavServer(process, temp, $"http://127.0.0.1:{port}/cache/");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException("nginx exited: " + process.StandardError.ReadToEnd() + File.ReadAllText(temp.Combine("logs", "error.log")));
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return server;
            }
            catch (SocketException) { Thread.Sleep(50); }
        }
        server.Dispose();
        throw new InvalidOperationException("nginx did not start listening within 10 s");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        _temp.Dispose();
    }
}

/// <summary>A fact that is skipped, with the reason, when nginx is not installed.</summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (NginxDavServer.FindBinary() is null) Skip = "nginx is not installed (Debian: apt-get install nginx)";
    }
}
