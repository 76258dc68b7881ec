using System.Globalization;

namespace UzumBot.Features.Catalog;

/// <summary>
/// A stock or price change the user has seen previewed and not yet confirmed, kept in the chat (server-side, so the
/// ✅ button stays short). ✅ takes it once: a second tap, a re-delivered update or an old preview finds nothing to
/// send. <see cref="Before"/> is the value the preview showed, so a change UZUM saw meanwhile is asked about again.
/// </summary>
public sealed record PendingChange(long Target, long Extra, long Before, DateTimeOffset ShownAt)
{
    /// <summary>Older previews are not carried out (the bot was offline, the screen forgotten).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static string StockKey(long skuId) => string.Create(CultureInfo.InvariantCulture, $"pe:{skuId}");

    public static string PriceKey(long skuId) => string.Create(CultureInfo.InvariantCulture, $"pv:{skuId}");

    public void Keep(SessionContext session, string key) => session.Chat.Bag[key] =
        string.Create(CultureInfo.InvariantCulture, $"{Target}:{Extra}:{Before}:{ShownAt.ToUnixTimeSeconds()}");

    /// <summary>The change shown under <paramref name="key"/>, removed so it is carried out at most once; null when none is fresh.</summary>
    public static PendingChange? Take(SessionContext session, string key, DateTimeOffset now)
    {
        if (!session.Chat.Bag.Remove(key, out var kept)) return null;
        var parts = kept.Split(':');
        if (parts.Length != 4 || !parts.All(p => long.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))) return null;
        var values = parts.Select(p => long.Parse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray();
        var change = new PendingChange(values[0], values[1], values[2], DateTimeOffset.FromUnixTimeSeconds(values[3]));
        return now - change.ShownAt <= Lifetime ? change : null;
    }
}
