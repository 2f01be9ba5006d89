using Microsoft.Playwright;

namespace Inventory.Testing;

/// <summary>
/// Playwright driving Debian's Chromium (apt package `chromium`, installed by test.sh). Nothing is downloaded:
/// the driver ships in the NuGet package and the browser is the system one. A missing browser fails every
/// test that uses this fixture, loudly; it never turns into a skip.
/// </summary>
public sealed class BrowserFixture : Xunit.IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Set to 1 to have the browser tests refresh the repository's docs/screenshots, which the README shows.</summary>
    public const string ScreenshotsVariable = "INVENTORY_SCREENSHOTS";

    /// <summary>
    /// Where the browser tests save their screenshots: docs/screenshots when asked for, otherwise a folder in
    /// temp, so a test run leaves the working tree as it was.
    /// </summary>
    public static string ScreenshotDir
    {
        get
        {
            if (Environment.GetEnvironmentVariable(ScreenshotsVariable) != "1")
            {
                return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "inventory-screenshots")).FullName;
            }

            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Inventory.sln")))
            {
                dir = dir.Parent;
            }

            var root = dir?.FullName ?? throw new InvalidOperationException("Inventory.sln not found above " + AppContext.BaseDirectory);
            return Directory.CreateDirectory(Path.Combine(root, "docs", "screenshots")).FullName;
        }
    }

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("INVENTORY_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {executable}. Install Debian's package `chromium` (test.sh does) or set INVENTORY_CHROMIUM; the browser tests never skip.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
