using UzumBot.Conversation;
using UzumBot.Features;
using UzumBot.Localization;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Tests.Support;

/// <summary>Sessions for handler and screen tests, without a chat behind them.</summary>
public static class Sessions
{
    public static SessionContext For(Lang lang = Lang.Ru, Role role = Role.Owner, IUzumClient? uzum = null, params (long Id, string Name)[] shops) =>
        new(
            new Incoming { ChatId = 42, UserId = 42 },
            new ChatDocument { ChatId = 42, UserId = 42, Language = lang.Code(), State = "Ready" },
            lang,
            new MemberDocument { UserId = 42, TenantId = "t1", Role = role.ToString() },
            new TenantDocument
            {
                Id = "t1",
                Shops = (shops.Length == 0 ? [(70412L, "Bahor Textile"), (70413L, "Ширин Уй")] : shops)
                    .Select(s => new ShopDocument { Id = s.Id, Name = s.Name }).ToList(),
            },
            role,
            new UnlockedSession(new UzumToken("sandbox-unit-token"), DataKey.Generate()),
            uzum ?? new ThrowingUzumClient());
}
