using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UzumBot.Hosting;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Tests.Fakes;

namespace UzumBot.Tests.EndToEnd;

/// <summary>The end-to-end path, over HTTP to a strict fake Bot API and the sandbox marketplace.</summary>
public sealed class WalkingSkeletonTests
{
    private const long ChatId = 700_100;
    private const string Pin = "482193";
    private const string Token = "sandbox-e2e-Ab3xYzQ9";

    [Fact]
    public async Task A_new_owner_reaches_both_labels_and_no_secret_stays_in_chat_or_file()
    {
        await using var world = await TestWorld.StartAsync();
        var code = await Cli.CreateOwnerCodeAsync(world.Configuration());

        Scenario.Outcome outcome;
        await using (var bot = await BotUnderTest.StartAsync(world))
        {
            outcome = await Scenario.RunAsync(world.Telegram, ChatId, code, "Bearer " + Token + "\n", Pin);

            var chat = world.Telegram.Chat(ChatId);
            Assert.Contains(outcome.TokenMessageId, chat.DeletedUserMessageIds);
            Assert.Contains(outcome.FirstPinMessageId, chat.DeletedUserMessageIds);
            Assert.Contains(outcome.RepeatPinMessageId, chat.DeletedUserMessageIds);
            await Scenario.AssertAllTapsAnsweredAsync(world.Telegram, ChatId);
            Assert.True(world.Telegram.DeleteWebhookCalled);
            world.Telegram.AssertNoErrors();
            Assert.DoesNotContain(Token, bot.Logs.All);
            Assert.DoesNotContain(Pin, bot.Logs.All);
            Assert.DoesNotContain(code, bot.Logs.All);
        }

        AssertPage(outcome.LargeLabel, 58, 40);
        AssertPage(outcome.BigLabel, 43, 25);

        // U1: the token went to UZUM raw, without the pasted "Bearer " and line break (the sandbox refuses anything else).
        Assert.Contains(world.Uzum.RequestLog.Entries, e => e.Path.StartsWith("/v1/shops", StringComparison.Ordinal) && e.Status == 200);
        // U3, U5: every orders call names exactly one valid status, and "all shops" repeats the shopIds key.
        var orderCalls = world.Uzum.RequestLog.Matching("GET", "/v2/fbs/orders");
        Assert.NotEmpty(orderCalls);
        Assert.All(orderCalls, call =>
        {
            Assert.Single(call.QueryValues("status"));
            Assert.Contains(call.QueryValues("status")[0], UzumBot.Uzum.OrderStatuses.All);
            Assert.Equal(2, call.QueryValues("shopIds").Count);
            Assert.True(int.Parse(call.QueryValues("size")[0], System.Globalization.CultureInfo.InvariantCulture) <= 50);
        });

        // Storage holds neither the token, nor the PIN, nor the data key in clear.
        var raw = ReadAllDataFiles(world);
        Assert.Equal(-1, IndexOf(raw, Encoding.UTF8.GetBytes(Token)));
        Assert.Equal(-1, IndexOf(raw, Encoding.UTF8.GetBytes(Pin)));
        using var db = new Database(world.DatabasePath);
        var member = db.Members.FindAll().Single();
        var tenant = db.Tenants.FindById(member.TenantId);
        var pepper = ServerPepper.Load(new SecurityOptions { PepperPath = world.PepperPath });
        using var key = new TokenVault(pepper).TryUnwrapWithPin(member.PinWrap!, Pin, member.TenantId, member.UserId);
        Assert.NotNull(key);
        Assert.Equal(Token, new TokenVault(pepper).Open(tenant.SealedToken!, key, tenant.Id));
        Assert.Equal(-1, IndexOf(raw, KeyBytes(key)));
    }

