using System.Text;
using UzumBot.Conversation;
using UzumBot.Features.Menu;
using UzumBot.Features.Orders;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Tests.Fakes;
using UzumBot.Tests.Support;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features;

/// <summary>T1 and T3: every keyboard the bot can send fits Telegram's 64-byte callback data, and every screen is well-formed HTML.</summary>
public sealed class KeyboardLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    public static IEnumerable<object[]> Languages() => [[Lang.Ru], [Lang.Uz]];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_screen_has_short_callback_data_and_valid_html(Lang lang)
    {
        foreach (var (name, screen) in AllScreens(lang)) Sendable.Assert(name, screen);
    }

    [Fact]
    public void Callback_data_over_64_bytes_is_refused_when_built()
    {
        var search = "Футболка хлопковая детская белая"; // 32 characters, 61 bytes: with a prefix it passes 64
        Assert.Throws<ArgumentException>(() => CallbackData.Encode("search", search));
        Assert.Null(CallbackData.Decode("search:" + search));
        Assert.Null(CallbackData.Decode("orders:DELIVERED_TO_CUSTOMER_DELIVERY_POINT:shop:1234567:page:123"));
    }

    [Fact]
    public void Special_characters_from_UZUM_are_encoded_not_interpreted()
    {
        var title = "Футболка *NEW* [XL] <хлопок> & 100% cotton_kids.";
        var screen = new OrdersScreens(Sessions.For(), Now).Card(Order(1, OrderStatuses.Created, title), OrderStatuses.Created, 0);
        Assert.True(TelegramHtml.TryParse(screen.Html, true, out var parsed, out var error), error);
        Assert.Contains(title, parsed.Text);
        Assert.DoesNotContain("<хлопок>", screen.Html);
    }

    private static IEnumerable<(string Name, Screen Screen)> AllScreens(Lang lang)
    {
        var session = Sessions.For(lang);
        var screens = new OrdersScreens(session, Now);
        var huge = long.MaxValue;
        var many = Enumerable.Range(0, 25).Select(i => Order(huge - i, OrderStatuses.Created, "Atlas ko‘ylak, milliy naqsh <b>&")).ToArray();

        yield return ("welcome", OnboardingScreens.Welcome());
        yield return ("code", OnboardingScreens.AskCode(lang, "onboarding.code_unknown"));
        yield return ("market", OnboardingScreens.ChooseMarketScreen(lang));
        yield return ("token", OnboardingScreens.AskToken(lang, "onboarding.token_rejected"));
        yield return ("pin", OnboardingScreens.AskPin(lang, [new Shop(1, "Bahor <Textile> & Co"), new Shop(2, "Ширин Уй")]));
        yield return ("pin repeat", OnboardingScreens.AskPinRepeat(lang));
        yield return ("unlock", OnboardingScreens.Unlock(lang, 3, "signin.pin_wrong"));
        yield return ("menu", MenuScreens.MainMenu(session, new CappedList<SellerOrder>(many, false), Now));
        yield return ("menu unavailable", MenuScreens.MainMenu(session, null, Now));
        yield return ("orders home", screens.Home(OrderStatusCodes.Main.Select(s => new StatusCount(s, 123_456_789)).ToArray(), more: false));
        yield return ("orders more", screens.Home(OrderStatusCodes.More.Select(s => new StatusCount(s, null)).ToArray(), more: true));
        foreach (var status in OrderStatuses.All)
        {
            yield return ($"list {status}", screens.List(status, new CappedList<SellerOrder>(many, true), 2));
            yield return ($"card {status}", screens.Card(Order(huge, status, "x"), status, 999));
        }
        var reasons = new[] { new ReturnReason("OUT_OF_STOCK", "Tovar yoʻq"), new ReturnReason("OUT_OF_PACKAGE", "Qadoq yoʻq"), new ReturnReason("OUT_OF_TIME", "Yigʻishga ulgurmayapman"), new ReturnReason("SOMETHING_NEW", "<b>&") };
        yield return ("cancel reasons", screens.CancelReasons(Order(huge, OrderStatuses.Packing, "x"), reasons));
        foreach (var reason in reasons) yield return ($"cancel {reason.Reason}", screens.CancelConfirmation(Order(huge, OrderStatuses.Packing, "x"), reason, Now));
        yield return ("today", screens.Today(ShiftPlan.For(many, many.Select(o => o with { Status = OrderStatuses.Packing, DeliverUntil = Now }).ToArray(), Now)));
        yield return ("today empty", screens.Today(ShiftPlan.For([], [], Now)));
        yield return ("empty list", screens.List(OrderStatuses.Canceled, new CappedList<SellerOrder>([], false), 0));
        yield return ("not found", screens.NotFound(huge));
        yield return ("label problem", screens.LabelProblem(Order(huge, OrderStatuses.Packing, "x"), "orders.label.busy"));
    }

    internal static SellerOrder Order(long id, string status, string title, string scheme = "FBS") => new()
    {
        Id = id,
        Status = status,
        Scheme = scheme,
        ShopId = 70412,
        Price = 149_000,
        DateCreated = Now.AddHours(-3),
        AcceptUntil = Now.AddMinutes(80),
        DeliverUntil = Now.AddDays(2),
        Stock = new OrderStock(3, "Sergeli"),
        OrderItems =
        [
            new OrderItem { Id = 1, OrderId = id, SkuTitle = "FUTB-1-ЧЕРН-S", ProductTitle = title, SkuCharValue = "Qora, S", SellPrice = 149_000, Amount = 1 },
        ],
    };
}
