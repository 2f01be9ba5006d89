using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Edge.Tests.Web;

/// <summary>
/// The scan page's camera in a real Chromium whose camera is a fake device playing a video of an EAN-13
/// (Chromium's own test switches): the page must find the code in the frames and record the scan.
/// </summary>
public sealed class CameraScanTests(EdgeHost edge) : IClassFixture<EdgeHost>, IAsyncLifetime
{
    private readonly string _video = Path.Combine(Path.GetTempPath(), $"inventory-camera-{Guid.NewGuid():N}.mjpeg");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        File.Delete(_video);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_barcode_held_up_to_the_camera_is_scanned_and_recorded()
    {
        using var admin = await edge.ClientAsync();
        var code = "CAM" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var location = await admin.CreateLocationAsync(code);
        const string barcode = "2012345678903";
        var product = await admin.CreateProductAsync("SKU-" + code, null, barcode);
        WriteVideo(_video, barcode);

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("INVENTORY_CHROMIUM") is { Length: > 0 } configured ? configured : BrowserFixture.DefaultChromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={_video}",
            ],
        });
        await using var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = edge.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = 390, Height = 844 },
            Permissions = ["camera"],
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Username").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(EdgeHost.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await page.GotoAsync("/scan");
        await page.GetByLabel("Location", new() { Exact = true }).SelectOptionAsync(code);
        await page.Locator("label.mode", new() { HasText = "Receive" }).ClickAsync();
        await page.GetByLabel("Quantity").FillAsync("2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Camera" }).ClickAsync();

        await Expect(page.Locator("#result")).ToContainTextAsync("Received 2 SKU-" + code, new() { Timeout = 30_000 });
        var levels = JsonDocument.Parse(await admin.GetStringAsync($"/api/inventory/{product}")).RootElement;
        Assert.Equal(2, levels.GetProperty("total").GetInt64());
        Assert.Equal(location, levels.GetProperty("levels")[0].GetProperty("locationId").GetGuid());
    }

    /// <summary>An MJPEG file (JPEG frames one after another) showing the EAN-13 on white, as Chromium's fake camera plays it.</summary>
    private static void WriteVideo(string path, string ean13)
    {
        var matrix = new MultiFormatWriter().encode(ean13, BarcodeFormat.EAN_13, 480, 240, new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 20 });
        using var bitmap = new SKBitmap(640, 480, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(SKColors.White);
        for (var y = 0; y < matrix.Height; y++)
        {
            for (var x = 0; x < matrix.Width; x++)
            {
                if (matrix[x, y])
                {
                    bitmap.SetPixel(x + 80, y + 120, SKColors.Black);
                }
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        var frame = jpeg.ToArray();
        using var file = File.Create(path);
        for (var i = 0; i < 30; i++)
        {
            file.Write(frame);
        }
    }
}
