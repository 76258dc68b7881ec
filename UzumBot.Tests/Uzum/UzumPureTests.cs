using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UzumBot.Hosting;
using UzumBot.Uzum;

namespace UzumBot.Tests.Uzum;

public class UzumQueryTests
{
    [Fact]
    public void U5_arrays_are_repeated_keys_never_csv_or_indexed()
    {
        var q = new UzumQuery().AddEach("shopIds", [101L, 202L]).Add("status", "CREATED").ToString();

        Assert.Equal("shopIds=101&shopIds=202&status=CREATED", q);
        Assert.DoesNotContain("%2C", q);
        Assert.DoesNotContain(",", q);
        Assert.DoesNotContain("[", q);
        Assert.DoesNotContain("%5B", q);
    }

    [Fact]
    public void Search_query_with_cyrillic_spaces_and_ampersand_round_trips()
    {
        const string search = "Футболка *NEW* [XL] & 100% cotton_kids";
        var q = new UzumQuery().Add("page", 0).Add("searchQuery", search).Add("size", 100).ToString();

        Assert.DoesNotContain(" ", q);
        Assert.Equal(3, q.Split('&').Length); // the inner '&' is encoded
        var parsed = QueryHelpers.ParseQuery(q);
        Assert.Equal(search, parsed["searchQuery"].ToString());
        Assert.Equal("100", parsed["size"].ToString());
        Assert.Contains("%D0%A4", q); // UTF-8 percent-encoding of 'Ф'
    }

    [Fact]
    public void Nulls_are_left_out_and_an_empty_query_adds_no_question_mark()
    {
        Assert.Equal("v1/shops", new UzumQuery().Add("x", (string?)null).Add("y", (long?)null).AppendTo("v1/shops"));
        Assert.Equal("v1/x?group=false", new UzumQuery().Add("group", false).AppendTo("v1/x"));
    }
}

public class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 8, 12, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seconds_form() =>
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.From(RetryConditionHeaderValue.Parse("7"), Now));

    [Fact]
    public void Http_date_form_is_relative_to_now() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.From(new RetryConditionHeaderValue(Now.AddSeconds(30)), Now));

    [Fact]
    public void Past_date_means_no_wait_and_absent_header_means_null()
    {
        Assert.Equal(TimeSpan.Zero, RetryAfter.From(new RetryConditionHeaderValue(Now.AddSeconds(-5)), Now));
        Assert.Null(RetryAfter.From(null, Now));
    }
}

public class UzumThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 8, 12, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Second_request_of_a_token_waits_the_interval()
    {
        var time = new FakeTimeProvider(Start);
        var throttle = new UzumThrottle(TimeSpan.FromMilliseconds(200), time);

        await throttle.WaitAsync(CancellationToken.None); // first: immediate
        var second = throttle.WaitAsync(CancellationToken.None);
        var third = throttle.WaitAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(200));
        await third;
    }

    [Fact]
    public async Task Pause_holds_back_every_later_request_of_the_token()
    {
        var time = new FakeTimeProvider(Start);
        var throttle = new UzumThrottle(TimeSpan.FromMilliseconds(100), time);
        await throttle.WaitAsync(CancellationToken.None);

        throttle.Pause(TimeSpan.FromSeconds(3));
        var next = throttle.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(2_999));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await next;
    }

    [Fact]
    public void Registry_shares_one_throttle_per_token_and_never_keys_by_the_raw_token()
    {
        var registry = new UzumThrottleRegistry(Options.Create(new UzumOptions { MinRequestIntervalMs = 200 }), TimeProvider.System);
        var a = new UzumToken("token-A-secret-value");

        Assert.Same(registry.For(a), registry.For(new UzumToken("token-A-secret-value")));
        Assert.NotSame(registry.For(a), registry.For(new UzumToken("token-B-secret-value")));
        Assert.Equal(TimeSpan.FromMilliseconds(200), registry.For(a).Interval);
        var key = UzumThrottleRegistry.Fingerprint(a);
        Assert.DoesNotContain("secret", key);
        Assert.DoesNotContain(a.Value[^4..], key);
    }
}

public class LabelDocumentsTests
{
    internal static string Pdf(string marker) => Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n" + marker + "\n%%EOF"));

    private static JsonElement Payload(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void U7_single_string_document()
    {
        var pdfs = LabelDocuments.Decode(HttpStatusCode.OK, Payload($$"""{"document":"{{Pdf("one")}}"}"""), 1);
        Assert.Single(pdfs);
        Assert.Contains("one", Encoding.ASCII.GetString(pdfs[0]));
    }

    [Fact]
    public void U7_array_of_documents_keeps_order()
    {
        var pdfs = LabelDocuments.Decode(HttpStatusCode.OK, Payload($$"""{"document":["{{Pdf("p1")}}","{{Pdf("p2")}}"]}"""), 1);
        Assert.Equal(2, pdfs.Count);
        Assert.Contains("p1", Encoding.ASCII.GetString(pdfs[0]));
        Assert.Contains("p2", Encoding.ASCII.GetString(pdfs[1]));
    }

    [Theory]
    [InlineData("""{"document":"PGh0bWw+PC9odG1sPg=="}""")]          // base64 of <html></html>
    [InlineData("""{"document":["JVBERi0x", "bm90IGEgcGRm"]}""")]    // second is "not a pdf"
    [InlineData("""{"document":"%%% not base64 %%%"}""")]
    [InlineData("""{"document":[]}""")]
    [InlineData("""{"document":null}""")]
    public void U7_anything_but_base64_pdfs_is_rejected(string payload)
    {
        var ex = Assert.Throws<UzumInvalidResponseException>(() => LabelDocuments.Decode(HttpStatusCode.OK, Payload(payload), 42));
        Assert.Contains("42", ex.Message);
    }
}
