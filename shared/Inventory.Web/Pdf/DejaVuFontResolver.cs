using PdfSharp.Fonts;

namespace Inventory.Web.Pdf;

/// <summary>
/// PDFsharp 6 finds no system fonts on Linux by itself: it asks this resolver, which serves DejaVu Sans
/// (Debian's fonts-dejavu-core: wide Unicode coverage, so product names with accents or Cyrillic print).
/// Shared so the edge and the cloud install the same resolver (PDFsharp allows one per process).
/// </summary>
public sealed class DejaVuFontResolver(string directory) : IFontResolver
{
    public const string Family = "DejaVu Sans";

    /// <summary>Where Debian's fonts-dejavu-core puts them; a host with a setting for it passes its own.</summary>
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";
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

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(directory, faceName + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException(
                $"Font {faceName}.ttf not found in {directory}; install fonts-dejavu-core or set Inventory:Reports:FontDirectory.");
    }
}
