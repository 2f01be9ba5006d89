using System.Buffers;
using System.Text;

namespace Inventory.Edge.Features.Catalog.Csv;

/// <summary>Writing cells (RFC 4180 quoting) and the formula-injection rule shared by export and import.</summary>
public static class CsvCells
{
    /// <summary>
    /// Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP "CSV
    /// injection"), with the full-width forms some spreadsheets also accept.
    /// </summary>
    private static readonly SearchValues<char> FormulaTriggers =
        SearchValues.Create("=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20");

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    public static bool StartsLikeFormula(string? value) =>
        !string.IsNullOrEmpty(value) && FormulaTriggers.Contains(value[0]);

    /// <summary>
    /// Appends one cell. A cell that a spreadsheet would run as a formula gets a leading apostrophe, which
    /// spreadsheets show as text; the value is then no longer byte-identical, which is the point.
    /// </summary>
    public static void Append(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (StartsLikeFormula(value))
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
