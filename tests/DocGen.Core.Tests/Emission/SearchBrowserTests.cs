using Microsoft.Playwright;

namespace DocGen.Core.Tests.Emission;

/// <summary>The site's search in headless Chromium from file://: full text, ranking, keyboard and the results page.
/// (Its speed on a 20,000-member site is measured by build/bench.sh, not here.)</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private async Task<IPage> OpenAsync(string relative)
    {
        var context = await fixture.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        page.PageError += (_, e) => _errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") _errors.Add(m.Text); };
        await page.GotoAsync(new Uri(Path.Combine(fixture.Run.Root, "site", "x")).AbsoluteUri[..^1] + relative);
        return page;
    }

    private static async Task<string> FirstResultAsync(IPage page, string query)
    {
        await page.FocusAsync("#search-box");
        await page.FillAsync("#search-box", query);
        var first = page.Locator("#search-results li a").First;
        await first.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        return await first.Locator(".r-name").InnerTextAsync();
    }

    [ChromiumFact]
    public async Task Search_WordsOfACamelCaseName_RankThatTypeFirst()
    {
        var page = await OpenAsync("index.html");

        (await FirstResultAsync(page, "shape handler")).ShouldBe("ShapeHandler");
        (await FirstResultAsync(page, "handler")).ShouldBe("ShapeHandler");
        (await FirstResultAsync(page, "circle")).ShouldBe("Circle");
        _errors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task Search_AWordOnlyInASummary_FindsTheMember()
    {
        var page = await OpenAsync("index.html");

        await FirstResultAsync(page, "creates");
        (await page.Locator("#search-results").InnerTextAsync()).ShouldContain("Creates a shape.");
        _errors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task Search_Keyboard_ArrowsPickEnterOpensEscapeCloses()
    {
        var page = await OpenAsync("index.html");
        await FirstResultAsync(page, "shape");
        var second = await page.Locator("#search-results li a").Nth(1).GetAttributeAsync("href");
        var secondUrl = await page.Locator("#search-results li a").Nth(1).EvaluateAsync<string>("a => a.href");

        await page.Keyboard.PressAsync("Escape");
        (await page.Locator("#search-results").IsHiddenAsync()).ShouldBeTrue();

        await FirstResultAsync(page, "shape");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        (await page.Locator("#search-results li.active a").GetAttributeAsync("href")).ShouldBe(second);
        await page.Keyboard.PressAsync("Enter");
        // The behaviour is where Enter goes. Playwright's WaitForURL can miss a file:// navigation that commits while it
        // starts waiting (seen when the browser tests run back to back), so poll the page's URL instead.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (page.Url != secondUrl && DateTime.UtcNow < deadline) await Task.Delay(100);
        page.Url.ShouldBe(secondUrl);
        _errors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task SearchPage_QueryInTheUrl_ListsEveryMatchFromFileUrl()
    {
        var page = await OpenAsync("search.html?q=shape");

        var results = page.Locator("#search-page-results li a");
        await results.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        (await page.InputValueAsync("#search-page-box")).ShouldBe("shape");
        (await results.CountAsync()).ShouldBeGreaterThan(3);
        (await page.Locator("#search-page-status").InnerTextAsync()).ShouldContain("results");

        // Typing on the page searches again; a result opens its page.
        await page.FillAsync("#search-page-box", "circle");
        await page.Locator("#search-page-results li a .r-name", new PageLocatorOptions { HasTextString = "Circle" }).First.ClickAsync();
        await page.WaitForURLAsync("**/api/acme.shapes/circle/index.html", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        _errors.ShouldBeEmpty();
    }
}
