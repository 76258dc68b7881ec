using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using UzumBot.Features;
using UzumBot.Storage;
using UzumBot.Tests.Fakes;

namespace UzumBot.Tests.EndToEnd;

/// <summary>The operator's /admin through the real host: an owner code, a new seller on trial, a plan change; nobody else gets in.</summary>
public sealed partial class AdminTests
{
    private const long OperatorChat = 700_400;
    private const long SellerChat = 700_401;
    private const long StrangerChat = 700_402;
    private const string Token = "sandbox-admin-Qw8Lk2";
    private const string Pin = "583920";

    [Fact]
    public async Task The_operator_issues_an_owner_code_sees_the_new_client_and_moves_it_to_CORPORATE_and_nobody_else_can()
    {
        await using var world = await TestWorld.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(world, new Dictionary<string, string?> { ["Bot:AdminIds:0"] = OperatorChat.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var telegram = world.Telegram;
        var db = bot.Services.GetRequiredService<Database>();

        // The operator opens /admin and creates a one-use owner code.
        telegram.UserSendsText(OperatorChat, "/admin");
        await Scenario.ExpectAsync(telegram, OperatorChat, "Клиентов: 0");
        telegram.UserTapsButton(OperatorChat, "Код владельца");
        await Scenario.ExpectAsync(telegram, OperatorChat, "сколько дней код действует");
        telegram.UserTapsButton(OperatorChat, "1 вход · 7 дней");
        var shown = await Scenario.ExpectAsync(telegram, OperatorChat, "🔑 Код владельца:");
        var code = CodePattern().Match(shown.Text).Value;
        Assert.NotEmpty(code);
        Assert.Contains($"<code>{code}</code>", shown.RawText);
        Assert.Contains($"https://t.me/{telegram.Options.BotUsername}?start={code}", shown.Text);
        Assert.Single(telegram.Chat(OperatorChat).Visible, m => m.Text.Contains(code, StringComparison.Ordinal));

        // A seller onboards with it: a new tenant on a 14-day BUSINESS trial.
        await Scenario.OnboardAsync(telegram, SellerChat, code, Token, Pin);
        var tenantId = db.Members.FindById(SellerChat).TenantId;
        var tenant = db.Tenants.FindById(tenantId);
        Assert.Equal(Plans.Business, tenant.Plan);
        Assert.NotNull(tenant.TrialEndsAt);
        Assert.InRange(tenant.TrialEndsAt.Value - DateTime.UtcNow, Plans.TrialLength - TimeSpan.FromMinutes(5), Plans.TrialLength);
        Assert.Equal(Plans.Business, Plans.Effective(tenant, DateTimeOffset.UtcNow));
        var shop = tenant.Shops[0].Name;
        var codeMessage = shown.MessageId;

        // The operator finds it among the clients and switches it to CORPORATE.
        telegram.UserTapsButton(OperatorChat, "Панель оператора");
        await Scenario.ExpectAsync(telegram, OperatorChat, "Клиентов: 1 · участников: 1");
        telegram.UserTapsButton(OperatorChat, "Клиенты");
        var list = await Scenario.ExpectAsync(telegram, OperatorChat, shop);
        Assert.Contains("BUSINESS · пробный до", list.Text);
        telegram.UserTapsButton(OperatorChat, "1. ");
        await Scenario.ExpectAsync(telegram, OperatorChat, "Что даёт каждый тариф");
        telegram.UserTapsButton(OperatorChat, "CORPORATE");
        await Scenario.ExpectAsync(telegram, OperatorChat, "Тариф: CORPORATE\n");

        tenant = db.Tenants.FindById(tenantId);
        Assert.Equal(Plans.Corporate, tenant.Plan);
        Assert.Null(tenant.TrialEndsAt);
        var change = Assert.Single(db.Audit.Find(a => a.Action == AuditActions.PlanChanged));
        Assert.Equal((tenantId, OperatorChat, "BUSINESS→CORPORATE"), (change.TenantId, change.UserId, change.Detail));

        // A member who is not an operator typing /admin gets the normal menu; a stranger gets the welcome.
        await ExpectNewMessageAsync(telegram, SellerChat, () => telegram.UserSendsText(SellerChat, "/admin"), "Владелец");
        await ExpectNewMessageAsync(telegram, StrangerChat, () => telegram.UserSendsText(StrangerChat, "/admin"), "Выберите язык");

        telegram.AssertNoErrors();

        // Forged operator taps from both change nothing.
        var codesBefore = db.AccessCodes.Count();
        var menuMessage = telegram.Chat(SellerChat).LatestWithKeyboard!.MessageId;
        var strangerMessage = telegram.Chat(StrangerChat).LatestWithKeyboard!.MessageId;
        var forged = new List<(long Chat, string Query)>();
        foreach (var data in new[] { $"1:adp:{tenantId}:FREE:0", "1:adn:0", "1:adl:0", "1:ad" })
        {
            forged.Add((SellerChat, telegram.UserTaps(SellerChat, menuMessage, data, requireButton: false)));
            forged.Add((StrangerChat, telegram.UserTaps(StrangerChat, strangerMessage, data, requireButton: false)));
        }
        foreach (var (chat, query) in forged) await telegram.WaitForCallbackAnswerAsync(chat, query, Scenario.Step);
        await telegram.WaitForQuietAsync(TimeSpan.FromMilliseconds(300));

        tenant = db.Tenants.FindById(tenantId);
        Assert.Equal(Plans.Corporate, tenant.Plan);
        Assert.Null(tenant.TrialEndsAt);
        Assert.Single(db.Audit.Find(a => a.Action == AuditActions.PlanChanged));
        Assert.Equal(codesBefore, db.AccessCodes.Count());
        foreach (var chat in new[] { SellerChat, StrangerChat })
        {
            var view = telegram.Chat(chat);
            Assert.DoesNotContain(view.BotMessages, m => m.Text.Contains("Оператор", StringComparison.Ordinal) || m.Text.Contains("Клиентов", StringComparison.Ordinal));
            Assert.DoesNotContain(view.BotMessages.SelectMany(m => m.Buttons), b => b.CallbackData?.StartsWith("1:ad", StringComparison.Ordinal) == true);
        }

        // The code stayed where it was shown, once; the panel went on in a message of its own.
        var operatorView = telegram.Chat(OperatorChat);
        Assert.Contains(code, operatorView.Message(codeMessage)!.Text);
        Assert.Single(operatorView.Visible, m => m.Text.Contains(code, StringComparison.Ordinal));
        Assert.All(telegram.Chat(OperatorChat).Callbacks, c => Assert.True(c.Answered, $"callback {c.Data} was not answered"));
        // A forged tap redraws the screen the chat already shows (menu, welcome); Telegram answers such an edit with
        // "message is not modified", which the renderer takes as success. That, and nothing else, is allowed here.
        telegram.AssertNoErrors(ignore: e => e.ChatId is SellerChat or StrangerChat && e.Method == "editMessageText" && e.Description.Contains("message is not modified", StringComparison.Ordinal));
        foreach (var spelling in new[] { code, code.Replace("-", "", StringComparison.Ordinal) })
        {
            var leak = bot.Logs.All.Split('\n').FirstOrDefault(line => line.Contains(spelling, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"The code is in the log: {leak}");
        }
    }

    /// <summary>Does something and waits for the bot's answer as a new message containing the text.</summary>
    private static async Task ExpectNewMessageAsync(FakeBotApi telegram, long chatId, Action act, string textContains)
    {
        var before = telegram.Chat(chatId).BotMessages.Count;
        act();
        var view = await telegram.WaitForAsync(chatId, c => c.BotMessages.Count > before && c.BotMessages[^1].Text.Contains(textContains, StringComparison.Ordinal), Scenario.Step);
        Assert.DoesNotContain("Оператор", view.BotMessages[^1].Text, StringComparison.Ordinal);
    }

    [GeneratedRegex("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex CodePattern();
}
