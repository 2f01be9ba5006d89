using System.Globalization;
using Inventory.Domain.Catalog;

namespace Inventory.Barcodes.Gs1;

/// <summary>
/// Reads GS1 element strings as scanners and decoders deliver them — GS1-128, GS1 DataMatrix, GS1 QR with
/// FNC1 as ASCII 29 (GS), an optional symbology identifier (]C1, ]d2, ]Q3, ]e0, ]J1) and leading GS — and
/// in the human-readable form with brackets, "(01)09506000134352(17)201225(10)ABC123".
/// </summary>
public static class Gs1Parser
{
    private const char Gs = Gs1ElementString.GroupSeparator;

    /// <summary>Parses with today's date (UTC) deciding the century of YYMMDD dates.</summary>
    public static Gs1ParseResult Parse(string text) => Parse(text, DateOnly.FromDateTime(DateTime.UtcNow));

    public static Gs1ParseResult Parse(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (_, data) = SymbologyIdentifier.Split(text.Trim(' ', '\r', '\n', '\t'));
        data = data.TrimStart(Gs);
        if (data.Length == 0)
        {
            return Gs1ParseResult.Fail("no data");
        }

        return data[0] == '(' ? ParseBracketed(data, today) : ParseRaw(data, today);
    }

    /// <summary>
    /// Builds an element string from AI/value pairs, checked exactly as a scanned one would be (labels use
    /// it so that what they print is what a scanner reads back).
    /// </summary>
    public static Gs1ParseResult Build(IEnumerable<(string Ai, string Value)> elements, DateOnly today)
    {
        var builder = new ElementList();
        foreach (var (code, value) in elements)
        {
            if (ApplicationIdentifiers.Find(code) is not { } ai)
            {
                return Gs1ParseResult.Fail($"unknown AI ({code})");
            }

            if (ai.IsFixedLength && value.Length != ai.MaxLength)
            {
                return Gs1ParseResult.Fail(WrongLength(ai));
            }

            if (value.Length > ai.MaxLength)
            {
                return Gs1ParseResult.Fail($"({ai.Code}) longer than {ai.MaxLength}");
            }

            if (builder.Add(ai, value, today) is { } error)
            {
                return Gs1ParseResult.Fail(error);
            }
        }

        return builder.Result();
    }

    /// <summary>FNC1-separated data: fixed-length elements end by their length, variable ones at a GS or the end.</summary>
    private static Gs1ParseResult ParseRaw(string data, DateOnly today)
    {
        var elements = new ElementList();
        var pos = 0;
        while (pos < data.Length)
        {
            if (data[pos] == Gs)
            {
                // A GS after a fixed-length element is optional for predefined lengths and required for the
                // others; either way it only ends an element, so skipping it here is always right.
                pos++;
                continue;
            }

            if (ApplicationIdentifiers.FindAtStart(data.AsSpan(pos)) is not { } ai)
            {
                return Gs1ParseResult.Fail(UnknownAtStart(data.AsSpan(pos)));
            }

            pos += ai.Code.Length;
            string value;
            if (ai.IsFixedLength)
            {
                var length = Math.Min(ai.MaxLength, data.Length - pos);
                value = data.Substring(pos, length);
                if (value.Length != ai.MaxLength || value.Contains(Gs, StringComparison.Ordinal))
                {
                    return Gs1ParseResult.Fail(WrongLength(ai));
                }

                pos += length;
            }
            else
            {
                var end = data.IndexOf(Gs, pos);
                end = end < 0 ? data.Length : end;
                value = data[pos..end];
                pos = end;
                if (value.Length > ai.MaxLength)
                {
                    return Gs1ParseResult.Fail($"({ai.Code}) too long, GS missing?");
                }
            }

            if (elements.Add(ai, value, today) is { } error)
            {
                return Gs1ParseResult.Fail(error);
            }
        }

        return elements.Result();
    }

    /// <summary>"(01)…(17)…": the brackets mark the AIs, so every element ends where the next "(nn)" starts.</summary>
    private static Gs1ParseResult ParseBracketed(string data, DateOnly today)
    {
        var elements = new ElementList();
        var pos = 0;
        while (pos < data.Length)
        {
            var close = data[pos] == '(' ? data.IndexOf(')', pos) : -1;
            if (close < 0)
            {
                return Gs1ParseResult.Fail("expected (AI) at " + Shorten(data[pos..]));
            }

            var code = data[(pos + 1)..close];
            if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))
            {
                return Gs1ParseResult.Fail($"bad AI ({Shorten(code)})");
            }

