using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Features.Users;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Cloud.Tests.Sync;

/// <summary>
/// Accounts per site (issue 12, item 14): a box pulls the password hash only of the accounts allowed at its site.
/// A real cloud on PostgreSQL and two real boxes (their own SQLite files and sync agents).
/// </summary>
public sealed class UserSitesTests(UserSitesTests.TwoSites fleet) : IClassFixture<UserSitesTests.TwoSites>
{
    private const string Password = "per-site-password-1";

    [Fact]
    public async Task An_account_limited_to_one_site_signs_in_there_and_the_other_site_never_gets_its_hash()
    {
        using var admin = await fleet.Cloud.ClientAsync();
        var username = NewName("only-a");

        var created = await CreateAsync(admin, username, [TwoSites.A]);

        Assert.Equal([TwoSites.A], Sites(created));
        await SignsInAsync(fleet.EdgeA, username);
        using var atA = await fleet.EdgeA.ClientAsync(username, Password);
        Assert.Equal(HttpStatusCode.OK, (await atA.GetAsync("/api/products")).StatusCode);

        // What site B's own pull of the feed carries for the account.
        using var pullAsB = new SiteClient(fleet.Cloud, TwoSites.B, fleet.CredentialB);
        var seenByB = (await pullAsB.PullAllAsync()).Where(c => c.Kind == ChangeKinds.User)
            .Select(c => SyncJson.Read<UserRecord>(c.Data)).Single(u => u.Username == username);
        Assert.Equal(("", false), (seenByB.PasswordHash, seenByB.IsActive));

        // What site B's box keeps once its agent has pulled the account, and what it answers.
        var atB = await PulledAsync(fleet.EdgeB, username, u => true);
        Assert.Equal(("", false), (atB.PasswordHash, atB.IsActive));
        using var anonymous = new HttpClient { BaseAddress = fleet.EdgeB.BaseAddress };
        var refused = await anonymous.PostAsJsonAsync("/api/auth/token", new { username, password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Taking_a_site_off_the_list_disables_the_account_there_at_the_next_pull_and_ends_its_sessions()
    {
        using var admin = await fleet.Cloud.ClientAsync();
        var username = NewName("moved");
        var id = (await CreateAsync(admin, username, [TwoSites.A])).GetProperty("id").GetGuid();
        await SignsInAsync(fleet.EdgeA, username);
        using var atA = await fleet.EdgeA.ClientAsync(username, Password);
        Assert.Equal(HttpStatusCode.OK, (await atA.GetAsync("/api/products")).StatusCode);

        var changed = await admin.PutAsJsonAsync($"/api/users/{id}", new { sites = new[] { TwoSites.B } });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([TwoSites.B], Sites(await changed.Content.ReadFromJsonAsync<JsonElement>()));
        var disabled = await PulledAsync(fleet.EdgeA, username, u => !u.IsActive);
        Assert.Equal("", disabled.PasswordHash);
        // The box forgets its cached session just after the pull's commit: the old token ends within moments.
        await Fleet.EventuallyAsync(async () => (await atA.GetAsync("/api/products")).StatusCode == HttpStatusCode.Unauthorized,
            "the old token to end at the box", TimeSpan.FromSeconds(10));
        Assert.Equal(LoginOutcome.WrongCredentials, (await CheckAsync(fleet.EdgeA, username)).Outcome);
        // The site now on the list gets the hash with the same change.
        await SignsInAsync(fleet.EdgeB, username);
    }

    [Fact]
    public async Task An_account_without_a_list_reaches_every_site()
    {
        using var admin = await fleet.Cloud.ClientAsync();
        var username = NewName("everywhere");

        var created = await CreateAsync(admin, username, []);

        Assert.Empty(Sites(created));
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray()
            .Single(u => u.GetProperty("username").GetString() == username);
        Assert.Empty(Sites(listed));
        await SignsInAsync(fleet.EdgeA, username);
        await SignsInAsync(fleet.EdgeB, username);
    }

    [Fact]
    public async Task An_unknown_site_code_is_refused_and_changes_nothing()
    {
        using var admin = await fleet.Cloud.ClientAsync();
        var username = NewName("unknown");

        var refused = await admin.PostAsJsonAsync("/api/users", new { username, password = Password, role = "staff", sites = new[] { TwoSites.A, "NOSUCH" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("NOSUCH", problem.GetProperty("errors").GetProperty("sites")[0].GetString(), StringComparison.Ordinal);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.DoesNotContain(users.EnumerateArray(), u => u.GetProperty("username").GetString() == username);

        var id = (await CreateAsync(admin, username, [TwoSites.A])).GetProperty("id").GetGuid();
        var change = await admin.PutAsJsonAsync($"/api/users/{id}", new { sites = new[] { "NOSUCH" }, role = "manager" });
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        var after = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray()
            .Single(u => u.GetProperty("username").GetString() == username);
        Assert.Equal("staff", after.GetProperty("role").GetString());
        Assert.Equal([TwoSites.A], Sites(after));
    }

    [Fact]
    public void The_filter_withholds_the_hash_from_a_site_off_the_list_only()
    {
        var user = new UserRecord(Guid.CreateVersion7(), "filtered", PasswordHasher.Hash(Password), "staff", true, PasswordHasher.NewSecurityStamp(), ["A1"]);
        var change = new ChangeRecord(7, ChangeKinds.User, user.Id, "0000000000001-0000-cloud", null, SyncJson.ToElement(user));

        var atA = SyncJson.Read<UserRecord>(UserFeedFilter.ForSite(change, "A1").Data);
        var atB = SyncJson.Read<UserRecord>(UserFeedFilter.ForSite(change, "B1").Data);
        var everyone = SyncJson.Read<UserRecord>(UserFeedFilter.ForSite(change with { Data = SyncJson.ToElement(user with { Sites = null }) }, "B1").Data);

        Assert.Equal((user.PasswordHash, true, user.SecurityStamp), (atA.PasswordHash, atA.IsActive, atA.SecurityStamp));
        Assert.Equal(("", false), (atB.PasswordHash, atB.IsActive));
        Assert.NotEqual(user.SecurityStamp, atB.SecurityStamp);
        Assert.Equal(user.PasswordHash, everyone.PasswordHash);
    }

    private static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private static async Task<JsonElement> CreateAsync(HttpClient admin, string username, string[] sites)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new { username, password = Password, role = "staff", sites });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Sites(JsonElement user) => [.. user.GetProperty("sites").EnumerateArray().Select(s => s.GetString()!)];

    private static Task<LoginCheck> CheckAsync(EdgeHost edge, string username) =>
        edge.Services.GetRequiredService<IPasswordCheck>().CheckAsync(username, Password, CancellationToken.None);

    /// <summary>Waits through the box's own password check, not its sign-in endpoint, which a throttle guards.</summary>
    private static Task SignsInAsync(EdgeHost edge, string username) =>
        Fleet.EventuallyAsync(async () => (await CheckAsync(edge, username)).Outcome == LoginOutcome.Success,
            $"{username} to sign in at {edge.SiteCode}");

    /// <summary>The box's row of the account once its agent has pulled a version that passes <paramref name="done"/>.</summary>
    private static async Task<Inventory.Edge.Infrastructure.Data.Entities.User> PulledAsync(
        EdgeHost edge, string username, Func<Inventory.Edge.Infrastructure.Data.Entities.User, bool> done)
    {
        var contexts = edge.Services.GetRequiredService<IDbContextFactory<EdgeDbContext>>();
        Inventory.Edge.Infrastructure.Data.Entities.User? found = null;
        await Fleet.EventuallyAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            found = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username);
            return found is not null && done(found);
        }, $"{username} to reach {edge.SiteCode}");
        return found!;
    }

    /// <summary>A cloud and two boxes, shared by the tests of this class: each test makes its own accounts.</summary>
    public sealed class TwoSites : IAsyncLifetime
    {
        public const string A = "USA";
        public const string B = "USB";

        public CloudHost Cloud { get; } = new();

        public EdgeHost EdgeA { get; private set; } = null!;

        public EdgeHost EdgeB { get; private set; } = null!;

        public string CredentialB { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await Cloud.InitializeAsync();
            EdgeA = await Fleet.StartEdgeAsync(Cloud, A);
            CredentialB = await Cloud.AddSiteAsync(B);
            EdgeB = await Fleet.StartEdgeAsync(Cloud, B, CredentialB);
        }

        public async Task DisposeAsync()
        {
            if (EdgeA is not null)
            {
                await EdgeA.DisposeAsync();
            }

            if (EdgeB is not null)
            {
                await EdgeB.DisposeAsync();
            }

            await Cloud.DisposeAsync();
        }
    }
}
