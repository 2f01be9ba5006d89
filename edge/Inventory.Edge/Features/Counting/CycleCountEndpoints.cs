using System.Globalization;
using Inventory.Domain.Accounts;
using Inventory.Domain.Counting;
using Inventory.Domain.Ledger;
using Inventory.Edge.Features.Reports;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Edge.Features.Counting;

/// <summary>
/// Cycle counts: /api/cycle-counts (make by hand, list, read, count, submit, recount, approve, cancel, sheet). Blind
/// counts withhold expected quantities in every answer until submitted (<see cref="CycleCountReader"/>).
/// </summary>
public static class CycleCountEndpoints
{
    /// <summary>More lines than a location's count sheet can hold in one request is a client's mistake.</summary>
    public const int MaxLinesPerRequest = 5000;

    public const int MaxBins = 500;
    public const int MaxReasonLength = 500;

    public static void MapCycleCountEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/cycle-counts").WithTags("Cycle counts");
        group.MapPost("/", Create).RequirePermission(Permission.Count).WithName("CreateCycleCount")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Count a location's stock, narrowed by categoryId, abcClass (A|B|C) and bins; blind by default; 409 when some of it is in an open count.");
        group.MapGet("/", List).RequirePermission(Permission.ViewInventory).WithName("ListCycleCounts")
            .WithSummary("Counts newest first with their progress; status= (open|needs_approval|completed|cancelled), locationId=; paged with limit/next.");
        group.MapGet("/{id:guid}", Get).RequirePermission(Permission.ViewInventory).WithName("GetCycleCount")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One count with its lines in bin order; expected and variance absent while a blind count is not submitted.");
        group.MapPost("/{id:guid}/counts", Count).RequirePermission(Permission.Count).WithName("CountCycleCountLines")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Enter counted figures (whole units, 0 or more) on an open count; a line with productId/bin/lot instead of lineId adds an item found in a bin (expected 0).");
        group.MapPost("/{id:guid}/submit", Submit).RequirePermission(Permission.Count).WithName("SubmitCycleCount")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Submit a fully counted count: lines within tolerance post their variance at once, lines beyond wait for a recount or approval.");
        group.MapPost("/{id:guid}/recount", Recount).RequirePermission(Permission.Count).WithName("RecountCycleCountLines")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Recount waiting lines (by someone other than who counted them): the new figure is judged again and posts when within tolerance.");
        group.MapPost("/{id:guid}/approve", Approve).RequirePermission(Permission.ApproveCounts).WithName("ApproveCycleCountLines")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("A manager posts waiting lines with a reason; decision variance (default) or counted_wins; {reason} alone approves every waiting line.");
        group.MapPost("/{id:guid}/cancel", Cancel).RequirePermission(Permission.Count).WithName("CancelCycleCount")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel an open count; its stock may be counted again.");
        group.MapGet("/{id:guid}/sheet", Sheet).RequirePermission(Permission.ViewInventory).WithName("GetCycleCountSheet")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesFiles("text/csv", "application/pdf")
            .WithSummary("The count sheet in bin order, format=pdf|csv; without expected quantities while a blind count is not submitted.");
    }

    private static async Task<Results<Created<CycleCountView>, ValidationProblem, ProblemHttpResult>> Create(
        CycleCountRequest request, HttpContext http, CycleCountFactory factory, CycleCountReader reader)
    {
        var v = new Validation()
            .Require(request.LocationId is not null, "locationId", "'locationId' is required.")
            .Require(request.AbcClass is null || AbcClass.IsKnown(request.AbcClass), "abcClass", "'abcClass' is A, B or C.")
            .Require(request.Bins is null || request.Bins.Count <= MaxBins, "bins", $"At most {MaxBins} bins.")
            .Require(request.Bins is null || request.Bins.All(b => !string.IsNullOrWhiteSpace(b) && b.Trim().Length <= LedgerLimits.MaxBinLength && !b.Contains(',', StringComparison.Ordinal)),
                "bins", $"Each bin is a code of 1 to {LedgerLimits.MaxBinLength} characters without commas.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var selection = new CountSelection(request.LocationId!.Value, request.CategoryId, request.AbcClass,
            request.Bins?.Select(b => b.Trim()).Distinct(StringComparer.Ordinal).ToList(), Blind: request.Blind ?? true);
        var created = await factory.CreateAsync(selection, "manual", http.User.UserIdOf(), http.RequestAborted);
        return created switch
        {
            CountCreation.Created c => TypedResults.Created($"/api/cycle-counts/{c.Count.Id}", await reader.ViewAsync(c.Count, http.RequestAborted)),
            CountCreation.Overlaps o => Problems.Conflict(o.Message, "Already in an open count"),
            _ => Problems.NotFound($"No location with id {request.LocationId}."),
        };
    }

    private static async Task<Results<Ok<Page<CycleCountSummary>>, ValidationProblem>> List(
        string? status, Guid? locationId, int? limit, string? next, CycleCountReader reader, CancellationToken ct)
    {
        var v = new Validation()
            .Require(status is null or CycleCountStatus.Open or CycleCountStatus.NeedsApproval or CycleCountStatus.Completed or CycleCountStatus.Cancelled,
                "status", "'status' is one of open, needs_approval, completed, cancelled.")
            .Paged(limit, next);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var skip = (int)Math.Min(Paging.Cursor(next), int.MaxValue);
        var take = Paging.Limit(limit);
        var (items, more) = await reader.ListAsync(status, locationId, skip, take, ct);
        return TypedResults.Ok(new Page<CycleCountSummary>(items, more ? (skip + take).ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<CycleCountView>, ProblemHttpResult>> Get(Guid id, CycleCountReader reader, CancellationToken ct) =>
        await reader.ReadAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"No cycle count with id {id}.");

    private static async Task<Results<Ok<CycleCountView>, ValidationProblem, ProblemHttpResult>> Count(
        Guid id, CountsRequest request, HttpContext http, CycleCounting counting, CycleCountReader reader)
    {
        var v = CheckFigures(request, allowFound: true);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var outcome = await counting.CountAsync(id, request.Lines!, http.User.UserIdOf(), http.RequestAborted);
        return outcome.Kind == CountOutcomeKind.Ok
            ? TypedResults.Ok((await reader.ReadAsync(id, http.RequestAborted))!)
            : Problem(outcome);
    }

    private static async Task<Results<Ok<SubmissionView>, ProblemHttpResult>> Submit(Guid id, HttpContext http, CycleCounting counting) =>
        Answer(await counting.SubmitAsync(id, http.User.UserIdOf(), http.RequestAborted));

    private static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> Recount(
        Guid id, CountsRequest request, HttpContext http, CycleCounting counting)
    {
        var v = CheckFigures(request, allowFound: false);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var outcome = await counting.RecountAsync(id, request.Lines!, http.User.UserIdOf(), http.RequestAborted);
        return outcome.Kind == CountOutcomeKind.Ok ? TypedResults.Ok(outcome.Submission!) : Problem(outcome);
    }

    private static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, ApprovalRequest request, HttpContext http, CycleCounting counting)
    {
        var v = new Validation();
        if (request.Lines is { Count: > 0 } lines)
        {
            v.Require(lines.Count <= MaxLinesPerRequest, "lines", $"At most {MaxLinesPerRequest} lines.");
            for (var i = 0; i < lines.Count; i++)
            {
                var at = $"lines[{i}]";
                var line = lines[i];
                if (line is null)
                {
                    v.Add(at, "A line is an object.");
                    continue;
                }

                v.Require(line.LineId is not null, $"{at}.lineId", "'lineId' is required.")
                    .RequireText(line.Reason, $"{at}.reason", MaxReasonLength)
                    .Require(line.Decision is null or CountDecision.Variance or CountDecision.CountedWins, $"{at}.decision",
                        "'decision' is variance or counted_wins.");
            }
        }
        else
        {
            v.RequireText(request.Reason, "reason", MaxReasonLength);
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var outcome = await counting.ApproveAsync(id, request, http.User.UserIdOf(), http.RequestAborted);
        return outcome.Kind == CountOutcomeKind.Ok ? TypedResults.Ok(outcome.Submission!) : Problem(outcome);
    }

    private static async Task<Results<Ok<CycleCountView>, ProblemHttpResult>> Cancel(
        Guid id, HttpContext http, CycleCounting counting, CycleCountReader reader)
    {
        var outcome = await counting.CancelAsync(id, http.RequestAborted);
        return outcome.Kind == CountOutcomeKind.Ok ? TypedResults.Ok((await reader.ReadAsync(id, http.RequestAborted))!) : Problem(outcome);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Sheet(
        Guid id, string? format, CycleCountReader reader, ReportOutput output, CancellationToken ct)
    {
        var parsed = format?.ToLowerInvariant() switch
        {
            null or "" or "pdf" => ReportFormat.Pdf,
            "csv" => ReportFormat.Csv,
            _ => ReportFormat.Json,
        };
        if (parsed == ReportFormat.Json)
        {
            return new Validation().Add("format", "'format' is pdf or csv.").ToProblem();
        }

        var view = await reader.ReadAsync(id, ct);
        if (view is null)
        {
            return Problems.NotFound($"No cycle count with id {id}.");
        }

        return output.Send(parsed, view, () => CountSheet.Table(view)).Result switch
        {
            FileContentHttpResult file => file,
            _ => throw new InvalidOperationException("A sheet is a file."),
        };
    }

    private static Validation CheckFigures(CountsRequest request, bool allowFound)
    {
        var v = new Validation()
            .Require(request.Lines is { Count: > 0 }, "lines", "'lines' needs at least one line.")
            .Require(request.Lines is null || request.Lines.Count <= MaxLinesPerRequest, "lines", $"At most {MaxLinesPerRequest} lines.");
        for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
        {
            var line = request.Lines![i];
            var at = $"lines[{i}]";
            if (line is null)
            {
                v.Add(at, "A line is an object.");
                continue;
            }

            v.Require(line.Counted is not null, $"{at}.counted", "'counted' is required.")
                .Require(line.Counted is null || line.Counted >= 0, $"{at}.counted", "'counted' cannot be negative (0 when the bin is empty).")
                .Require(line.Counted is null || line.Counted <= LedgerLimits.MaxQuantity, $"{at}.counted",
                    string.Create(CultureInfo.InvariantCulture, $"'counted' may be at most {LedgerLimits.MaxQuantity:N0}."))
                .Require(line.Counted is null || WholeUnits.Is(line.Counted.Value), $"{at}.counted", WholeUnits.Message);
            if (line.LineId is null)
            {
                v.Require(allowFound && line.ProductId is not null, $"{at}.lineId",
                    allowFound ? "'lineId' is required, or 'productId' (with bin and lot) for an item found in a bin." : "'lineId' is required.")
                    .OptionalText(line.Bin, $"{at}.bin", LedgerLimits.MaxBinLength)
                    .OptionalText(line.Lot, $"{at}.lot", LedgerLimits.MaxLotLength);
            }
        }

        return v;
    }

    private static Results<Ok<SubmissionView>, ProblemHttpResult> Answer(CountOutcome outcome) =>
        outcome.Kind == CountOutcomeKind.Ok ? TypedResults.Ok(outcome.Submission!) : Problem(outcome);

    private static ProblemHttpResult Problem(CountOutcome outcome) => outcome.Kind switch
    {
        CountOutcomeKind.NotFound => Problems.NotFound(outcome.Message!),
        CountOutcomeKind.Invalid => Problems.BadRequest(outcome.Message!),
        CountOutcomeKind.Conflict => Problems.Conflict(outcome.Message!),
        _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not recorded"),
    };
}
