using Inventory.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.Web.Auth;

public static class AuthServices
{
    /// <summary>
    /// Bearer tokens signed with the <see cref="ISigningKeySource"/> in DI, refused once
    /// <see cref="IUserSessionCheck"/> says the user changed; also registers <see cref="TokenIssuer"/> for the same
    /// issuer and audience. The host registers both interfaces and may set <see cref="TokenIssuerOptions.Lifetime"/>.
    /// </summary>
    public static AuthenticationBuilder AddInventoryJwt(this IServiceCollection services, string issuer, string audience)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        services.AddOptions<TokenIssuerOptions>().Configure(o =>
        {
            o.Issuer = issuer;
            o.Audience = audience;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenIssuer>();
        services.TryAddSingleton<SignInThrottle>();
        services.TryAddSingleton<SignInGate>();
        services.TryAddSingleton<HubSessions>();
        services.Configure<HubOptions>(o => o.AddFilter<HubSessions>());

        var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<ISigningKeySource>((o, key) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer,
                    ValidAudience = audience,
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
                        var sessions = ctx.HttpContext.RequestServices.GetRequiredService<IUserSessionCheck>();
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
        return authentication;
    }

    /// <summary>
    /// Every endpoint needs a signed-in user unless it says AllowAnonymous; one policy per
    /// <see cref="Permission"/>, named after it, admitting the roles that have it.
    /// </summary>
    public static IServiceCollection AddInventoryAuthorization(this IServiceCollection services)
    {
        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
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
