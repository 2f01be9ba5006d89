namespace Inventory.Edge.Features.Catalog;

/// <summary>
/// Turns what a person typed into FTS5 queries and finds the catalog words a mistyped word was meant to
/// be. Everything the user typed goes into FTS5 as quoted strings, so nothing is read as syntax.
/// </summary>
public static class SearchTerms
{
    // Query and catalog text are cut at the same characters, so "Over-Spec" is two words on both sides.
    private static readonly char[] Separators = [' ', '\t', ',', ';', '/', '-', '_', '.', '(', ')', '"', '\''];

    /// <summary>Every token (of any length) of the query; control characters separate like spaces.</summary>
    /// <remarks>FTS5 ends a quoted string at a NUL ("unterminated string"), so none may reach a query.</remarks>
    public static IReadOnlyList<string> Tokens(string term) =>
        [.. new string([.. term.ToLowerInvariant().Select(c => char.IsControl(c) ? ' ' : c)])
            .Split(Separators, StringSplitOptions.RemoveEmptyEntries).Distinct()];

    /// <summary>The query's words of three or more characters (trigrams cannot match shorter ones).</summary>
    public static IReadOnlyList<string> Words(string term) => [.. Tokens(term).Where(w => w.Length >= 3)];

    /// <summary>Every word as a substring somewhere in SKU, name or barcodes.</summary>
    public static string AllWords(IReadOnlyList<string> words) => string.Join(" AND ", words.Select(Quote));

    /// <summary>Every token as the start of some word of the name.</summary>
    public static string AllPrefixes(IReadOnlyList<string> tokens) => string.Join(" AND ", tokens.Select(t => Quote(t) + "*"));

    /// <summary>For each query word, any of its corrections.</summary>
    public static string AnyOfEach(IEnumerable<IReadOnlyList<string>> alternatives) =>
        string.Join(" AND ", alternatives.Select(a => "(" + string.Join(" OR ", a.Select(Quote)) + ")"));

    /// <summary>
    /// The catalog words within one edit of the word (two from eight letters), closest first, at most five;
    /// a catalog word that starts with the query word (a word typed half) counts as one edit away.
    /// </summary>
    public static IReadOnlyList<string> Corrections(string word, IEnumerable<string> vocabulary)
    {
        var allowance = word.Length >= 8 ? 2 : 1;
        return vocabulary
            .Select(term => (Term: term, Distance: term.StartsWith(word, StringComparison.Ordinal) ? 1 : EditDistance(word, term, allowance)))
            .Where(t => t.Distance <= allowance)
            .OrderBy(t => t.Distance).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(5)
            .Select(t => t.Term)
            .ToList();
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent swaps), giving up past the limit.</summary>
    public static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
