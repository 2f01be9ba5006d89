namespace Inventory.Domain;

/// <summary>One thing wrong with one field of a request; the field is its JSON (camelCase) name.</summary>
public sealed record FieldError(string Field, string Message);
