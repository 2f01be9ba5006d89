using System.Globalization;
using Inventory.Web.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>
/// A PO on A4 portrait: buyer and PO facts at the top, supplier and delivery address side by side, the lines, the
/// total. Without prices the price columns and the total are not drawn at all (not blanked), so the file holds none.
/// </summary>
internal static class PurchaseOrderPdf
{
    private const double Margin = 40;
    private const double Line = 12;
    private const double Padding = 3;

    private sealed record Column(string Header, double Width, bool Numeric);

    public static byte[] Render(PurchaseOrderDocument doc)
    {
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var title = new XFont(DejaVuFontResolver.Family, 16, XFontStyleEx.Bold, options);
        var text = new XFont(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular, options);
        var bold = new XFont(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Bold, options);
        var order = doc.Order;

        using var document = new PdfDocument();
        document.Info.Title = "Purchase order " + order.Number;
        document.Info.Creator = "Inventory edge";
        Column[] columns = doc.ShowPrices
            ? [new("#", 18, true), new("SKU", 80, false), new("Supplier SKU", 75, false), new("Name", 150, false), new("Quantity", 55, true),
               new("Unit price", 65, true), new("Amount", 72, true)]
            : [new("#", 18, true), new("SKU", 95, false), new("Supplier SKU", 95, false), new("Name", 237, false), new("Quantity", 70, true)];
        var rows = order.Lines.Select(l => (string[])(doc.ShowPrices
            ? [Num(l.LineNumber), l.Sku ?? "", l.SupplierSku ?? "", l.Name ?? "", Quantity(l.Quantity), Money(l.UnitPrice), Money(l.LineAmount)]
            : [Num(l.LineNumber), l.Sku ?? "", l.SupplierSku ?? "", l.Name ?? "", Quantity(l.Quantity)])).ToList();

        var next = 0;
        var pageNumber = 0;
        do
        {
            pageNumber++;
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var width = page.Width.Point - (2 * Margin);
            var y = Margin;
            gfx.DrawString("Purchase order " + order.Number, title, XBrushes.Black, new XPoint(Margin, y + 16));
            y += 28;
            if (pageNumber == 1)
            {
                y = Header(gfx, doc, text, bold, y, width);
            }

            var x = Margin;
            foreach (var c in columns)
            {
                Cell(gfx, c.Header, bold, x, y, c.Width, c.Numeric);
                x += c.Width;
            }

            y += Line;
            gfx.DrawLine(XPens.Black, Margin, y, Margin + width, y);
            y += 2;
            var bottom = page.Height.Point - Margin - (3 * Line);
            while (next < rows.Count && y + Line <= bottom)
            {
                x = Margin;
                for (var i = 0; i < columns.Length; i++)
                {
                    Cell(gfx, rows[next][i], text, x, y, columns[i].Width, columns[i].Numeric);
                    x += columns[i].Width;
                }

                y += Line;
                next++;
            }

            if (next >= rows.Count)
            {
                gfx.DrawLine(XPens.Black, Margin, y + 1, Margin + width, y + 1);
                y += Line;
                if (doc.ShowPrices)
                {
                    var total = $"Total {order.Currency} {Money(order.TotalAmount)}";
                    gfx.DrawString(total, bold, XBrushes.Black, new XRect(Margin, y, width - Padding, Line), XStringFormats.CenterRight);
                    y += Line * 1.5;
                }

                if (!string.IsNullOrWhiteSpace(order.Notes))
                {
                    gfx.DrawString("Notes", bold, XBrushes.Black, new XPoint(Margin, y + 9));
                    y += Line;
                    foreach (var noteLine in Lines(order.Notes).Take(12))
                    {
                        gfx.DrawString(Fit(gfx, noteLine, text, width), text, XBrushes.Black, new XPoint(Margin, y + 9));
                        y += Line;
                    }
                }
            }

            gfx.DrawString($"{order.Number} · page {pageNumber}", text, XBrushes.Gray,
                new XPoint(page.Width.Point - Margin - 110, page.Height.Point - (Margin / 2)));
        }
        while (next < rows.Count);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Buyer and PO facts, then supplier and delivery side by side; returns where the table starts.</summary>
    private static double Header(XGraphics gfx, PurchaseOrderDocument doc, XFont text, XFont bold, double y, double width)
    {
        var order = doc.Order;
        var half = width / 2;
        var left = new List<(string, bool)> { (doc.CompanyName, true) };
        left.AddRange(Lines(doc.CompanyAddress).Select(l => (l, false)));
        left.Add(($"Site {doc.SiteCode} · {doc.SiteName}", false));
        var right = new List<(string, bool)>
        {
            ("Number: " + order.Number, true),
            ("Date: " + Date(order.CreatedAt), false),
        };
        if (order.SentAt is { } sent)
        {
            right.Add(("Sent: " + Date(sent), false));
        }

        right.Add(("Expected delivery: " + (order.ExpectedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "as soon as possible"), false));
        right.Add(("Currency: " + order.Currency, false));
        if (!string.IsNullOrWhiteSpace(doc.PaymentTerms))
        {
            right.Add(("Payment terms: " + doc.PaymentTerms, false));
        }

        y = Blocks(gfx, left, right, text, bold, y, half) + Line;

        var supplier = new List<(string, bool)> { ("Supplier", true), (doc.SupplierName, false) };
        supplier.AddRange(Lines(doc.SupplierAddress).Select(l => (l, false)));
        if (!string.IsNullOrWhiteSpace(doc.SupplierEmail))
        {
            supplier.Add((doc.SupplierEmail, false));
        }

        var delivery = new List<(string, bool)>
        {
            ("Deliver to", true),
            (doc.LocationCode is null ? doc.LocationName : $"{doc.LocationName} ({doc.LocationCode})", false),
        };
        delivery.AddRange(Lines(doc.LocationAddress).Select(l => (l, false)));
        return Blocks(gfx, supplier, delivery, text, bold, y, half) + Line;
    }

    private static double Blocks(XGraphics gfx, List<(string Text, bool Bold)> left, List<(string Text, bool Bold)> right, XFont text, XFont bold, double y, double half)
    {
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            if (i < left.Count)
            {
                var font = left[i].Bold ? bold : text;
                gfx.DrawString(Fit(gfx, left[i].Text, font, half - 10), font, XBrushes.Black, new XPoint(Margin, y + 9));
            }

            if (i < right.Count)
            {
                var font = right[i].Bold ? bold : text;
                gfx.DrawString(Fit(gfx, right[i].Text, font, half - 10), font, XBrushes.Black, new XPoint(Margin + half, y + 9));
            }

            y += Line;
        }

        return y;
    }

    private static void Cell(XGraphics gfx, string value, XFont font, double x, double y, double width, bool numeric)
    {
        var rect = new XRect(x + Padding, y, width - (2 * Padding), Line);
        gfx.DrawString(Fit(gfx, value, font, rect.Width), font, XBrushes.Black, rect, numeric ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
    }

    private static string[] Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Quantity(decimal q) => q.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static string Money(decimal? amount) => amount?.ToString("#,0.00##", CultureInfo.InvariantCulture) ?? "";

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Shortens text that would overrun its box, with an ellipsis so a reader sees it was cut.</summary>
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
