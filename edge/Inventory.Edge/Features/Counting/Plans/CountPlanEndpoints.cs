using Inventory.Domain.Accounts;
using Inventory.Domain.Counting;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Counting.Plans;

/// <summary>
/// /api/count-plans: how each location of this box is cycle counted (frequency and tolerance per ABC class, value
/// threshold, working days, extra rules by category or bins) and the counts the plan made today. Reading is
/// ViewInventory; changing a plan is ManageLocations (managers).
/// </summary>
public static class CountPlanEndpoints
{
    private const int MaxRuleBins = 200;

    public static void MapCountPlanEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/count-plans").WithTags("Count plans");
        group.MapGet("/", List).RequirePermission(Permission.ViewInventory)
            .WithName("ListCountPlans")
            .WithSummary("Every count plan of this box's locations, by location code.");
        group.MapGet("/today", Today).RequirePermission(Permission.ViewInventory)
            .WithName("TodaysPlanCounts")
            .WithSummary("The counts the plans made today, per location, with progress (lines counted of all lines).");
        group.MapGet("/{locationId:guid}", Get).RequirePermission(Permission.ViewInventory)
            .WithName("GetCountPlan").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A location's count plan.");
        group.MapPut("/{locationId:guid}", Put).RequirePermission(Permission.ManageLocations)
            .WithName("PutCountPlan").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Set a location's count plan; every part left out takes the default (A 30 / B 90 / C 365 days, ±1 / 3 / 5 %, Monday to Friday).");
        group.MapPost("/{locationId:guid}/rules", AddRule).RequirePermission(Permission.ManageLocations)
            .WithName("AddCountPlanRule").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Add an extra plan: a category's products or some bins counted every frequencyDays (the shorter period wins).");
        group.MapDelete("/{locationId:guid}/rules/{ruleId:guid}", DeleteRule).RequirePermission(Permission.ManageLocations)
            .WithName("DeleteCountPlanRule").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove an extra plan.");
    }

    private static async Task<Ok<IReadOnlyList<CountPlanView>>> List(EdgeDbContext db, IOptions<EdgeOptions> options, CancellationToken ct)
    {
        var site = options.Value.Site.Code;
        var rows = await (from p in db.CountPlans.AsNoTracking().Include(p => p.Rules)
                          join l in db.Locations.AsNoTracking() on p.LocationId equals l.Id
                          where l.SiteCode == site
                          orderby l.Code
                          select new { p, l.Code }).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<CountPlanView>>([.. rows.Select(r => ToView(r.p, r.Code))]);
    }

    private static async Task<Ok<TodaysCounts>> Today(TodaysPlanCounts reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ReadAsync(ct));

    private static async Task<Results<Ok<CountPlanView>, ProblemHttpResult>> Get(
        Guid locationId, EdgeDbContext db, IOptions<EdgeOptions> options, CancellationToken ct)
    {
        var location = await OwnLocationAsync(db, options, locationId, ct);
        if (location is null)
        {
            return Problems.NotFound($"No location of this site with id {locationId}.");
        }

        var plan = await db.CountPlans.AsNoTracking().Include(p => p.Rules).FirstOrDefaultAsync(p => p.LocationId == locationId, ct);
        return plan is null
            ? Problems.NotFound($"Location {location.Code} has no count plan.")
            : TypedResults.Ok(ToView(plan, location.Code));
    }

    private static async Task<Results<Ok<CountPlanView>, ValidationProblem, ProblemHttpResult>> Put(
        Guid locationId, CountPlanRequest? request, EdgeDbContext db, IOptions<EdgeOptions> options, TimeProvider time, CancellationToken ct)
    {
        request ??= new CountPlanRequest(null, null, null, null, null);
        var v = new Validation();
        var workingDays = CountPolicy.Default.WorkingDays.ToHashSet();
        if (request.WorkingDays is { } names)
        {
            workingDays = [];
            foreach (var name in names)
            {
                if (CountPlanPolicy.Parse(name) is { } day)
                {
                    workingDays.Add(day);
                }
                else
                {
                    v.Add("workingDays", $"'{name}' is not a day: mon, tue, wed, thu, fri, sat or sun.");
                }
            }
        }

        var d = CountPolicy.Default;
        var policy = new CountPolicy(
            new PerClass<int>(
                request.FrequencyDays?.A ?? d.FrequencyDays.A, request.FrequencyDays?.B ?? d.FrequencyDays.B, request.FrequencyDays?.C ?? d.FrequencyDays.C),
            new PerClass<decimal>(
                request.TolerancePercent?.A ?? d.TolerancePercent.A, request.TolerancePercent?.B ?? d.TolerancePercent.B,
                request.TolerancePercent?.C ?? d.TolerancePercent.C),
            request.ValueThreshold ?? d.ValueThreshold,
            workingDays);
        foreach (var error in policy.Check())
        {
            v.Add(error.Field, error.Message);
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var location = await OwnLocationAsync(db, options, locationId, ct);
        if (location is null)
        {
            return Problems.NotFound($"No location of this site with id {locationId}.");
        }

        var now = time.GetUtcNow();
        var plan = await db.CountPlans.Include(p => p.Rules).FirstOrDefaultAsync(p => p.LocationId == locationId, ct);
        if (plan is null)
        {
            // The plan starts the day it is first put: the scheduler spreads first counts over the first period from then.
            plan = new CountPlan { LocationId = locationId, StartedOn = DateOnly.FromDateTime(now.UtcDateTime) };
            db.CountPlans.Add(plan);
        }

        plan.Enabled = request.Enabled ?? true;
        (plan.FrequencyA, plan.FrequencyB, plan.FrequencyC) = (policy.FrequencyDays.A, policy.FrequencyDays.B, policy.FrequencyDays.C);
        (plan.ToleranceA, plan.ToleranceB, plan.ToleranceC) = (policy.TolerancePercent.A, policy.TolerancePercent.B, policy.TolerancePercent.C);
        plan.ValueThreshold = policy.ValueThreshold;
        plan.WorkingDays = CountPlanPolicy.Store(policy.WorkingDays);
        plan.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToView(plan, location.Code));
    }

    private static async Task<Results<Created<CountPlanRuleView>, ValidationProblem, ProblemHttpResult>> AddRule(
        Guid locationId, CountPlanRuleRequest request, EdgeDbContext db, IOptions<EdgeOptions> options, TimeProvider time, CancellationToken ct)
    {
        var v = new Validation().RequireText(request.Name, "name", 100);
        v.Require(request.FrequencyDays is >= 1 and <= CountPolicy.MaxFrequencyDays, "frequencyDays", "'frequencyDays' is 1 to 3,650 days.");
        var bins = request.Bins?.Select(b => (b ?? "").Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (bins is not null)
        {
            v.Require(bins.Count is > 0 and <= MaxRuleBins, "bins", "'bins' lists 1 to 200 bin codes (leave it out for every bin).");
            v.Require(bins.All(b => b.Length is > 0 and <= 50 && !b.Contains(',', StringComparison.Ordinal)), "bins",
                "A bin code is 1 to 50 characters without a comma.");
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var location = await OwnLocationAsync(db, options, locationId, ct);
        if (location is null)
        {
            return Problems.NotFound($"No location of this site with id {locationId}.");
        }

        var plan = await db.CountPlans.FirstOrDefaultAsync(p => p.LocationId == locationId, ct);
        if (plan is null)
        {
            return Problems.NotFound($"Location {location.Code} has no count plan: put the plan first.");
        }

        if (request.CategoryId is { } category && !await db.Categories.AnyAsync(c => c.Id == category, ct))
        {
            return new Validation().Add("categoryId", $"No category with id {category}.").ToProblem();
        }

        var rule = new CountPlanRule
        {
            Id = Guid.CreateVersion7(),
            LocationId = locationId,
            Name = request.Name!.Trim(),
            CategoryId = request.CategoryId,
            Bins = bins is null ? null : string.Join(',', bins),
            FrequencyDays = request.FrequencyDays!.Value,
        };
        db.CountPlanRules.Add(rule);
        plan.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/count-plans/{locationId}/rules/{rule.Id}", ToView(rule));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteRule(
        Guid locationId, Guid ruleId, EdgeDbContext db, TimeProvider time, CancellationToken ct)
    {
        var rule = await db.CountPlanRules.FirstOrDefaultAsync(r => r.Id == ruleId && r.LocationId == locationId, ct);
        if (rule is null)
        {
            return Problems.NotFound($"No extra plan {ruleId} at this location.");
        }

        db.CountPlanRules.Remove(rule);
        if (await db.CountPlans.FirstOrDefaultAsync(p => p.LocationId == locationId, ct) is { } plan)
        {
            plan.UpdatedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static Task<Location?> OwnLocationAsync(EdgeDbContext db, IOptions<EdgeOptions> options, Guid id, CancellationToken ct)
    {
        var site = options.Value.Site.Code;
        return db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.SiteCode == site, ct);
    }

    internal static CountPlanView ToView(CountPlan plan, string locationCode)
    {
        var policy = CountPlanPolicy.Of(plan);
        return new CountPlanView(
            plan.LocationId, locationCode, plan.Enabled,
            new ClassValues<int>(plan.FrequencyA, plan.FrequencyB, plan.FrequencyC),
            new ClassValues<decimal>(plan.ToleranceA, plan.ToleranceB, plan.ToleranceC),
            plan.ValueThreshold, CountPlanPolicy.Names(policy.WorkingDays), plan.StartedOn, plan.ScheduledThrough, plan.UpdatedAt,
            [.. plan.Rules.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id).Select(ToView)]);
    }

    private static CountPlanRuleView ToView(CountPlanRule rule) =>
        new(rule.Id, rule.Name, rule.CategoryId, rule.Bins?.Split(',', StringSplitOptions.RemoveEmptyEntries), rule.FrequencyDays);
}
