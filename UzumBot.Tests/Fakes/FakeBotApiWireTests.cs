using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Telegram.Bot;

namespace UzumBot.Tests.Fakes;

/// <summary>The fake on the wire (other request encodings) and its HTML parser on its own.</summary>
public sealed class FakeBotApiWireTests : IAsyncLifetime
{
    private FakeBotApi _fake = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _fake = await FakeBotApi.StartNewAsync(new FakeBotApiOptions { RateLimitEnabled = false });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private string Url(string method) => $"{_fake.BaseUrl}/bot{_fake.Token}/{method}";

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task Multipart_with_the_file_as_a_direct_part_is_accepted()
    {
        using var form = new MultipartFormDataContent("----fake-boundary");
        form.Add(new StringContent("77"), "chat_id");
        form.Add(new StringContent("<b>report</b>"), "caption");
        form.Add(new StringContent("HTML"), "parse_mode");
        var file = new ByteArrayContent([0x25, 0x50, 0x44, 0x46]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "document", "report.pdf");

        var response = await _http.PostAsync(Url("sendDocument"), form);
        var body = await Json(response);
        Assert.True(body["ok"]!.GetValue<bool>());
        Assert.Equal("report.pdf", body["result"]!["document"]!["file_name"]!.GetValue<string>());
        var doc = Assert.Single(_fake.Chat(77).Documents);
        Assert.Equal([0x25, 0x50, 0x44, 0x46], doc.Content);
        Assert.Equal("report", doc.Caption);
    }

    [Fact]
    public async Task Form_urlencoded_and_query_string_parameters_work()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "5", ["text"] = "hi",
            ["reply_markup"] = "{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"a\"}]]}",
        });
        var sent = await Json(await _http.PostAsync(Url("sendMessage"), form));
        Assert.Equal("a", sent["result"]!["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());

        var viaQuery = await Json(await _http.GetAsync(Url("sendMessage") + "?chat_id=5&text=second"));
        Assert.Equal(2, viaQuery["result"]!["message_id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Missing_parameters_are_bad_requests()
    {
        var noChat = await Json(await _http.PostAsync(Url("sendMessage"), new StringContent("{\"text\":\"x\"}", Encoding.UTF8, "application/json")));
        Assert.Equal("Bad Request: chat_id is empty", noChat["description"]!.GetValue<string>());
        var noText = await Json(await _http.PostAsync(Url("sendMessage"), new StringContent("{\"chat_id\":1}", Encoding.UTF8, "application/json")));
        Assert.Equal("Bad Request: message text is empty", noText["description"]!.GetValue<string>());
        Assert.Equal(2, _fake.Errors.Count);
    }

    [Fact]
    public async Task A_negative_offset_forgets_all_but_the_last_updates()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_fake.Token, baseUrl: _fake.BaseUrl));
        _fake.UserSendsText(1, "a");
        _fake.UserSendsText(1, "b");
        _fake.UserSendsText(1, "c");
        var last = Assert.Single(await bot.GetUpdates(offset: -1));
        Assert.Equal("c", last.Message!.Text);
        Assert.Equal(1, _fake.PendingUpdates);
    }

    [Fact]
    public async Task Disposing_ends_a_waiting_long_poll_quietly()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_fake.Token, baseUrl: _fake.BaseUrl));
        var poll = bot.GetUpdates(timeout: 30);
        await _fake.WaitForPollingAsync();
        await _fake.DisposeAsync();
        Assert.Empty(await poll.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Parser_counts_offsets_in_utf16_and_trims_outer_space()
    {
        Assert.True(TelegramHtml.TryParse("  😀 <b>жир</b>\n", strictAmpersand: true, out var parsed, out _));
        Assert.Equal("😀 жир", parsed.Text);
        Assert.Equal(new ParsedEntity("bold", 3, 3), Assert.Single(parsed.Entities));
    }

    [Fact]
    public void Parser_accepts_uppercase_tags_and_unquoted_values_and_ignores_unknown_attributes()
    {
        Assert.True(TelegramHtml.TryParse("<B>x</B> <a href='https://uzum.uz' title=t>y</a> <i>&#39;</i>", true, out var parsed, out var error), error);
        Assert.Equal("x y '", parsed.Text);
        Assert.Equal(["bold", "text_link", "italic"], parsed.Entities.Select(e => e.Type));
    }

    [Theory]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("<a href=\"x\"", "Unclosed start tag \"a\" at byte offset 0")]
    [InlineData("<b =x>y</b>", "Empty attribute name in the tag \"b\" at byte offset 0")]
    [InlineData("x</b >", "Unexpected end tag at byte offset 1")]
    [InlineData("&#xD800;", "Character '&' at byte offset 0 doesn't start an HTML entity")]
    [InlineData("<a href=https://uzum.uz>y</a>", "Unexpected end of name token at byte offset 8")]
    public void Parser_reports_telegrams_errors(string html, string expected)
    {
        Assert.False(TelegramHtml.TryParse(html, true, out _, out var error));
        Assert.StartsWith("can't parse entities: " + expected, error);
    }
}
