using Inventory.Domain.Catalog;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Catalog.Csv;

/// <summary>
/// Reads an uploaded catalog CSV row by row and upserts by SKU in chunks, one transaction per chunk,
/// through the same <see cref="ProductRules"/> and <see cref="ProductStore"/> as the API. A refused row
/// is reported and skipped; the rows around it still import.
/// </summary>
public sealed class ProductImporter(IDbContextFactory<EdgeDbContext> contexts, ImportJobs jobs, TimeProvider time)
{
    public const int ChunkSize = 500;

    private static readonly TimeSpan SaveProgressEvery = TimeSpan.FromSeconds(2);

    public async Task RunAsync(ImportJob job, string path, CancellationToken cancellationToken)
    {
        job.Start(time.GetUtcNow());
        await jobs.SaveAsync(job, cancellationToken);
        if (await Utf8FileCheck.FindProblemAsync(path, cancellationToken) is { } encodingProblem)
        {
            job.Fail(encodingProblem, time.GetUtcNow());
            return;
        }

        using var text = new StreamReader(path, Utf8FileCheck.Strict, detectEncodingFromByteOrderMarks: false,
            new FileStreamOptions { Options = FileOptions.SequentialScan, BufferSize = 64 * 1024 });
        var csv = new CsvRecordReader(text);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields))
        {
            job.Fail("The file is empty: the first row must name the columns (sku and name are required).", time.GetUtcNow());
            return;
        }

        var (header, problem) = ProductCsvHeader.Parse(fields);
        if (header is null)
        {
            job.Fail(problem!, time.GetUtcNow());
            return;
        }

        job.Warn(header.Warnings);
        var firstLineOfSku = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var chunk = new List<ProductCsvRow>(ChunkSize);
        var lastSaved = time.GetTimestamp();
        while (csv.TryReadRecord(fields))
        {
            if (fields is [""] && csv.Malformed is null)
            {
                continue;
            }

            job.RowRead();
            chunk.Add(ProductCsvRow.Parse(header, fields, csv.RecordLine, csv.Malformed, firstLineOfSku));
            if (chunk.Count == ChunkSize)
            {
                await ImportChunkAsync(job, header, chunk, cancellationToken);
                chunk.Clear();
                if (time.GetElapsedTime(lastSaved) > SaveProgressEvery)
                {
                    await jobs.SaveAsync(job, cancellationToken);
                    lastSaved = time.GetTimestamp();
                }
            }
        }

        await ImportChunkAsync(job, header, chunk, cancellationToken);
        job.Complete(time.GetUtcNow());
    }

    private async Task ImportChunkAsync(ImportJob job, ProductCsvHeader header, List<ProductCsvRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            job.Add(await ImportInOneTransactionAsync(header, rows, cancellationToken));
        }
        catch (DbUpdateException)
        {
            // The database refused something the checks let through (a race with an API write, say): redo the
            // chunk a row per transaction so only the row at fault is refused.
            foreach (var row in rows)
            {
                try
                {
                    job.Add(await ImportInOneTransactionAsync(header, [row], cancellationToken));
                }
                catch (DbUpdateException e)
                {
                    var outcome = new ImportChunkOutcome();
                    outcome.Refuse(row.Line, null, "The database refused the row: " + (e.InnerException ?? e).Message);
                    job.Add(outcome);
                }
            }
        }
    }

    private async Task<ImportChunkOutcome> ImportInOneTransactionAsync(
        ProductCsvHeader header, IReadOnlyList<ProductCsvRow> rows, CancellationToken cancellationToken)
    {
        var outcome = new ImportChunkOutcome();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // ResolveCategoryAsync reads DbSet.Local, which scans every tracked entity for changes on each call:
        // quadratic over a chunk. Changes are detected once, before each save, instead.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();

        // One query for the chunk's products and parents instead of one per row.
        var skus = rows.Where(r => r.Errors.Count == 0).SelectMany(r => new[] { r.Sku, r.ParentSku })
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var bySku = (await db.Products.Include(p => p.Barcodes).Where(p => skus.Contains(p.Sku)).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Sku, StringComparer.OrdinalIgnoreCase);

        // Who owned each code when the chunk began, in one query. A row whose codes are all free or its own,
        // untouched by this chunk, and which names no parent, would make CheckReferencesAsync find nothing;
        // it is skipped for those rows only (one query per row was a fifth of a large import's time).
        var requestedCodes = rows.Where(r => r.Errors.Count == 0).SelectMany(r => r.Request.AllCodes())
            .Distinct(StringComparer.Ordinal).ToList();
        var owners = (await db.Barcodes.AsNoTracking().Where(b => requestedCodes.Contains(b.Code))
                .Select(b => new { b.Code, b.ProductId }).ToListAsync(cancellationToken))
            .ToDictionary(b => b.Code, b => (Guid?)b.ProductId, StringComparer.Ordinal);
        foreach (var code in requestedCodes)
        {
            owners.TryAdd(code, null);
        }

        foreach (var barcode in bySku.Values.SelectMany(p => p.Barcodes))
        {
            owners[barcode.Code] = barcode.ProductId;
        }

        // ProductStore checks barcodes and parents against the database; what this chunk added or changed is
        // not there until saved, so a row touching it saves the chunk so far (inside the transaction) first.
        var unsavedSkus = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unsavedCodes = new HashSet<string>(StringComparer.Ordinal);
        var touchedCodes = new HashSet<string>(StringComparer.Ordinal);

        foreach (var row in rows)
        {
            if (row.Errors.Count > 0)
            {
                outcome.Refuse(row.Errors);
                continue;
            }

            var existing = row.Sku is null ? null : bySku.GetValueOrDefault(row.Sku);
            var parentId = existing?.ParentId;
            if (header.Has(ProductCsvColumns.ParentSku))
            {
                parentId = null;
                if (row.ParentSku is not null)
                {
                    if (!bySku.TryGetValue(row.ParentSku, out var parent))
                    {
                        outcome.Refuse(row.Line, ProductCsvColumns.ParentSku,
                            $"No product has SKU {row.ParentSku}: a parent must exist already or come earlier in the file.");
                        continue;
                    }

                    parentId = parent.Id;
                }
            }

            var request = row.MergeWith(header, existing, parentId);
            var errors = ProductRules.Check(request);
            if (errors.Count > 0)
            {
                outcome.Refuse(errors.Select(e => new ImportRowError(
                    row.Line, ProductCsvColumns.OfApiField(e.Field), ProductCsvColumns.InCsvTerms(e.Field, e.Message))));
                continue;
            }

            var codes = request.AllCodes().ToList();
            if ((row.ParentSku is not null && unsavedSkus.Contains(row.ParentSku)) || codes.Any(unsavedCodes.Contains))
            {
                await SaveAsync(db, cancellationToken);
                unsavedSkus.Clear();
                unsavedCodes.Clear();
            }

            var mayConflict = request.ParentId is not null || codes.Any(c =>
                touchedCodes.Contains(c) || !owners.TryGetValue(c, out var owner) || (owner is { } o && o != existing?.Id));
            if (mayConflict && await ProductStore.CheckReferencesAsync(db, request, existing?.Id, cancellationToken) is { } failure)
            {
                outcome.Refuse(row.Line, ProductCsvColumns.OfApiField(failure.Field), failure.Message);
                continue;
            }

            var categoryId = existing?.CategoryId;
            if (header.Has(ProductCsvColumns.Category))
            {
                (categoryId, var categoryError) = await ProductStore.ResolveCategoryAsync(db, request, now, cancellationToken);
                if (categoryError is not null)
                {
                    outcome.Refuse(row.Line, ProductCsvColumns.Category, categoryError.Message);
                    continue;
                }
            }

            var before = existing?.Barcodes.Select(b => b.Code).ToList() ?? [];
            Product product;
            if (existing is null)
            {
                product = ProductStore.Create(db, request, categoryId, now);
                bySku[product.Sku] = product;
                outcome.Created++;
            }
            else if (ProductStore.Update(db, existing, request, categoryId, now))
            {
                product = existing;
                outcome.Updated++;
            }
            else
            {
                outcome.Unchanged++;
                continue;
            }

            unsavedSkus.Add(product.Sku);
            unsavedCodes.UnionWith(before);
            unsavedCodes.UnionWith(codes);
            touchedCodes.UnionWith(before);
            touchedCodes.UnionWith(codes);
        }

        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private static async Task SaveAsync(EdgeDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }
}
