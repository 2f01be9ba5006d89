using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Auth;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Users;

public static class UserEndpoints
{
    public sealed record CreateUserRequest(string? Username, string? Password, string? Role);

    public sealed record ChangeRoleRequest(string? Role);

    public sealed record ResetPasswordRequest(string? Password);

    public sealed record UserView(Guid Id, string Username, string Role, bool IsActive, bool Locked, DateTimeOffset CreatedAt);

    public static IServiceCollection AddUsers(this IServiceCollection services) => services;

    public static void MapUsersApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequirePermission(Permission.ManageUsers);
        group.MapGet("/", List).WithName("ListUsers").WithSummary("List the accounts of this box.");
        group.MapPost("/", Create).WithName("CreateUser").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create an account with a role.");
        group.MapPut("/{id:guid}/role", ChangeRole).WithName("ChangeUserRole")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change an account's role.");
        group.MapPost("/{id:guid}/disable", (Guid id, EdgeDbContext db, UserSessions s, SignInThrottle l, TimeProvider t, CancellationToken ct) => SetActive(id, false, db, s, l, t, ct))
            .WithName("DisableUser").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Disable an account; its tokens stop working at once.");
        group.MapPost("/{id:guid}/enable", (Guid id, EdgeDbContext db, UserSessions s, SignInThrottle l, TimeProvider t, CancellationToken ct) => SetActive(id, true, db, s, l, t, ct))
            .WithName("EnableUser").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Enable an account again.");
        group.MapPost("/{id:guid}/password", ResetPassword).WithName("ResetUserPassword").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Set a new password; unlocks the account.");
    }

    private static async Task<Ok<IEnumerable<UserView>>> List(EdgeDbContext db, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Username).ToListAsync(cancellationToken);
        return TypedResults.Ok(users.Select(u => ToView(u, throttle)));
    }

    private static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> Create(CreateUserRequest request, EdgeDbContext db, SignInThrottle throttle, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = AccountRules.ValidateNew(request.Username, request.Password, request.Role, out var role);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var username = request.Username!.Trim();
        if (await db.Users.AnyAsync(u => u.Username == username, cancellationToken))
        {
            return Problems.Conflict($"The username '{username}' is taken.");
        }

        var now = time.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Username = username,
            PasswordHash = PasswordHasher.Hash(request.Password!),
            Role = role.ToWireName(),
            SecurityStamp = PasswordHasher.NewSecurityStamp(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", ToView(user, throttle));
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> ChangeRole(Guid id, ChangeRoleRequest request, EdgeDbContext db, UserSessions sessions, SignInThrottle throttle, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Roles.TryParse(request.Role, out var role))
        {
            return new Validation().Add("role", "'role' is one of manager, staff, purchasing, viewer.").ToProblem();
        }

        var user = await db.Users.FindAsync([id], cancellationToken);
        if (user is null)
        {
            return Problems.NotFound("No such user.");
        }

        if (user.Role == Roles.Manager && role != Role.Manager && await IsLastActiveManagerAsync(db, user, cancellationToken))
        {
            return Problems.Conflict("This is the last active manager; make another manager first.");
        }

        user.Role = role.ToWireName();
        Touch(user, time);
        await db.SaveChangesAsync(cancellationToken);
        sessions.Forget(id);
        return TypedResults.Ok(ToView(user, throttle));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetActive(Guid id, bool active, EdgeDbContext db, UserSessions sessions, SignInThrottle throttle, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindAsync([id], cancellationToken);
        if (user is null)
        {
            return Problems.NotFound("No such user.");
        }

        if (!active && user.Role == Roles.Manager && await IsLastActiveManagerAsync(db, user, cancellationToken))
        {
            return Problems.Conflict("This is the last active manager; make another manager first.");
        }

        user.IsActive = active;
        Touch(user, time);
        await db.SaveChangesAsync(cancellationToken);
        sessions.Forget(id);
        return TypedResults.Ok(ToView(user, throttle));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPassword(Guid id, ResetPasswordRequest request, EdgeDbContext db, UserSessions sessions, SignInThrottle throttle, TimeProvider time, CancellationToken cancellationToken)
    {
        if (PasswordHasher.CheckStrength(request.Password) is { } weak)
        {
            return new Validation().Add("password", weak).ToProblem();
        }

        var user = await db.Users.FindAsync([id], cancellationToken);
        if (user is null)
        {
            return Problems.NotFound("No such user.");
        }

        user.PasswordHash = PasswordHasher.Hash(request.Password!);
        Touch(user, time);
        await db.SaveChangesAsync(cancellationToken);
        sessions.Forget(id);
        throttle.Forget(user.Username);
        return TypedResults.NoContent();
    }

    private static void Touch(User user, TimeProvider time)
    {
        user.SecurityStamp = PasswordHasher.NewSecurityStamp();
        user.UpdatedAt = time.GetUtcNow();
    }

    private static Task<bool> IsLastActiveManagerAsync(EdgeDbContext db, User user, CancellationToken cancellationToken) =>
        db.Users.AllAsync(u => u.Id == user.Id || !u.IsActive || u.Role != Roles.Manager, cancellationToken);

    // Locked: held back after repeated failures from at least one address (SignInThrottle); a password reset ends it.
    private static UserView ToView(User u, SignInThrottle throttle) =>
        new(u.Id, u.Username, u.Role, u.IsActive, throttle.IsLocked(u.Username), u.CreatedAt);
}
