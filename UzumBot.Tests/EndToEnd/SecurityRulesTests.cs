using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UzumBot.Features.Orders;
using UzumBot.Hosting;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Tests.EndToEnd;

/// <summary>Issue 3's rules through the real host: roles on order actions, tenant isolation, nothing secret at rest.</summary>
public sealed class SecurityRulesTests
{
    private const long OwnerChat = 710_000;
    private const long ManagerChat = 710_001;
    private const long ViewerChat = 710_002;
    private const long OtherOwnerChat = 710_100;
    private const string Token = "sandbox-rules-Zx81Qp";
    private const string OtherToken = "sandbox-rules-other-Mn44";
    private const string OwnerPin = "602914";
    private const string ManagerPin = "839201";
    private const string ViewerPin = "415926";

    private static string T(string key) => Strings.Instance[Lang.Ru, key];

    [Fact]
    public async Task A_manager_confirms_and_prints_a_viewer_is_refused_and_nothing_secret_is_stored()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        string managerCode, viewerCode;
        await using (var bot = await BotUnderTest.StartAsync(world))
        {
            await Scenario.OnboardAsync(telegram, OwnerChat, bot.CreateOwnerCode(), Token, OwnerPin);
            await TeamTests.OpenTeamAsync(telegram, OwnerChat);
            managerCode = await TeamTests.InviteAsync(telegram, "Менеджер", "1 день", "1 чел.", OwnerChat);
            telegram.UserTapsButton(OwnerChat, "Команда");
            await Scenario.ExpectAsync(telegram, OwnerChat, "Открытые приглашения: 1");
            viewerCode = await TeamTests.InviteAsync(telegram, "Наблюдатель", "1 день", "1 чел.", OwnerChat);
            await TeamTests.JoinAsync(telegram, ManagerChat, "Bek", managerCode, ManagerPin, "🧑‍💼 Менеджер");
            await TeamTests.JoinAsync(telegram, ViewerChat, "Dilnoza", viewerCode, ViewerPin, "👁 Наблюдатель");

            // The manager accepts a new order and prints its label.
            var order = world.Uzum.Data.For(Token).Orders.First(o => o.Status == OrderStatuses.Created && o.Scheme == "FBS");
            var menu = telegram.Chat(ManagerChat).LatestWithKeyboard!;
            telegram.UserTaps(ManagerChat, menu.MessageId, CallbackData.Encode(OrdersFeature.Card, order.Id), requireButton: false);
            await Scenario.ExpectAsync(telegram, ManagerChat, $"Заказ #{order.Id}");
            telegram.UserTapsButton(ManagerChat, "Принять");
            var packed = await Scenario.ExpectAsync(telegram, ManagerChat, "Статус: На сборке");
            Assert.Contains(T("orders.confirm.done"), packed.Text);
            telegram.UserTapsButton(ManagerChat, "58×40");
            await telegram.WaitForAsync(ManagerChat, c => c.Documents.Count == 1, Scenario.Step);

            // The viewer sees the orders, and every forged action is refused without reaching UZUM.
            var another = world.Uzum.Data.For(Token).Orders.First(o => o.Status == OrderStatuses.Created && o.Scheme == "FBS" && o.Id != order.Id);
            var viewerMenu = telegram.Chat(ViewerChat).LatestWithKeyboard!;
            telegram.UserTapsButton(ViewerChat, "Заказы");
            await Scenario.ExpectAsync(telegram, ViewerChat, "Заказы ·");
            var confirmsBefore = world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/confirm");
            var labelsBefore = world.Uzum.RequestLog.Count("GET", "/v1/fbs/order/*/labels/print");
            foreach (var forged in new[]
            {
                CallbackData.Encode(OrdersFeature.Confirm, another.Id),
                CallbackData.Encode(OrdersFeature.Label, another.Id, "L"),
                CallbackData.Encode("str"), CallbackData.Encode("tm"), CallbackData.Encode("tmi", "m", 24, 1),
            })
            {
                var query = telegram.UserTaps(ViewerChat, viewerMenu.MessageId, forged, requireButton: false);
                Assert.Equal(T("common.not_allowed"), (await telegram.WaitForCallbackAnswerAsync(ViewerChat, query)).AnswerText);
            }
            await telegram.WaitForQuietAsync(TimeSpan.FromMilliseconds(300));
            Assert.Equal(confirmsBefore, world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/confirm"));
            Assert.Equal(labelsBefore, world.Uzum.RequestLog.Count("GET", "/v1/fbs/order/*/labels/print"));
            Assert.Equal(OrderStatuses.Created, world.Uzum.Data.For(Token).Orders.Single(o => o.Id == another.Id).Status);
            Assert.Empty(telegram.Chat(ViewerChat).Documents);

            var audit = bot.Services.GetRequiredService<AuditLog>().ForUser(ManagerChat);
            Assert.Contains(audit, a => a.Action == AuditActions.OrderConfirmed && a.Success && a.Detail == order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            telegram.AssertNoErrors();
        }

        // At rest: no token, PIN, invite code or data key in the file; without the pepper no wrap opens.
        var raw = Directory.GetFiles(world.DataFolder, "uzumbot*").SelectMany(File.ReadAllBytes).ToArray();
        foreach (var secret in new[] { Token, OwnerPin, ManagerPin, ViewerPin, managerCode, viewerCode, managerCode.Replace("-", "") })
            Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"'{secret}' is in the data file");

        var pepper = ServerPepper.Load(new SecurityOptions { PepperPath = world.PepperPath });
        using var db = new Database(world.DatabasePath);
        var members = db.Members.FindAll().ToDictionary(m => m.UserId);
        var tenantId = members[OwnerChat].TenantId;
        using (var key = new TokenVault(pepper).TryUnwrapWithPin(members[ManagerChat].PinWrap!, ManagerPin, tenantId, ManagerChat))
        {
            Assert.NotNull(key);
            Assert.True(raw.AsSpan().IndexOf(key.Bytes) < 0, "the data key is in the data file");
        }

        File.Delete(world.PepperPath);
        var freshPepper = ServerPepper.Load(new SecurityOptions { PepperPath = world.PepperPath }); // a new one is made
        var vault = new TokenVault(freshPepper);
        Assert.Null(vault.TryUnwrapWithPin(members[OwnerChat].PinWrap!, OwnerPin, tenantId, OwnerChat));
        Assert.Null(vault.TryUnwrapWithPin(members[ManagerChat].PinWrap!, ManagerPin, tenantId, ManagerChat));
        Assert.Null(vault.TryUnwrapWithPin(members[ViewerChat].PinWrap!, ViewerPin, tenantId, ViewerChat));
        // A wrap copied onto another member does not open either (the member id is bound in).
        Assert.Null(new TokenVault(pepper).TryUnwrapWithPin(members[ManagerChat].PinWrap!, ManagerPin, tenantId, ViewerChat));
    }

