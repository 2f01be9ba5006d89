using System.Security.Cryptography;
using System.Text;

namespace Inventory.Domain.Accounts;

/// <summary>
/// Secrets of machines (devices at the edge, sites at the cloud) are 256 random bits made here, never chosen
/// by a person: there is no dictionary to guess from, so a slow password hash (PBKDF2 with 210,000 rounds,
/// ~100 ms) would buy no safety and would cost every reconnect of a whole fleet after a Wi-Fi blip, or every
/// push of a site. A salted SHA-256 is enough to keep a stolen database from giving away working credentials.
/// </summary>
public static class MachineSecrets
{
    private const string Scheme = "sha256";
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;

    /// <summary>A new secret, URL-safe base64 so it survives shells, config files and MQTT tools unquoted.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"{Scheme}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Digest(salt, secret))}";
    }

    public static bool Verify(string? secret, string stored)
    {
        var parts = stored.Split('$');
        if (secret is null || secret.Length > 256 || parts.Length != 3 || parts[0] != Scheme)
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[1]);
        var expected = Convert.FromBase64String(parts[2]);
        return CryptographicOperations.FixedTimeEquals(Digest(salt, secret), expected);
    }

    private static byte[] Digest(byte[] salt, string secret) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(secret)]);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
