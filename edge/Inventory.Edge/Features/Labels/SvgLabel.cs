using System.Globalization;
using System.Xml.Linq;

namespace Inventory.Edge.Features.Labels;

/// <summary>The label as SVG: 4 × 2 inches, drawn in printer dots (viewBox 812 × 406), bars as rectangles.</summary>
internal static class SvgLabel
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(LabelLayout layout, string title)
    {
        var root = new XElement(Svg + "svg",
            new XAttribute("width", "4in"),
            new XAttribute("height", "2in"),
            new XAttribute("viewBox", $"0 0 {LabelLayout.Width} {LabelLayout.Height}"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#fff")));
        var bars = new XElement(Svg + "g", new XAttribute("fill", "#000"), new XAttribute("shape-rendering", "crispEdges"));
        foreach (var box in layout.Symbols.SelectMany(LabelLayout.Boxes))
        {
            bars.Add(new XElement(Svg + "rect",
                new XAttribute("x", box.X), new XAttribute("y", box.Y),
                new XAttribute("width", box.Width), new XAttribute("height", box.Height)));
        }

        root.Add(bars);
        var texts = new XElement(Svg + "g", new XAttribute("fill", "#000"), new XAttribute("font-family", $"'{LabelFonts.Family}', Verdana, sans-serif"));
        foreach (var text in layout.Texts)
        {
            texts.Add(new XElement(Svg + "text",
                new XAttribute("x", Number(text.X)), new XAttribute("y", Number(text.Baseline)),
                new XAttribute("font-size", Number(text.Size)),
                text.Bold ? new XAttribute("font-weight", "bold") : null,
                text.Text));
        }

        root.Add(texts);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString(SaveOptions.DisableFormatting);
    }

    private static string Number(float value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
