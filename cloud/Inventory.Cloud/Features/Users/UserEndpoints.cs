using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Users;

public static class UserEndpoints
{
    public sealed record CreateUserRequest(string? Username, string? Password, string? Role);

    public sealed record ChangeUserRequest(string? Role, string? Password, bool? IsActive);

    public sealed record UserView(Guid Id, string Username, string Role, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    /// <summary>The answer to a create or change: the account without its timestamps.</summary>
    public sealed record UserSummary(Guid Id, string Username, string Role, bool IsActive);

    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequirePermission(Permission.ManageUsers);
        group.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Every account of the company.");
        group.MapPost("/", CreateAsync).WithName("CreateUser").ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Create an account; it reaches every box with the next pull.");
        group.MapPut("/{id:guid}", ChangeAsync).WithName("ChangeUser").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Change role, password or active; tokens of the account end.");
    }

    private static async Task<Ok<List<UserView>>> ListAsync(CloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Users.AsNoTracking().OrderBy(u => u.Username)
            .Select(u => new UserView(u.Id, u.Username, u.Role, u.IsActive, u.CreatedAt, u.UpdatedAt)).ToListAsync(ct));

    private static async Task<Results<Created<UserSummary>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateUserRequest request, CloudDbContext db, UserStore users, CancellationToken ct)
    {
        var validation = AccountRules.ValidateNew(request.Username, request.Password, request.Role, out var role);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var username = request.Username!.Trim();
        if (await db.Users.AnyAsync(u => u.Username == username, ct))
        {
            return Problems.Conflict($"The username '{username}' is taken.");
        }

        var user = await users.CreateAsync(username, request.Password!, role, ct);
        return TypedResults.Created($"/api/users/{user.Id}", new UserSummary(user.Id, user.Username, user.Role, user.IsActive));
    }

    private static async Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> ChangeAsync(Guid id, ChangeUserRequest request, UserStore users, CancellationToken ct)
    {
        Role role = default;
        var validation = new Validation()
            .Require(request.Role is null || Roles.TryParse(request.Role, out role), "role", AccountRules.RoleMessage);
        if (request.Password is not null && PasswordHasher.CheckStrength(request.Password) is { } weak)
        {
            validation.Add("password", weak);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var changed = await users.ChangeAsync(id, u => u with
        {
            Role = request.Role is null ? u.Role : role.ToWireName(),
            PasswordHash = request.Password is null ? u.PasswordHash : PasswordHasher.Hash(request.Password),
            IsActive = request.IsActive ?? u.IsActive,
        }, ct);
        return changed is null
            ? Problems.NotFound("No such user.")
            : TypedResults.Ok(new UserSummary(changed.Id, changed.Username, changed.Role, changed.IsActive));
    }
}
