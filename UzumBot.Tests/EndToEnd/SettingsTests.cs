using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UzumBot.Hosting;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Tests.EndToEnd;

/// <summary>⚙️ Settings through the real host, the fake Bot API and the sandbox: PIN change, token reconnect, lock, delete.</summary>
public sealed class SettingsTests
{
    private const long ChatId = 700_300;
    private const string Pin = "482193";
    private const string NewPin = "735108";
    private const string Token = "sandbox-e2e-First8Qw";
    private const string NewToken = "sandbox-e2e-Second5Zx";

    [Fact]
    public async Task Changing_the_PIN_needs_the_old_one_and_the_new_one_opens_after_a_restart()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        var typedSecrets = new List<int>();
        await using (var bot = await BotUnderTest.StartAsync(world))
        {
            await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
            await OpenSettingsAsync(world);
            telegram.UserTapsButton(ChatId, "Сменить PIN");
            await Scenario.ExpectAsync(telegram, ChatId, "Введите текущий PIN");

            typedSecrets.Add(telegram.UserSendsText(ChatId, "000000"));
            await Scenario.ExpectAsync(telegram, ChatId, "Осталось попыток: 4");
            typedSecrets.Add(telegram.UserSendsText(ChatId, Pin));
            await Scenario.ExpectAsync(telegram, ChatId, "Придумайте новый PIN");
            typedSecrets.Add(telegram.UserSendsText(ChatId, NewPin));
            await Scenario.ExpectAsync(telegram, ChatId, "Повторите новый PIN");
            typedSecrets.Add(telegram.UserSendsText(ChatId, "999999"));
            await Scenario.ExpectAsync(telegram, ChatId, "PIN не совпали");
            typedSecrets.Add(telegram.UserSendsText(ChatId, NewPin));
            await Scenario.ExpectAsync(telegram, ChatId, "Повторите новый PIN");
            typedSecrets.Add(telegram.UserSendsText(ChatId, NewPin));
            await Scenario.ExpectAsync(telegram, ChatId, "PIN изменён");

            var chat = telegram.Chat(ChatId);
            Assert.All(typedSecrets, id => Assert.Contains(id, chat.DeletedUserMessageIds));
            var audit = bot.Services.GetRequiredService<AuditLog>().ForUser(ChatId);
            Assert.Contains(audit, a => a.Action == AuditActions.SignInPin && !a.Success);
            Assert.Contains(audit, a => a.Action == AuditActions.PinChanged && a.Success);
            await AssertNoSecrets(world, bot, Pin, NewPin, Token);
        }

