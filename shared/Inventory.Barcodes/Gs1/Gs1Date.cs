using System.Globalization;

namespace Inventory.Barcodes.Gs1;

/// <summary>YYMMDD dates of GS1 (General Specifications 7.12).</summary>
public static class Gs1Date
{
    /// <summary>
    /// Reads YYMMDD. The century is the one that puts the year within 49 years back and 50 years ahead of
    /// <paramref name="today"/> (GS1 7.12), so a label printed for 2075 and one from 1999 both read right.
    /// DD = 00 means the last day of the month (allowed for every GS1 date AI).
    /// </summary>
    public static DateOnly? TryRead(ReadOnlySpan<char> yymmdd, DateOnly today)
    {
        if (yymmdd.Length != 6
            || !int.TryParse(yymmdd[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var yy)
            || !int.TryParse(yymmdd[2..4], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(yymmdd[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return null;
        }

        var currentCentury = today.Year / 100 * 100;
        var difference = yy - (today.Year % 100);
        var year = difference switch
        {
            >= 51 => currentCentury - 100 + yy,
            <= -50 => currentCentury + 100 + yy,
            _ => currentCentury + yy,
        };
        if (month is < 1 or > 12)
        {
            return null;
        }

        var lastDay = DateTime.DaysInMonth(year, month);
        if (day > lastDay)
        {
            return null;
        }

        return new DateOnly(year, month, day == 0 ? lastDay : day);
    }

    /// <summary>Writes a date as YYMMDD for an element string (labels).</summary>
    public static string Write(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);
}
