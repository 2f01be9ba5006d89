namespace Inventory.Web.Auth;

/// <summary>
/// What <see cref="TokenIssuer"/> writes into a token. Issuer and audience are set by
/// <see cref="AuthServices.AddInventoryJwt"/> so issuing and validating cannot disagree; the host sets the lifetime.
/// </summary>
public sealed class TokenIssuerOptions
{
    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(12);
}
