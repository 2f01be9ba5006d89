using System.Collections.Frozen;
using System.Globalization;

namespace Inventory.Barcodes.Gs1;

/// <summary>
/// The application identifiers this system reads, after the GS1 General Specifications (section 3.2 and
/// the GS1 syntax dictionary). Beyond the ones scanning acts on (00, 01, 02, 10, 11, 15, 17, 21, 30, 37,
/// 310n) the table holds the common logistic ones, so a real pallet or case label parses instead of failing
/// on an AI we merely do not use. Elements with a fixed part and a variable part (421 n3+an..9) are kept as
/// one variable element of their total length. AIs are prefix-free, so a code is found without separators.
/// </summary>
public static class ApplicationIdentifiers
{
    private static readonly FrozenDictionary<string, ApplicationIdentifier> Table = Build().ToFrozenDictionary(a => a.Code, StringComparer.Ordinal);

    /// <summary>
    /// First two digits whose element has a predefined length (GS1 General Specifications figure 7.8.5-2):
    /// only these may be followed by another element without an FNC1/GS separator.
    /// </summary>
    private static readonly FrozenSet<string> PredefinedLengthPrefixes = new[]
    {
        "00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
        "31", "32", "33", "34", "35", "36", "41",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyCollection<ApplicationIdentifier> All => Table.Values;

    /// <summary>The AI spelled exactly by <paramref name="code"/> (2–4 digits), if GS1 assigns it.</summary>
    public static ApplicationIdentifier? Find(string code) => Table.GetValueOrDefault(code);

    /// <summary>The AI at the start of element string data (no brackets), trying 2, 3 and 4 digits.</summary>
    public static ApplicationIdentifier? FindAtStart(ReadOnlySpan<char> data)
    {
        for (var length = 2; length <= 4 && length <= data.Length; length++)
        {
            if (Table.GetValueOrDefault(data[..length].ToString()) is { } ai)
            {
                return ai;
            }
        }

        return null;
    }

    /// <summary>True when another element may follow this one with no separator.</summary>
    public static bool HasPredefinedLength(ApplicationIdentifier ai) => PredefinedLengthPrefixes.Contains(ai.Code[..2]);

    private static IEnumerable<ApplicationIdentifier> Build()
    {
        static ApplicationIdentifier Fixed(string code, string title, Gs1Content content, int length) => new(code, title, content, length, length);
        static ApplicationIdentifier Upto(string code, string title, Gs1Content content, int max, int min = 1) => new(code, title, content, min, max);
        const Gs1Content N = Gs1Content.Numeric, X = Gs1Content.Alphanumeric, C = Gs1Content.CheckDigit, D = Gs1Content.Date;

        yield return Fixed("00", "SSCC", C, 18);
        yield return Fixed("01", "GTIN", C, 14);
        yield return Fixed("02", "CONTENT", C, 14);
        yield return Fixed("03", "MTO GTIN", C, 14);
        yield return Upto("10", "BATCH/LOT", X, 20);
        yield return Fixed("11", "PROD DATE", D, 6);
        yield return Fixed("12", "DUE DATE", D, 6);
        yield return Fixed("13", "PACK DATE", D, 6);
        yield return Fixed("15", "BEST BEFORE", D, 6);
        yield return Fixed("16", "SELL BY", D, 6);
        yield return Fixed("17", "USE BY", D, 6);
        yield return Fixed("20", "VARIANT", N, 2);
        yield return Upto("21", "SERIAL", X, 20);
        yield return Upto("22", "CPV", X, 20);
        yield return Upto("235", "TPX", X, 28);
        yield return Upto("240", "ADDITIONAL ID", X, 30);
        yield return Upto("241", "CUST. PART No.", X, 30);
        yield return Upto("242", "MTO VARIANT", N, 6);
        yield return Upto("243", "PCN", X, 20);
        yield return Upto("250", "SECONDARY SERIAL", X, 30);
        yield return Upto("251", "REF. TO SOURCE", X, 30);
        yield return Upto("253", "GDTI", X, 30, 13);
        yield return Upto("254", "GLN EXTENSION", X, 20);
        yield return Upto("255", "GCN", N, 25, 13);
        yield return Upto("30", "VAR. COUNT", N, 8);
        yield return Upto("37", "COUNT", N, 8);
        foreach (var measure in Measures())
        {
            yield return measure;
        }

        for (var d = 0; d <= 9; d++)
        {
            var n = d.ToString(CultureInfo.InvariantCulture);
            yield return new("390" + n, "AMOUNT", Gs1Content.Measure, 1, 15);
            yield return Upto("391" + n, "AMOUNT", N, 18, 4);
            yield return new("392" + n, "PRICE", Gs1Content.Measure, 1, 15);
            yield return Upto("393" + n, "PRICE", N, 18, 4);
        }

        for (var d = 0; d <= 3; d++)
        {
            yield return new("394" + d.ToString(CultureInfo.InvariantCulture), "PRCNT OFF", Gs1Content.Measure, 4, 4);
        }

        for (var d = 0; d <= 5; d++)
        {
            yield return new("395" + d.ToString(CultureInfo.InvariantCulture), "PRICE/UoM", Gs1Content.Measure, 6, 6);
        }

        yield return Upto("400", "ORDER NUMBER", X, 30);
        yield return Upto("401", "GINC", X, 30);
        yield return Fixed("402", "GSIN", C, 17);
        yield return Upto("403", "ROUTE", X, 30);
        yield return Fixed("410", "SHIP TO LOC", C, 13);
        yield return Fixed("411", "BILL TO", C, 13);
        yield return Fixed("412", "PURCHASE FROM", C, 13);
        yield return Fixed("413", "SHIP FOR LOC", C, 13);
        yield return Fixed("414", "LOC No.", C, 13);
        yield return Fixed("415", "PAY TO", C, 13);
        yield return Fixed("416", "PROD/SERV LOC", C, 13);
        yield return Fixed("417", "PARTY", C, 13);
        yield return Upto("420", "SHIP TO POST", X, 20);
        yield return Upto("421", "SHIP TO POST", X, 12, 4);
        yield return Fixed("422", "ORIGIN", N, 3);
        yield return Upto("423", "COUNTRY - INITIAL PROCESS", N, 15, 3);
        yield return Fixed("424", "COUNTRY - PROCESS", N, 3);
        yield return Upto("425", "COUNTRY - DISASSEMBLY", N, 15, 3);
        yield return Fixed("426", "COUNTRY - FULL PROCESS", N, 3);
        yield return Upto("427", "ORIGIN SUBDIVISION", X, 3);
        yield return Fixed("7001", "NSN", N, 13);
        yield return Upto("7002", "MEAT CUT", X, 30);
        yield return Fixed("7003", "EXPIRY TIME", N, 10);
        yield return Upto("7004", "ACTIVE POTENCY", N, 4);
        yield return Upto("7005", "CATCH AREA", X, 12);
        yield return Fixed("7006", "FIRST FREEZE DATE", D, 6);
        yield return Upto("7007", "HARVEST DATE", N, 12, 6);
        yield return Upto("7008", "AQUATIC SPECIES", X, 3);
        yield return Upto("7009", "FISHING GEAR TYPE", X, 10);
        yield return Upto("7010", "PROD METHOD", X, 2);
        yield return Upto("7020", "REFURB LOT", X, 20);
        yield return Upto("7021", "FUNC STAT", X, 20);
        yield return Upto("7022", "REV STAT", X, 20);
        yield return Upto("7023", "GIAI - ASSEMBLY", X, 30);
        for (var s = 0; s <= 9; s++)
        {
            yield return Upto("703" + s.ToString(CultureInfo.InvariantCulture), "PROCESSOR #", X, 30, 4);
        }

        foreach (var nhrn in new[] { "710", "711", "712", "713", "714", "715" })
        {
            yield return Upto(nhrn, "NHRN", X, 20);
        }

        yield return Fixed("8001", "DIMENSIONS", N, 14);
        yield return Upto("8002", "CMT No.", X, 20);
        yield return Upto("8003", "GRAI", X, 30, 14);
        yield return Upto("8004", "GIAI", X, 30);
        yield return Fixed("8005", "PRICE PER UNIT", N, 6);
        yield return Fixed("8006", "ITIP", N, 18);
        yield return Upto("8007", "IBAN", X, 34);
        yield return Upto("8008", "PROD TIME", N, 12, 8);
        yield return Upto("8010", "CPID", X, 30);
        yield return Upto("8011", "CPID SERIAL", N, 12);
        yield return Upto("8012", "VERSION", X, 20);
        yield return Upto("8013", "GMN", X, 25);
        yield return Fixed("8017", "GSRN - PROVIDER", C, 18);
        yield return Fixed("8018", "GSRN - RECIPIENT", C, 18);
        yield return Upto("8019", "SRIN", N, 10);
        yield return Upto("8020", "REF No.", X, 25);
        yield return Fixed("8026", "ITIP CONTENT", N, 18);
        yield return Upto("8110", "COUPON", X, 70);
        yield return Fixed("8111", "POINTS", N, 4);
        yield return Upto("8112", "COUPON", X, 70);
        yield return Upto("8200", "PRODUCT URL", X, 70);
        yield return Upto("90", "INTERNAL", X, 30);
        for (var i = 91; i <= 99; i++)
        {
            yield return Upto(i.ToString(CultureInfo.InvariantCulture), "INTERNAL", X, 90);
        }
    }

    /// <summary>Trade and logistic measures 310n–369n: six digits, n of them decimals (n = 0–5).</summary>
    private static IEnumerable<ApplicationIdentifier> Measures()
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["310"] = "NET WEIGHT (kg)", ["311"] = "LENGTH (m)", ["312"] = "WIDTH (m)", ["313"] = "HEIGHT (m)",
            ["314"] = "AREA (m2)", ["315"] = "NET VOLUME (l)", ["316"] = "NET VOLUME (m3)",
            ["320"] = "NET WEIGHT (lb)", ["321"] = "LENGTH (in)", ["322"] = "LENGTH (ft)", ["323"] = "LENGTH (yd)",
            ["324"] = "WIDTH (in)", ["325"] = "WIDTH (ft)", ["326"] = "WIDTH (yd)", ["327"] = "HEIGHT (in)",
            ["328"] = "HEIGHT (ft)", ["329"] = "HEIGHT (yd)",
            ["330"] = "GROSS WEIGHT (kg)", ["331"] = "LENGTH (m), log", ["332"] = "WIDTH (m), log",
            ["333"] = "HEIGHT (m), log", ["334"] = "AREA (m2), log", ["335"] = "VOLUME (l), log",
            ["336"] = "VOLUME (m3), log", ["337"] = "KG PER m2",
            ["340"] = "GROSS WEIGHT (lb)", ["341"] = "LENGTH (in), log", ["342"] = "LENGTH (ft), log",
            ["343"] = "LENGTH (yd), log", ["344"] = "WIDTH (in), log", ["345"] = "WIDTH (ft), log",
            ["346"] = "WIDTH (yd), log", ["347"] = "HEIGHT (in), log", ["348"] = "HEIGHT (ft), log",
            ["349"] = "HEIGHT (yd), log",
            ["350"] = "AREA (in2)", ["351"] = "AREA (ft2)", ["352"] = "AREA (yd2)", ["353"] = "AREA (in2), log",
            ["354"] = "AREA (ft2), log", ["355"] = "AREA (yd2), log", ["356"] = "NET WEIGHT (troy oz)",
            ["357"] = "NET VOLUME (oz)",
            ["360"] = "NET VOLUME (qt)", ["361"] = "NET VOLUME (gal.)", ["362"] = "VOLUME (qt), log",
            ["363"] = "VOLUME (gal.), log", ["364"] = "VOLUME (in3)", ["365"] = "VOLUME (ft3)",
            ["366"] = "VOLUME (yd3)", ["367"] = "VOLUME (in3), log", ["368"] = "VOLUME (ft3), log",
            ["369"] = "VOLUME (yd3), log",
        };
        foreach (var (stem, title) in titles)
        {
            for (var d = 0; d <= 5; d++)
            {
                yield return new(stem + d.ToString(CultureInfo.InvariantCulture), title, Gs1Content.Measure, 6, 6);
            }
        }
    }
}
