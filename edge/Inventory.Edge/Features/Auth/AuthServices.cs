using Inventory.Web.Auth;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Auth;

public static class AuthServices
{
    public const string Issuer = "inventory-edge";
    public const string Audience = "inventory";
    public const string CookieName = "inventory-edge.auth";

    public static IServiceCollection AddEdgeAuth(this IServiceCollection services)
    {
        services.AddSingleton(sp => new EdgeOptionsPaths(
            EdgeOptions.DataDirFrom(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton<SigningKey>();
        services.AddSingleton<ISigningKeySource>(sp => sp.GetRequiredService<SigningKey>());
        services.AddSingleton<UserSessions>();
        services.AddSingleton<IUserSessionCheck>(sp => sp.GetRequiredService<UserSessions>());
        services.AddSingleton<LoginService>();
        services.AddSingleton<IPasswordCheck>(sp => sp.GetRequiredService<LoginService>());
        services.AddHostedService<BootstrapAdmin>();

        services.AddInventoryJwt(Issuer, Audience).AddInventoryCookie(CookieName);
        services.AddOptions<TokenIssuerOptions>()
            .Configure<IOptions<EdgeOptions>>((o, edge) => o.Lifetime = edge.Value.Auth.TokenLifetime);
        services.AddOptions<SignInThrottleOptions>().Configure<IOptions<EdgeOptions>>((o, edge) =>
        {
            o.MaxFailedLogins = edge.Value.Auth.MaxFailedLogins;
            o.LockoutDuration = edge.Value.Auth.LockoutDuration;
        });
        services.AddInventoryAuthorization();
        return services;
    }
}
