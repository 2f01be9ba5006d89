using Inventory.Domain.Accounts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Catalog;

public static class CategoryEndpoints
{
    public sealed record CategoryRequest(string? Name, Guid? ParentId);

    public sealed record CategoryView(Guid Id, string Name, Guid? ParentId);

    public static void MapCategoryApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/categories").WithTags("Catalog");
        group.MapGet("/", List).RequirePermission(Permission.ViewInventory)
            .WithName("ListCategories")
            .WithSummary("Every category, by name.");
        group.MapPost("/", Create).RequirePermission(Permission.EditCatalog)
            .WithName("CreateCategory")
            .WithSummary("Add a category, under a parent category or at the top.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<CategoryView>>> List(EdgeDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Categories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CategoryView(c.Id, c.Name, c.ParentId)).ToListAsync(cancellationToken));

    private static async Task<Results<Created<CategoryView>, ValidationProblem, ProblemHttpResult>> Create(CategoryRequest request, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = new Validation().RequireText(request.Name, "name", 100);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var name = request.Name!.Trim();
        if (await db.Categories.AnyAsync(c => c.Name == name, cancellationToken))
        {
            return Problems.Conflict($"A category named {name} exists.");
        }

        if (request.ParentId is { } parent && !await db.Categories.AnyAsync(c => c.Id == parent, cancellationToken))
        {
            return Problems.NotFound("No such parent category.");
        }

        var category = new Category { Id = Guid.CreateVersion7(), Name = name, ParentId = request.ParentId, CreatedAt = time.GetUtcNow() };
        db.Categories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/categories/{category.Id}", new CategoryView(category.Id, category.Name, category.ParentId));
    }
}
