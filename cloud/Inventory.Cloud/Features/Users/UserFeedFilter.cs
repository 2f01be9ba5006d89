using Inventory.Sync;

namespace Inventory.Cloud.Features.Users;

/// <summary>
/// A site pulls the password hash only of the accounts allowed at it. Another site still gets the account's row,
/// but withheld: no hash, inactive and with a stamp no token carries, so a box that had the account (its list
/// changed) disables it and ends its sessions at the next pull, and a stolen box holds no hash it could not use.
/// Applied when the feed is read, so one feed row serves every site and a list's change reaches each at once.
/// </summary>
public static class UserFeedFilter
{
    /// <summary>Starts the stamp of a withheld account; a real stamp is hex, so no token's stamp matches it.</summary>
    public const string WithheldStamp = "withheld:";

    public static ChangeRecord ForSite(ChangeRecord change, string site)
    {
        if (change.Kind != ChangeKinds.User)
        {
            return change;
        }

        var user = SyncJson.Read<UserRecord>(change.Data);
        if (UserSites.Allows(user.Sites, site))
        {
            return change;
        }

        // The stamp follows the version (its clock stamp), so a re-read of the same row gives the same record.
        var withheld = user with { PasswordHash = "", IsActive = false, SecurityStamp = WithheldStamp + change.Hlc };
        return change with { Data = SyncJson.ToElement(withheld) };
    }
}
