using SkiaSharp;

namespace Inventory.Edge.Features.Labels;

/// <summary>The label as a PNG at printer resolution (one pixel per dot), bars on whole pixels.</summary>
internal static class PngLabel
{
    public static byte[] Render(LabelLayout layout)
    {
        using var bitmap = new SKBitmap(LabelLayout.Width, LabelLayout.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            // Bars without antialiasing: a half-grey edge pixel is what makes a scanner misjudge a bar width.
            using var bars = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
            foreach (var box in layout.Symbols.SelectMany(LabelLayout.Boxes))
            {
                canvas.DrawRect(box.X, box.Y, box.Width, box.Height, bars);
            }

            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            foreach (var text in layout.Texts)
            {
                using var font = new SKFont(LabelFonts.Typeface(text.Bold), text.Size);
                canvas.DrawText(text.Text, text.X, text.Baseline, SKTextAlign.Left, font, ink);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
