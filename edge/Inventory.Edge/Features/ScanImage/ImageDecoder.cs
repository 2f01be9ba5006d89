using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Inventory.Edge.Features.ScanImage;

/// <summary>A barcode found in an image, in ZXing's format names (CODE_128, EAN_13, DATA_MATRIX, QR_CODE…).</summary>
public sealed record DecodedCode(string Format, string Text);

/// <summary>
/// Finds every 1D and 2D barcode in a PNG or JPEG with ZXing.Net, for devices that can photograph but not
/// decode. The image is read with SkiaSharp and framed with white first: ZXing needs a quiet zone around a
/// symbol, and encoders such as zint draw a DataMatrix edge to edge unless told otherwise.
/// </summary>
public static class ImageDecoder
{
    /// <summary>A phone photo is 12–50 MP; past this the decode would take seconds of the box's two cores.</summary>
    public const long MaxPixels = 50_000_000;

    private static readonly List<BarcodeFormat> Formats =
    [
        BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.CODE_93, BarcodeFormat.CODABAR, BarcodeFormat.ITF,
        BarcodeFormat.EAN_8, BarcodeFormat.EAN_13, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E,
        BarcodeFormat.RSS_14, BarcodeFormat.RSS_EXPANDED,
        BarcodeFormat.DATA_MATRIX, BarcodeFormat.QR_CODE, BarcodeFormat.PDF_417, BarcodeFormat.AZTEC,
    ];

    public sealed class UnreadableImageException(string message) : Exception(message);

    /// <summary>Decodes an image; throws <see cref="UnreadableImageException"/> with a message for the client.</summary>
    public static IReadOnlyList<DecodedCode> Decode(byte[] image)
    {
        if (!IsPng(image) && !IsJpeg(image))
        {
            throw new UnreadableImageException("The image is not a PNG or JPEG.");
        }

        using var codec = SKCodec.Create(new SKMemoryStream(image))
            ?? throw new UnreadableImageException("The image could not be read; it may be damaged.");
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new UnreadableImageException($"The image has {(long)info.Width * info.Height / 1_000_000} megapixels; at most {MaxPixels / 1_000_000} are read.");
        }

        using var source = SKBitmap.Decode(codec)
            ?? throw new UnreadableImageException("The image could not be read; it may be damaged.");
        var pad = Math.Max(20, Math.Min(source.Width, source.Height) / 10);
        using var framed = new SKBitmap(source.Width + (2 * pad), source.Height + (2 * pad), SKColorType.Bgra8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(framed))
        {
            // Drawn over white, so a transparent PNG background reads as the white paper it stands for.
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(source, pad, pad, new SKSamplingOptions(SKFilterMode.Nearest), null);
        }

        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { TryHarder = true, PossibleFormats = Formats },
        };
        var results = reader.DecodeMultiple(framed.Bytes, framed.Width, framed.Height, RGBLuminanceSource.BitmapFormat.BGRA32) ?? [];
        return results
            .Select(r => new DecodedCode(r.BarcodeFormat.ToString(), r.Text))
            .Distinct()
            .ToList();
    }

    private static bool IsPng(byte[] data) => data.Length > 8 && data[0] == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G';

    private static bool IsJpeg(byte[] data) => data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
}
