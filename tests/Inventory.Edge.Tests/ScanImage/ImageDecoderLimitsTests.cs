using System.Net;
using System.Net.Http.Headers;
using Inventory.Edge.Features.ScanImage;
using Inventory.Edge.Tests.Infrastructure;
using SkiaSharp;

namespace Inventory.Edge.Tests.ScanImage;

/// <summary>What a photo may cost the box: memory bounded by the decoded size, not by what the file claims.</summary>
public sealed class ImageDecoderLimitsTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Decode_SmallFileClaimingFortyNineMegapixels_BoundedMemoryAndCodeFound()
    {
        using var dir = new ExternalTool.TempDir();
        var label = await ZintAsync(dir, "-b", "20", "--scale=8", "-d", "BIG-PHOTO-1");
        var photo = OnLargeWhitePage(label, 7000, 7000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var codes = ImageDecoder.Decode(photo);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("BIG-PHOTO-1", Assert.Single(codes).Text);
        // Read whole, the white frame alone was 7040×7040×4 = 198 MB, and ZXing's own work (luminance copies per
        // rotation and per sub-image it searches) grows with the pixels: 1.6 GB in all (measured). Sampled by three, ~180 MB.
        Assert.True(allocated < 400_000_000, $"allocated {allocated / 1_000_000} MB");
    }

    [Fact]
    public async Task ScanImage_TruncatedPng_400()
    {
        using var dir = new ExternalTool.TempDir();
        var whole = await ZintAsync(dir, "-b", "20", "-d", "CUT-OFF");
        var truncated = whole[..(whole.Length / 2)];

        using var client = await edge.ClientAsync();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(truncated);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(content, "image", "photo.png");
        var response = await client.PostAsync("/api/scan/image", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(4000, 3000, 1)]
    [InlineData(4000, 4000, 2)]
    [InlineData(8000, 6000, 2)]
    [InlineData(7000, 7000, 3)]
    public void StepFor_LargeImages_FitTheDecodedLimit(int width, int height, int step) =>
        Assert.Equal(step, ImageDecoder.StepFor(width, height));

    [Theory]
    [InlineData(SKColorType.Rgba8888, SKAlphaType.Unpremul)]
    [InlineData(SKColorType.Rgb888x, SKAlphaType.Opaque)]
    [InlineData(SKColorType.Gray8, SKAlphaType.Opaque)]
    public void PngRows_EveryRow_AsSkiaDecodesIt(SKColorType colorType, SKAlphaType alphaType)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(37, 23, colorType, alphaType));
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 7), (byte)(y * 11), (byte)((x * y) % 256), (byte)(255 - (x * 3))));
            }
        }

        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var png = encoded.ToArray();
        using var expected = SKBitmap.Decode(png, new SKImageInfo(37, 23, SKColorType.Bgra8888, SKAlphaType.Premul));
        using var rows = PngRows.Open(png);
        var row = new byte[37 * 4];

        for (var y = 0; y < 23; y++)
        {
            rows.ReadRow(row);
            Assert.Equal(expected.GetPixelSpan().Slice(y * 37 * 4, 37 * 4).ToArray(), row);
        }
    }

    private static async Task<byte[]> ZintAsync(ExternalTool.TempDir dir, params string[] args)
    {
        var file = dir.File(Guid.NewGuid().ToString("N") + ".png");
        var output = await ExternalTool.RunAsync("zint", [.. args, "-o", file]);
        Assert.True(output.ExitCode == 0, output.StdErr);
        return await File.ReadAllBytesAsync(file);
    }

    private static byte[] OnLargeWhitePage(byte[] png, int width, int height)
    {
        using var label = SKBitmap.Decode(png);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgb888x, SKAlphaType.Opaque));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawBitmap(label, (width - label.Width) / 2f, (height - label.Height) / 2f, new SKSamplingOptions(SKFilterMode.Nearest), null);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
