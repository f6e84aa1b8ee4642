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

    internal EmitRun Run { get; } = new(SampleModel.Site(), dependencies: SiteDependencies());

    /// <summary>The generated site served over HTTP (started with the browser).</summary>
    internal StaticSiteServer? Server { get; private set; }

    /// <summary>One page of each kind of the site, by kind.</summary>
    internal static readonly IReadOnlyDictionary<string, string> PageKinds = new Dictionary<string, string>
    {
        ["index"] = "index.html",
        ["namespace"] = "api/acme.shapes/index.html",
        ["type"] = "api/acme.shapes/shape/index.html",
        ["member"] = "api/acme.shapes/shape/area.html",
        ["enum"] = "api/acme.shapes/color/index.html",
        ["delegate"] = "api/acme.shapes/shapehandler/index.html",
        ["interface"] = "api/acme.shapes/ishape/index.html",
        ["coverage"] = "coverage.html",
        ["dependencies"] = "dependencies.html",
    };

    private static DocGen.Core.Model.DependencySet SiteDependencies() => new()
    {
        ProjectName = "Acme",
        TargetFramework = "net10.0",
        Dependencies =
        [
            new DocGen.Core.Model.ResolvedDependency
            {
                Id = "Json.Lib", Version = "2.0.1", IsDirect = true, Description = "Reads and writes JSON.",
                License = new DocGen.Core.Model.PackageLicense(DocGen.Core.Model.LicenseKind.Expression, "MIT", null),
            },
        ],
    };

    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath)) return;
        Server = new StaticSiteServer(Path.Combine(Run.Root, "site"));
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
        Server?.Dispose();
        Run.Dispose();
    }
}

/// <summary>The browser test classes: run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}

/// <summary>Opens the generated site from file:// in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
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
        await page.WaitForURLAsync("**/api/acme.shapes/circle/index.html", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
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
}
