using System.Text;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace UzumBot.Tests.Fakes;

public sealed class FakeBotApiTests : IAsyncLifetime
{
    private const long ChatId = 4242;
    private FakeBotApi _fake = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotApi.StartNewAsync();
        _fake.Options.RateLimitEnabled = false; // the flood tests turn it back on
        _bot = Client(_fake);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    // No automatic retry on 429: the tests look at the error itself.
    private static TelegramBotClient Client(FakeBotApi fake) =>
        new(new TelegramBotClientOptions(fake.Token, baseUrl: fake.BaseUrl) { RetryThreshold = 0 });

    private static InlineKeyboardMarkup Keyboard(params (string Text, string Data)[] buttons) =>
        new(buttons.Select(b => new[] { InlineKeyboardButton.WithCallbackData(b.Text, b.Data) }));

    private async Task<ApiRequestException> BadRequest(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<ApiRequestException>(call);
        Assert.Equal(400, ex.ErrorCode);
        return ex;
    }

    [Fact]
    public void Token_is_not_shaped_like_a_real_one()
    {
        Assert.DoesNotMatch(@"^[0-9]{8,10}:[A-Za-z0-9_-]{35}$", _fake.Token);
        Assert.StartsWith("http://127.0.0.1:", _fake.BaseUrl);
    }

    [Fact]
    public async Task GetMe_send_edit_delete_round_trip_deserializes_in_TelegramBot()
    {
        var me = await _bot.GetMe();
        Assert.True(me.IsBot);
        Assert.Equal(_fake.BotId, me.Id);

        var sent = await _bot.SendMessage(ChatId, "<b>Заказы</b> &amp; товары", ParseMode.Html,
            replyMarkup: Keyboard(("Orders", "o:1"), ("Products", "p:1")));
        Assert.Equal(1, sent.Id);
        Assert.Equal("Заказы & товары", sent.Text);
        Assert.Equal(ChatId, sent.Chat.Id);
        Assert.Equal(ChatType.Private, sent.Chat.Type);
        Assert.True(sent.From!.IsBot);
        Assert.InRange(sent.Date, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        var bold = Assert.Single(sent.Entities!);
        Assert.Equal(MessageEntityType.Bold, bold.Type);
        Assert.Equal((0, 6), (bold.Offset, bold.Length));
        Assert.Equal("o:1", sent.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);

        var edited = await _bot.EditMessageText(ChatId, sent.Id, "<i>Page 2</i>", ParseMode.Html, replyMarkup: Keyboard(("Back", "b")));
        Assert.Equal(sent.Id, edited.Id);
        Assert.Equal("Page 2", edited.Text);
        Assert.NotNull(edited.EditDate);

        var markupOnly = await _bot.EditMessageReplyMarkup(ChatId, sent.Id, Keyboard(("Home", "h")));
        Assert.Equal("h", markupOnly.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);

        await _bot.SendChatAction(ChatId, ChatAction.UploadDocument);
        await _bot.SetMyCommands([new BotCommand { Command = "start", Description = "Начать" }]);
        await _bot.DeleteWebhook();
        var chat = await _bot.GetChat(ChatId);
        Assert.Equal(ChatId, chat.Id);

        await _bot.DeleteMessage(ChatId, sent.Id);

        var view = _fake.Chat(ChatId);
        var m = Assert.Single(view.BotMessages);
        Assert.True(m.Deleted);
        Assert.Equal(2, m.EditCount);
        Assert.Equal("<i>Page 2</i>", m.RawText);
        Assert.Equal("Home", Assert.Single(m.Buttons).Text);
        Assert.Equal("upload_document", Assert.Single(view.ChatActions).Action);
        Assert.Equal("start", Assert.Single(_fake.Commands).Command);
        Assert.True(_fake.DeleteWebhookCalled);
        _fake.AssertNoErrors();
    }

    [Fact]
    public async Task Callback_data_of_65_bytes_is_rejected_and_64_accepted()
    {
        var ok = new string('a', 64);
        await _bot.SendMessage(ChatId, "menu", replyMarkup: Keyboard(("ok", ok)));

        var ex = await BadRequest(() => _bot.SendMessage(ChatId, "menu", replyMarkup: Keyboard(("long", ok + "b"))));
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", ex.Message);

        // the case T1 value is 65 bytes too
        await BadRequest(() => _bot.SendMessage(ChatId, "menu",
            replyMarkup: Keyboard(("x", "orders:DELIVERED_TO_CUSTOMER_DELIVERY_POINT:shop:1234567:page:123"))));

        var errors = _fake.Chat(ChatId).Errors;
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(("sendMessage", 400, "Bad Request: BUTTON_DATA_INVALID"), (e.Method, e.ErrorCode, e.Description)));
        Assert.Single(_fake.Chat(ChatId).BotMessages);
    }

