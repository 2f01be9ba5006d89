using PdfSharp.Fonts;

namespace Inventory.Edge.Features.Reports;

/// <summary>
/// PDFsharp 6 finds no system fonts on Linux by itself: it asks this resolver, which serves DejaVu Sans
/// (Debian's fonts-dejavu-core: wide Unicode coverage, so product names with accents or Cyrillic print).
/// </summary>
internal sealed class DejaVuFontResolver(string directory) : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();

    /// <summary>PDFsharp's resolver is process-wide and may be set once: the first report sets it.</summary>
    public static void EnsureInstalled(string directory)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver(directory);
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(directory, faceName + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException(
                $"Font {faceName}.ttf not found in {directory}; install fonts-dejavu-core or set Inventory:Reports:FontDirectory.");
    }
}
