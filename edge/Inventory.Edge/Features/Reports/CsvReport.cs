using System.Text;
using Inventory.Edge.Features.Catalog.Csv;

namespace Inventory.Edge.Features.Reports;

/// <summary>
/// A report as RFC 4180 CSV, UTF-8 with BOM (spreadsheets then read accents). Text cells go through the
/// catalog export's formula neutralisation; numeric cells are our own invariant-culture numbers and are
/// written as they are, so a negative quantity stays a number rather than turning into text.
/// </summary>
internal static class CsvReport
{
    public static byte[] Write(ReportTable table)
    {
        var text = new StringBuilder();
        var line = new StringBuilder();
        AppendLine(text, line, table.Columns.Select(c => (string?)c.Header).ToArray(), null);
        foreach (var row in table.Rows)
        {
            AppendLine(text, line, row, table.Columns);
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    private static void AppendLine(StringBuilder text, StringBuilder line, string?[] cells, IReadOnlyList<ReportColumn>? columns)
    {
        line.Clear();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            if (columns is not null && columns[i].Numeric)
            {
                line.Append(cells[i]);
            }
            else
            {
                CsvCells.Append(line, cells[i]);
            }
        }

        text.Append(line).Append("\r\n");
    }
}
