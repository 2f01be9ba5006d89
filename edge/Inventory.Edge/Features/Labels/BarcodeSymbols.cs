using ZXing;
using ZXing.Common;
using ZXing.Datamatrix;
using ZXing.Datamatrix.Encoder;

namespace Inventory.Edge.Features.Labels;

/// <summary>
/// ZXing.Net encoders, asked for the bare module pattern (one pixel per module, no quiet zone): the label
/// layout scales modules to whole printer dots and keeps the quiet zones itself, so PNG, SVG and PDF draw
/// the very same bars.
/// </summary>
internal static class BarcodeSymbols
{
    public static BitMatrix Code128(string text) => Encode(BarcodeFormat.CODE_128, text, Plain());

    public static BitMatrix Ean13(string digits) => Encode(BarcodeFormat.EAN_13, digits, Plain());

    public static BitMatrix UpcA(string digits) => Encode(BarcodeFormat.UPC_A, digits, Plain());

    /// <summary>GS1 DataMatrix of element string data with GS between fields (the encoder adds the leading FNC1).</summary>
    public static BitMatrix Gs1DataMatrix(string data) => Encode(BarcodeFormat.DATA_MATRIX, data, new DatamatrixEncodingOptions
    {
        GS1Format = true,
        CompactEncoding = true,
        SymbolShape = SymbolShapeHint.FORCE_SQUARE,
        Width = 1,
        Height = 1,
        Margin = 0,
        PureBarcode = true,
    });

    private static EncodingOptions Plain() => new() { Width = 1, Height = 1, Margin = 0, PureBarcode = true };

    private static BitMatrix Encode(BarcodeFormat format, string text, EncodingOptions options) =>
        new BarcodeWriterGeneric { Format = format, Options = options }.Encode(text);
}
