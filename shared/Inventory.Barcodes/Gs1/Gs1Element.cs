namespace Inventory.Barcodes.Gs1;

/// <summary>
/// One element of a GS1 element string: the AI and its data as encoded, plus the data read as a date
/// (date AIs) or a number (measure and amount AIs) when the AI has that meaning.
/// </summary>
public sealed record Gs1Element(ApplicationIdentifier Ai, string Value)
{
    public string Code => Ai.Code;

    public string Title => Ai.Title;

    /// <summary>The calendar date of a YYMMDD element (DD = 00 already turned into the month's last day).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The value of a measure or amount element with its implied decimal point applied.</summary>
    public decimal? Number { get; init; }

    /// <summary>The human-readable form, "(17)201225".</summary>
    public override string ToString() => $"({Code}){Value}";
}
