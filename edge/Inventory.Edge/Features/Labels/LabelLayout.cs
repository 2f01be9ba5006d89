using System.Globalization;
using ZXing.Common;

namespace Inventory.Edge.Features.Labels;

public enum SymbolKind
{
    Code128,
    Ean13,
    UpcA,
    Gs1DataMatrix,
}

/// <summary>
/// A barcode placed on the label in printer dots. <see cref="Matrix"/> is ZXing's module pattern (one row for
/// a linear code); each module is <see cref="Module"/> dots wide, so bars land on whole dots at 203 dpi.
/// </summary>
public sealed record PlacedSymbol(SymbolKind Kind, string Data, BitMatrix Matrix, int X, int Y, int Module, int BarHeight)
{
    public bool IsLinear => Kind != SymbolKind.Gs1DataMatrix;

    public int Width => Matrix.Width * Module;

    public int Height => IsLinear ? BarHeight : Matrix.Height * Module;
}

/// <summary>A line of text; <see cref="Baseline"/> is where the letters sit. Interpretation lines under linear
/// barcodes are marked, because a ZPL printer prints its own.</summary>
public sealed record PlacedText(float X, float Baseline, float Size, bool Bold, string Text, bool IsInterpretation = false);

/// <summary>A filled black rectangle in dots.</summary>
public readonly record struct Box(int X, int Y, int Width, int Height);

/// <summary>
/// Where everything goes on a standard 4 × 2 inch label at 203 dpi (812 × 406 dots). Computed once per label
/// and drawn by every format, so a PNG, an SVG, a PDF and the ZPL show the same label.
/// </summary>
public sealed class LabelLayout
{
    public const int Dpi = 203;
    public const int Width = 812;
    public const int Height = 406;
    private const int Margin = 20;
    private const int BarTop = 122;
    private const int InterpretationSize = 24;

    private LabelLayout(IReadOnlyList<PlacedSymbol> symbols, IReadOnlyList<PlacedText> texts, string? retailAsText)
    {
        Symbols = symbols;
        Texts = texts;
        RetailAsText = retailAsText;
    }

    public IReadOnlyList<PlacedSymbol> Symbols { get; }

    public IReadOnlyList<PlacedText> Texts { get; }

    /// <summary>Set when the retail code did not fit beside a very long SKU and is printed as digits only.</summary>
    public string? RetailAsText { get; }

