namespace Inventory.Barcodes.Gs1;

/// <summary>GS1 AI encodable character set 82 (General Specifications figure 7.11-1).</summary>
public static class Gs1Charset
{
    private const string Symbols = "!\"%&'()*+,-./:;<=>?_";

    public static bool IsSet82(char c) => char.IsAsciiLetterOrDigit(c) || Symbols.Contains(c, StringComparison.Ordinal);

    public static bool IsSet82(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsSet82(c))
            {
                return false;
            }
        }

        return true;
    }
}
