namespace Inventory.Barcodes.Gs1;

/// <summary>What an element's data must look like, beyond its length.</summary>
public enum Gs1Content
{
    /// <summary>Digits only.</summary>
    Numeric,

    /// <summary>GS1 character set 82 (printable ASCII less a few symbols).</summary>
    Alphanumeric,

    /// <summary>Digits whose last one is a GS1 mod-10 check digit (GTIN, SSCC, GLN…).</summary>
    CheckDigit,

    /// <summary>YYMMDD; DD = 00 means the last day of the month.</summary>
    Date,

    /// <summary>Digits with an implied decimal point (measures, amounts): the AI's last digit says how many decimals.</summary>
    Measure,
}

/// <summary>
/// One application identifier of the GS1 General Specifications (section 3.2): its data title, what its
/// data looks like and how long it is. <see cref="MinLength"/> = <see cref="MaxLength"/> means fixed length.
/// </summary>
public sealed record ApplicationIdentifier(string Code, string Title, Gs1Content Content, int MinLength, int MaxLength)
{
    public bool IsFixedLength => MinLength == MaxLength;

    /// <summary>Company internal AIs (90–99): meaningful only to the company that printed them.</summary>
    public bool IsInternal => Code[0] == '9' && Code.Length == 2;

    /// <summary>Decimals of a measure AI such as 3103 (3), from its last digit.</summary>
    public int Decimals => Content == Gs1Content.Measure ? Code[^1] - '0' : 0;
}