    public static LabelLayout For(LabelContent content)
    {
        var texts = new List<PlacedText>();
        const float nameSize = 36, skuSize = 28, priceSize = 44;
        texts.Add(new PlacedText(Margin, 56, nameSize, true, LabelFonts.Fit(content.Name, nameSize, true, Width - (2 * Margin))));
        var skuRoom = Width - (2 * Margin);
        if (content.Price is { } price)
        {
            var priceWidth = LabelFonts.Measure(price, priceSize, true);
            texts.Add(new PlacedText(Width - Margin - priceWidth, 104, priceSize, true, price));
            skuRoom -= (int)priceWidth + 20;
        }

        texts.Add(new PlacedText(Margin, 98, skuSize, false, LabelFonts.Fit("SKU " + content.Sku, skuSize, false, skuRoom)));

        var barHeight = content.IsLotLabel ? 120 : 170;
        var symbols = PlaceSymbols(content, barHeight, out var retailDropped);
        foreach (var symbol in symbols.Where(s => s.IsLinear))
        {
            var hri = symbol.Kind == SymbolKind.Code128 ? content.Sku : symbol.Data;
            var hriWidth = LabelFonts.Measure(hri, InterpretationSize, false);
            texts.Add(new PlacedText(symbol.X + ((symbol.Width - hriWidth) / 2), BarTop + barHeight + 26, InterpretationSize, false, hri, IsInterpretation: true));
        }

        var lines = new List<string>();
        if (content.Lot is { } lot)
        {
            lines.Add("LOT " + lot);
        }

        if (content.Expiry is { } expiry)
        {
            lines.Add("EXP " + expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        string? retailText = null;
        if (retailDropped && content.Retail is { } retail)
        {
            retailText = (retail.Symbology == RetailSymbology.Ean13 ? "EAN " : "UPC ") + retail.Digits;
            lines.Add(retailText);
        }

        var textRight = symbols.FirstOrDefault(s => !s.IsLinear) is { } matrix ? matrix.X - 16 : Width - Margin;
        if (lines.Count > 0)
        {
            const float lineSize = 28;
            texts.Add(new PlacedText(Margin, BarTop + barHeight + 70, lineSize, true,
                LabelFonts.Fit(string.Join("   ", lines), lineSize, true, textRight - Margin)));
        }

        return new LabelLayout(symbols, texts, retailText);
    }

    /// <summary>
    /// Code 128 of the SKU at the left, the retail code after it, the DataMatrix at the right. Prefers, in
    /// order: keeping the retail code, a larger DataMatrix, wider Code 128 modules; quiet zones (10 modules
    /// for Code 128, 11/7 for EAN/UPC) are kept clear of neighbours.
    /// </summary>
    private static List<PlacedSymbol> PlaceSymbols(LabelContent content, int barHeight, out bool retailDropped)
    {
        var code128 = BarcodeSymbols.Code128(content.Sku);
        var retail = content.Retail is { } r
            ? (Kind: r.Symbology == RetailSymbology.Ean13 ? SymbolKind.Ean13 : SymbolKind.UpcA,
                Data: r.Digits,
                Matrix: r.Symbology == RetailSymbology.Ean13 ? BarcodeSymbols.Ean13(r.Digits) : BarcodeSymbols.UpcA(r.Digits))
            : default;
        var matrix = content.Gs1 is { } gs1 ? BarcodeSymbols.Gs1DataMatrix(gs1.ToBarcodeData()) : null;
        const int retailModule = 2;
        var matrixRoom = Height - BarTop - Margin;

        foreach (var withRetail in retail.Matrix is null ? [false] : new[] { true, false })
        {
            foreach (var matrixModule in matrix is null ? [0] : new[] { 7, 6, 5, 4 })
            {
                if (matrix is not null && matrix.Height * matrixModule > matrixRoom)
                {
                    continue;
                }

                var right = Width - Margin;
                var placed = new List<PlacedSymbol>();
                if (matrix is not null)
                {
                    var size = matrix.Width * matrixModule;
                    right -= size;
                    placed.Add(new PlacedSymbol(SymbolKind.Gs1DataMatrix, content.Gs1!.ToBarcodeData(), matrix, right, BarTop, matrixModule, 0));
                    right -= 2 * matrixModule;
                }

                if (withRetail)
                {
                    right -= 7 * retailModule;
                    var width = retail.Matrix!.Width * retailModule;
                    right -= width;
                    placed.Add(new PlacedSymbol(retail.Kind, retail.Data, retail.Matrix, right, BarTop, retailModule, barHeight));
                    right -= 11 * retailModule;
                }

                for (var module = 3; module >= 1; module--)
                {
                    var left = Margin + (10 * module);
                    if (left + ((code128.Width + 10) * module) <= right)
                    {
                        placed.Insert(0, new PlacedSymbol(SymbolKind.Code128, content.Sku, code128, left, BarTop, module, barHeight));
                        retailDropped = retail.Matrix is not null && !withRetail;
                        return placed;
                    }
                }
            }
        }

        throw new InvalidOperationException($"SKU {content.Sku} does not fit a Code 128 on a 4-inch label.");
    }

    /// <summary>The black rectangles of a symbol: one per bar, one per run of dark modules in a matrix row.</summary>
    public static IEnumerable<Box> Boxes(PlacedSymbol symbol)
    {
        var rows = symbol.IsLinear ? 1 : symbol.Matrix.Height;
        for (var row = 0; row < rows; row++)
        {
            var column = 0;
            while (column < symbol.Matrix.Width)
            {
                if (!symbol.Matrix[column, row])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < symbol.Matrix.Width && symbol.Matrix[column, row])
                {
                    column++;
                }

                yield return symbol.IsLinear
                    ? new Box(symbol.X + (start * symbol.Module), symbol.Y, (column - start) * symbol.Module, symbol.BarHeight)
                    : new Box(symbol.X + (start * symbol.Module), symbol.Y + (row * symbol.Module), (column - start) * symbol.Module, symbol.Module);
            }
        }
    }
}
