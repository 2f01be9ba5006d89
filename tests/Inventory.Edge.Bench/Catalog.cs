using Inventory.Domain.Catalog;

namespace Inventory.Edge.Bench;

/// <summary>One generated catalog row.</summary>
internal sealed record GeneratedProduct(Guid Id, string Sku, string Name, string Barcode);

/// <summary>
/// A hardware-store catalog from word lists, deterministic for a seed: "Kestrel Pro Stainless Claw Hammer 16oz",
/// "Ironclad Nitrile Gloves Blue L". SKUs are unique by construction; EAN-13 barcodes are a brand's company
/// prefix, a scrambled item reference and a valid GS1 check digit.
/// </summary>
internal static class Catalog
{
    private sealed record Family(string Code, string Noun, string[] Kinds, string[] Variants);

    private static readonly string[] Brands =
    [
        "Kestrel", "Ironclad", "Northwind", "Bluefin", "Granite", "Summit", "Harbor", "Redline", "Atlas", "Vanguard",
        "Falcon", "Maple", "Orion", "Titan", "Pioneer", "Evergreen", "Anchor", "Beacon", "Crest", "Sterling",
    ];

    private static readonly string[] Series = ["", "", "", "Pro", "Max", "Lite", "XT", "Plus", "Heavy-Duty", "Compact", "Classic", "Ultra"];

    private static readonly string[] Sizes = ["XS", "S", "M", "L", "XL", "XXL"];

    private static readonly string[] Colours = ["Blue", "Black", "White", "Orange", "Green", "Grey", "Red", "Yellow"];

