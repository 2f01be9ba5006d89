using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Inventory.Edge.Features.Reports;

/// <summary>A report as a plain A4 landscape table, headed with the site, the time it was made and its filters.</summary>
internal static class PdfReport
{
    private const double Margin = 36;
    private const double RowHeight = 12;
    private const double Padding = 3;

    public static byte[] Render(ReportTable table, string siteCode, string siteName, DateTimeOffset generatedAt)
    {
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var title = new XFont(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold, options);
        var text = new XFont(DejaVuFontResolver.Family, 8, XFontStyleEx.Regular, options);
        var bold = new XFont(DejaVuFontResolver.Family, 8, XFontStyleEx.Bold, options);

        using var document = new PdfDocument();
        document.Info.Title = table.Title;
        document.Info.Creator = "Inventory edge";
        var widths = ColumnWidths(table, 842 - (2 * Margin));
        var rowIndex = 0;
        var pageNumber = 0;
        do
        {
            pageNumber++;
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            page.Orientation = PdfSharp.PageOrientation.Landscape;
            using var gfx = XGraphics.FromPdfPage(page);
            var y = Margin;
            gfx.DrawString(table.Title, title, XBrushes.Black, new XPoint(Margin, y + 14));
            y += 22;
            var heading = $"Site {siteCode} · {siteName} · made {generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
            gfx.DrawString(heading, text, XBrushes.Black, new XPoint(Margin, y + 8));
            y += RowHeight;
            var filters = table.Filters.Count == 0 ? "Filters: none" : "Filters: " + string.Join(" · ", table.Filters.Select(f => $"{f.Key} {f.Value}"));
            gfx.DrawString(Fit(gfx, filters, text, page.Width.Point - (2 * Margin)), text, XBrushes.Black, new XPoint(Margin, y + 8));
            y += RowHeight * 1.5;

            DrawRow(gfx, table.Columns.Select(c => (string?)c.Header).ToArray(), table.Columns, widths, bold, y);
            y += RowHeight;
            gfx.DrawLine(XPens.Black, Margin, y, page.Width.Point - Margin, y);
            y += 2;
            var bottom = page.Height.Point - Margin - RowHeight;
            while (rowIndex < table.Rows.Count && y + RowHeight <= bottom)
            {
                DrawRow(gfx, table.Rows[rowIndex], table.Columns, widths, text, y);
                y += RowHeight;
                rowIndex++;
            }

            if (rowIndex >= table.Rows.Count && table.Footer is not null)
            {
                gfx.DrawString(table.Footer, bold, XBrushes.Black, new XPoint(Margin, y + RowHeight));
            }

            if (table.Rows.Count == 0)
            {
                gfx.DrawString("Nothing to report.", text, XBrushes.Black, new XPoint(Margin, y + 8));
            }

            gfx.DrawString($"Page {pageNumber}", text, XBrushes.Gray, new XPoint(page.Width.Point - Margin - 40, page.Height.Point - (Margin / 2)));
        }
        while (rowIndex < table.Rows.Count);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static double[] ColumnWidths(ReportTable table, double total)
    {
        var sum = table.Columns.Sum(c => c.Width);
        return [.. table.Columns.Select(c => total * c.Width / sum)];
    }

    private static void DrawRow(XGraphics gfx, string?[] cells, IReadOnlyList<ReportColumn> columns, double[] widths, XFont font, double y)
    {
        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var value = Fit(gfx, cells[i] ?? "", font, widths[i] - (2 * Padding));
            var rect = new XRect(x + Padding, y, widths[i] - (2 * Padding), RowHeight);
            gfx.DrawString(value, font, XBrushes.Black, rect, columns[i].Numeric ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
            x += widths[i];
        }
    }

    /// <summary>Shortens text that would run into the next column, with an ellipsis so a reader sees it was cut.</summary>
    private static string Fit(XGraphics gfx, string value, XFont font, double width)
    {
        if (gfx.MeasureString(value, font).Width <= width)
        {
            return value;
        }

        var length = value.Length;
        while (length > 0 && gfx.MeasureString(value[..length] + "…", font).Width > width)
        {
            length--;
        }

        return value[..length] + "…";
    }
}
