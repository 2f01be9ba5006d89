using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Testing;

namespace Inventory.Edge.Tests.Security;

/// <summary>
/// The sign-in throttle seen from the LAN: unknown names answer like known ones, parallel guesses do not pass the
/// limit, and a lock on one address leaves the owner on another address alone.
/// </summary>
public sealed class SignInThrottleTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Token_UnknownName_LockedAfterTheSameFailuresAsAKnownOne()
    {
        using var admin = await edge.ClientAsync();
        await admin.PostOkAsync("/api/users", new { username = "known-one", password = "right-password", role = "staff" });

        var known = await FailuresUntilLockedAsync("known-one");
        var unknown = await FailuresUntilLockedAsync("never-made-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(known.Statuses, unknown.Statuses);
        Assert.Equal(known.Details, unknown.Details);
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.Statuses[^1]);
    }

    [Fact]
    public async Task Token_EightyParallelWrongPasswords_OnlyTheLimitIsChecked()
    {
        using var admin = await edge.ClientAsync();
        await admin.PostOkAsync("/api/users", new { username = "raced", password = "right-password", role = "staff" });
        using var client = edge.Anonymous();

        var answers = await Task.WhenAll(Enumerable.Range(0, 80).Select(i =>
            client.PostAsJsonAsync("/api/auth/token", new { username = "raced", password = $"wrong-{i}" })));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(75, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Token_LockedOnOneAddress_OwnerOnAnotherAddressSignsIn()
    {
        using var admin = await edge.ClientAsync();
        await admin.PostOkAsync("/api/users", new { username = "owner", password = "right-password", role = "staff" });
        using var guesser = LoopbackClients.From(IPAddress.Parse("127.0.0.2"), edge.BaseAddress);
        using var owner = LoopbackClients.From(IPAddress.Parse("127.0.0.3"), edge.BaseAddress);

        for (var i = 0; i < 6; i++)
        {
            await guesser.PostAsJsonAsync("/api/auth/token", new { username = "owner", password = "wrong-password" });
        }

        var guesserWithRightPassword = await guesser.PostAsJsonAsync("/api/auth/token", new { username = "owner", password = "right-password" });
        var ownerSignIn = await owner.PostAsJsonAsync("/api/auth/token", new { username = "owner", password = "right-password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, guesserWithRightPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownerSignIn.StatusCode);
    }

    [Fact]
    public async Task Token_ResetPassword_EndsTheLock()
    {
        using var admin = await edge.ClientAsync();
        var user = await admin.PostOkAsync("/api/users", new { username = "reset-me", password = "right-password", role = "staff" });
        await FailuresUntilLockedAsync("reset-me");

        var reset = await admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id").GetGuid()}/password", new { password = "new-password" });
        using var client = edge.Anonymous();
        var signIn = await client.PostAsJsonAsync("/api/auth/token", new { username = "reset-me", password = "new-password" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    private async Task<(HttpStatusCode[] Statuses, string?[] Details)> FailuresUntilLockedAsync(string username)
    {
        using var client = edge.Anonymous();
        var statuses = new List<HttpStatusCode>();
        var details = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            var answer = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "wrong-password" });
            statuses.Add(answer.StatusCode);
            var detail = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
            // The wait in a 429's text counts down with the clock: compare its words, not its number.
            details.Add(detail is null ? null : new string(detail.Where(c => !char.IsDigit(c)).ToArray()));
        }

        return ([.. statuses], [.. details]);
    }
}
