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

    /// <summary>Asks the engine to hand the chat's next text message to the feature owning <paramref name="input"/>.</summary>
    public void AwaitText(string input) => Chat.Awaiting = input;

    public void StopAwaitingText() => Chat.Awaiting = null;

    public Strings S => Strings.Instance;

    public string T(string key) => Strings.Instance[Lang, key];

    public string F(string key, params object?[] args) => Strings.Instance.Format(Lang, key, args);

    /// <summary>The shops in scope: the chosen one, or all of the tenant's.</summary>
    public IReadOnlyList<long> ShopIds => Tenant.SelectedShopId is { } one ? [one] : Tenant.Shops.Select(s => s.Id).ToArray();

    public string ShopTitle => Tenant.SelectedShopId is { } one
        ? Tenant.Shops.FirstOrDefault(s => s.Id == one)?.Name ?? one.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Tenant.Shops.Count == 1 ? Tenant.Shops[0].Name : T("shops.all");

    public bool Owns(long shopId) => Tenant.Shops.Any(s => s.Id == shopId);

    public bool Can(Permission permission) => Permissions.Allows(Role, permission);
}
