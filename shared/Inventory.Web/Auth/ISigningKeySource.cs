using Microsoft.IdentityModel.Tokens;

namespace Inventory.Web.Auth;

/// <summary>The HMAC key tokens are signed and validated with; each host decides where it is kept.</summary>
public interface ISigningKeySource
{
    SymmetricSecurityKey Key { get; }
}
