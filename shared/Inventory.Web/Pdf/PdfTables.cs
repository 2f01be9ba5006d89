using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Inventory.Web.Pdf;

public sealed record PdfColumn(string Header, bool Numeric = false, double Width = 1);

/// <summary>One table of a document: an optional heading, its columns, rows of cells already formatted, an optional footer line.</summary>
public sealed record PdfSection(
    string? Heading, IReadOnlyList<PdfColumn> Columns, IReadOnlyList<string?[]> Rows, string? Footer = null, string Empty = "Nothing to report.");

/// <summary>A printable document: a title, a few header lines (site, time, filters, facts), then its sections in order.</summary>
public sealed record PdfTableDocument(string Title, string Creator, IReadOnlyList<string> HeaderLines, IReadOnlyList<PdfSection> Sections);

/// <summary>
/// Tables on A4 landscape, for both hosts' reports (the edge's reports, both hosts' lot trace): sections follow each
/// other and break over pages, each page repeating the current section's column headers. Call
/// <see cref="DejaVuFontResolver.EnsureInstalled"/> first.
/// </summary>
public static class PdfTables
{
    private const double Margin = 36;
    private const double RowHeight = 12;
    private const double Padding = 3;
    private const double PageWidth = 842;

    public static byte[] Render(PdfTableDocument document)
    {
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var fonts = new Fonts(
            new XFont(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold, options),
            new XFont(DejaVuFontResolver.Family, 10, XFontStyleEx.Bold, options),
            new XFont(DejaVuFontResolver.Family, 8, XFontStyleEx.Regular, options),
            new XFont(DejaVuFontResolver.Family, 8, XFontStyleEx.Bold, options));

        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = document.Creator;
        var writer = new Writer(pdf, fonts);
        writer.NewPage();
        writer.Line(document.Title, fonts.Title, 22);
        foreach (var line in document.HeaderLines)
        {
            writer.Line(Fit(writer.Gfx, line, fonts.Text, PageWidth - (2 * Margin)), fonts.Text, RowHeight);
        }

        writer.Y += RowHeight * 0.5;
        foreach (var section in document.Sections)
        {
            writer.Section(section);
        }

        writer.Finish();
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed record Fonts(XFont Title, XFont Heading, XFont Text, XFont Bold);

    private sealed class Writer(PdfDocument pdf, Fonts fonts)
    {
        private PdfPage? _page;
        private int _pageNumber;

        public XGraphics Gfx { get; private set; } = null!;

        public double Y { get; set; }

        private double Bottom => _page!.Height.Point - Margin - RowHeight;

        public void NewPage()
        {
            Finish();
            _pageNumber++;
            _page = pdf.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _page.Orientation = PdfSharp.PageOrientation.Landscape;
            Gfx = XGraphics.FromPdfPage(_page);
            Y = Margin;
        }

        /// <summary>Numbers the page being drawn and lets it go.</summary>
        public void Finish()
        {
            if (_page is null)
            {
                return;
            }

            Gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"Page {_pageNumber}"), fonts.Text, XBrushes.Gray,
                new XPoint(_page.Width.Point - Margin - 40, _page.Height.Point - (Margin / 2)));
            Gfx.Dispose();
            _page = null;
        }

        public void Line(string text, XFont font, double height)
        {
            Gfx.DrawString(text, font, XBrushes.Black, new XPoint(Margin, Y + (height * 0.7)));
            Y += height;
        }

        public void Section(PdfSection section)
        {
            var widths = ColumnWidths(section.Columns, PageWidth - (2 * Margin));
            // A heading never sits alone at the bottom of a page: keep room for it, the column headers and one row.
            if (Y + (RowHeight * 4) > Bottom)
            {
                NewPage();
            }

            if (section.Heading is not null)
            {
                Line(section.Heading, fonts.Heading, RowHeight * 1.5);
            }

            Headers(section, widths);
            foreach (var row in section.Rows)
            {
                if (Y + RowHeight > Bottom)
                {
                    NewPage();
                    Headers(section, widths);
                }

                DrawRow(Gfx, row, section.Columns, widths, fonts.Text, Y);
                Y += RowHeight;
            }

            if (section.Rows.Count == 0)
            {
                Line(section.Empty, fonts.Text, RowHeight);
            }

            if (section.Footer is not null)
            {
                Line(section.Footer, fonts.Bold, RowHeight * 1.5);
            }

            Y += RowHeight;
        }

        private void Headers(PdfSection section, double[] widths)
        {
            DrawRow(Gfx, section.Columns.Select(c => (string?)c.Header).ToArray(), section.Columns, widths, fonts.Bold, Y);
            Y += RowHeight;
            Gfx.DrawLine(XPens.Black, Margin, Y, PageWidth - Margin, Y);
            Y += 2;
        }
    }

    private static double[] ColumnWidths(IReadOnlyList<PdfColumn> columns, double total)
    {
        var sum = columns.Sum(c => c.Width);
        return [.. columns.Select(c => total * c.Width / sum)];
    }

    private static void DrawRow(XGraphics gfx, string?[] cells, IReadOnlyList<PdfColumn> columns, double[] widths, XFont font, double y)
    {
        var x = Margin;
        for (var i = 0; i < cells.Length && i < columns.Count; i++)
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