    [Fact]
    public async Task Ids_of_another_seller_are_not_found()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, OwnerChat, bot.CreateOwnerCode(), Token, OwnerPin);
        await Scenario.OnboardAsync(telegram, OtherOwnerChat, bot.CreateOwnerCode(), OtherToken, OwnerPin);

        var theirs = world.Uzum.Data.For(OtherToken).Orders.First(o => o.Status == OrderStatuses.Created && o.Scheme == "FBS");
        var menu = telegram.Chat(OwnerChat).LatestWithKeyboard!;
        foreach (var forged in new[] { CallbackData.Encode(OrdersFeature.Card, theirs.Id), CallbackData.Encode(OrdersFeature.Confirm, theirs.Id), CallbackData.Encode(OrdersFeature.Label, theirs.Id, "B") })
        {
            telegram.UserTaps(OwnerChat, menu.MessageId, forged, requireButton: false);
            await Scenario.ExpectAsync(telegram, OwnerChat, $"Заказ #{theirs.Id} не найден");
            telegram.UserTapsButton(OwnerChat, "Статусы");
            await Scenario.ExpectAsync(telegram, OwnerChat, "Заказы ·");
        }
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/confirm"));
        Assert.Empty(telegram.Chat(OwnerChat).Documents);
        Assert.Equal(OrderStatuses.Created, world.Uzum.Data.For(OtherToken).Orders.Single(o => o.Id == theirs.Id).Status);

        // One token, one owner: a third account pasting the first seller's token is sent to ask for an invite.
        telegram.UserSendsText(OtherOwnerChat + 1, "/start");
        await Scenario.ExpectAsync(telegram, OtherOwnerChat + 1, "Выберите язык");
        telegram.UserTapsButton(OtherOwnerChat + 1, "Русский");
        await Scenario.ExpectAsync(telegram, OtherOwnerChat + 1, "Введите код доступа");
        telegram.UserSendsText(OtherOwnerChat + 1, bot.CreateOwnerCode());
        await Scenario.ExpectAsync(telegram, OtherOwnerChat + 1, "Что подключаем");
        telegram.UserTapsButton(OtherOwnerChat + 1, "UZUM Market");
        await Scenario.ExpectAsync(telegram, OtherOwnerChat + 1, "API-токен");
        telegram.UserSendsText(OtherOwnerChat + 1, Token);
        await Scenario.ExpectAsync(telegram, OtherOwnerChat + 1, "Попросите у него приглашение");
        telegram.AssertNoErrors();
    }
}
