using Inventory.Edge.Features.Reports;

namespace Inventory.Edge.Features.Counting;

/// <summary>
/// The count sheet (CSV and PDF) in bin order, made from the same view as the API: while a blind count is not submitted
/// the view has no expected quantities, and the sheet has no such column at all.
/// </summary>
internal static class CountSheet
{
    public static ReportTable Table(CycleCountView view)
    {
        var shows = !view.Blind || view.SubmittedAt is not null;
        var columns = new List<ReportColumn>
        {
            new("Bin", Width: 1), new("SKU", Width: 1.4), new("Product", Width: 2.6), new("Lot", Width: 1), new("Class", Width: 0.5),
        };
        if (shows)
        {
            columns.Add(new ReportColumn("Expected", Numeric: true));
        }

        columns.Add(new ReportColumn("Counted", Numeric: true));
        if (shows)
        {
            columns.Add(new ReportColumn("Variance", Numeric: true));
        }

        var rows = view.Lines.Select(l =>
        {
            var cells = new List<string?> { l.Bin, l.Sku, l.Name, l.Lot, l.AbcClass };
            if (shows)
            {
                cells.Add(Cells.Of(l.Expected));
            }

            cells.Add(Cells.Of(l.Counted));
            if (shows)
            {
                cells.Add(Cells.Of(l.Variance));
            }

            return cells.ToArray();
        }).ToList();
        var filters = new List<KeyValuePair<string, string>>
        {
            new("Count", view.Number), new("Location", view.LocationCode), new("Status", view.Status),
            new("Blind", view.Blind ? "yes" : "no"),
        };
        return new ReportTable("count-sheet-" + view.Number, "Count sheet " + view.Number, filters, columns, rows,
            $"{view.LinesCounted} of {view.LinesTotal} lines counted");
    }
}
