using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inventory.Sync;

/// <summary>Source-generated JSON for the protocol: a million movements are serialized per backlog, reflection would show.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PushBatch))]
[JsonSerializable(typeof(PushAck))]
[JsonSerializable(typeof(ChangePage))]
[JsonSerializable(typeof(ProductRecord))]
[JsonSerializable(typeof(CategoryRecord))]
[JsonSerializable(typeof(UserRecord))]
[JsonSerializable(typeof(LocationRecord))]
[JsonSerializable(typeof(BinRecord))]
[JsonSerializable(typeof(LevelSummaryRecord))]
[JsonSerializable(typeof(TransferRecord))]
[JsonSerializable(typeof(SupplierRecord))]
[JsonSerializable(typeof(SupplierProductRecord))]
[JsonSerializable(typeof(PurchaseOrderRecord))]
[JsonSerializable(typeof(LotRecord))]
[JsonSerializable(typeof(CycleCountRecord))]
public sealed partial class SyncJson : JsonSerializerContext
{
    public static JsonElement ToElement<T>(T value) =>
        JsonSerializer.SerializeToElement(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Default.GetTypeInfo(typeof(T))!);

    public static T Read<T>(JsonElement element) =>
        element.Deserialize((System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Default.GetTypeInfo(typeof(T))!)
        ?? throw new JsonException($"Empty {typeof(T).Name}.");
}
