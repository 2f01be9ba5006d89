using SkiaSharp;

namespace Inventory.Edge.Features.Labels;

/// <summary>
/// The one font family of every label format, found through fontconfig (Debian's fonts-dejavu-core): the
/// PNG draws with it, the PDF embeds the same file, and the layout measures with it, so text placed for
/// one format fits in the others.
/// </summary>
internal static class LabelFonts
{
    public const string Family = "DejaVu Sans";

    public static SKTypeface Regular { get; } = Load(SKFontStyle.Normal);

    public static SKTypeface Bold { get; } = Load(SKFontStyle.Bold);

    private static readonly Lazy<byte[]> RegularBytes = new(() => ReadAll(Regular));
    private static readonly Lazy<byte[]> BoldBytes = new(() => ReadAll(Bold));

    public static SKTypeface Typeface(bool bold) => bold ? Bold : Regular;

    /// <summary>The font file's bytes, for PDFsharp, which cannot find system fonts on Linux by itself.</summary>
    public static byte[] FileBytes(bool bold) => bold ? BoldBytes.Value : RegularBytes.Value;

    public static float Measure(string text, float size, bool bold)
    {
        using var font = new SKFont(Typeface(bold), size);
        return font.MeasureText(text);
    }

    /// <summary>The text, cut with an ellipsis where it would run past <paramref name="width"/>.</summary>
    public static string Fit(string text, float size, bool bold, float width)
    {
        if (Measure(text, size, bold) <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && Measure(text[..length] + "…", size, bold) > width)
        {
            length--;
        }

        return text[..length].TrimEnd() + "…";
    }

    private static SKTypeface Load(SKFontStyle style) => SKTypeface.FromFamilyName(Family, style) ?? SKTypeface.Default;

    private static byte[] ReadAll(SKTypeface typeface)
    {
        using var stream = typeface.OpenStream(out _)
            ?? throw new InvalidOperationException($"No font file for {typeface.FamilyName}; install fonts-dejavu-core.");
        var bytes = new byte[stream.Length];
        var read = stream.Read(bytes, bytes.Length);
        return read == bytes.Length ? bytes : bytes[..read];
    }
}
