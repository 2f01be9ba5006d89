using Inventory.Cloud.Infrastructure.Data;
using Inventory.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Users;

/// <summary>
/// Where an account may sign in: a list of site codes, or none for every site. "None" is one value (null) in the
/// table and the feed, so an empty list and an absent one can never mean two things.
/// </summary>
public static class UserSites
{
    public const int MaxSites = 100;

    public static bool Allows(IReadOnlyList<string>? sites, string site) => sites is null || sites.Count == 0 || sites.Contains(site, StringComparer.Ordinal);

    /// <summary>The list as the table and the feed keep it: without repeats, in order, and null for every site.</summary>
    public static string[]? Stored(IReadOnlyList<string>? sites) =>
        sites is null || sites.Count == 0 ? null : [.. sites.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>As the API answers: the empty list for every site.</summary>
    public static IReadOnlyList<string> Shown(IReadOnlyList<string>? sites) => sites ?? [];

    /// <summary>Adds an error for each code that names no site of the company; a list of unknown codes changes nothing.</summary>
    public static async Task<Validation> CheckAsync(Validation validation, IReadOnlyList<string?>? sites, CloudDbContext db, CancellationToken ct)
    {
        if (sites is null || sites.Count == 0)
        {
            return validation;
        }

        if (sites.Count > MaxSites)
        {
            return validation.Add("sites", $"An account may list at most {MaxSites} sites.");
        }

        if (sites.Any(s => s is null))
        {
            return validation.Add("sites", "A site code may not be null.");
        }

        var codes = sites.Select(s => s!).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Sites.AsNoTracking().Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct);
        foreach (var unknown in codes.Except(known, StringComparer.Ordinal))
        {
            validation.Add("sites", $"No site has the code '{Cut(unknown)}'.");
        }

        return validation;
    }

    // An unknown code goes back in the error; a long or odd one is cut so the answer stays small.
    private static string Cut(string code) => code.Length <= 20 ? code : code[..20] + "…";
}