    private static readonly Family[] Families =
    [
        new("HAM", "Hammer", ["Stainless Claw", "Fiberglass Claw", "Steel Ball-Peen", "Wood Framing", "Rubber", "Drywall", "Sledge", "Tack"], ["8oz", "12oz", "16oz", "20oz", "24oz", "32oz"]),
        new("SCR", "Screwdriver", ["Phillips", "Flathead", "Torx", "Precision", "Stubby", "Insulated Phillips", "Magnetic Flathead"], ["PH0", "PH1", "PH2", "PH3", "3mm", "5mm", "6mm", "T20", "T25"]),
        new("WRN", "Wrench", ["Adjustable", "Combination", "Torque", "Pipe", "Ratcheting", "Chrome-Vanadium Combination"], ["8mm", "10mm", "13mm", "17mm", "19mm", "6in", "10in", "12in"]),
        new("GLV", "Gloves", ["Nitrile", "Latex", "Leather", "Cut-Resistant", "Thermal", "Disposable Nitrile", "Mechanic"], Cross(Colours, Sizes)),
        new("DRB", "Drill Bit", ["HSS", "Masonry", "Wood Spade", "Cobalt", "Step", "Titanium HSS", "Tile"], ["3mm", "4mm", "5mm", "6mm", "8mm", "10mm", "12mm", "Set 13pc"]),
        new("TAP", "Tape", ["Duct", "Masking", "Electrical", "Packing", "Double-Sided", "Gaffer", "Painter's"], ["19mm x 20m", "25mm x 50m", "48mm x 50m", "50mm x 25m", "Black", "Silver", "Clear"]),
        new("SCW", "Screws", ["Wood", "Drywall", "Machine", "Self-Tapping", "Deck", "Stainless Wood", "Zinc Chipboard"], ["3.5x25mm Box 200", "4x40mm Box 200", "5x60mm Box 100", "6x80mm Box 50", "M4x20 Box 100", "M6x30 Box 50"]),
        new("GLS", "Safety Glasses", ["Clear", "Tinted", "Anti-Fog", "Over-Spec", "Wraparound", "Polarised"], ["Standard", "Wide Fit", "Pack of 10"]),
        new("CTI", "Cable Ties", ["Nylon", "Releasable", "Stainless", "UV-Resistant", "Heavy-Duty Nylon"], Cross(["Black", "White", "Natural"], ["100mm", "200mm", "300mm", "450mm"])),
        new("EXT", "Extension Cord", ["Outdoor", "Indoor", "Reel", "Heavy-Duty Outdoor", "Four-Way"], ["5m", "10m", "15m", "25m", "50m"]),
        new("LED", "LED Bulb", ["Warm White", "Daylight", "Dimmable", "Filament", "Smart"], ["E27 9W", "E27 13W", "E14 5W", "GU10 5W", "B22 9W"]),
        new("BRS", "Paint Brush", ["Synthetic", "Natural Bristle", "Angled Sash", "Flat", "Radiator"], ["25mm", "38mm", "50mm", "75mm", "100mm", "Set 5pc"]),
        new("ROL", "Paint Roller", ["Microfibre", "Foam", "Mohair", "Woven", "Mini"], ["100mm", "180mm", "230mm", "Kit"]),
        new("SND", "Sandpaper", ["Aluminium Oxide", "Silicon Carbide", "Wet and Dry", "Garnet", "Sanding Sponge"], ["P60", "P80", "P120", "P180", "P240", "P400", "Assorted"]),
        new("KNF", "Utility Knife", ["Retractable", "Folding", "Snap-Off", "Safety", "Heavy-Duty Retractable"], ["9mm", "18mm", "25mm", "with 10 Blades"]),
        new("TMS", "Tape Measure", ["Steel", "Fiberglass", "Magnetic", "Laser", "Rubber-Grip Steel"], ["3m", "5m", "8m", "10m", "30m"]),
        new("PLR", "Pliers", ["Combination", "Long-Nose", "Side-Cutting", "Locking", "Water Pump", "Insulated Combination"], ["150mm", "180mm", "200mm", "250mm"]),
        new("SAW", "Saw", ["Hand", "Hacksaw", "Coping", "Pruning", "Tenon", "Folding Pruning"], ["300mm", "450mm", "500mm", "550mm", "Fine Cut"]),
        new("LAD", "Ladder", ["Aluminium Step", "Fiberglass Step", "Extension", "Telescopic", "Platform"], ["3 Tread", "4 Tread", "5 Tread", "6 Tread", "3.8m", "5.2m"]),
        new("FLS", "Flashlight", ["LED", "Rechargeable LED", "Tactical", "Headlamp", "Inspection"], ["200lm", "500lm", "1000lm", "AAA", "AA"]),
        new("BAT", "Batteries", ["Alkaline", "Lithium", "Rechargeable NiMH", "Heavy-Duty Alkaline"], ["AA 4pk", "AA 12pk", "AAA 4pk", "AAA 12pk", "9V 2pk", "C 2pk", "D 2pk"]),
        new("PDL", "Padlock", ["Brass", "Laminated Steel", "Combination", "Weatherproof", "Shrouded"], ["30mm", "40mm", "50mm", "60mm", "Keyed Alike 2pk"]),
        new("HOS", "Garden Hose", ["Reinforced", "Expandable", "Anti-Kink", "Soaker", "Flat"], ["15m", "20m", "25m", "30m", "50m"]),
        new("BKT", "Bucket", ["Plastic", "Galvanised", "Builder's", "Mop", "Folding"], ["10L", "12L", "15L", "20L"]),
        new("BRM", "Broom", ["Soft Sweep", "Stiff Yard", "Push", "Indoor", "Corn"], ["300mm", "450mm", "600mm", "with Handle"]),
        new("BAG", "Trash Bags", ["Heavy-Duty", "Drawstring", "Compostable", "Contractor", "Recycling"], ["30L 50ct", "60L 40ct", "80L 25ct", "120L 20ct"]),
        new("BOX", "Storage Box", ["Clear Plastic", "Stackable", "Heavy-Duty", "Tool", "Organiser"], ["10L", "24L", "35L", "50L", "64L", "84L"]),
        new("BRK", "Shelf Bracket", ["Steel", "Heavy-Duty Steel", "Decorative", "Concealed", "Folding"], ["150mm", "200mm", "250mm", "300mm", "White", "Black"]),
        new("HNG", "Hinge", ["Butt", "Piano", "Concealed", "Strap", "Stainless Butt", "Brass Butt"], ["50mm", "75mm", "100mm", "Pair", "Pack of 10"]),
        new("SEA", "Sealant", ["Silicone", "Acrylic", "Polyurethane", "Fire-Rated", "Sanitary Silicone"], ["White 310ml", "Clear 310ml", "Grey 310ml", "Black 310ml"]),
        new("GLU", "Wood Glue", ["PVA", "Waterproof PVA", "Polyurethane", "Fast-Set", "Exterior"], ["250ml", "500ml", "1L", "5L"]),
        new("PNT", "Paint", ["Matt Emulsion", "Silk Emulsion", "Gloss", "Satinwood", "Masonry", "Primer Undercoat"], Cross(["White", "Magnolia", "Grey", "Black", "Cream"], ["1L", "2.5L", "5L"])),
        new("SPR", "Spray Paint", ["Gloss", "Matt", "Metallic", "Primer", "High-Heat"], Cross(["Black", "White", "Red", "Silver", "Blue"], ["400ml"])),
        new("LVL", "Spirit Level", ["Aluminium", "Torpedo", "Box Beam", "Magnetic", "Digital"], ["230mm", "600mm", "1000mm", "1200mm", "1800mm"]),
        new("CHS", "Chisel", ["Wood", "Bevel Edge", "Cold", "Mortise", "Masonry"], ["6mm", "12mm", "19mm", "25mm", "Set 4pc"]),
        new("CLP", "Clamp", ["F", "Quick-Release Bar", "G", "Spring", "Pipe", "Corner"], ["100mm", "150mm", "300mm", "600mm", "Pack of 4"]),
        new("BOT", "Work Boots", ["Steel Toe", "Composite Toe", "Waterproof Safety", "Rigger", "Hiker Safety"], ["UK 6", "UK 7", "UK 8", "UK 9", "UK 10", "UK 11", "UK 12"]),
        new("VST", "Hi-Vis Vest", ["Yellow", "Orange", "Mesh Yellow", "Executive Orange", "Zip Yellow"], Sizes),
        new("EAR", "Ear Plugs", ["Foam", "Reusable Silicone", "Corded Foam", "Banded"], ["5 Pairs", "50 Pairs", "200 Pairs"]),
        new("MSK", "Dust Mask", ["FFP2", "FFP3", "FFP2 Valved", "FFP3 Valved", "Reusable Half"], ["Pack of 3", "Pack of 10", "Pack of 20", "Single"]),
    ];

