using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Inventory.Edge.Features.Labels;

/// <summary>
/// The label as a one-page 4 × 2 inch PDF, drawn directly (vector bars, embedded text) in printer dots
/// scaled to points, so it prints sharp on any printer and matches the PNG dot for dot.
/// </summary>
internal static class PdfLabel
{
    static PdfLabel()
    {
        // PDFsharp has no access to system fonts on Linux; it asks a resolver once per process for the bytes.
        GlobalFontSettings.FontResolver ??= new LabelFontResolver();
    }

    public static byte[] Render(LabelLayout layout, string title)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Inventory edge";
        var page = document.AddPage();
        page.Width = XUnit.FromInch(LabelLayout.Width / (double)LabelLayout.Dpi);
        page.Height = XUnit.FromInch(LabelLayout.Height / (double)LabelLayout.Dpi);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.ScaleTransform(72.0 / LabelLayout.Dpi);
            foreach (var box in layout.Symbols.SelectMany(LabelLayout.Boxes))
            {
                graphics.DrawRectangle(XBrushes.Black, box.X, box.Y, box.Width, box.Height);
            }

            foreach (var text in layout.Texts)
            {
                var font = new XFont(LabelFonts.Family, text.Size, text.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                    new XPdfFontOptions(PdfFontEncoding.Unicode));
                graphics.DrawString(text.Text, font, XBrushes.Black, text.X, text.Baseline);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private sealed class LabelFontResolver : IFontResolver
    {
        private const string RegularFace = "label-regular";
        private const string BoldFace = "label-bold";

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? BoldFace : RegularFace);

        public byte[] GetFont(string faceName) => LabelFonts.FileBytes(faceName == BoldFace);
    }
}
