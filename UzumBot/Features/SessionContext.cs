using UzumBot.Localization;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Conversation;
using UzumBot.Uzum;

namespace UzumBot.Features;

/// <summary>What a feature handler gets for an unlocked member: who, in which language, which shops, and the way to UZUM.</summary>
public sealed record SessionContext(
    Incoming Update,
    ChatDocument Chat,
    Lang Lang,
    MemberDocument Member,
    TenantDocument Tenant,
    Role Role,
    UnlockedSession Unlocked,
    IUzumClient Uzum)
{
    public UzumToken Token => Unlocked.Token;

    public Rendering.IProgressLine Progress => Update.Progress;

    /// <summary>Asks the engine to hand the chat's next text message to the feature owning <paramref name="input"/>.</summary>
    public void AwaitText(string input) => Chat.Awaiting = input;

    public void StopAwaitingText() => Chat.Awaiting = null;

    public Strings S => Strings.Instance;

    public string T(string key) => Strings.Instance[Lang, key];

    public string F(string key, params object?[] args) => Strings.Instance.Format(Lang, key, args);

    /// <summary>When the update is handled, from the host's TimeProvider.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>What the tenant's plan allows now (a finished trial is FREE).</summary>
    public PlanLimits Plan => Plans.For(Tenant, Now);

    /// <summary>The shops in scope: the chosen one, or all of the tenant's that the plan allows (FREE: the first).</summary>
    public IReadOnlyList<long> ShopIds => Tenant.SelectedShopId is { } one && AllowedShops.Contains(one)
        ? [one]
        : AllowedShops;

    private long[] AllowedShops => Tenant.Shops.Take(Plan.MaxShops).Select(s => s.Id).ToArray();

    public string ShopTitle => ShopIds.Count == 1
        ? Tenant.Shops.FirstOrDefault(s => s.Id == ShopIds[0])?.Name ?? ShopIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)
        : T("shops.all");

    /// <summary>An id of a shop this session may see: the tenant's, within the plan.</summary>
    public bool Owns(long shopId) => AllowedShops.Contains(shopId);

    public bool Can(Permission permission) => Permissions.Allows(Role, permission);
}
