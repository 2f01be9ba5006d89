namespace Inventory.Domain.Catalog;

/// <summary>GS1 trade item numbers: EAN-8, UPC-A (12), EAN-13 and GTIN-14, all with a mod-10 check digit.</summary>
public static class Gtin
{
    public static bool IsValid(string? code)
    {
        if (code is null || code.Length is not (8 or 12 or 13 or 14))
        {
            return false;
        }

        foreach (var c in code)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return CheckDigit(code.AsSpan(0, code.Length - 1)) == code[^1] - '0';
    }

    /// <summary>The GS1 check digit of the digits before it: weights 3,1,3,… from the right.</summary>
    public static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>Pads a valid GTIN to 14 digits, so an EAN-13 and its GTIN-14 compare equal.</summary>
    public static string ToGtin14(string code) =>
        IsValid(code) ? code.PadLeft(14, '0') : throw new ArgumentException("Not a valid GTIN.", nameof(code));
}
