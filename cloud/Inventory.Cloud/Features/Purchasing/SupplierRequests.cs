using System.Text.RegularExpressions;
using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Web.Http;

namespace Inventory.Cloud.Features.Purchasing;

public sealed record SupplierRequest(
    string? Code, string? Name, string? Email, string? Phone, string? Address, string? Currency, int? LeadTimeDays,
    string? PaymentTerms, decimal? OverReceiptTolerancePercent, bool? IsActive);

public sealed record PriceBreakRequest(decimal? Quantity, decimal? UnitPrice);

public sealed record SupplierProductRequest(
    string? SupplierSku, decimal? UnitPrice, decimal? MinOrderQuantity, decimal? OrderMultiple, int? LeadTimeDays,
    bool? Preferred, IReadOnlyList<PriceBreakRequest>? PriceBreaks, bool? IsActive);

/// <summary>The checks of a supplier and a supplier price; a request that fails any changes nothing.</summary>
public static partial class SupplierRules
{
    /// <summary>A supplier without a currency buys in this one.</summary>
    public const string DefaultCurrency = "EUR";

    public const int MaxLeadTimeDays = 365;

    public static Validation Check(SupplierRequest r) => new Validation()
        .RequireText(r.Code, "code", 50)
        .RequireText(r.Name, "name", 200)
        .OptionalText(r.Email, "email", 254)
        .Require(r.Email is null || r.Email.Contains('@', StringComparison.Ordinal), "email", "'email' is not a mail address.")
        .OptionalText(r.Phone, "phone", 50)
        .OptionalText(r.Address, "address", 500)
        .OptionalText(r.PaymentTerms, "paymentTerms", 200)
        .Require(r.Currency is null || CurrencyPattern().IsMatch(r.Currency), "currency", "'currency' is a three-letter ISO 4217 code such as EUR.")
        .Require(r.LeadTimeDays is null or (>= 0 and <= MaxLeadTimeDays), "leadTimeDays", $"'leadTimeDays' is between 0 and {MaxLeadTimeDays}.")
        .Require(r.OverReceiptTolerancePercent is null or (>= 0 and <= ReceiptTolerance.MaxPercent), "overReceiptTolerancePercent",
            $"'overReceiptTolerancePercent' is between 0 and {ReceiptTolerance.MaxPercent}.");

    public static Validation Check(SupplierProductRequest r)
    {
        var v = new Validation()
            .OptionalText(r.SupplierSku, "supplierSku", 100)
            .Require(r.UnitPrice is not null, "unitPrice", "'unitPrice' is required.")
            .Require(r.UnitPrice is null or (>= 0 and <= LedgerLimits.MaxUnitCost), "unitPrice", "'unitPrice' is between 0 and 1,000,000,000.")
            .Require(r.MinOrderQuantity is null or (>= 0 and <= LedgerLimits.MaxQuantity), "minOrderQuantity", "'minOrderQuantity' is between 0 and 1,000,000,000.")
            .Require(r.MinOrderQuantity is not { } min || WholeUnits.Is(min), "minOrderQuantity", WholeUnits.Message)
            .Require(r.OrderMultiple is null or (>= 0 and <= LedgerLimits.MaxQuantity), "orderMultiple", "'orderMultiple' is between 0 and 1,000,000,000.")
            .Require(r.OrderMultiple is not { } multiple || WholeUnits.Is(multiple), "orderMultiple", WholeUnits.Message)
            .Require(r.LeadTimeDays is null or (>= 0 and <= MaxLeadTimeDays), "leadTimeDays", $"'leadTimeDays' is between 0 and {MaxLeadTimeDays}.")
            .Require((r.PriceBreaks?.Count ?? 0) <= 50, "priceBreaks", "At most 50 price breaks.");
        var breaks = r.PriceBreaks ?? [];
        if (breaks.Any(b => b?.Quantity is null || b.UnitPrice is null))
        {
            return v.Add("priceBreaks", "Each price break has a 'quantity' and a 'unitPrice'.");
        }

        foreach (var error in PriceBreaks.Check([.. breaks.Select(b => new PriceBreak(b.Quantity!.Value, b.UnitPrice!.Value))]))
        {
            v.Add("priceBreaks", error);
        }

        return v.Require(breaks.All(b => b.UnitPrice <= LedgerLimits.MaxUnitCost && b.Quantity <= LedgerLimits.MaxQuantity), "priceBreaks",
            "A price break is out of range.");
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
