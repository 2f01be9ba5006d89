namespace Inventory.Edge.Features.Catalog.Csv;

/// <summary>
/// One problem with one row. Row is the line of the file on which the record starts (the header is
/// line 1), which is also the row number a spreadsheet shows unless a cell holds a line break. Column is
/// null when the row as a whole is at fault.
/// </summary>
public sealed record ImportRowError(int Row, string? Column, string Message);
