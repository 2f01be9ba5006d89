using System.Security.Cryptography;
using Inventory.Web.Auth;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.Edge.Features.Auth;

/// <summary>
/// The HMAC key tokens are signed with: 64 random bytes made on first start and kept in the data dir,
/// readable by the service user only, so tokens survive a restart and never leave the box.
/// </summary>
public sealed class SigningKey : ISigningKeySource
{
    public SigningKey(EdgeOptionsPaths paths)
    {
        var file = Path.Combine(paths.DataDir, "secrets", "token-signing.key");
        SecretFiles.TryCreate(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        Key = new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }

    public SymmetricSecurityKey Key { get; }
}

/// <summary>The data dir, known before options validation runs (authentication is configured from it).</summary>
public sealed record EdgeOptionsPaths(string DataDir);
