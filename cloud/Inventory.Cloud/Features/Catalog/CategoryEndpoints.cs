using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Sync;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Catalog;

public static class CategoryEndpoints
{
    public sealed record CategoryRequest(string? Name, Guid? ParentId);

    public static void MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/categories").WithTags("Catalog");
        group.MapGet("/", ListAsync).RequirePermission(Permission.ViewInventory)
            .WithName("ListCategories")
            .WithSummary("Every category, by name.");
        group.MapPost("/", CreateAsync).RequirePermission(Permission.EditCatalog)
            .WithName("CreateCategory")
            .WithSummary("Add a category for every site, under a parent category or at the top.");
    }

    private static async Task<Ok<List<CategoryRecord>>> ListAsync(CloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Categories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CategoryRecord(c.Id, c.Name, c.ParentId)).ToListAsync(ct));

    private static async Task<Results<Created<CategoryRecord>, ValidationProblem>> CreateAsync(CategoryRequest request, CloudDbContext db, CloudWrites writes, CancellationToken ct)
    {
        var validation = new Validation().RequireText(request.Name, "name", 100);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (request.ParentId is { } parent && !await db.Categories.AnyAsync(c => c.Id == parent, ct))
        {
            return new Validation().Add("parentId", "No such category.").ToProblem();
        }

        var record = new CategoryRecord(Guid.CreateVersion7(), request.Name!.Trim(), request.ParentId);
        await writes.SaveAsync(ChangeKinds.Category, record.Id, record, ct);
        return TypedResults.Created($"/api/categories/{record.Id}", record);
    }
}
