using Inventory.Web.Http;

namespace Inventory.Edge.Features.Auth;

public static class AuthEndpoints
{
    public sealed record TokenRequest(string? Username, string? Password);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType, string Role);

    public static void MapAuthApi(this WebApplication app)
    {
        app.MapPost("/api/auth/token", IssueToken)
            .AllowAnonymous()
            .WithTags("Auth")
            .WithName("IssueToken")
            .WithSummary("Exchange a username and password for a bearer token.");
    }

    private static async Task<IResult> IssueToken(TokenRequest request, LoginService logins, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password)
            || request.Username.Length > 64 || request.Password.Length > 128)
        {
            return Problems.BadRequest("Give a username and a password.");
        }

        var result = await logins.LoginAsync(request.Username.Trim(), request.Password, cancellationToken);
        switch (result.Outcome)
        {
            case LoginOutcome.Success:
                return TypedResults.Ok(new TokenResponse(result.Token!, result.ExpiresAt, "Bearer", result.Role!));
            case LoginOutcome.LockedOut:
                var seconds = (int)Math.Ceiling(result.RetryAfter.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString();
                return TypedResults.Problem(
                    $"Too many failed sign-ins. Try again in {seconds} s.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Account locked");
            default:
                return TypedResults.Problem("Wrong username or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
    }
}
