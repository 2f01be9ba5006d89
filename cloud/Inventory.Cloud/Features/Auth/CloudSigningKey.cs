using System.Security.Cryptography;
using Inventory.Web.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.Cloud.Features.Auth;

/// <summary>
/// The token key comes from configuration (the secret store), never from the database: a key at rest next to
/// the accounts it protects would let a stolen backup mint tokens.
/// </summary>
public sealed partial class CloudSigningKey : ISigningKeySource
{
    public CloudSigningKey(IOptions<CloudOptions> options, ILogger<CloudSigningKey> logger)
    {
        var configured = options.Value.Auth.SigningKey;
        byte[] bytes;
        if (string.IsNullOrWhiteSpace(configured))
        {
            bytes = RandomNumberGenerator.GetBytes(64);
            LogEphemeral(logger);
        }
        else
        {
            try
            {
                bytes = Convert.FromBase64String(configured.Trim());
            }
            catch (FormatException)
            {
                throw new OptionsValidationException(nameof(CloudAuthOptions.SigningKey), typeof(CloudAuthOptions),
                    ["Inventory:Auth:SigningKey is not base64."]);
            }

            if (bytes.Length < 32)
            {
                throw new OptionsValidationException(nameof(CloudAuthOptions.SigningKey), typeof(CloudAuthOptions),
                    ["Inventory:Auth:SigningKey needs at least 32 bytes."]);
            }
        }

        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory:Auth:SigningKey is not set: tokens are signed with a key made for this process and end when it stops; set it for production and for more than one instance")]
    private static partial void LogEphemeral(ILogger logger);
}
