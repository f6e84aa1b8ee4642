using DocGen.Core.Emission;
using DocGen.Core.Emission.Pages;
using Microsoft.Playwright;
using DocGen.Core.Emission.Html;

namespace DocGen.Core.Tests.Emission;

/// <summary>A fact that runs only where Debian's Chromium is installed (Playwright's own download does not work offline).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath)) Skip = $"Chromium is not installed at {ChromiumPath} (CI: apt-get install -y chromium)";
    }
}

/// <summary>The sample site plus one headless Chromium, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    internal EmitRun Run { get; } = new(SampleModel.Full());

    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath)) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Run.Dispose();
    }
}

/// <summary>Opens the generated site from file:// in headless Chromium.</summary>
public sealed class SiteBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _pageErrors = [];

    private async Task<IPage> OpenAsync(string root, string relative)
    {
        // A fresh context per test: its own localStorage, so the theme test starts from the default.
        var context = await fixture.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        page.PageError += (_, e) => _pageErrors.Add(e);
        await page.GotoAsync(new Uri(Path.Combine(root, "site", relative)).AbsoluteUri);
        return page;
    }

    [ChromiumFact]
    public async Task Search_TypingAName_ListsMatchesAndOpensThePage()
    {
        var page = await OpenAsync(fixture.Run.Root, "api/acme.shapes/shape/area.html");

        await page.FocusAsync("#search-box");
        await page.FillAsync("#search-box", "circ");
        var first = page.Locator("#search-results li a").First;
        await first.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        (await first.InnerTextAsync()).ShouldStartWith("Circle");

        // A summary with markup shows as text in the results.
        await page.FillAsync("#search-box", "area");
        await page.Locator("#search-results li a").First.WaitForAsync();
        (await page.Locator("#search-results").InnerTextAsync()).ShouldContain("<script>");
        (await page.Locator("#search-results script").CountAsync()).ShouldBe(0);

        await page.FillAsync("#search-box", "circ");
        await page.Locator("#search-results li a").First.ClickAsync();
        await page.WaitForURLAsync("**/api/acme.shapes/circle/index.html");
        (await page.TitleAsync()).ShouldStartWith("Circle class");
        _pageErrors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task ThemeToggle_Click_SwitchesThemeAndRemembersIt()
    {
        var page = await OpenAsync(fixture.Run.Root, "index.html");

        var before = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        await page.ClickAsync("#theme-toggle");
        var theme = await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-theme')");
        theme.ShouldBeOneOf("dark", "light");
        var after = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        after.ShouldNotBe(before);

        await page.ReloadAsync();
        (await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-theme')")).ShouldBe(theme);
        _pageErrors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task Search_IndexOf22000Entries_AnswersWithin50Milliseconds()
    {
        // The site of the sample model with the search index of a 2,000-type, 20,000-member model.
        using var dir = new DocGen.Tests.Shared.TempDirectory("docgen-search");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(fixture.Run.Root, "site"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir.Path, "site", Path.GetRelativePath(Path.Combine(fixture.Run.Root, "site"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var pages = new PageNames(SampleModel.Large(2000, 20));
        var index = SearchIndex.Build(pages, new LinkResolver(pages, ".html", null));
        File.WriteAllText(Path.Combine(dir.Path, "site", SearchIndex.FileName), index);

        var page = await OpenAsync(dir.Path, "index.html");
        await page.FocusAsync("#search-box");
        await page.WaitForFunctionAsync("Array.isArray(window.DOCGEN_SEARCH)", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        (await page.EvaluateAsync<int>("window.DOCGEN_SEARCH.length")).ShouldBeGreaterThan(22_000);

        var slowest = 0.0;
        foreach (var query in new[] { "m", "type1", "method7", "ns3.type42", "nothing-matches", "e" })
        {
            var ms = await page.EvaluateAsync<double>(@"q => {
                const box = document.getElementById('search-box');
                const t0 = performance.now();
                box.value = q;
                box.dispatchEvent(new Event('input'));
                return performance.now() - t0;
            }", query);
            slowest = Math.Max(slowest, ms);
        }
        (await page.Locator("#search-results li a").CountAsync()).ShouldBe(30);
        slowest.ShouldBeLessThan(50);
    }
}
