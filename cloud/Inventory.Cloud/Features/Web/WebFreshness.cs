namespace Inventory.Cloud.Features.Web;

public static class WebFreshness
{
    /// <summary>
    /// A box that is online long-polls the feed every 25 s at most, so a site silent this long is offline or stuck:
    /// its card is highlighted and says so, and its figures are that old.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
}