    /// <summary>The products, in a stable order for the seed; ids are UUIDv7 like the edge's own.</summary>
    public static IEnumerable<GeneratedProduct> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var companyPrefixes = new string[Brands.Length];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var b = 0; b < Brands.Length; b++)
        {
            do
            {
                // A seven-digit GS1 company prefix per brand: a country-range pair of digits, then five more.
                companyPrefixes[b] = random.Next(30, 90).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)
                    + random.Next(0, 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            }
            while (!used.Add(companyPrefixes[b]));
        }

        var itemCounters = new int[Brands.Length];
        for (var i = 0; i < count; i++)
        {
            var family = Families[random.Next(Families.Length)];
            var brand = random.Next(Brands.Length);
            var kind = family.Kinds[random.Next(family.Kinds.Length)];
            var series = Series[random.Next(Series.Length)] is var s && !kind.Contains(s, StringComparison.Ordinal) ? s : "";
            var variant = family.Variants[random.Next(family.Variants.Length)];
            var name = string.Join(' ', new[] { Brands[brand], series, kind, family.Noun, variant }.Where(w => w.Length > 0));
            var sku = $"{family.Code}-{Brands[brand][..2].ToUpperInvariant()}{i + 1:D6}";

            // Item references 0..99,999 per brand, scrambled by an odd multiplier so neighbours do not share digits.
            var item = (int)((itemCounters[brand]++ * 7_919L + 13) % 100_000);
            var digits = companyPrefixes[brand] + item.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            var barcode = digits + Gtin.CheckDigit(digits).ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return new GeneratedProduct(Guid.CreateVersion7(), sku, name, barcode);
        }
    }

    /// <summary>How many products one brand can hold before its item references (five digits) run out.</summary>
    public static int MaxProducts => Brands.Length * 100_000 / 2;

    private static string[] Cross(string[] first, string[] second) => [.. first.SelectMany(a => second.Select(b => a + " " + b))];
}
