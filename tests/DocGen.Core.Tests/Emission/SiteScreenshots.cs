using Microsoft.Playwright;

namespace DocGen.Core.Tests.Emission;

/// <summary>
/// The README's screenshots of the site: desktop and mobile, light and dark. Written to a temp folder on every run, and into
/// <c>docs/images</c> when <c>DOCGEN_SCREENSHOTS</c> names that folder (<c>DOCGEN_SCREENSHOTS=docs/images dotnet test …</c>).
/// </summary>
internal static class SiteScreenshots
{
    public static string Folder() =>
        Environment.GetEnvironmentVariable("DOCGEN_SCREENSHOTS") is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.Combine(Path.GetTempPath(), "docgen-screenshots");

    public static async Task<List<string>> TakeAsync(IBrowser browser, string siteRoot, string folder)
    {
        Directory.CreateDirectory(folder);
        var shots = new (string Name, string Page, int Width, int Height, ColorScheme Scheme, bool OpenMenu)[]
        {
            ("site-desktop-light.png", "api/acme.shapes/shape/index.html", 1360, 860, ColorScheme.Light, false),
            ("site-desktop-dark.png", "api/acme.shapes/circle/index.html", 1360, 860, ColorScheme.Dark, false),
            ("site-mobile-light.png", "api/acme.shapes/shape/index.html", 390, 844, ColorScheme.Light, false),
            ("site-mobile-dark.png", "api/acme.shapes/circle/index.html", 390, 844, ColorScheme.Dark, true),
        };
        var written = new List<string>();
        foreach (var shot in shots)
        {
            await using var context = await browser.NewContextAsync(new()
            {
                ViewportSize = new() { Width = shot.Width, Height = shot.Height },
                ColorScheme = shot.Scheme,
                IsMobile = shot.Width < 600,
                DeviceScaleFactor = shot.Width < 600 ? 2 : 1,
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(siteRoot, shot.Page)).AbsoluteUri);
            if (shot.OpenMenu) await page.ClickAsync("#nav-toggle");
            var file = Path.Combine(folder, shot.Name);
            await page.ScreenshotAsync(new() { Path = file });
            written.Add(file);
        }
        return written;
    }
}
