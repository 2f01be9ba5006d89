using System.Security.Cryptography;

namespace Inventory.Sync;

/// <summary>Ids that every replica computes alike for a row keyed by other rows (RFC 9562 version 8, from SHA-256).</summary>
public static class DeterministicIds
{
    public static Guid SupplierProduct(Guid supplierId, Guid productId) => From("supplier-product", supplierId, productId);

    /// <summary>A lot of a product; the code is compared as written (lot codes are case-sensitive on labels).</summary>
    public static Guid Lot(Guid productId, string lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var code = new Guid(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lot)).AsSpan(0, 16));
        return From("lot", productId, code);
    }

    public static Guid From(string kind, Guid a, Guid b)
    {
        ArgumentNullException.ThrowIfNull(kind);
        Span<byte> input = stackalloc byte[kind.Length * 3 + 32];
        var n = System.Text.Encoding.UTF8.GetBytes(kind, input);
        a.TryWriteBytes(input[n..], bigEndian: true, out _);
        b.TryWriteBytes(input[(n + 16)..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..(n + 32)], hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
