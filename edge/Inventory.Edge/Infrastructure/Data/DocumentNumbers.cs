using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inventory.Edge.Infrastructure.Data;

/// <summary>
/// The next number of a kind of document this box makes (document_counters: purchase_order, cycle_count, …). The
/// counter is raised by an upsert that must be the first write of the transaction that saves the document: SQLite then
/// holds the write lock until commit, so two documents made at once never share a number and a rolled-back one leaves
/// no gap.
/// </summary>
internal static class DocumentNumbers
{
    public static async Task<long> NextAsync(EdgeDbContext db, string kind, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A document number is taken inside the transaction that saves the document.");
        command.CommandText = """
            INSERT INTO document_counters (kind, next) VALUES ($kind, 2)
            ON CONFLICT (kind) DO UPDATE SET next = next + 1
            RETURNING next - 1
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$kind";
        parameter.Value = kind;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
