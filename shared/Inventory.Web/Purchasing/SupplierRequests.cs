using System.Net.Mail;
using System.Text.RegularExpressions;
using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Web.Http;

namespace Inventory.Web.Purchasing;

// The bodies of /api/suppliers on both hosts, and their checks: one rule, so a supplier the cloud takes is one a box
// takes too (and the other way round when a box's edit is pushed up).

public sealed record SupplierRequest(
    string? Code, string? Name, string? Email, string? Phone, string? Address, string? Currency, int? LeadTimeDays,
    string? PaymentTerms, decimal? OverReceiptTolerancePercent, bool? IsActive);

/// <summary>From <see cref="Quantity"/> units on, the whole line costs <see cref="UnitPrice"/> each.</summary>
public sealed record PriceBreakRequest(decimal? Quantity, decimal? UnitPrice);

public sealed record SupplierProductRequest(
    string? SupplierSku, decimal? UnitPrice, decimal? MinOrderQuantity, decimal? OrderMultiple, int? LeadTimeDays,
    bool? Preferred, IReadOnlyList<PriceBreakRequest>? PriceBreaks, bool? IsActive);

/// <summary>The checks of a supplier and of a supplier's price for a product; a request that fails any changes nothing.</summary>
public static partial class SupplierRules
{
    /// <summary>A supplier without a currency buys in this one.</summary>
    public const string DefaultCurrency = "EUR";

    public const int MaxCode = 50;
    public const int MaxName = 255;
    public const int MaxLeadTimeDays = 3650;
    public const int MaxPriceBreaks = 50;

    /// <param name="whole">True for a create or a full replace; false for a partial update, where an absent field keeps its value.</param>
    public static Validation Check(SupplierRequest r, bool whole)
    {
        ArgumentNullException.ThrowIfNull(r);
        var v = new Validation();
        if (whole || r.Code is not null)
        {
            v.RequireText(r.Code, "code", MaxCode)
                .Require(r.Code is null || CodePattern().IsMatch(r.Code.Trim()), "code", "A supplier code has letters, digits, '.', '-' and '_' only.");
        }

        if (whole || r.Name is not null)
        {
            v.RequireText(r.Name, "name", MaxName);
        }

        return v
            .Require(string.IsNullOrWhiteSpace(r.Email) || (r.Email.Length <= 254 && MailAddress.TryCreate(r.Email.Trim(), out var mail)
                    && mail.Address == r.Email.Trim()), "email", "'email' is one e-mail address.")
            .OptionalText(r.Phone, "phone", 50)
            .OptionalText(r.Address, "address", 500)
            .OptionalText(r.PaymentTerms, "paymentTerms", 200)
            .Require(r.Currency is null || CurrencyPattern().IsMatch(r.Currency), "currency", "'currency' is a three-letter ISO 4217 code such as EUR.")
            .Require(r.LeadTimeDays is null or (>= 0 and <= MaxLeadTimeDays), "leadTimeDays", $"'leadTimeDays' is between 0 and {MaxLeadTimeDays}.")
            .Require(r.OverReceiptTolerancePercent is null or (>= 0 and <= ReceiptTolerance.MaxPercent), "overReceiptTolerancePercent",
                $"'overReceiptTolerancePercent' is between 0 and {ReceiptTolerance.MaxPercent}.");
    }

    public static Validation Check(SupplierProductRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var v = new Validation()
            .OptionalText(r.SupplierSku, "supplierSku", 100)
            .Require(r.UnitPrice is not null, "unitPrice", "'unitPrice' is required.")
            .Require(r.UnitPrice is null or (>= 0 and <= LedgerLimits.MaxUnitCost), "unitPrice", "'unitPrice' is between 0 and 1,000,000,000.")
            .Require(r.MinOrderQuantity is null or (>= 0 and <= LedgerLimits.MaxQuantity), "minOrderQuantity", "'minOrderQuantity' is between 0 and 1,000,000,000.")
            .Require(r.MinOrderQuantity is not { } min || WholeUnits.Is(min), "minOrderQuantity", WholeUnits.Message)
            .Require(r.OrderMultiple is null or (>= 0 and <= LedgerLimits.MaxQuantity), "orderMultiple", "'orderMultiple' is between 0 and 1,000,000,000.")
            .Require(r.OrderMultiple is not { } multiple || WholeUnits.Is(multiple), "orderMultiple", WholeUnits.Message)
            .Require(r.LeadTimeDays is null or (>= 0 and <= MaxLeadTimeDays), "leadTimeDays", $"'leadTimeDays' is between 0 and {MaxLeadTimeDays}.")
            .Require((r.PriceBreaks?.Count ?? 0) <= MaxPriceBreaks, "priceBreaks", $"At most {MaxPriceBreaks} price breaks.");
        var breaks = r.PriceBreaks ?? [];
        if (breaks.Any(b => b?.Quantity is null || b.UnitPrice is null))
        {
            return v.Add("priceBreaks", "Each price break has a 'quantity' and a 'unitPrice'.");
        }

        foreach (var error in PriceBreaks.Check(Breaks(r)))
        {
            v.Add("priceBreaks", error);
        }

        return v.Require(breaks.All(b => WholeUnits.Is(b.Quantity!.Value) && b.Quantity <= LedgerLimits.MaxQuantity && b.UnitPrice <= LedgerLimits.MaxUnitCost),
            "priceBreaks", "A price break's quantity is whole units and its price at most 1,000,000,000.");
    }

    /// <summary>The request's breaks, lowest threshold first; call after <see cref="Check(SupplierProductRequest)"/> passed.</summary>
    public static IReadOnlyList<PriceBreak> Breaks(SupplierProductRequest r) =>
        [.. (r.PriceBreaks ?? []).Select(b => new PriceBreak(b.Quantity!.Value, b.UnitPrice!.Value)).OrderBy(b => b.Quantity)];

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