    [Fact]
    public async Task Cyrillic_callback_data_is_counted_in_bytes()
    {
        const string title = "Футболка хлопковая детская белая";
        Assert.Equal((32, 61), (title.Length, Encoding.UTF8.GetByteCount(title)));
        var data = "search:" + title; // the T1 value: 39 characters, 68 bytes
        Assert.Equal((39, 68), (data.Length, Encoding.UTF8.GetByteCount(data)));

        await _bot.SendMessage(ChatId, "found", replyMarkup: Keyboard(("Title alone fits", title))); // 61 bytes
        var ex = await BadRequest(() => _bot.SendMessage(ChatId, "again?", replyMarkup: Keyboard(("Search again", data))));
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", ex.Message);
    }

    [Fact]
    public async Task Empty_button_text_and_text_only_buttons_are_rejected()
    {
        await BadRequest(() => _bot.SendMessage(ChatId, "x", replyMarkup: Keyboard(("", "d"))));
        await BadRequest(() => _bot.SendMessage(ChatId, "x", replyMarkup: Keyboard(("x", ""))));
    }

    [Theory]
    [InlineData("<b>bold</i>", "Unmatched end tag")]
    [InlineData("<b>bold", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("Ali_<3", "Unclosed start tag at byte offset 4")]
    [InlineData("Ali_<3 joined", "Unsupported start tag \"3\" at byte offset 4")]
    [InlineData("price < 100", "Unsupported start tag \"\"")]
    [InlineData("Футболка <хлопок>", "Unsupported start tag \"хлопок\"")]
    [InlineData("line<br>break", "Unsupported start tag \"br\"")]
    [InlineData("AT&T", "Character '&'")]
    [InlineData("&nbsp;", "Character '&'")]
    [InlineData("&amp", "Character '&'")]
    [InlineData("</b>", "Unexpected end tag")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\"")]
    [InlineData("<a href=\"x>y</a>", "Unclosed start tag")]
    [InlineData("<b", "Unclosed start tag")]
    public async Task Malformed_html_is_rejected(string html, string expected)
    {
        var ex = await BadRequest(() => _bot.SendMessage(ChatId, html, ParseMode.Html));
        Assert.StartsWith("Bad Request: can't parse entities: ", ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.Empty(_fake.Chat(ChatId).BotMessages);
    }

    [Fact]
    public async Task Html_error_offsets_are_utf8_bytes()
    {
        var ex = await BadRequest(() => _bot.SendMessage(ChatId, "Ёж <x>", ParseMode.Html));
        Assert.Equal("Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 5", ex.Message);
    }

    [Fact]
    public async Task Well_formed_html_with_entities_is_accepted()
    {
        const string html = "<b>Футболка *NEW* [XL] &lt;хлопок&gt; &amp; 100% cotton_kids.</b> Ali_&lt;3 &#8470;1 &#x1F600; " +
                            "<a href=\"https://uzum.uz/?a=1&amp;b=2\">link</a> <code>x</code> <pre><code class=\"language-json\">{}</code></pre> " +
                            "<tg-spoiler>s</tg-spoiler> <span class=\"tg-spoiler\">t</span> <blockquote expandable>q</blockquote> &quot;";
        var sent = await _bot.SendMessage(ChatId, html, ParseMode.Html);
        Assert.StartsWith("Футболка *NEW* [XL] <хлопок> & 100% cotton_kids. Ali_<3 №1 😀 link x {}", sent.Text);
        Assert.EndsWith("\"", sent.Text);
        Assert.Contains(sent.Entities!, e => e.Type == MessageEntityType.TextLink && e.Url == "https://uzum.uz/?a=1&b=2");
        Assert.Contains(sent.Entities!, e => e.Type == MessageEntityType.Pre && e.Language == "json");
        Assert.Contains(sent.Entities!, e => e.Type == MessageEntityType.ExpandableBlockquote);
        Assert.Equal(2, sent.Entities!.Count(e => e.Type == MessageEntityType.Spoiler));
        _fake.AssertNoErrors();
    }

    [Fact]
    public async Task Lenient_ampersand_can_be_chosen()
    {
        _fake.Options.StrictAmpersand = false;
        var sent = await _bot.SendMessage(ChatId, "AT&T", ParseMode.Html);
        Assert.Equal("AT&T", sent.Text);
    }

    [Fact]
    public async Task Text_is_limited_to_4096_characters_after_entity_parsing()
    {
        await _bot.SendMessage(ChatId, new string('я', 4096));
        await _bot.SendMessage(ChatId, "<b>" + new string('x', 4090) + "</b>&lt;&gt;&amp;", ParseMode.Html); // 4093 visible

        var ex = await BadRequest(() => _bot.SendMessage(ChatId, new string('я', 4097)));
        Assert.Equal("Bad Request: message is too long", ex.Message);
        await BadRequest(() => _bot.SendMessage(ChatId, new string('x', 4094) + "&amp;&amp;&amp;", ParseMode.Html));
        await BadRequest(() => _bot.SendMessage(ChatId, new string('x', 4095) + "😀")); // UTF-16 code units

        var empty = await BadRequest(() => _bot.SendMessage(ChatId, "<b> </b>\n", ParseMode.Html));
        Assert.Equal("Bad Request: message text is empty", empty.Message);
    }

    [Fact]
    public async Task Identical_edit_is_message_is_not_modified()
    {
        var sent = await _bot.SendMessage(ChatId, "<b>Orders</b>", ParseMode.Html, replyMarkup: Keyboard(("Next", "n")));

        var ex = await BadRequest(() => _bot.EditMessageText(ChatId, sent.Id, "<strong>Orders</strong>", ParseMode.Html, replyMarkup: Keyboard(("Next", "n"))));
        Assert.Equal("Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message", ex.Message);
        await BadRequest(() => _bot.EditMessageReplyMarkup(ChatId, sent.Id, Keyboard(("Next", "n"))));

        // same text, other keyboard: fine; and an edit without reply_markup drops the keyboard
        await _bot.EditMessageText(ChatId, sent.Id, "<b>Orders</b>", ParseMode.Html, replyMarkup: Keyboard(("Prev", "p")));
        var noKeyboard = await _bot.EditMessageText(ChatId, sent.Id, "<b>Orders</b>", ParseMode.Html);
        Assert.Null(noKeyboard.ReplyMarkup);
        Assert.False(_fake.Chat(ChatId).Message(sent.Id)!.HasKeyboard);
    }

    [Fact]
    public async Task Editing_or_deleting_a_missing_message_is_not_found()
    {
        var edit = await BadRequest(() => _bot.EditMessageText(ChatId, 777, "x"));
        Assert.Equal("Bad Request: message to edit not found", edit.Message);
        var delete = await BadRequest(() => _bot.DeleteMessage(ChatId, 777));
        Assert.Equal("Bad Request: message to delete not found", delete.Message);

        var sent = await _bot.SendMessage(ChatId, "x");
        await _bot.DeleteMessage(ChatId, sent.Id);
        await BadRequest(() => _bot.DeleteMessage(ChatId, sent.Id));
        await BadRequest(() => _bot.EditMessageText(ChatId, sent.Id, "y"));
    }

    [Fact]
    public async Task The_bot_can_delete_the_users_message_but_not_edit_it()
    {
        int userMessage = _fake.UserSendsText(ChatId, "secret-token");
        await BadRequest(() => _bot.EditMessageText(ChatId, userMessage, "x"));
        await _bot.DeleteMessage(ChatId, userMessage);
        Assert.Equal([userMessage], _fake.Chat(ChatId).DeletedUserMessageIds);
    }

    [Fact]
    public async Task Forced_429_surfaces_retry_after()
    {
        _fake.ForceTooManyRequests(1, retryAfterSeconds: 7, chatId: ChatId);

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatId, "hello"));
        Assert.Equal(429, ex.ErrorCode);
        Assert.Equal(7, ex.Parameters?.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 7", ex.Message);

        await _bot.SendMessage(ChatId, "hello"); // only one was forced
        var error = Assert.Single(_fake.Errors);
        Assert.True(error.Forced);
        _fake.AssertNoErrors(); // forced ones are expected
        Assert.Throws<FakeBotApiAssertionException>(() => _fake.AssertNoErrors(includeForced: true));
    }

