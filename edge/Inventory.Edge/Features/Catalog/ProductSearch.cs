using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Catalog;

/// <summary>
/// Catalog search over SKU, name and barcodes, built to stay fast at 200,000 products:
/// an exact SKU or barcode comes first (index lookups); words of one or two characters match the start
/// of a SKU (its index) or of any word of a name (the word index's prefix index); longer words match as
/// substrings anywhere through the trigram index, ranked among the first candidates only; and when
/// nothing matches, each word is corrected against the catalog's vocabulary (one edit, two for words of
/// eight letters or more) and the corrected words are searched instead.
/// </summary>
public sealed class ProductSearch(EdgeDatabase database)
{
    /// <summary>Substring matches ranked per query; beyond this, order is catalog order (the query is too vague to rank).</summary>
    private const int RankedCandidates = 1000;

    /// <summary>Candidates the typo pass scores in memory.</summary>
    private const int FuzzyCandidates = 3000;

    public async Task<(IReadOnlyList<Guid> Ids, bool More)> SearchAsync(
        string q, bool activeOnly, Guid? categoryId, int limit, int offset, CancellationToken cancellationToken)
    {
        var term = q.Trim();
        var filter = new SearchFilter(activeOnly, categoryId);
        var wanted = offset + limit + 1;
        await using var connection = await database.OpenAsync(cancellationToken);

        var ids = new List<Guid>(await ExactAsync(connection, term, filter, cancellationToken));
        var words = SearchTerms.Words(term);
        var rest = words.Count == 0
            ? await PrefixAsync(connection, term, filter, wanted, cancellationToken)
            : await SubstringAsync(connection, words, filter, wanted, cancellationToken);
        AppendDistinct(ids, rest);
        if (ids.Count == 0 && offset == 0 && words.Count > 0)
        {
            ids.AddRange(await FuzzyAsync(connection, words, filter, wanted, cancellationToken));
        }

        var page = ids.Skip(offset).Take(limit).ToList();
        return (page, ids.Count > offset + limit);
    }

    private static Task<List<Guid>> ExactAsync(SqliteConnection connection, string term, SearchFilter filter, CancellationToken cancellationToken) =>
        ReadIdsAsync(connection, $"""
            SELECT p.id FROM products p WHERE p.sku = $term{filter.Sql}
            UNION
            SELECT p.id FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = $term{filter.Sql}
            """, filter, cancellationToken, ("$term", term));

    /// <summary>Start of the SKU (its NOCASE index) or of any word of the name (the word index's prefix index).</summary>
    private static async Task<List<Guid>> PrefixAsync(SqliteConnection connection, string term, SearchFilter filter, int wanted, CancellationToken cancellationToken)
    {
        var tokens = SearchTerms.Tokens(term);
        if (tokens.Count == 0)
        {
            return [];
        }

        // NOCASE folds ASCII letters to lower case, so the range is built from the lower-case term.
        var low = term.ToLowerInvariant();
        var high = low[..^1] + (char)(low[^1] + 1);
        var bySku = await ReadIdsAsync(connection, $"""
            SELECT p.id FROM products p WHERE p.sku >= $low AND p.sku < $high{filter.Sql} ORDER BY p.sku LIMIT $wanted
            """, filter, cancellationToken, ("$low", low), ("$high", high), ("$wanted", wanted));
        var byWord = await ReadIdsAsync(connection, $"""
            SELECT p.id
            FROM (SELECT rowid FROM product_words WHERE product_words MATCH $match LIMIT $wanted) w
            JOIN products p ON p.rowid = w.rowid
            WHERE 1 = 1{filter.Sql}
            """, filter, cancellationToken, ("$match", SearchTerms.AllPrefixes(tokens)), ("$wanted", wanted));
        AppendDistinct(bySku, byWord);
        return bySku;
    }

    private static Task<List<Guid>> SubstringAsync(
        SqliteConnection connection, IReadOnlyList<string> words, SearchFilter filter, int wanted, CancellationToken cancellationToken) =>
        ReadIdsAsync(connection, $"""
            SELECT p.id
            FROM (SELECT rowid, rank FROM product_search WHERE product_search MATCH $match LIMIT $candidates) s
            JOIN products p ON p.rowid = s.rowid
            WHERE 1 = 1{filter.Sql}
            ORDER BY s.rank LIMIT $wanted
            """, filter, cancellationToken,
            ("$match", SearchTerms.AllWords(words)), ("$candidates", Math.Max(RankedCandidates, wanted)), ("$wanted", wanted));

    private static async Task<List<Guid>> FuzzyAsync(
        SqliteConnection connection, IReadOnlyList<string> words, SearchFilter filter, int wanted, CancellationToken cancellationToken)
    {
        var corrected = new List<IReadOnlyList<string>>();
        foreach (var word in words)
        {
            var candidates = await VocabularyNearAsync(connection, word, cancellationToken);
            var near = SearchTerms.Corrections(word, candidates);
            if (near.Count > 0)
            {
                corrected.Add(near);
            }
        }

        // A word nothing in the catalog resembles is dropped rather than sinking the whole query.
        if (corrected.Count == 0)
        {
            return [];
        }

        return await ReadIdsAsync(connection, $"""
            SELECT p.id
            FROM (SELECT rowid, rank FROM product_words WHERE product_words MATCH $match LIMIT {RankedCandidates}) w
            JOIN products p ON p.rowid = w.rowid
            WHERE 1 = 1{filter.Sql}
            ORDER BY w.rank LIMIT $wanted
            """, filter, cancellationToken, ("$match", SearchTerms.AnyOfEach(corrected)), ("$wanted", wanted));
    }

    /// <summary>
    /// Catalog words that start like the word (its first letter, or its second for a swapped first pair):
    /// a range read of the vocabulary, not a scan. Typos in the very first letter are not corrected.
    /// </summary>
    private static async Task<List<string>> VocabularyNearAsync(SqliteConnection connection, string word, CancellationToken cancellationToken)
    {
        var terms = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term FROM product_word_terms WHERE term >= $low AND term < $high";
        var low = command.Parameters.Add("$low", SqliteType.Text);
        var high = command.Parameters.Add("$high", SqliteType.Text);
        foreach (var first in word[0] == word[1] ? [word[0]] : new[] { word[0], word[1] })
        {
            low.Value = first.ToString();
            high.Value = ((char)(first + 1)).ToString();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                terms.Add(reader.GetString(0));
            }
        }

        return terms;
    }

    private static async Task<List<Guid>> ReadIdsAsync(
        SqliteConnection connection, string sql, SearchFilter filter, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        filter.Bind(command);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private static void AppendDistinct(List<Guid> into, IEnumerable<Guid> more)
    {
        var seen = into.ToHashSet();
        into.AddRange(more.Where(seen.Add));
    }

    private sealed record SearchFilter(bool ActiveOnly, Guid? CategoryId)
    {
        public string Sql => (ActiveOnly ? " AND p.is_active = 1" : "") + (CategoryId is null ? "" : " AND p.category_id = $category");

        public void Bind(SqliteCommand command)
        {
            if (CategoryId is { } c)
            {
                command.Parameters.AddWithValue("$category", SqliteValues.Of(c));
            }
        }
    }
}
