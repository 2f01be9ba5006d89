using System.Security.Cryptography;

namespace Inventory.Web.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA512 with a random salt, stored as "pbkdf2-sha512$iterations$salt$hash". 210,000
/// iterations is OWASP's figure for this hash; the count is stored, so it can rise without a migration.
/// </summary>
public static class PasswordHasher
{
    private const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha512";

    // Verified against when the user does not exist, so a wrong username costs the same time as a wrong password.
    private static readonly string DummyHash = Hash("not-a-real-password-" + Guid.NewGuid());

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>
    /// False for no hash or an empty one (an account the cloud withholds from this box): checked against the dummy,
    /// so such an account costs the same time as any wrong password and never signs in.
    /// </summary>
    public static bool Verify(string password, string? stored)
    {
        var usable = !string.IsNullOrEmpty(stored);
        var parts = (usable ? stored! : DummyHash).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations < 1)
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return usable && CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public static string? CheckStrength(string? password) => password switch
    {
        null or "" => "A password is required.",
        { Length: < 8 } => "A password needs at least 8 characters.",
        { Length: > 128 } => "A password may have at most 128 characters.",
        _ => null,
    };

    public static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
