using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using DocGen.Tests.Shared;
using DocGen.Tool.Commands.Serve;
using DocGen.Core;

namespace DocGen.Tool.Tests;

/// <summary>
/// <c>docgen serve</c> end to end, in process: it builds Hello.Lib, serves it over real HTTP, rebuilds after a source
/// edit and tells the open page (a real server-sent events connection) to reload, then stops on cancellation (Ctrl+C).
/// </summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_EditedSource_RebuildsReloadsThePageAndStopsOnCtrlC()
    {
        using var temp = new TempDirectory("docgen-serve");
        var project = Fixtures.CopyTo("Hello.Lib", temp);
        var stdout = new SyncWriter();
        var stderr = new SyncWriter();
        using var ctrlC = new CancellationTokenSource();
        var serving = Task.Run(() => Cli.RunAsync(["serve", project, "--port", "0", "--formats", "markdown"], stdout, stderr, ctrlC.Token));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
        try
        {
            var url = await WaitForAsync(() => ServingUrl().Match(stdout.Text) is { Success: true } m ? m.Groups[1].Value : null, serving, stderr);

            var index = await http.GetStringAsync(url);
            index.ShouldContain("Hello.Lib");
            index.ShouldContain(SiteServer.ReloadScript);
            var site = Path.Combine(project, "obj", "Debug", "net10.0", "docgen", "site");
            File.ReadAllText(Path.Combine(site, "index.html")).ShouldNotContain("docgen serve", customMessage: "the script is only in served pages, never on disk");
            (await http.GetAsync(url + "assets/docgen.css")).Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
            (await http.GetAsync(url + string.Concat(Enumerable.Repeat("..%2f", 5)) + "Hello.Lib.csproj")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only files of the site are served");

            using var events = await http.GetAsync(url + "__docgen/events", HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
            (await reader.ReadLineAsync()).ShouldBe("retry: 1000");
            var source = Path.Combine(project, "Greeter.cs");
            File.WriteAllText(source, File.ReadAllText(source).Replace("Greets people by name.", "Welcomes everyone warmly."));

            string? line;
            do line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
            while (line is not null && line != "data: reload");
            line.ShouldBe("data: reload", stdout.Text + stderr.Text);
            var page = await http.GetStringAsync(url + "api/hello.lib/greeter/index.html");
            page.ShouldContain("Welcomes everyone warmly.");
        }
        finally
        {
            ctrlC.Cancel();
        }
        (await serving.WaitAsync(TimeSpan.FromMinutes(1))).ShouldBe(ExitCodes.Ok, stderr.Text);
        stdout.Text.ShouldContain("DocGen: stopped serving");
        var port = new Uri(ServingUrl().Match(stdout.Text).Groups[1].Value).Port;
        using var probe = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Serve_PortTaken_FailsWithDG0026()
    {
        using var temp = new TempDirectory("docgen-serve");
        var project = Fixtures.CopyTo("Hello.Lib", temp);
        var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        try
        {
            var port = ((IPEndPoint)blocker.LocalEndpoint).Port;

            var result = await CliResult.RunAsync("serve", project, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--formats", "html");

            result.ExitCode.ShouldBe(ExitCodes.Errors, result.StdOut + result.StdErr);
            result.StdErr.ShouldContain("error DG0026: Cannot listen on http://127.0.0.1:" + port);
        }
        finally
        {
            blocker.Stop();
        }
    }

    private static async Task<string> WaitForAsync(Func<string?> probe, Task running, SyncWriter stderr)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value) return value;
            if (running.IsCompleted) throw new InvalidOperationException($"serve stopped early ({await (Task<int>)running}): {stderr.Text}");
            await Task.Delay(100);
        }
        throw new TimeoutException("serve did not start: " + stderr.Text);
    }

    [GeneratedRegex(@"DocGen: serving (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingUrl();

    /// <summary>A writer the server's threads and the test can share.</summary>
    private sealed class SyncWriter : StringWriter
    {
        private readonly Lock _gate = new();
        public string Text { get { lock (_gate) return ToString(); } }
        public override void Write(char value) { lock (_gate) base.Write(value); }
        public override void Write(string? value) { lock (_gate) base.Write(value); }
        public override void WriteLine(string? value) { lock (_gate) base.WriteLine(value); }
    }
}
