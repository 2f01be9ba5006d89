using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using SkiaSharp;

namespace Inventory.Edge.Tests.ScanImage;

/// <summary>
/// POST /api/scan/image against images made by an independent encoder (zint): the decoded text must be
/// exactly what zint was given.
/// </summary>
public sealed class ScanImageTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static async Task<byte[]> ZintAsync(ExternalTool.TempDir dir, params string[] args)
    {
        var file = dir.File(Guid.NewGuid().ToString("N") + ".png");
        var output = await ExternalTool.RunAsync("zint", [.. args, "-o", file]);
        Assert.True(output.ExitCode == 0, output.StdErr);
        return await File.ReadAllBytesAsync(file);
    }

    private async Task<HttpResponseMessage> PostImageAsync(byte[] image, string mediaType = "image/png", string field = "image")
    {
        using var client = await edge.ClientAsync();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(content, field, "photo");
        return await client.PostAsync("/api/scan/image", form);
    }

    private async Task<List<JsonElement>> CodesAsync(byte[] image, string mediaType = "image/png")
    {
        var response = await PostImageAsync(image, mediaType);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return [.. body.GetProperty("codes").EnumerateArray()];
    }

    [Fact]
    public async Task Decode_ZintCode128_ReturnsText()
    {
        using var dir = new ExternalTool.TempDir();
        var codes = await CodesAsync(await ZintAsync(dir, "-b", "20", "-d", "SKU-123"));

        var code = Assert.Single(codes);
        Assert.Equal("CODE_128", code.GetProperty("format").GetString());
        Assert.Equal("SKU-123", code.GetProperty("text").GetString());
        Assert.False(code.TryGetProperty("gs1", out _));
    }

    [Fact]
    public async Task Decode_ZintEan13_ReturnsDigitsAndGtin14()
    {
        using var dir = new ExternalTool.TempDir();
        var codes = await CodesAsync(await ZintAsync(dir, "-b", "13", "-d", "400638133393"));

        var code = Assert.Single(codes);
        Assert.Equal("EAN_13", code.GetProperty("format").GetString());
        Assert.Equal("4006381333931", code.GetProperty("text").GetString());
        Assert.Equal("04006381333931", code.GetProperty("gtin14").GetString());
    }

    [Fact]
    public async Task Decode_ZintGs1DataMatrixWithoutQuietZone_ReturnsTextAndFields()
    {
        using var dir = new ExternalTool.TempDir();
        var codes = await CodesAsync(await ZintAsync(dir, "-b", "71", "--gs1", "-d", "[01]09506000134352[17]201225[10]ABC123"));

        var code = Assert.Single(codes);
        Assert.Equal("DATA_MATRIX", code.GetProperty("format").GetString());
        Assert.Equal("\u001D01095060001343521720122510ABC123", code.GetProperty("text").GetString());
        var gs1 = code.GetProperty("gs1");
        Assert.Equal("(01)09506000134352(17)201225(10)ABC123", gs1.GetProperty("humanReadable").GetString());
        Assert.Equal("09506000134352", gs1.GetProperty("gtin").GetString());
        Assert.Equal("2020-12-25", gs1.GetProperty("expiry").GetString());
        Assert.Equal("ABC123", gs1.GetProperty("batch").GetString());
        Assert.Equal("09506000134352", code.GetProperty("gtin14").GetString());
    }

    [Fact]
    public async Task Decode_ZintGs1128_ReturnsFields()
    {
        using var dir = new ExternalTool.TempDir();
        var codes = await CodesAsync(await ZintAsync(dir, "-b", "16", "-d", "[01]10614141000415[3103]000189[10]LOT-9"));

        var code = Assert.Single(codes);
        Assert.Equal("CODE_128", code.GetProperty("format").GetString());
        var gs1 = code.GetProperty("gs1");
        Assert.Equal(0.189m, gs1.GetProperty("netWeightKg").GetDecimal());
        Assert.Equal("LOT-9", gs1.GetProperty("batch").GetString());
    }

    [Fact]
    public async Task Decode_Jpeg_ReadsToo()
    {
        using var dir = new ExternalTool.TempDir();
        using var png = SKBitmap.Decode(await ZintAsync(dir, "-b", "20", "--scale", "3", "-d", "JPEG-42"));
        using var image = SKImage.FromBitmap(png);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);

        var code = Assert.Single(await CodesAsync(jpeg.ToArray(), "image/jpeg"));

        Assert.Equal("JPEG-42", code.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Decode_TwoCodesInOnePhoto_ReturnsBoth()
    {
        using var dir = new ExternalTool.TempDir();
        using var linear = SKBitmap.Decode(await ZintAsync(dir, "-b", "20", "-d", "PAIR-1"));
        using var matrix = SKBitmap.Decode(await ZintAsync(dir, "-b", "71", "--scale", "3", "-d", "PAIR-2"));
        using var photo = new SKBitmap(linear.Width + matrix.Width + 120, Math.Max(linear.Height, matrix.Height) + 80);
        using (var canvas = new SKCanvas(photo))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(linear, 40, 40, new SKSamplingOptions(SKFilterMode.Nearest), null);
            canvas.DrawBitmap(matrix, linear.Width + 80, 40, new SKSamplingOptions(SKFilterMode.Nearest), null);
        }

        using var image = SKImage.FromBitmap(photo);
        using var encoded = image.Encode(SKEncodedImageFormat.Png, 100);
        var texts = (await CodesAsync(encoded.ToArray())).Select(c => c.GetProperty("text").GetString()).ToList();

        Assert.Contains("PAIR-1", texts);
        Assert.Contains("PAIR-2", texts);
    }

    [Fact]
    public async Task Decode_BlankImage_ReturnsNoCodes()
    {
        using var blank = new SKBitmap(200, 100);
        blank.Erase(SKColors.White);
        using var image = SKImage.FromBitmap(blank);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);

        Assert.Empty(await CodesAsync(png.ToArray()));
    }

    [Theory]
    [InlineData("GIF89a not really", "not a PNG or JPEG")]
    [InlineData("\u0089PNG\r\n\u001a\n truncated", "could not be read")]
    public async Task Decode_NotAnImage_Returns400WithMessage(string content, string message)
    {
        var response = await PostImageAsync(System.Text.Encoding.Latin1.GetBytes(content));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_WrongField_Returns400()
    {
        var response = await PostImageAsync([0x89, 0x50], field: "file");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'image'", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_JsonBody_Returns400()
    {
        using var client = await edge.ClientAsync();
        var response = await client.PostAsync("/api/scan/image", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Decode_Over10MB_Refused()
    {
        var big = new byte[(11 * 1024 * 1024) + 1];
        big[0] = 0x89;
        HttpStatusCode status;
        try
        {
            status = (await PostImageAsync(big)).StatusCode;
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection on an oversized body before the client finished sending it.
            return;
        }

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task Decode_ViewerWithoutScanPermission_Forbidden()
    {
        using var viewer = await edge.ClientForRoleAsync("viewer");
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1]), "image", "x.png" } };

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/scan/image", form)).StatusCode);
    }
}
