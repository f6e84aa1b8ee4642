using Microsoft.Playwright;

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

/// <summary>Opens the generated site from file:// in headless Chromium.</summary>
public sealed class SiteBrowserTests(FullSiteFixture fixture) : IClassFixture<FullSiteFixture>
{
    private readonly List<string> _pageErrors = [];

    private async Task<(IPlaywright Playwright, IBrowser Browser, IPage Page)> OpenAsync(string relative)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        page.PageError += (_, e) => _pageErrors.Add(e);
        await page.GotoAsync(new Uri(Path.Combine(fixture.Run.Root, "site", relative)).AbsoluteUri);
        return (playwright, browser, page);
    }

    [ChromiumFact]
    public async Task Search_TypingAName_ListsMatchesAndOpensThePage()
    {
        var (playwright, browser, page) = await OpenAsync("api/acme.shapes/shape/area.html");
        using var _ = playwright;
        await using var __ = browser;

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
        await page.WaitForURLAsync("**/api/acme.shapes/circle.html");
        (await page.TitleAsync()).ShouldStartWith("Circle class");
        _pageErrors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task ThemeToggle_Click_SwitchesThemeAndRemembersIt()
    {
        var (playwright, browser, page) = await OpenAsync("index.html");
        using var _ = playwright;
        await using var __ = browser;

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
}