            if (ApplicationIdentifiers.Find(code) is not { } ai)
            {
                return Gs1ParseResult.Fail($"unknown AI ({code})");
            }

            var start = close + 1;
            var end = NextBracketedAi(data, start);
            var value = data[start..end];
            pos = end;
            if (ai.IsFixedLength && value.Length != ai.MaxLength)
            {
                return Gs1ParseResult.Fail(WrongLength(ai));
            }

            if (value.Length > ai.MaxLength)
            {
                return Gs1ParseResult.Fail($"({ai.Code}) longer than {ai.MaxLength}");
            }

            if (elements.Add(ai, value, today) is { } error)
            {
                return Gs1ParseResult.Fail(error);
            }
        }

        return elements.Result();
    }

    /// <summary>Where the next "(nn)"–"(nnnn)" starts; a bracket inside a lot number ("A(1)") is data.</summary>
    private static int NextBracketedAi(string data, int from)
    {
        for (var i = from; i < data.Length; i++)
        {
            if (data[i] != '(')
            {
                continue;
            }

            var digits = 0;
            while (i + 1 + digits < data.Length && char.IsAsciiDigit(data[i + 1 + digits]))
            {
                digits++;
            }

            if (digits is >= 2 and <= 4 && i + 1 + digits < data.Length && data[i + 1 + digits] == ')')
            {
                return i;
            }
        }

        return data.Length;
    }

    private static string UnknownAtStart(ReadOnlySpan<char> rest) =>
        rest.Length >= 2 && char.IsAsciiDigit(rest[0]) && char.IsAsciiDigit(rest[1])
            ? $"unknown AI ({rest[..2]})"
            : "no AI at " + Shorten(rest.ToString());

    private static string WrongLength(ApplicationIdentifier ai) =>
        ai.Content == Gs1Content.Alphanumeric
            ? $"({ai.Code}) needs {ai.MaxLength} characters"
            : $"({ai.Code}) needs {ai.MaxLength} digits";

    /// <summary>Error messages quote at most a few characters: they must fit a handheld's screen.</summary>
    private static string Shorten(string text)
    {
        var printable = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return printable.Length <= 8 ? printable : printable[..8] + "…";
    }

    /// <summary>Collects checked elements; one AI twice is allowed only with the same data.</summary>
    private sealed class ElementList
    {
        private readonly List<Gs1Element> _elements = [];

        public string? Add(ApplicationIdentifier ai, string value, DateOnly today)
        {
            var (element, error) = Read(ai, value, today);
            if (element is null)
            {
                return error;
            }

            if (_elements.Find(e => e.Code == ai.Code) is { } earlier)
            {
                return earlier.Value == value ? null : $"({ai.Code}) twice, different data";
            }

            _elements.Add(element);
            return null;
        }

        public Gs1ParseResult Result() =>
            _elements.Count == 0 ? Gs1ParseResult.Fail("no data") : new Gs1ParseResult(new Gs1ElementString(_elements), null);
    }

    private static (Gs1Element? Element, string? Error) Read(ApplicationIdentifier ai, string value, DateOnly today)
    {
        if (value.Length == 0)
        {
            return (null, $"({ai.Code}) is empty");
        }

        if (value.Length < ai.MinLength)
        {
            return (null, $"({ai.Code}) too short");
        }

        if (ai.Content == Gs1Content.Alphanumeric)
        {
            return Gs1Charset.IsSet82(value)
                ? (new Gs1Element(ai, value), null)
                : (null, $"bad character in ({ai.Code})");
        }

        if (!value.All(char.IsAsciiDigit))
        {
            return (null, ai.IsFixedLength ? $"({ai.Code}) must be digits" : $"({ai.Code}) not digits, GS missing?");
        }

        switch (ai.Content)
        {
            case Gs1Content.CheckDigit when Gtin.CheckDigit(value.AsSpan(0, value.Length - 1)) != value[^1] - '0':
                return (null, $"bad check digit in ({ai.Code})");
            case Gs1Content.Date:
                return Gs1Date.TryRead(value, today) is { } date
                    ? (new Gs1Element(ai, value) { Date = date }, null)
                    : (null, $"bad date in ({ai.Code})");
            case Gs1Content.Measure:
                var number = decimal.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                for (var i = 0; i < ai.Decimals; i++)
                {
                    number /= 10;
                }

                return (new Gs1Element(ai, value) { Number = number }, null);
            default:
                return (new Gs1Element(ai, value), null);
        }
    }
}
