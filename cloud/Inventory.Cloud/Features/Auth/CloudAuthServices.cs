using Inventory.Web.Auth;
using Microsoft.Extensions.Options;

namespace Inventory.Cloud.Features.Auth;

public static class CloudAuthServices
{
    public const string Issuer = "inventory-cloud";
    public const string Audience = "inventory";

    public static IServiceCollection AddCloudAuth(this IServiceCollection services)
    {
        services.AddSingleton<CloudSigningKey>();
        services.AddSingleton<ISigningKeySource>(sp => sp.GetRequiredService<CloudSigningKey>());
        services.AddSingleton<CloudUserSessions>();
        services.AddSingleton<IUserSessionCheck>(sp => sp.GetRequiredService<CloudUserSessions>());
        services.AddSingleton<CloudLoginService>();
        services.AddSingleton<IPasswordCheck>(sp => sp.GetRequiredService<CloudLoginService>());
        services.AddInventoryJwt(Issuer, Audience).AddInventoryCookie(Web.CloudWeb.CookieName);
        services.AddOptions<TokenIssuerOptions>().Configure<IOptions<CloudOptions>>((o, cloud) => o.Lifetime = cloud.Value.Auth.TokenLifetime);
        services.AddOptions<SignInThrottleOptions>().Configure<IOptions<CloudOptions>>((o, cloud) =>
        {
            o.MaxFailedLogins = cloud.Value.Auth.MaxFailedLogins;
            o.LockoutDuration = cloud.Value.Auth.LockoutDuration;
        });
        services.AddInventoryAuthorization();
        services.AddHostedService<BootstrapAdmin>();
        return services;
    }
}
