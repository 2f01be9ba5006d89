using Inventory.Domain;

namespace Inventory.Web.Http;

public static class FieldErrors
{
    /// <summary>Adds a domain rule's errors, so they answer as any other field error (a validation problem).</summary>
    public static Validation AddAll(this Validation validation, IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            validation.Add(error.Field, error.Message);
        }

        return validation;
    }
}
