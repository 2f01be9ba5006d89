namespace Inventory.Domain;

/// <summary>
/// Text a person typed may not carry control characters: a NUL or an escape sequence in a name breaks labels,
/// CSV and PDF exports, terminals that read the logs, and the full-text index. Free text (notes,
/// descriptions) may still have line breaks and tabs.
/// </summary>
public static class TextRules
{
    public static bool HasControlCharacters(string value, bool allowLineBreaks) =>
        value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));

    public static string ControlCharactersMessage(string field) => $"'{field}' may not contain control characters.";
}