    [Fact]
    public async Task After_a_restart_the_member_is_recognised_and_the_PIN_unlocks_with_attempts_counted()
    {
        await using var world = await TestWorld.StartAsync();
        await using (var bot = await BotUnderTest.StartAsync(world))
        {
            await Scenario.OnboardAsync(world.Telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        }

        await using (var bot = await BotUnderTest.StartAsync(world))
        {
            var telegram = world.Telegram;
            telegram.UserSendsText(ChatId, "/start");
            await Scenario.ExpectAsync(telegram, ChatId, "Осталось попыток: 5");

            var wrong = telegram.UserSendsText(ChatId, "000000");
            await Scenario.ExpectAsync(telegram, ChatId, "Неверный PIN");
            await Scenario.ExpectAsync(telegram, ChatId, "Осталось попыток: 4");
            Assert.Contains(wrong, telegram.Chat(ChatId).DeletedUserMessageIds);

            telegram.UserSendsText(ChatId, Pin);
            await Scenario.ExpectAsync(telegram, ChatId, "👑 Владелец");

            var log = bot.Services.GetRequiredService<AuditLog>().ForUser(ChatId);
            Assert.Contains(log, s => s.Action == AuditActions.SignInPin && !s.Success);
            Assert.Contains(log, s => s.Action == AuditActions.SignInPin && s.Success);
            telegram.AssertNoErrors();
        }
    }

    [Fact]
    public async Task Five_wrong_PINs_lock_the_door()
    {
        await using var world = await TestWorld.StartAsync();
        await using (var bot = await BotUnderTest.StartAsync(world))
            await Scenario.OnboardAsync(world.Telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);

        await using (await BotUnderTest.StartAsync(world))
        {
            var telegram = world.Telegram;
            telegram.UserSendsText(ChatId, "/start");
            await Scenario.ExpectAsync(telegram, ChatId, "Осталось попыток: 5");
            for (var left = 4; left >= 1; left--)
            {
                telegram.UserSendsText(ChatId, "111111");
                await Scenario.ExpectAsync(telegram, ChatId, $"Осталось попыток: {left}");
            }
            telegram.UserSendsText(ChatId, "111111");
            await Scenario.ExpectAsync(telegram, ChatId, "Вход закрыт до");

            // Even the right PIN is refused while locked.
            telegram.UserSendsText(ChatId, Pin);
            await Task.Delay(500);
            Assert.DoesNotContain("👑 Владелец", telegram.Chat(ChatId).Latest!.Text);

            // The owner who forgot the PIN proves ownership with the token and sets a new PIN.
            telegram.UserTapsButton(ChatId, "Забыли PIN");
            await Scenario.ExpectAsync(telegram, ChatId, "Отправьте API-токен UZUM этого магазина");
            telegram.UserSendsText(ChatId, "sandbox-someone-else-entirely");
            await Scenario.ExpectAsync(telegram, ChatId, "не от вашего магазина");
            telegram.UserSendsText(ChatId, Token);
            await Scenario.ExpectAsync(telegram, ChatId, "Придумайте PIN");
            telegram.UserSendsText(ChatId, "975310");
            await Scenario.ExpectAsync(telegram, ChatId, "Повторите PIN");
            telegram.UserSendsText(ChatId, "９７５３１０"); // full-width digits are the same PIN
            await Scenario.ExpectAsync(telegram, ChatId, "👑 Владелец");
            // The refused right PIN redrew the same lock screen: "not modified" is the renderer's success case.
            telegram.AssertNoErrors(ignore: e => e.Description.Contains("message is not modified", StringComparison.Ordinal));
        }

        await using (await BotUnderTest.StartAsync(world))
        {
            var telegram = world.Telegram;
            telegram.UserSendsText(ChatId, "/start");
            await Scenario.ExpectAsync(telegram, ChatId, "Осталось попыток: 5");
            telegram.UserSendsText(ChatId, Pin);
            await Scenario.ExpectAsync(telegram, ChatId, "Осталось попыток: 4");
            telegram.UserSendsText(ChatId, "abcd");
            await Scenario.ExpectAsync(telegram, ChatId, "Попытка не засчитана");
            await Scenario.ExpectAsync(telegram, ChatId, "Осталось попыток: 4");
            telegram.UserSendsText(ChatId, "975310");
            await Scenario.ExpectAsync(telegram, ChatId, "👑 Владелец");
        }
    }

    [Fact]
    public async Task A_rejected_token_is_not_stored_and_the_user_is_told()
    {
        await using var world = await TestWorld.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(world);
        var telegram = world.Telegram;
        telegram.UserSendsText(ChatId, "/start");
        await Scenario.ExpectAsync(telegram, ChatId, "Выберите язык");
        telegram.UserTapsButton(ChatId, "Oʻzbekcha");
        await Scenario.ExpectAsync(telegram, ChatId, "Kirish kodini");
        telegram.UserSendsText(ChatId, bot.CreateOwnerCode());
        await Scenario.ExpectAsync(telegram, ChatId, "Nimani ulaymiz");
        telegram.UserTapsButton(ChatId, "UZUM Market");
        await Scenario.ExpectAsync(telegram, ChatId, "API tokenini");

        var message = telegram.UserSendsText(ChatId, "not-a-sandbox-token-12345");
        await Scenario.ExpectAsync(telegram, ChatId, "UZUM bu tokenni qabul qilmadi");
        Assert.Contains(message, telegram.Chat(ChatId).DeletedUserMessageIds);

        var inner = telegram.UserSendsText(ChatId, "sandbox-abc def");
        await Scenario.ExpectAsync(telegram, ChatId, "boʻsh joy");
        Assert.Contains(inner, telegram.Chat(ChatId).DeletedUserMessageIds);

        Assert.Empty(bot.Services.GetRequiredService<Database>().Tenants.FindAll());
        telegram.AssertNoErrors();
    }

    private static void AssertPage(byte[] pdf, double widthMm, double heightMm)
    {
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var pages = Scenario.PageSizesMm(pdf);
        Assert.NotEmpty(pages);
        Assert.All(pages, p =>
        {
            Assert.InRange(p.Width, widthMm - 0.5, widthMm + 0.5);
            Assert.InRange(p.Height, heightMm - 0.5, heightMm + 0.5);
        });
    }

    private static byte[] ReadAllDataFiles(TestWorld world) =>
        Directory.GetFiles(world.DataFolder, "uzumbot*").SelectMany(File.ReadAllBytes).ToArray();

    private static byte[] KeyBytes(DataKey key) => key.Bytes.ToArray();

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
