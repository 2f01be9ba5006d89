using System.Text;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Features.Ledger;

namespace Inventory.Edge.Features.Catalog;

/// <summary>
/// Typo-tolerant search over SKU, name and barcodes with SQLite FTS5's trigram tokenizer.
/// First the exact substring (all trigrams, in order); when that finds less than a page, any of the
/// query's trigrams, best-matching first, so "hamer" still finds "Hammer". Under three characters
/// trigrams cannot match, so a prefix match on SKU and name stands in.
/// </summary>
public sealed class ProductSearch(EdgeDatabase database)
{
    public async Task<(IReadOnlyList<Guid> Ids, bool More)> SearchAsync(
        string q, bool activeOnly, Guid? categoryId, int limit, int offset, CancellationToken cancellationToken)
    {
        var term = q.Trim();
        await using var connection = await database.OpenAsync(cancellationToken);
        var filters = (activeOnly ? " AND p.is_active = 1" : "") + (categoryId is null ? "" : " AND p.category_id = $category");
        if (term.Length < 3)
        {
            await using var prefix = connection.CreateCommand();
            prefix.CommandText = $"""
                SELECT p.id FROM products p
                WHERE (p.sku LIKE $q ESCAPE '\' OR p.name LIKE $q ESCAPE '\' OR p.name LIKE $word ESCAPE '\'){filters}
                ORDER BY p.sku LIMIT $limit OFFSET $offset
                """;
            prefix.Parameters.AddWithValue("$q", InventoryQueries.EscapeLike(term) + "%");
            prefix.Parameters.AddWithValue("$word", "% " + InventoryQueries.EscapeLike(term) + "%");
            return await ReadIdsAsync(prefix, categoryId, limit, offset, cancellationToken);
        }

        await using var exact = connection.CreateCommand();
        exact.CommandText = $"""
            SELECT p.id FROM product_search s JOIN products p ON p.rowid = s.rowid
            WHERE product_search MATCH $match{filters}
            ORDER BY (p.sku = $raw COLLATE NOCASE) DESC, rank LIMIT $limit OFFSET $offset
            """;
        exact.Parameters.AddWithValue("$match", Phrase(term));
        exact.Parameters.AddWithValue("$raw", term);
        var (ids, more) = await ReadIdsAsync(exact, categoryId, limit, offset, cancellationToken);
        if (ids.Count > 0 || offset > 0 || term.Length < 4)
        {
            return (ids, more);
        }

        await using var fuzzy = connection.CreateCommand();
        fuzzy.CommandText = $"""
            SELECT p.id FROM product_search s JOIN products p ON p.rowid = s.rowid
            WHERE product_search MATCH $match{filters}
            ORDER BY rank LIMIT $limit
            """;
        fuzzy.Parameters.AddWithValue("$match", AnyTrigram(term));
        return await ReadIdsAsync(fuzzy, categoryId, limit, 0, cancellationToken);
    }

    private static async Task<(IReadOnlyList<Guid>, bool)> ReadIdsAsync(
        Microsoft.Data.Sqlite.SqliteCommand command, Guid? categoryId, int limit, int offset, CancellationToken cancellationToken)
    {
        if (categoryId is { } c)
        {
            command.Parameters.AddWithValue("$category", SqliteValues.Of(c));
        }

        command.Parameters.AddWithValue("$limit", limit + 1);
        if (command.CommandText.Contains("$offset", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$offset", offset);
        }

        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids.Count > limit ? (ids.Take(limit).ToList(), true) : (ids, false);
    }

    /// <summary>The term as one FTS5 string: double quotes doubled, so nothing in it is read as query syntax.</summary>
    internal static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Every trigram of the term, OR-ed: rows sharing more of them rank higher.</summary>
    internal static string AnyTrigram(string term)
    {
        var lower = term.ToLowerInvariant();
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= lower.Length; i++)
        {
            grams.Add(lower.Substring(i, 3));
        }

        var builder = new StringBuilder();
        foreach (var gram in grams)
        {
            if (builder.Length > 0)
            {
                builder.Append(" OR ");
            }

            builder.Append(Phrase(gram));
        }

        return builder.ToString();
    }
}
