using Inventory.Domain.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.Edge.Features.Auth;

public static class AuthServices
{
    public static IServiceCollection AddEdgeAuth(this IServiceCollection services)
    {
        services.AddSingleton(sp => new EdgeOptionsPaths(
            EdgeOptions.DataDirFrom(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<LoginService>();
        services.AddHostedService<BootstrapAdmin>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKey>((o, key) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenIssuer.Issuer,
                    ValidAudience = TokenIssuer.Audience,
                    IssuerSigningKey = key.Key,
                    NameClaimType = AuthClaims.Name,
                    RoleClaimType = AuthClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: SignalR sends the token as access_token.
                    OnMessageReceived = ctx =>
                    {
                        if (ctx.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal)
                            && ctx.Request.Query["access_token"] is { Count: > 0 } token)
                        {
                            ctx.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async ctx =>
                    {
                        var sessions = ctx.HttpContext.RequestServices.GetRequiredService<UserSessions>();
                        var principal = ctx.Principal!;
                        if (principal.UserIdOf() is not { } id
                            || !await sessions.IsCurrentAsync(id, principal.FindFirst(AuthClaims.Stamp)?.Value,
                                principal.FindFirst(AuthClaims.Role)?.Value, ctx.HttpContext.RequestAborted))
                        {
                            ctx.Fail("The account was disabled or changed since this token was issued.");
                        }
                    },
                };
            });

        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().Build();
            foreach (var permission in Enum.GetValues<Permission>())
            {
                o.AddPolicy(permission.ToString(), p => p
                    .RequireAuthenticatedUser()
                    .RequireRole(RolePermissions.RolesWith(permission).Select(r => r.ToWireName())));
            }
        });
        return services;
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission.ToString());
}
