using System.Globalization;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inventory.Web.Auth;

/// <summary><c>POST /api/auth/token</c>, the same on every host: the host's <see cref="IPasswordCheck"/>, then a bearer token.</summary>
public static class TokenEndpoint
{
    public sealed record TokenRequest(string? Username, string? Password);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType, string Role);

    public static RouteHandlerBuilder MapTokenApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/token", IssueAsync)
            .AllowAnonymous()
            .WithTags("Auth")
            .WithName("IssueToken")
            .WithSummary("Exchange a username and password for a bearer token.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueAsync(
        TokenRequest request, SignInGate passwords, TokenIssuer tokens, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password)
            || request.Username.Length > 64 || request.Password.Length > 128)
        {
            return Problems.BadRequest("Give a username and a password.");
        }

        var check = await passwords.CheckAsync(request.Username.Trim(), request.Password, http.Connection.RemoteIpAddress, cancellationToken);
        switch (check)
        {
            case { Outcome: LoginOutcome.Success, User: { } user }:
                var (token, expires) = tokens.Issue(user.Id, user.Username, user.Role, user.SecurityStamp);
                return TypedResults.Ok(new TokenResponse(token, expires, "Bearer", user.Role));
            case { Outcome: LoginOutcome.LockedOut }:
                var seconds = (int)Math.Ceiling(check.RetryAfter.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    $"Too many failed sign-ins. Try again in {seconds} s.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Account locked");
            default:
                return TypedResults.Problem("Wrong username or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
    }
}
