using System.Text.Json;
using System.Text.Json.Serialization;
using Inventory.Sync;

namespace Inventory.Cloud.Features.Purchasing;

/// <summary>The price-break column's JSON, written and read the same way everywhere (camelCase, like the API).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<PriceBreakRecord>))]
internal sealed partial class PurchasingJson : JsonSerializerContext;
