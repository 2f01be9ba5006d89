using Inventory.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Web.Http;

/// <summary>Collects field errors for a validation problem; field names are the JSON (camelCase) ones.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public Validation Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    public Validation RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"'{field}' is required.");
        }

        return value.Length > maxLength ? Add(field, $"'{field}' is longer than {maxLength} characters.")
            : TextRules.HasControlCharacters(value, allowLineBreaks: false) ? Add(field, TextRules.ControlCharactersMessage(field))
            : this;
    }

    /// <summary>Free text: line breaks and tabs allowed, other control characters not.</summary>
    public Validation OptionalText(string? value, string field, int maxLength) =>
        value is null ? this
        : value.Length > maxLength ? Add(field, $"'{field}' is longer than {maxLength} characters.")
        : TextRules.HasControlCharacters(value, allowLineBreaks: true) ? Add(field, TextRules.ControlCharactersMessage(field))
        : this;

    public ValidationProblem ToProblem() => Problems.Validation(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));

    public IReadOnlyDictionary<string, List<string>> Errors => _errors;
}
