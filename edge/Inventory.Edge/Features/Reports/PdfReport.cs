using System.Globalization;
using Inventory.Web.Pdf;

namespace Inventory.Edge.Features.Reports;

/// <summary>A report as a plain A4 landscape table (the shared <see cref="PdfTables"/>), headed with the site, the time it was made and its filters.</summary>
internal static class PdfReport
{
    public static byte[] Render(ReportTable table, string siteCode, string siteName, DateTimeOffset generatedAt)
    {
        var heading = $"Site {siteCode} · {siteName} · made {generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        var filters = table.Filters.Count == 0 ? "Filters: none" : "Filters: " + string.Join(" · ", table.Filters.Select(f => $"{f.Key} {f.Value}"));
        var columns = table.Columns.Select(c => new PdfColumn(c.Header, c.Numeric, c.Width)).ToList();
        return PdfTables.Render(new PdfTableDocument(table.Title, "Inventory edge", [heading, filters],
            [new PdfSection(null, columns, table.Rows, table.Footer)]));
    }
}
