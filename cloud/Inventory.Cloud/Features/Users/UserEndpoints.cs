using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Sync;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Users;

public static class UserEndpoints
{
    /// <param name="Sites">Codes of the sites whose boxes may sign the account in; absent or empty for every site.</param>
    public sealed record CreateUserRequest(string? Username, string? Password, string? Role, IReadOnlyList<string?>? Sites = null);

    /// <param name="Sites">Absent: unchanged; empty: every site; else the only sites whose boxes may sign the account in.</param>
    public sealed record ChangeUserRequest(string? Role, string? Password, bool? IsActive, IReadOnlyList<string?>? Sites = null);

    /// <param name="Sites">The sites whose boxes may sign the account in; empty for every site.</param>
    public sealed record UserView(Guid Id, string Username, string Role, bool IsActive, IReadOnlyList<string> Sites, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    /// <summary>The answer to a create or change: the account without its timestamps.</summary>
    /// <param name="Sites">The sites whose boxes may sign the account in; empty for every site.</param>
    public sealed record UserSummary(Guid Id, string Username, string Role, bool IsActive, IReadOnlyList<string> Sites)
    {
        public static UserSummary Of(UserRecord user) => new(user.Id, user.Username, user.Role, user.IsActive, UserSites.Shown(user.Sites));
    }

    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequirePermission(Permission.ManageUsers);
        group.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Every account of the company.");
        group.MapPost("/", CreateAsync).WithName("CreateUser").ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Create an account; it reaches the boxes of its sites (every box without a list) with their next pull.");
        group.MapPut("/{id:guid}", ChangeAsync).WithName("ChangeUser").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Change role, password, active or sites; tokens of the account end, and a box no longer listed disables it at its next pull.");
    }

    private static async Task<Ok<List<UserView>>> ListAsync(CloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Users.AsNoTracking().OrderBy(u => u.Username)
            .Select(u => new UserView(u.Id, u.Username, u.Role, u.IsActive, u.Sites ?? Array.Empty<string>(), u.CreatedAt, u.UpdatedAt)).ToListAsync(ct));

    private static async Task<Results<Created<UserSummary>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateUserRequest request, CloudDbContext db, UserStore users, CancellationToken ct)
    {
        var validation = AccountRules.ValidateNew(request.Username, request.Password, request.Role, out var role);
        await UserSites.CheckAsync(validation, request.Sites, db, ct);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var username = request.Username!.Trim();
        if (await db.Users.AnyAsync(u => u.Username == username, ct))
        {
            return Problems.Conflict($"The username '{username}' is taken.");
        }

        var user = await users.CreateAsync(username, request.Password!, role, Codes(request.Sites), ct);
        return TypedResults.Created($"/api/users/{user.Id}", UserSummary.Of(user));
    }

    private static async Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> ChangeAsync(Guid id, ChangeUserRequest request, CloudDbContext db, UserStore users, CancellationToken ct)
    {
        Role role = default;
        var validation = new Validation()
            .Require(request.Role is null || Roles.TryParse(request.Role, out role), "role", AccountRules.RoleMessage);
        if (request.Password is not null && PasswordHasher.CheckStrength(request.Password) is { } weak)
        {
            validation.Add("password", weak);
        }

        await UserSites.CheckAsync(validation, request.Sites, db, ct);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var changed = await users.ChangeAsync(id, u => u with
        {
            Role = request.Role is null ? u.Role : role.ToWireName(),
            PasswordHash = request.Password is null ? u.PasswordHash : PasswordHasher.Hash(request.Password),
            IsActive = request.IsActive ?? u.IsActive,
            Sites = request.Sites is null ? u.Sites : Codes(request.Sites),
        }, ct);
        return changed is null
            ? Problems.NotFound("No such user.")
            : TypedResults.Ok(UserSummary.Of(changed));
    }

    // Called once the codes are checked: none is null.
    private static string[] Codes(IReadOnlyList<string?>? sites) => sites is null ? [] : [.. sites.Select(s => s!)];
}
