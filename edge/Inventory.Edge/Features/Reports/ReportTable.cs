using System.Globalization;

namespace Inventory.Edge.Features.Reports;

public sealed record ReportColumn(string Header, bool Numeric = false, double Width = 1);

/// <summary>
/// A report flattened for CSV and PDF: one header, rows of cells already formatted (invariant culture,
/// amounts with two decimals). JSON answers keep their own typed shape; this is only the printable view.
/// </summary>
public sealed record ReportTable(
    string Name,
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Filters,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<string?[]> Rows,
    string? Footer = null);

internal static class Cells
{
    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string? Of(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string? Money(decimal? value) => value is { } v ? Money(v) : null;

    public static string? Of(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
