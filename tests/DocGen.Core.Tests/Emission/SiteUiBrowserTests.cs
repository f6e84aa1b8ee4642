using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DocGen.Core.Tests.Emission;

/// <summary>
/// The site as a reader uses it, in headless Chromium: the navigation tree and its filter, narrow screens, deep links,
/// copy buttons, file:// and HTTP, console errors and axe-core, on one page of every kind. One browser and one site for
/// the whole class (the fixture); each test opens its own context.
/// </summary>
/// <remarks>In one collection with <see cref="SiteBrowserTests"/>: browser classes run one after the other, so a timed search test
/// does not share the two cores with a second browser.</remarks>
[Collection(BrowserCollection.Name)]
public sealed class SiteUiBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string relative, BrowserNewContextOptions? options = null, bool http = false)
    {
        var context = await fixture.Browser!.NewContextAsync(options ?? new BrowserNewContextOptions());
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await GotoAsync(page, relative, http);
        return (page, errors);
    }

    /// <summary>Opens a page of the site (a path relative to its root, with an optional #fragment) from file:// or over HTTP.</summary>
    private Task GotoAsync(IPage page, string relative, bool http = false)
    {
        var hash = relative.IndexOf('#');
        var (file, fragment) = hash < 0 ? (relative, "") : (relative[..hash], relative[hash..]);
        var url = (http ? fixture.Server!.BaseUrl + file : new Uri(Path.Combine(fixture.Run.Root, "site", file)).AbsoluteUri) + fragment;
        return page.GotoAsync(url);
    }

    [ChromiumFact]
    public async Task NavTree_MemberPage_OpensItsNamespaceMarksItsTypeAndShowsItsMembersByKind()
    {
        var (page, errors) = await OpenAsync(BrowserFixture.PageKinds["member"]);

        var tree = page.Locator("#nav-tree .tree");
        (await tree.CountAsync()).ShouldBe(1);
        // Every namespace of the site is in the tree, from the shared assets/nav.js.
        (await page.Locator("#nav-tree .tree > li").CountAsync()).ShouldBe(await page.EvaluateAsync<int>("window.DOCGEN_NAV.length"));
        var shapes = page.Locator("#nav-tree .tree > li", new() { Has = page.Locator("> .row > a", new() { HasTextString = "Acme.Shapes" }) }).First;
        (await shapes.Locator("> .row > .twisty").GetAttributeAsync("aria-expanded")).ShouldBe("true");
        var type = shapes.Locator("ul a.current-parent").First;
        (await type.InnerTextAsync()).ShouldEndWith("Shape");
        // The current type's members sit under it, grouped by kind, the current member marked.
        var members = page.Locator("#nav-tree .nav-members");
        (await members.Locator(".nav-group").AllInnerTextsAsync()).ShouldContain("Methods");
        (await members.Locator("a[aria-current=page]").InnerTextAsync()).ShouldBe("Area");

        // Another namespace opens on a click and lists its types.
        var util = page.Locator("#nav-tree .tree > li", new() { Has = page.Locator("> .row > a", new() { HasTextString = "Acme.Util" }) }).First;
        await util.Locator("> .row > .twisty").ClickAsync();
        (await util.Locator("ul a").AllInnerTextsAsync()).ShouldContain(t => t.EndsWith("Odd", StringComparison.Ordinal));
        errors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task NavTree_TypePage_ShowsTheTypesMembersFromItsOwnTables()
    {
        var (page, errors) = await OpenAsync(BrowserFixture.PageKinds["type"]);

        var current = page.Locator("#nav-tree .tree li", new() { Has = page.Locator("> .row > a[aria-current=page]") });
        (await current.Locator("> .row > a").InnerTextAsync()).ShouldEndWith("Shape");
        (await current.Locator(".nav-members .nav-group").AllInnerTextsAsync()).ShouldContain("Methods");
        // One entry per member page: Area's two overloads are one link.
        (await current.Locator(".nav-members a", new() { HasTextString = "Area" }).AllInnerTextsAsync()).Count(t => t == "Area").ShouldBe(1);
        errors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task NavFilter_TypingPartOfAName_ShowsOnlyMatchingTypesAndEnterOpensTheFirst()
    {
        var (page, errors) = await OpenAsync("index.html");

        await page.FillAsync("#nav-filter", "squ");
        var visible = page.Locator("#nav-tree .tree > li:not([hidden]) > ul:not([hidden]) > li:not([hidden]) > .row > a");
        (await visible.AllInnerTextsAsync()).Select(t => t[1..].Trim()).ShouldBe(["Square"]);
        (await page.Locator("#nav-tree .tree > li:not([hidden])").CountAsync()).ShouldBe(1);

        await page.FillAsync("#nav-filter", "no-such-type");
        (await page.Locator(".tree-empty").IsVisibleAsync()).ShouldBeTrue();

        await page.FillAsync("#nav-filter", "squ");
        await page.PressAsync("#nav-filter", "Enter");
        await page.WaitForURLAsync("**/api/acme.shapes/square/index.html", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        errors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task NoJavaScript_TypeAndMemberPages_SidebarListsTheNamespacesTypesAndTheTypesMembers()
    {
        var (page, _) = await OpenAsync(BrowserFixture.PageKinds["member"], new() { JavaScriptEnabled = false });

        // A member page: the namespace's types (its type marked) and the type's members by kind (itself marked).
        (await page.Locator("#nav-types a.current-parent").InnerTextAsync()).ShouldBe("Shape");
        (await page.Locator("#nav-members .nav-group").AllInnerTextsAsync()).ShouldContain("Methods");
        (await page.Locator("#nav-members a[aria-current=page]").InnerTextAsync()).ShouldBe("Area");

        // A type page: the namespace's types; its members are its body, reached from the outline.
        await page.Locator("#nav-types a", new() { HasTextString = "Circle" }).ClickAsync();
        await page.WaitForURLAsync("**/api/acme.shapes/circle/index.html", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        (await page.Locator("#nav-types a[aria-current=page]").InnerTextAsync()).ShouldBe("Circle");
        (await page.Locator(".breadcrumbs a").AllInnerTextsAsync()).ShouldContain("Acme.Shapes");
        (await page.Locator(".outline a").AllInnerTextsAsync()).ShouldContain("Properties");
    }

    [ChromiumFact]
    public async Task Outline_TypePage_ListsItsSectionsAndADeepLinkLandsBelowTheHeader()
    {
        var (page, errors) = await OpenAsync(BrowserFixture.PageKinds["type"] + "#methods", new() { ViewportSize = new() { Width = 1400, Height = 600 } });

        (await page.Locator(".outline a").AllInnerTextsAsync()).ShouldContain("Methods");
        var headerBottom = await page.EvaluateAsync<double>("document.querySelector('.topbar').getBoundingClientRect().bottom");
        var top = await page.EvaluateAsync<double>("document.getElementById('methods').getBoundingClientRect().top");
        top.ShouldBeGreaterThanOrEqualTo(headerBottom);
        (await page.EvaluateAsync<double>("window.scrollY")).ShouldBeGreaterThan(0);

        await page.Locator(".outline a", new() { HasTextString = "Properties" }).ClickAsync();
        (await page.EvaluateAsync<double>("document.getElementById('properties').getBoundingClientRect().top")).ShouldBeGreaterThanOrEqualTo(headerBottom);
        errors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task Mobile_EveryPageKindAt360And390Pixels_HasNoSidewaysScrollAndAMenuForTheTree()
    {
        foreach (var width in new[] { 360, 390 })
        {
            var (page, errors) = await OpenAsync("index.html", new() { ViewportSize = new() { Width = width, Height = 780 }, IsMobile = true, HasTouch = true });
            foreach (var (kind, relative) in BrowserFixture.PageKinds)
            {
                await GotoAsync(page, relative);
                var overflow = await page.EvaluateAsync<double>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                overflow.ShouldBeLessThanOrEqualTo(0, $"{kind} at {width} px scrolls sideways");
                (await page.Locator("#search-box").BoundingBoxAsync())!.Width.ShouldBeGreaterThan(width * 0.8f, $"{kind}: search box");
                (await page.Locator("#sidebar").IsVisibleAsync()).ShouldBeFalse();
                await page.ClickAsync("#nav-toggle");
                (await page.Locator("#sidebar").IsVisibleAsync()).ShouldBeTrue($"{kind}: the menu opens the tree");
                (await page.GetAttributeAsync("#nav-toggle", "aria-expanded")).ShouldBe("true");
                // The drawer opens below the header, so the button that closes it stays visible.
                (await page.Locator("#sidebar").BoundingBoxAsync())!.Y.ShouldBeGreaterThanOrEqualTo((await page.Locator(".topbar").BoundingBoxAsync())!.Height - 1);
                await page.Keyboard.PressAsync("Escape");
                (await page.Locator("#sidebar").IsVisibleAsync()).ShouldBeFalse();
            }
            errors.ShouldBeEmpty();
            await page.Context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task CopyButton_CodeBlock_CopiesTheCodeOverHttp()
    {
        var (page, errors) = await OpenAsync(BrowserFixture.PageKinds["member"], http: true);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        var blocks = await page.Locator("main pre").CountAsync();
        blocks.ShouldBeGreaterThan(0);
        (await page.Locator("main .code-wrap > .copy-button").CountAsync()).ShouldBe(blocks);
        var code = await page.Locator("main pre").First.InnerTextAsync();
        await page.Locator("main .copy-button").First.ClickAsync();
        (await page.Locator("main .copy-button").First.InnerTextAsync()).ShouldBe("Copied");
        (await page.EvaluateAsync<string>("navigator.clipboard.readText()")).ShouldBe(code.TrimEnd('\n'));
        errors.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task EveryPageKind_FromFileAndOverHttp_LoadsTheTreeWithoutConsoleErrors()
    {
        foreach (var http in new[] { false, true })
        {
            var (page, errors) = await OpenAsync("index.html", http: http);
            foreach (var (kind, relative) in BrowserFixture.PageKinds)
            {
                await GotoAsync(page, relative, http);
                (await page.EvaluateAsync<bool>("Array.isArray(window.DOCGEN_NAV)")).ShouldBeTrue($"{kind} ({(http ? "http" : "file")}): assets/nav.js loaded");
                (await page.Locator("#nav-tree .tree > li").CountAsync()).ShouldBeGreaterThan(0);
                errors.ShouldBeEmpty($"{kind} ({(http ? "http" : "file")})");
            }
            await page.Context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task Axe_EveryPageKindInLightAndDark_HasNoSeriousOrCriticalViolations()
    {
        var found = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var (page, _) = await OpenAsync("index.html", new() { ColorScheme = scheme });
            foreach (var (kind, relative) in BrowserFixture.PageKinds)
            {
                await GotoAsync(page, relative);
                var result = await page.RunAxe();
                foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                    found.Add($"{kind} ({scheme}): {violation.Id} ({violation.Impact}) at {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
            }
            await page.Context.CloseAsync();
        }
        found.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task Screenshots_DesktopAndMobile_AreTakenForTheReadme()
    {
        var folder = SiteScreenshots.Folder();
        var written = await SiteScreenshots.TakeAsync(fixture.Browser!, Path.Combine(fixture.Run.Root, "site"), folder);
        written.Count.ShouldBe(4);
        foreach (var file in written) new FileInfo(file).Length.ShouldBeGreaterThan(10_000, file);
    }
}
