using System.Globalization;
using System.Text;
using Inventory.Barcodes.Gs1;

namespace Inventory.Edge.Features.Labels;

/// <summary>
/// The label in ZPL II for a 203 dpi Zebra printer, at the layout's positions. The printer draws the
/// barcodes itself (^BC Code 128, ^BE EAN-13, ^BU UPC-A, ^BX DataMatrix ECC 200 with FNC1 for GS1), so
/// they are as sharp as the print head allows, and prints their interpretation lines.
/// </summary>
internal static class ZplLabel
{
    /// <summary>
    /// Escape character for ^BX data. It must not occur in the data: GS1 character set 82 has no '#', so
    /// "#1" can only mean FNC1 (the firmware default differs between versions, so it is always named).
    /// </summary>
    private const char MatrixEscape = '#';

    public static string Render(LabelLayout layout)
    {
        var zpl = new StringBuilder();
        // ^CI28: field data is UTF-8, so names with accents print as written.
        zpl.Append("^XA^CI28^PW").Append(LabelLayout.Width).Append("^LL").Append(LabelLayout.Height).Append("^LH0,0\n");
        foreach (var text in layout.Texts.Where(t => !t.IsInterpretation))
        {
            var size = (int)text.Size;
            // ^FO is the top of the text cell; the layout's baseline sits about 0.8 of the size below it.
            var top = Math.Max(0, (int)(text.Baseline - (size * 0.8f)));
            zpl.Append(CultureInfo.InvariantCulture, $"^FO{(int)text.X},{top}^A0N,{size},{size}^FH^FD{Field(text.Text)}^FS\n");
        }

        foreach (var symbol in layout.Symbols)
        {
            zpl.Append(CultureInfo.InvariantCulture, $"^FO{symbol.X},{symbol.Y}");
            switch (symbol.Kind)
            {
                case SymbolKind.Code128:
                    // Mode A (automatic): the printer picks subsets B/C as ZXing does, so the width matches the layout.
                    zpl.Append(CultureInfo.InvariantCulture, $"^BY{symbol.Module},3,{symbol.BarHeight}^BCN,{symbol.BarHeight},Y,N,N,A^FH^FD{Code128Field(symbol.Data)}^FS\n");
                    break;
                case SymbolKind.Ean13:
                    // The printer adds the check digit to the first 12.
                    zpl.Append(CultureInfo.InvariantCulture, $"^BY{symbol.Module},3,{symbol.BarHeight}^BEN,{symbol.BarHeight},Y,N^FD{symbol.Data[..12]}^FS\n");
                    break;
                case SymbolKind.UpcA:
                    zpl.Append(CultureInfo.InvariantCulture, $"^BY{symbol.Module},3,{symbol.BarHeight}^BUN,{symbol.BarHeight},Y,N,Y^FD{symbol.Data[..11]}^FS\n");
                    break;
                case SymbolKind.Gs1DataMatrix:
                    // A leading FNC1 makes it GS1; an FNC1 between fields is the GS separator.
                    var data = symbol.Data.Replace(Gs1ElementString.GroupSeparator.ToString(), $"{MatrixEscape}1", StringComparison.Ordinal);
                    zpl.Append(CultureInfo.InvariantCulture, $"^BXN,{symbol.Module},200,0,0,6,{MatrixEscape}^FD{MatrixEscape}1{data}^FS\n");
                    break;
                default:
                    throw new InvalidOperationException($"No ZPL for {symbol.Kind}.");
            }
        }

        zpl.Append("^PQ1^XZ\n");
        return zpl.ToString();
    }

    /// <summary>Text for a ^FH field: '^' and '~' would start a command, '_' is the hex escape itself.</summary>
    private static string Field(string text)
    {
        var field = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '^' => field.Append("_5E"),
                '~' => field.Append("_7E"),
                '_' => field.Append("_5F"),
                _ when char.IsControl(c) => field,
                _ => field.Append(c),
            };
        }

        return field.ToString();
    }

    /// <summary>In ^BC data '>' starts an invocation code; "><" is the character itself.</summary>
    private static string Code128Field(string text) => Field(text).Replace(">", "><", StringComparison.Ordinal);
}