        await using (var bot = await BotUnderTest.StartAsync(world))
        {
            telegram.UserSendsText(ChatId, "/start");
            await Scenario.ExpectAsync(telegram, ChatId, "Осталось попыток: 5");
            telegram.UserSendsText(ChatId, Pin);
            await Scenario.ExpectAsync(telegram, ChatId, "Неверный PIN");
            telegram.UserSendsText(ChatId, NewPin);
            await Scenario.ExpectAsync(telegram, ChatId, "👑 Владелец");
            await AssertNoSecrets(world, bot, Pin, NewPin, Token);
        }
    }

    [Fact]
    public async Task Reconnecting_the_token_reseals_it_and_UZUM_is_called_with_the_new_one()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using (var bot = await BotUnderTest.StartAsync(world))
        {
            await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
            var db = bot.Services.GetRequiredService<Database>();
            var oldShops = db.Tenants.FindAll().Single().Shops.Select(s => s.Id).ToArray();

            await OpenSettingsAsync(world);
            telegram.UserTapsButton(ChatId, "Переподключить токен");
            await Scenario.ExpectAsync(telegram, ChatId, "Переподключение токена");
            telegram.UserTapsButton(ChatId, "Продолжить");
            await Scenario.ExpectAsync(telegram, ChatId, "новый API-токен");

            var malformed = telegram.UserSendsText(ChatId, "sandbox-e2e Second");
            await Scenario.ExpectAsync(telegram, ChatId, "не похоже на токен");
            var tokenMessage = telegram.UserSendsText(ChatId, "Bearer " + NewToken);
            await Scenario.ExpectAsync(telegram, ChatId, "Токен принят");
            var pinMessage = telegram.UserSendsText(ChatId, NewPin);
            var done = await Scenario.ExpectAsync(telegram, ChatId, "Токен переподключён");
            Assert.Contains("новое приглашение", done.Text);
            Assert.All(new[] { malformed, tokenMessage, pinMessage }, id => Assert.Contains(id, telegram.Chat(ChatId).DeletedUserMessageIds));

            var tenant = db.Tenants.FindAll().Single();
            var newShops = tenant.Shops.Select(s => s.Id).ToArray();
            Assert.NotEqual(oldShops, newShops);

            // The orders screen now asks UZUM for the new seller's shops, which only the new token may read.
            world.Uzum.RequestLog.Clear();
            telegram.UserTapsButton(ChatId, "Меню");
            await Scenario.ExpectAsync(telegram, ChatId, "👑 Владелец");
            telegram.UserTapsButton(ChatId, "Заказы");
            await Scenario.ExpectAsync(telegram, ChatId, "Заказы ·");
            var calls = world.Uzum.RequestLog.Matching("GET", "/v2/fbs/orders");
            Assert.NotEmpty(calls);
            Assert.All(calls, c =>
            {
                Assert.Equal(200, c.Status);
                Assert.Equal(newShops.Order(), c.QueryValues("shopIds").Select(long.Parse).Order());
            });
            Assert.Contains(bot.Services.GetRequiredService<AuditLog>().ForUser(ChatId), a => a.Action == AuditActions.TokenReconnected);
            await AssertNoSecrets(world, bot, Pin, NewPin, Token, NewToken);
        }

        await using (var bot = await BotUnderTest.StartAsync(world))
        {
            telegram.UserSendsText(ChatId, "/start");
            await Scenario.ExpectAsync(telegram, ChatId, "Осталось попыток: 5");
            telegram.UserSendsText(ChatId, Pin);
            await Scenario.ExpectAsync(telegram, ChatId, "Неверный PIN");
            telegram.UserSendsText(ChatId, NewPin);
            await Scenario.ExpectAsync(telegram, ChatId, "👑 Владелец");
        }

        var raw = Directory.GetFiles(world.DataFolder, "uzumbot*").SelectMany(File.ReadAllBytes).ToArray();
        Assert.Equal(-1, raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Token)));
        Assert.Equal(-1, raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(NewToken)));
        using var store = new Database(world.DatabasePath);
        var member = store.Members.FindAll().Single();
        var sealedTenant = store.Tenants.FindById(member.TenantId);
        var vault = new TokenVault(ServerPepper.Load(new SecurityOptions { PepperPath = world.PepperPath }));
        using var key = vault.TryUnwrapWithPin(member.PinWrap!, NewPin, member.TenantId, member.UserId);
        Assert.NotNull(key);
        Assert.Equal(NewToken, vault.Open(sealedTenant.SealedToken!, key, sealedTenant.Id));
    }

    [Fact]
    public async Task Lock_now_forgets_the_session_and_asks_for_the_PIN()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        await OpenSettingsAsync(world);

        telegram.UserTapsButton(ChatId, "Заблокировать");
        await Scenario.ExpectAsync(telegram, ChatId, "Введите PIN. Осталось попыток: 5");
        Assert.Null(bot.Services.GetRequiredService<UzumBot.Conversation.UnlockedSessions>().Touch(ChatId));
        telegram.UserSendsText(ChatId, Pin);
        await Scenario.ExpectAsync(telegram, ChatId, "👑 Владелец");
        await AssertNoSecrets(world, bot, Pin, Token);
    }

    [Fact]
    public async Task An_owner_deleting_their_data_erases_the_tenant_and_start_begins_again()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        var db = bot.Services.GetRequiredService<Database>();
        var tenantId = db.Tenants.FindAll().Single().Id;
        await OpenSettingsAsync(world);

        telegram.UserTapsButton(ChatId, "Удалить мои данные");
        var warning = await Scenario.ExpectAsync(telegram, ChatId, "Удалить все данные?");
        Assert.Contains("токен", warning.Text);
        Assert.Contains("журнал", warning.Text);
        Assert.NotEmpty(db.Tenants.FindAll());
        telegram.UserTapsButton(ChatId, "Продолжить");
        await Scenario.ExpectAsync(telegram, ChatId, "Последний шаг");
        Assert.NotEmpty(db.Tenants.FindAll());
        telegram.UserTapsButton(ChatId, "Удалить навсегда");
        await Scenario.ExpectAsync(telegram, ChatId, "Ваши данные удалены");

        Assert.Empty(db.Tenants.FindAll());
        Assert.Empty(db.Members.FindAll());
        Assert.Empty(db.AccessCodes.Find(c => c.TenantId == tenantId));
        Assert.Empty(db.Audit.Find(a => a.TenantId == tenantId));
        Assert.Contains(db.Audit.FindAll(), a => a.Action == AuditActions.DataDeleted && a.UserId == ChatId);
        Assert.Null(bot.Services.GetRequiredService<UzumBot.Conversation.UnlockedSessions>().Touch(ChatId));

        telegram.UserSendsText(ChatId, "/start");
        await Scenario.ExpectAsync(telegram, ChatId, "Выберите язык");
        telegram.UserTapsButton(ChatId, "Русский");
        await Scenario.ExpectAsync(telegram, ChatId, "Введите код доступа");
        await AssertNoSecrets(world, bot, Pin, Token);
    }

    private static async Task OpenSettingsAsync(TestWorld world)
    {
        world.Telegram.UserTapsButton(ChatId, "Настройки");
        await Scenario.ExpectAsync(world.Telegram, ChatId, "⚙️ Настройки");
    }

    private static async Task AssertNoSecrets(TestWorld world, BotUnderTest bot, params string[] secrets)
    {
        world.Telegram.AssertNoErrors();
        await Scenario.AssertAllTapsAnsweredAsync(world.Telegram, ChatId);
        foreach (var secret in secrets) Assert.DoesNotContain(secret, bot.Logs.All);
    }
}