    [Fact]
    public async Task More_than_a_burst_to_one_chat_is_429_and_other_chats_are_not_affected()
    {
        _fake.Options.RateLimitEnabled = true;
        for (int i = 0; i < 3; i++) await _bot.SendMessage(ChatId, $"m{i}");

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatId, "m3"));
        Assert.Equal(429, ex.ErrorCode);
        Assert.Equal(1, ex.Parameters?.RetryAfter);
        await _bot.SendMessage(ChatId + 1, "another chat");

        await Task.Delay(TimeSpan.FromSeconds(1.05));
        await _bot.SendMessage(ChatId, "after waiting");
        Assert.Throws<FakeBotApiAssertionException>(() => _fake.AssertNoErrors());
    }

    [Fact]
    public async Task TelegramBot_retries_429_by_itself_when_its_threshold_allows()
    {
        var retrying = new TelegramBotClient(new TelegramBotClientOptions(_fake.Token, baseUrl: _fake.BaseUrl) { RetryThreshold = 5 });
        _fake.ForceTooManyRequests(1, retryAfterSeconds: 1);
        var sent = await retrying.SendMessage(ChatId, "eventually");
        Assert.Equal("eventually", sent.Text);
        Assert.Single(_fake.Errors);
    }

    [Fact]
    public async Task GetUpdates_long_poll_returns_an_update_queued_after_the_call_and_respects_offset()
    {
        var poll = _bot.GetUpdates(timeout: 10);
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);

        int messageId = _fake.UserSendsText(ChatId, "/start ref", firstName: "Dilnoza");
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(5));
        var update = Assert.Single(updates);
        Assert.Equal(UpdateType.Message, update.Type);
        Assert.Equal(messageId, update.Message!.Id);
        Assert.Equal("/start ref", update.Message.Text);
        Assert.Equal("Dilnoza", update.Message.From!.FirstName);
        Assert.Equal(ChatId, update.Message.Chat.Id);
        Assert.Equal(MessageEntityType.BotCommand, Assert.Single(update.Message.Entities!).Type);

        // not confirmed yet: delivered again
        Assert.Equal(update.Id, Assert.Single(await _bot.GetUpdates()).Id);

        _fake.UserSendsText(ChatId, "second");
        var next = await _bot.GetUpdates(offset: update.Id + 1);
        Assert.Equal("second", Assert.Single(next).Message!.Text);

        var confirmed = await _bot.GetUpdates(offset: next[0].Id + 1, timeout: 0);
        Assert.Empty(confirmed);
        Assert.Equal(0, _fake.PendingUpdates);
        Assert.True(_fake.GetUpdatesCalls >= 4);
        Assert.NotNull(_fake.FirstGetUpdatesAt);
    }

    [Fact]
    public async Task GetUpdates_times_out_empty_and_filters_allowed_updates()
    {
        var started = DateTime.UtcNow;
        Assert.Empty(await _bot.GetUpdates(timeout: 1));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9));

        _fake.UserSendsText(ChatId, "text");
        var sent = await _bot.SendMessage(ChatId, "menu", replyMarkup: Keyboard(("Go", "go")));
        _fake.UserTaps(ChatId, sent.Id, "go");
        var updates = await _bot.GetUpdates(allowedUpdates: [UpdateType.CallbackQuery]);
        Assert.Equal(UpdateType.CallbackQuery, Assert.Single(updates).Type);
    }

    [Fact]
    public async Task A_second_poller_gets_409_conflict()
    {
        var other = Client(_fake);
        var first = _bot.GetUpdates(timeout: 10);
        await Task.Delay(100);
        var second = other.GetUpdates(timeout: 1);

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        Assert.Equal(409, ex.ErrorCode);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", ex.Message);
        await second;
    }

    [Fact]
    public async Task A_webhook_blocks_polling_until_deleteWebhook()
    {
        _fake.WebhookUrl = "https://old.example/hook";
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetUpdates());
        Assert.Equal(409, ex.ErrorCode);
        await _bot.DeleteWebhook();
        Assert.Empty(await _bot.GetUpdates());
        Assert.Equal(1, _fake.DeleteWebhookCalls);
    }

    [Fact]
    public async Task Callback_query_carries_the_current_message_and_can_be_answered_once()
    {
        var sent = await _bot.SendMessage(ChatId, "<b>Menu</b>", ParseMode.Html, replyMarkup: Keyboard(("📦 Orders", "o"), ("Products", "p")));
        var queryId = _fake.UserTapsButton(ChatId, "orders");

        var update = Assert.Single(await _bot.GetUpdates());
        var query = update.CallbackQuery!;
        Assert.Equal(queryId, query.Id);
        Assert.Equal("o", query.Data);
        Assert.Equal(ChatId, query.From.Id);
        Assert.Equal(sent.Id, query.Message!.Id);
        Assert.Equal("Menu", query.Message.Text);
        Assert.Equal("p", query.Message.ReplyMarkup!.InlineKeyboard.ElementAt(1).First().CallbackData);

        await _bot.AnswerCallbackQuery(queryId, "Preparing the label…");
        var again = await BadRequest(() => _bot.AnswerCallbackQuery(queryId));
        Assert.Equal("Bad Request: query is too old and response timeout expired or query ID is invalid", again.Message);
        await BadRequest(() => _bot.AnswerCallbackQuery("12345"));

        var answered = await _fake.WaitForCallbackAnswerAsync(ChatId, queryId);
        Assert.Equal("Preparing the label…", answered.AnswerText);
        Assert.Single(_fake.Chat(ChatId).Errors, e => e.Method == "answerCallbackQuery"); // the unknown id belongs to no chat
        Assert.Equal(2, _fake.Errors.Count(e => e.Method == "answerCallbackQuery"));
    }

    [Fact]
    public async Task A_late_answer_is_query_too_old()
    {
        _fake.Options.CallbackQueryLifetime = TimeSpan.FromMilliseconds(100);
        var sent = await _bot.SendMessage(ChatId, "menu", replyMarkup: Keyboard(("Label", "l")));
        var queryId = _fake.UserTaps(ChatId, sent.Id, "l");
        await Task.Delay(300);
        await BadRequest(() => _bot.AnswerCallbackQuery(queryId));
    }

    [Fact]
    public async Task Tapping_a_missing_button_throws_with_a_dump_of_the_chat()
    {
        _fake.UserSendsText(ChatId, "/start");
        var sent = await _bot.SendMessage(ChatId, "menu", replyMarkup: Keyboard(("Orders", "o")));

        var ex = Assert.Throws<FakeBotApiAssertionException>(() => _fake.UserTapsButton(ChatId, "Finance"));
        Assert.Contains("[Orders | o]", ex.Message);
        Assert.Contains("user 4242: \"/start\"", ex.Message);
        Assert.Throws<FakeBotApiAssertionException>(() => _fake.UserTaps(ChatId, sent.Id, "f"));
        Assert.Throws<FakeBotApiAssertionException>(() => _fake.UserTaps(ChatId, 99, "o"));
        _fake.UserTaps(ChatId, 99, "o", requireButton: false); // a stale client may still tap
    }

    [Fact]
    public async Task SendDocument_multipart_is_captured_with_name_bytes_and_caption()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        using var stream = new MemoryStream(pdf);
        var sent = await _bot.SendDocument(ChatId, InputFile.FromStream(stream, "label-12345-LARGE-58x40.pdf"),
            caption: "Label for <b>#12345</b>", parseMode: ParseMode.Html, replyMarkup: Keyboard(("Back", "b")));

        Assert.Equal("label-12345-LARGE-58x40.pdf", sent.Document!.FileName);
        Assert.Equal("application/pdf", sent.Document.MimeType);
        Assert.Equal(pdf.Length, sent.Document.FileSize);
        Assert.Equal("Label for #12345", sent.Caption);

        var doc = Assert.Single(_fake.Chat(ChatId).Documents);
        Assert.Equal("label-12345-LARGE-58x40.pdf", doc.FileName);
        Assert.Equal(pdf, doc.Content);
        Assert.Equal("Label for #12345", doc.Caption);

        // resend by file_id; a caption over 1024 is refused
        var again = await _bot.SendDocument(ChatId, InputFile.FromFileId(sent.Document.FileId));
        Assert.Equal(sent.Document.FileId, again.Document!.FileId);
        using var stream2 = new MemoryStream(pdf);
        var ex = await BadRequest(() => _bot.SendDocument(ChatId, InputFile.FromStream(stream2, "x.pdf"), caption: new string('c', 1025)));
        Assert.Equal("Bad Request: message caption is too long", ex.Message);
        _fake.AssertNoErrors(ignore: e => e.Description.Contains("caption", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendPhoto_checks_the_image()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        using var ok = new MemoryStream(png);
        var sent = await _bot.SendPhoto(ChatId, InputFile.FromStream(ok, "chart.png"));
        Assert.NotEmpty(sent.Photo!);
        using var bad = new MemoryStream(Encoding.ASCII.GetBytes("not an image"));
        await BadRequest(() => _bot.SendPhoto(ChatId, InputFile.FromStream(bad, "chart.png")));
    }

    [Fact]
    public async Task Unknown_method_is_404_and_a_wrong_token_is_401()
    {
        using var http = new HttpClient();
        var unknown = await http.PostAsync($"{_fake.BaseUrl}/bot{_fake.Token}/sendTelepathy", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}", await unknown.Content.ReadAsStringAsync());

        var stranger = new TelegramBotClient(new TelegramBotClientOptions("999:other", baseUrl: _fake.BaseUrl));
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());
        Assert.Equal(401, ex.ErrorCode);
    }

    [Fact]
    public async Task A_blocked_chat_answers_403_until_the_user_writes_again()
    {
        _fake.UserBlocksBot(ChatId);
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatId, "summary"));
        Assert.Equal(403, ex.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", ex.Message);
        _fake.UserSendsText(ChatId, "/start");
        await _bot.SendMessage(ChatId, "welcome back");
    }

    [Fact]
    public async Task A_TelegramBot_polling_loop_runs_a_conversation_through_the_driving_api()
    {
        using var cts = new CancellationTokenSource();
        _bot.StartReceiving(
            async (bot, update, ct) =>
            {
                if (update.Message is { } m)
                    await bot.SendMessage(m.Chat.Id, $"Hello, <b>{System.Net.WebUtility.HtmlEncode(m.From!.FirstName)}</b>",
                        ParseMode.Html, replyMarkup: Keyboard(("Orders", "orders")), cancellationToken: ct);
                else if (update.CallbackQuery is { } q)
                {
                    await bot.AnswerCallbackQuery(q.Id, "Loading…", cancellationToken: ct);
                    await bot.EditMessageText(q.Message!.Chat.Id, q.Message.Id, "No orders yet", cancellationToken: ct);
                }
            },
            (_, _, _) => Task.CompletedTask,
            new ReceiverOptions { AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery], DropPendingUpdates = true },
            cts.Token);
        await _fake.WaitForPollingAsync();

        _fake.UserSendsText(ChatId, "/start", firstName: "Ali_<3");
        var menu = await _fake.WaitForMessageAsync(ChatId, "Hello, Ali_<3");
        Assert.Equal("Hello, <b>Ali_&lt;3</b>", menu.RawText);

        var queryId = _fake.UserTapsButton(ChatId, "Orders");
        var view = await _fake.WaitForAsync(ChatId, v => v.Message(menu.MessageId)!.Text == "No orders yet");
        Assert.Equal("Loading…", view.Callbacks.Single(c => c.QueryId == queryId).AnswerText);
        Assert.False(view.Message(menu.MessageId)!.HasKeyboard);

        await _fake.WaitForQuietAsync(TimeSpan.FromMilliseconds(100));
        cts.Cancel();
        _fake.AssertNoErrors();
    }

    [Fact]
    public async Task WaitFor_times_out_with_the_chat_dump()
    {
        await _bot.SendMessage(ChatId, "only this");
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => _fake.WaitForMessageAsync(ChatId, "never", TimeSpan.FromMilliseconds(200)));
        Assert.Contains("only this", ex.Message);
    }
}
