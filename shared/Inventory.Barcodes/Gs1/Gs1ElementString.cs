using System.Globalization;
using System.Text;

namespace Inventory.Barcodes.Gs1;

/// <summary>
/// A parsed GS1 element string: its elements in the order they were encoded, and the fields the
/// warehouse acts on read out of them.
/// </summary>
public sealed class Gs1ElementString
{
    /// <summary>FNC1 as it reaches us from a scanner or a decoder: ASCII 29, "group separator".</summary>
    public const char GroupSeparator = '\u001D';

    internal Gs1ElementString(IReadOnlyList<Gs1Element> elements) => Elements = elements;

    public IReadOnlyList<Gs1Element> Elements { get; }

    /// <summary>(00) Serial Shipping Container Code, 18 digits.</summary>
    public string? Sscc => Value("00");

    /// <summary>(01) GTIN-14 of the trade item.</summary>
    public string? Gtin => Value("01");

    /// <summary>(02) GTIN-14 of the trade items contained in a logistic unit (with (37) their count).</summary>
    public string? ContentGtin => Value("02");

    /// <summary>(10) batch or lot number.</summary>
    public string? Batch => Value("10");

    /// <summary>(21) serial number.</summary>
    public string? Serial => Value("21");

    /// <summary>(11) production date.</summary>
    public DateOnly? ProductionDate => Find("11")?.Date;

    /// <summary>(15) best before date.</summary>
    public DateOnly? BestBefore => Find("15")?.Date;

    /// <summary>(17) expiration ("use by") date.</summary>
    public DateOnly? Expiry => Find("17")?.Date;

    /// <summary>(30) variable count of items.</summary>
    public int? VariableCount => Int("30");

    /// <summary>(37) count of trade items contained in a logistic unit.</summary>
    public int? Count => Int("37");

    /// <summary>(310n) net weight in kilograms.</summary>
    public decimal? NetWeightKg => Elements.FirstOrDefault(e => e.Code.StartsWith("310", StringComparison.Ordinal))?.Number;

    /// <summary>The trade item this code names: (01), else the contained item (02) of a logistic unit.</summary>
    public string? ItemGtin => Gtin ?? ContentGtin;

    /// <summary>How many items the code stands for: (37) or (30); null when it says nothing.</summary>
    public int? Quantity => Count ?? VariableCount;

    public Gs1Element? Find(string ai) => Elements.FirstOrDefault(e => e.Code == ai);

    public string? Value(string ai) => Find(ai)?.Value;

    /// <summary>"(01)09506000134352(17)201225(10)ABC123": for people, screens and logs.</summary>
    public string ToHumanReadable() => string.Concat(Elements.Select(e => e.ToString()));

    /// <summary>
    /// The data as a barcode carries it (without the leading FNC1, which the symbology adds): a GS after
    /// each element whose length is not predefined, unless it is the last.
    /// </summary>
    public string ToBarcodeData()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Elements.Count; i++)
        {
            var element = Elements[i];
            text.Append(element.Code).Append(element.Value);
            if (i < Elements.Count - 1 && !ApplicationIdentifiers.HasPredefinedLength(element.Ai))
            {
                text.Append(GroupSeparator);
            }
        }

        return text.ToString();
    }

    public override string ToString() => ToHumanReadable();

    private int? Int(string ai) =>
        Value(ai) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
