using System.Runtime.InteropServices;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Inventory.Edge.Features.ScanImage;

/// <summary>A barcode found in an image, in ZXing's format names (CODE_128, EAN_13, DATA_MATRIX, QR_CODE…).</summary>
public sealed record DecodedCode(string Format, string Text);

/// <summary>
/// Finds every 1D and 2D barcode in a PNG or JPEG with ZXing.Net, for devices that can photograph but not
/// decode. The image is read row by row (a PNG by <see cref="PngRows"/>, a JPEG by Skia's scanline decoder) and
/// sampled down while it is read, so what it costs in memory depends on <see cref="MaxDecodedPixels"/>, not on the
/// size the file claims: a 208 KB PNG may declare 7000×7000 pixels,
/// 196 MB once decoded whole. The rows land in a frame of white: ZXing needs a quiet zone around a symbol, and
/// encoders such as zint draw a DataMatrix edge to edge unless told otherwise.
/// </summary>
public static class ImageDecoder
{
    /// <summary>The largest image accepted at all: a phone photo is 12–50 MP.</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>
    /// A larger image is read at every 2nd, 3rd… row and column until it fits: 12 MP (48 MB of pixels) keeps a
    /// common phone photo whole, and a 48 MP one sampled by two still has a label's bars several pixels wide.
    /// </summary>
    public const long MaxDecodedPixels = 12_000_000;

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
        var pixels = (long)info.Width * info.Height;
        if (info.Width <= 0 || info.Height <= 0 || pixels > MaxPixels)
        {
            throw new UnreadableImageException($"The image has {pixels / 1_000_000} megapixels; at most {MaxPixels / 1_000_000} are read.");
        }

        var framed = ReadFramed(image, codec, info.Width, info.Height, StepFor(info.Width, info.Height));
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { TryHarder = true, PossibleFormats = Formats },
        };
        var results = reader.DecodeMultiple(framed.Bgra, framed.Width, framed.Height, RGBLuminanceSource.BitmapFormat.BGRA32) ?? [];
        return results
            .Select(r => new DecodedCode(r.BarcodeFormat.ToString(), r.Text))
            .Distinct()
            .ToList();
    }

    /// <summary>Every how many rows and columns one is read, so the result has at most <see cref="MaxDecodedPixels"/>.</summary>
    public static int StepFor(int width, int height)
    {
        var step = 1;
        while ((long)(width / step) * (height / step) > MaxDecodedPixels)
        {
            step++;
        }

        return step;
    }

    private static (byte[] Bgra, int Width, int Height) ReadFramed(byte[] image, SKCodec codec, int width, int height, int step)
    {
        if (IsPng(image))
        {
            using var png = PngRows.Open(image);
            if (!png.IsInterlaced)
            {
                return Sampled(width, height, step, row => png.ReadRow(row), (count, _) => png.SkipRows(count));
            }
        }
        else
        {
            var rowInfo = new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul);
            if (codec.StartScanlineDecode(rowInfo) == SKCodecResult.Success && codec.ScanlineOrder == SKCodecScanlineOrder.TopDown)
            {
                return Sampled(width, height, step, row => JpegRow(codec, row), (count, _) => JpegSkip(codec, count));
            }
        }

        // Interlaced PNG and progressive JPEG are not read row by row; small ones are read whole.
        if (step > 1)
        {
            throw new UnreadableImageException(
                $"An interlaced or progressive image is read up to {MaxDecodedPixels / 1_000_000} megapixels; send a smaller or a baseline image.");
        }

        return ReadWhole(codec, new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
    }

    private delegate void RowReader(byte[] bgra);

    private delegate void RowSkipper(int count, byte[] scratch);

    /// <summary>Every <paramref name="step"/>th row and column, over white, in a white frame.</summary>
    private static (byte[] Bgra, int Width, int Height) Sampled(int width, int height, int step, RowReader read, RowSkipper skip)
    {
        var outWidth = width / step;
        var outHeight = height / step;
        var pad = Math.Max(20, Math.Min(outWidth, outHeight) / 10);
        var frameWidth = outWidth + (2 * pad);
        var frame = WhiteFrame(frameWidth, outHeight + (2 * pad));
        var row = new byte[width * 4];
        for (var y = 0; y < outHeight; y++)
        {
            read(row);
            var target = (((y + pad) * frameWidth) + pad) * 4;
            for (var x = 0; x < outWidth; x++)
            {
                OverWhite(row, x * step * 4, frame, target + (x * 4));
            }

            if (step > 1 && y < outHeight - 1)
            {
                skip(step - 1, row);
            }
        }

        return (frame, frameWidth, outHeight + (2 * pad));
    }

    private static void JpegRow(SKCodec codec, byte[] row)
    {
        var handle = GCHandle.Alloc(row, GCHandleType.Pinned);
        try
        {
            if (codec.GetScanlines(handle.AddrOfPinnedObject(), 1, row.Length) != 1)
            {
                throw new UnreadableImageException("The image ends early; it may be damaged or cut off.");
            }
        }
        finally
        {
            handle.Free();
        }
    }

    private static void JpegSkip(SKCodec codec, int count)
    {
        if (!codec.SkipScanlines(count))
        {
            throw new UnreadableImageException("The image ends early; it may be damaged or cut off.");
        }
    }

    private static (byte[] Bgra, int Width, int Height) ReadWhole(SKCodec codec, SKImageInfo info)
    {
        var decoded = new byte[info.BytesSize];
        var handle = GCHandle.Alloc(decoded, GCHandleType.Pinned);
        try
        {
            if (codec.GetPixels(info, handle.AddrOfPinnedObject()) != SKCodecResult.Success)
            {
                throw new UnreadableImageException("The image could not be read whole; it may be damaged or cut off.");
            }
        }
        finally
        {
            handle.Free();
        }

        // Framed like a sampled image, one row after another (step 1 skips nothing).
        var rowBytes = info.Width * 4;
        var next = 0;
        return Sampled(info.Width, info.Height, 1, row =>
        {
            Array.Copy(decoded, next, row, 0, rowBytes);
            next += rowBytes;
        }, (_, _) => { });
    }

    private static byte[] WhiteFrame(int width, int height)
    {
        var frame = new byte[(long)width * height * 4];
        Array.Fill(frame, (byte)0xFF);
        return frame;
    }

    // A premultiplied pixel over white paper: each channel plus the white that shows through.
    private static void OverWhite(byte[] source, int from, byte[] target, int to)
    {
        var clear = 255 - source[from + 3];
        target[to] = (byte)Math.Min(255, source[from] + clear);
        target[to + 1] = (byte)Math.Min(255, source[from + 1] + clear);
        target[to + 2] = (byte)Math.Min(255, source[from + 2] + clear);
        target[to + 3] = 255;
    }

    private static bool IsPng(byte[] data) => data.Length > 8 && data[0] == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G';

    private static bool IsJpeg(byte[] data) => data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
}
