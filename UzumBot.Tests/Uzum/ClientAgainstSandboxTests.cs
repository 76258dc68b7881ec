using System.Diagnostics;
using System.Net;
using System.Text;
using UzumBot.Hosting;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.Uzum;

/// <summary>
/// The real <see cref="UzumClient"/> against the real <see cref="SandboxServer"/>: retries, timeouts, POSTs sent once
/// and reconciled, status/paging/shopIds on the wire, typed errors, labels and finance dates — asserted on the
/// sandbox's own request log and data, not on a script written for the test.
/// </summary>
public class ClientAgainstSandboxTests
{
    private static readonly UzumToken Token = SandboxClientHarness.Token;
    private static readonly CancellationToken None = CancellationToken.None;

    private static List<SandboxRequest> Exact(SandboxServer sandbox, string method, string path) =>
        sandbox.RequestLog.Entries.Where(e => e.Method == method && e.Path == path).OrderBy(e => e.ArrivedAt).ToList();

    private static SandboxOrder CreatedFbsOrder(SandboxSellerData seller)
    {
        lock (seller.Gate)
            return seller.Orders.First(o => o.Status == OrderStatuses.Created && !o.IsDbs && o.AcceptUntil > DateTimeOffset.UtcNow.AddMinutes(5));
    }

    private static string StatusOf(SandboxSellerData seller, long orderId)
    {
        lock (seller.Gate) return seller.FindOrder(orderId)!.Status;
    }

    // ---- 1-4: GET retries -----------------------------------------------------------------------------------

    [Fact]
    public async Task Get_is_retried_on_sandbox_500_then_503_and_succeeds_on_the_third_attempt()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        h.Sandbox.Faults.FailNext("GET", "/v1/shops", 1, 500);
        h.Sandbox.Faults.FailNext("GET", "/v1/shops", 1, 503);

        var shops = await h.Client.GetShopsAsync(Token, None);

        Assert.Equal(h.Seller.Shops.Select(s => s.Id), shops.Select(s => s.Id));
        Assert.Equal([500, 503, 200], Exact(h.Sandbox, "GET", "/v1/shops").Select(e => e.Status));
    }

    [Fact]
    public async Task Get_that_keeps_failing_gives_up_after_MaxGetAttempts_as_unavailable()
    {
        // The sandbox's 5xx carry an errors[] envelope (code internal-error), as a gateway's error page may:
        // that is still "UZUM is down", not "UZUM refused" — callers show "temporarily unavailable" for it.
        await using var h = await SandboxClientHarness.StartAsync(uzum: new Dictionary<string, string?> { ["MaxGetAttempts"] = "3" });
        h.Sandbox.Faults.FailNext("GET", "/v1/shops", 10, 503);

        var ex = await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.GetShopsAsync(Token, None));

        Assert.Contains("503", ex.Message);
        Assert.Equal([503, 503, 503], Exact(h.Sandbox, "GET", "/v1/shops").Select(e => e.Status));
    }

    [Fact]
    public async Task Count_of_one_status_that_fails_with_500_is_unavailable_not_an_api_refusal()
    {
        await using var h = await SandboxClientHarness.StartAsync(uzum: new Dictionary<string, string?> { ["MaxGetAttempts"] = "2" });
        var shop = h.Seller.Shops[0].Id;
        h.Sandbox.Faults.FailNext("GET", "/v2/fbs/orders", 2, 500);

        var ex = await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.GetOrdersAsync(Token, [shop], OrderStatuses.Created, 0, 1, None));

        Assert.Contains("internal-error", ex.Message); // UZUM's code is kept for the log
        Assert.Equal(2, Exact(h.Sandbox, "GET", "/v2/fbs/orders").Count);
    }

    [Fact]
    public async Task Get_that_times_out_is_retried_and_the_second_attempt_succeeds()
    {
        await using var h = await SandboxClientHarness.StartAsync(uzum: new Dictionary<string, string?> { ["AttemptTimeoutSeconds"] = "1" });
        h.Sandbox.Faults.DelayNext("GET", "/v1/shops", TimeSpan.FromSeconds(2.5));
        var sw = Stopwatch.StartNew();

        var shops = await h.Client.GetShopsAsync(Token, None);

        sw.Stop();
        Assert.NotEmpty(shops);
        // It cannot finish before the 1 s attempt timeout fired (arrival gaps at a busy sandbox are no measure of that).
        Assert.True(sw.Elapsed.TotalSeconds >= 0.9, $"finished after {sw.Elapsed.TotalMilliseconds:0} ms: no timeout happened");
        var entries = await h.WaitForLogAsync("GET", "/v1/shops", 2, TimeSpan.FromSeconds(5));
        Assert.Equal(2, entries.Count);
        var (first, second) = (entries.MinBy(e => e.ArrivedAt)!, entries.MaxBy(e => e.ArrivedAt)!);
        Assert.Equal(200, second.Status);
        Assert.NotEqual(200, first.Status); // the abandoned attempt (logged 499 when the client hung up)
    }

    // ---- 5-6: POSTs sent once, reconciled by reading back (S3) ----------------------------------------------

    [Fact]
    public async Task S3_confirm_that_fails_with_500_is_sent_once_and_the_order_stays_CREATED()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        var order = CreatedFbsOrder(h.Seller);
        var path = $"/v1/fbs/order/{order.Id}/confirm";
        h.Sandbox.Faults.FailNext("POST", path, 1, 500);

        await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.ConfirmOrderAsync(Token, order.Id, None));

        Assert.Equal([500], Exact(h.Sandbox, "POST", path).Select(e => e.Status));
        var readBack = await h.Client.TryReadOrderAsync(Token, order.Id, None);
        Assert.Equal(OrderStatuses.Created, readBack!.Status);
        Assert.Equal(OrderStatuses.Created, StatusOf(h.Seller, order.Id));

        // the seller taps "confirm" again by hand: one more POST, now applied
        var confirmed = await h.Client.ConfirmOrderAsync(Token, order.Id, None);
        Assert.Equal(OrderStatuses.Packing, confirmed!.Status);
        Assert.Equal([500, 200], Exact(h.Sandbox, "POST", path).Select(e => e.Status));
    }

    [Fact]
    public async Task S3_cancel_applied_but_answered_504_is_not_retried_reads_back_CANCELED_and_a_second_cancel_is_success()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        var order = CreatedFbsOrder(h.Seller);
        var path = $"/v1/fbs/order/{order.Id}/cancel";
        h.Sandbox.Faults.FailAfterApplying("POST", path, 1, 504);

        await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.CancelOrderAsync(Token, order.Id, "OUT_OF_STOCK", null, None));

        Assert.Equal([504], Exact(h.Sandbox, "POST", path).Select(e => e.Status));
        Assert.Equal(OrderStatuses.Canceled, StatusOf(h.Seller, order.Id)); // the sandbox did apply it
        var readBack = await h.Client.TryReadOrderAsync(Token, order.Id, None);
        Assert.Equal(OrderStatuses.Canceled, readBack!.Status);               // the reconcile path sees it

        await h.Client.CancelOrderAsync(Token, order.Id, "OUT_OF_STOCK", null, None); // seller-order-13 → success

        Assert.Equal([504, 400], Exact(h.Sandbox, "POST", path).Select(e => e.Status));
    }

    // ---- 7-9: status, paging, shopIds on the wire (U3, U4, U5) ----------------------------------------------

    [Fact]
    public async Task U3_all_CANCELED_orders_send_status_CANCELED_only_and_a_misspelt_status_never_leaves_the_process()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        var shop = h.Seller.Shops[0].Id;
        int expected;
        lock (h.Seller.Gate) expected = h.Seller.Orders.Count(o => o.ShopId == shop && o.Status == OrderStatuses.Canceled);

        var all = await h.Client.GetAllOrdersAsync(Token, [shop], OrderStatuses.Canceled, 500, None);

        Assert.True(expected > 0);
        Assert.Equal(expected, all.Items.Count);
        Assert.All(all.Items, o => Assert.Equal(OrderStatuses.Canceled, o.Status));
        var sent = Exact(h.Sandbox, "GET", "/v2/fbs/orders");
        Assert.NotEmpty(sent);
        Assert.All(sent, e => Assert.Equal(["CANCELED"], e.QueryValues("status")));
        Assert.All(sent, e => Assert.Equal(200, e.Status));

        var before = h.Sandbox.RequestLog.Entries.Count;
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.GetAllOrdersAsync(Token, [shop], "CANCELLED", 500, None));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.CountOrdersAsync(Token, [shop], "CANCELLED", None));
        Assert.Equal(before, h.Sandbox.RequestLog.Entries.Count);
        Assert.DoesNotContain(h.Sandbox.RequestLog.Entries, e => e.Query.Contains("CANCELLED", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task U4_more_than_one_page_of_CREATED_orders_comes_back_whole_and_a_cap_truncates_explicitly()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        var shop = h.Seller.Shops[0].Id;
        List<long> expected;
        lock (h.Seller.Gate)
            expected = h.Seller.Orders.Where(o => o.ShopId == shop && o.Status == OrderStatuses.Created).Select(o => o.Id).ToList();
        Assert.InRange(expected.Count, 60, 99); // more than one page, fewer than two

        var all = await h.Client.GetAllOrdersAsync(Token, [shop], OrderStatuses.Created, 500, None);

        Assert.False(all.Truncated);
        Assert.Equal(expected.Order(), all.Items.Select(o => o.Id).Order());
        var pages = Exact(h.Sandbox, "GET", "/v2/fbs/orders");
        Assert.Equal(["0", "1"], pages.Select(e => Assert.Single(e.QueryValues("page"))));
        Assert.All(pages, e => Assert.Equal(["50"], e.QueryValues("size")));
        Assert.All(pages, e => Assert.Equal(200, e.Status));

        h.Sandbox.RequestLog.Clear();
        var capped = await h.Client.GetAllOrdersAsync(Token, [shop], OrderStatuses.Created, 30, None);

        Assert.True(capped.Truncated);
        Assert.Equal(30, capped.Items.Count);
        Assert.Equal(30, capped.Items.Select(o => o.Id).Distinct().Count());
        Assert.Subset(expected.ToHashSet(), capped.Items.Select(o => o.Id).ToHashSet());
        Assert.Equal(["0"], Exact(h.Sandbox, "GET", "/v2/fbs/orders").Select(e => Assert.Single(e.QueryValues("page"))));
    }

    [Fact]
    public async Task U5_two_shops_go_out_as_repeated_shopIds_keys_and_both_shops_orders_come_back()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        var (a, b) = (h.Seller.Shops[0].Id, h.Seller.Shops[1].Id);
        int expected;
        lock (h.Seller.Gate) expected = h.Seller.Orders.Count(o => o.ShopId is var s && (s == a || s == b) && o.Status == OrderStatuses.Packing);

        var all = await h.Client.GetAllOrdersAsync(Token, [a, b], OrderStatuses.Packing, 500, None);
        var count = await h.Client.CountOrdersAsync(Token, [a, b], OrderStatuses.Packing, None);

        Assert.Equal(expected, all.Items.Count);
        Assert.Contains(all.Items, o => o.ShopId == a);
        Assert.Contains(all.Items, o => o.ShopId == b);
        Assert.True(count > 0);
        var sent = h.Sandbox.RequestLog.Matching("GET", "/v2/fbs/orders"); // the list and /count
        Assert.Equal(2, sent.Count);
        foreach (var e in sent)
        {
            Assert.Equal([a.ToString(), b.ToString()], e.QueryValues("shopIds"));
            Assert.DoesNotContain("%2C", e.Query, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(",", e.Query);
            Assert.DoesNotContain("shopIds%5B", e.Query, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("shopIds[", e.Query);
        }
    }

    // ---- 10: tokens and typed errors (U1, U6) ---------------------------------------------------------------

    [Fact]
    public async Task U1_a_token_the_sandbox_does_not_know_is_rejected_typed_forbidden_001_and_not_retried()
    {
        await using var h = await SandboxClientHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<UzumApiException>(() => h.Client.GetShopsAsync(new UzumToken("Ab3xYzNotASandboxTokenZq9="), None));

        Assert.True(ex.IsTokenRejected);
        Assert.Equal(UzumErrorCodes.TokenNotFound, ex.Code);
        Assert.Equal(HttpStatusCode.Forbidden, ex.Status);
        Assert.NotNull(ex.Trace);
        Assert.Equal([403], Exact(h.Sandbox, "GET", "/v1/shops").Select(e => e.Status));
    }

    [Fact]
    public async Task U1_a_Bearer_prefixed_token_is_refused_by_the_sandbox_and_the_client_never_sends_one()
    {
        await using var h = await SandboxClientHarness.StartAsync();

        // what UZUM (and the sandbox) answer to "Authorization: Bearer <token>"
        using (var raw = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Get, h.Sandbox.ApiBaseUrl + "/v1/shops"))
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + SandboxClientHarness.RawToken);
            using var response = await raw.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains(UzumErrorCodes.TokenNotFound, await response.Content.ReadAsStringAsync());
        }
        h.Sandbox.RequestLog.Clear();

        // the client refuses a token with inner whitespace before sending anything…
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.GetShopsAsync(new UzumToken("Bearer " + SandboxClientHarness.RawToken), None));
        Assert.Empty(h.Sandbox.RequestLog.Entries);

        // …and a pasted "Bearer …\n" normalizes to the raw token, which the sandbox accepts
        var pasted = UzumToken.TryNormalize("  bearer " + SandboxClientHarness.RawToken + "\r\n")!.Value;
        var shops = await h.Client.GetShopsAsync(pasted, None);
        Assert.Equal(h.Seller.Shops.Select(s => s.Id), shops.Select(s => s.Id));
        Assert.Equal([200], Exact(h.Sandbox, "GET", "/v1/shops").Select(e => e.Status));
    }

    [Fact]
    public async Task U6_an_unknown_shop_surfaces_the_sandbox_error_typed_and_an_empty_page_is_not_an_error()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        const long notMine = 999_999_999;

        var products = await Assert.ThrowsAsync<UzumApiException>(() => h.Client.GetProductsAsync(Token, notMine, 0, 10, null, None));
        var orders = await Assert.ThrowsAsync<UzumApiException>(() => h.Client.GetAllOrdersAsync(Token, [notMine], OrderStatuses.Created, 100, None));

        foreach (var ex in new[] { products, orders })
        {
            Assert.IsNotType<UzumInvalidResponseException>(ex);
            Assert.Equal(HttpStatusCode.Forbidden, ex.Status);
            Assert.Equal(UzumErrorCodes.AccessDenied, ex.Code);
            Assert.False(ex.IsTokenRejected); // the token is fine; the shop is not this seller's
        }
        Assert.Single(Exact(h.Sandbox, "GET", $"/v1/product/shop/{notMine}")); // a 403 is not retried
        Assert.Single(Exact(h.Sandbox, "GET", "/v2/fbs/orders"));

        // a page past the end (as a brand-new shop's first page): empty list, the real total, no exception
        var shop = h.Seller.Shops[0].Id;
        var beyond = await h.Client.GetProductsAsync(Token, shop, 10_000, 100, null, None);
        Assert.Empty(beyond.ProductList!);
        Assert.Equal(h.Seller.Products.Count(p => p.ShopId == shop), beyond.TotalProductsAmount);
    }

    // ---- 11: labels (U7) ------------------------------------------------------------------------------------

    [Fact]
    public async Task U7_a_multi_parcel_label_is_several_pdfs_one_parcel_is_one_and_a_DBS_order_is_seller_order_02()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        SandboxOrder multi, single, dbs;
        lock (h.Seller.Gate)
        {
            multi = h.Seller.Orders.First(o => o.ParcelCount > 1 && !o.IsDbs && o.Status != OrderStatuses.Canceled);
            single = h.Seller.Orders.First(o => o.ParcelCount == 1 && !o.IsDbs && o.Status == OrderStatuses.Created);
            dbs = h.Seller.Orders.First(o => o.IsDbs);
        }
        var pdf = "%PDF"u8.ToArray();

        var several = await h.Client.GetLabelAsync(Token, multi.Id, LabelSize.Large, None);
        var one = await h.Client.GetLabelAsync(Token, single.Id, LabelSize.Big, None);
        var refused = await Assert.ThrowsAsync<UzumApiException>(() => h.Client.GetLabelAsync(Token, dbs.Id, LabelSize.Large, None));

        Assert.Equal(multi.ParcelCount, several.Count);
        Assert.All(several, doc => Assert.Equal(pdf, doc.Take(4)));
        Assert.Equal(several.Count, several.Select(Convert.ToBase64String).Distinct().Count()); // one per parcel, not a copy
        Assert.Equal(pdf, Assert.Single(one).Take(4));
        Assert.Equal(UzumErrorCodes.WrongOrderStatus, refused.Code);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["LARGE"], Exact(h.Sandbox, "GET", $"/v1/fbs/order/{multi.Id}/labels/print").Single().QueryValues("size"));
        Assert.Equal(["BIG"], Exact(h.Sandbox, "GET", $"/v1/fbs/order/{single.Id}/labels/print").Single().QueryValues("size"));
        Assert.Single(Exact(h.Sandbox, "GET", $"/v1/fbs/order/{dbs.Id}/labels/print"));
    }

    // ---- 12: finance dates in seconds -----------------------------------------------------------------------

    [Fact]
    public async Task Finance_orders_and_expenses_of_the_last_30_days_send_seconds_and_return_every_line()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        var shop = h.Seller.Shops[0].Id;
        var to = DateTimeOffset.UtcNow;
        var from = to.AddDays(-30);

        var lines = await h.Client.GetFinanceOrdersAsync(Token, [shop], from, to, None);
        var expenses = await h.Client.GetExpensesAsync(Token, [shop], from, to, None);

        bool InWindow(DateTimeOffset at) => at.ToUnixTimeSeconds() >= from.ToUnixTimeSeconds() && at.ToUnixTimeSeconds() <= to.ToUnixTimeSeconds();
        int expectedLines, expectedExpenses;
        lock (h.Seller.Gate)
        {
            expectedLines = h.Seller.FinanceLines.Count(l => l.Sku.ShopId == shop && InWindow(l.Date));
            expectedExpenses = h.Seller.Expenses.Count(e => e.ShopId == shop && InWindow(e.DateCreated));
        }
        Assert.True(expectedLines > FinancePageSize, $"only {expectedLines} lines: the test would not page");
        Assert.Equal(expectedLines, lines.Count);
        Assert.Equal(expectedLines, lines.Select(l => l.Id).Distinct().Count());
        Assert.True(expectedExpenses > 0);
        Assert.Equal(expectedExpenses, expenses.Count);

        foreach (var path in new[] { "/v1/finance/orders", "/v1/finance/expenses" })
        {
            var sent = Exact(h.Sandbox, "GET", path);
            Assert.NotEmpty(sent);
            foreach (var e in sent)
            {
                var dateFrom = long.Parse(Assert.Single(e.QueryValues("dateFrom")));
                var dateTo = long.Parse(Assert.Single(e.QueryValues("dateTo")));
                Assert.True(dateFrom < 1_000_000_000_000, $"{path} dateFrom={dateFrom} looks like milliseconds");
                Assert.Equal(from.ToUnixTimeSeconds(), dateFrom);
                Assert.Equal(to.ToUnixTimeSeconds(), dateTo);
                Assert.Equal([shop.ToString()], e.QueryValues("shopIds"));
            }
            Assert.Equal(Enumerable.Range(0, sent.Count).Select(i => i.ToString()), sent.Select(e => Assert.Single(e.QueryValues("page"))));
        }
    }

    private const int FinancePageSize = UzumClient.FinancePageSize;
}

/// <summary>Timing tests run alone: other test classes on a 2-core machine would add arrival jitter.</summary>
[CollectionDefinition(nameof(SandboxTimingCollection), DisableParallelization = true)]
public sealed class SandboxTimingCollection;

[Collection(nameof(SandboxTimingCollection))]
public class ClientAgainstSandboxTimingTests
{
    private static readonly UzumToken Token = SandboxClientHarness.Token;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Sandbox_429_from_its_token_bucket_is_waited_out_per_Retry_After_then_succeeds()
    {
        await using var h = await SandboxClientHarness.StartAsync(new SandboxOptions { BurstCapacity = 1, ReplenishRate = 1 },
            new Dictionary<string, string?> { ["BackoffBaseMs"] = "10" });
        _ = h.Seller;

        await h.Client.GetShopsAsync(Token, None);            // takes the only token in the bucket
        var sw = Stopwatch.StartNew();
        var reasons = await h.Client.GetReturnReasonsAsync(Token, None); // 429, Retry-After: 1, then 200
        sw.Stop();

        Assert.NotEmpty(reasons);
        var attempts = h.Sandbox.RequestLog.Entries.Where(e => e.Path == "/v1/fbs/order/return-reasons").OrderBy(e => e.ArrivedAt).ToList();
        Assert.Equal([429, 200], attempts.Select(e => e.Status));
        // the sandbox's bucket (capacity 1, 1 token/s) answers Retry-After: 1 — the retry must not come sooner
        Assert.True(attempts[1].MsSince(attempts[0]) >= 900, $"retried {attempts[1].MsSince(attempts[0]):0} ms after the 429");
        Assert.True(sw.Elapsed.TotalMilliseconds >= 900, $"call took {sw.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(sw.Elapsed.TotalSeconds < 2.5, $"call took {sw.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task U2_requests_of_one_token_arrive_spaced_by_the_interval_and_another_token_is_not_held_up()
    {
        await using var h = await SandboxClientHarness.StartAsync(uzum: new Dictionary<string, string?> { ["MinRequestIntervalMs"] = "150" });
        var other = new UzumToken("sandbox-clientfaults-other-seller");
        _ = h.Sandbox.Data.For(other.Value);
        await h.WarmUpAsync();

        var mine = Enumerable.Range(0, 4).Select(_ => h.Client.GetShopsAsync(Token, None)).ToList();
        var theirs = h.Client.GetReturnReasonsAsync(other, None); // a different path tells the two tokens apart in the log
        await Task.WhenAll(mine.Cast<Task>().Append(theirs));

        var at = h.Sandbox.RequestLog.Entries.Where(e => e.Path == "/v1/shops").OrderBy(e => e.ArrivedAt).ToList();
        Assert.Equal(4, at.Count);
        // The throttle spaces request starts; arrival adds transit jitter that can shorten one gap on a busy
        // machine, never the whole span (the last request cannot start before 3 intervals have passed).
        var span = at[^1].MsSince(at[0]);
        Assert.True(span >= 3 * 150 * 0.9, $"4 requests arrived within {span:0} ms");
        Assert.All(Enumerable.Range(1, at.Count - 1), i => Assert.True(at[i].MsSince(at[i - 1]) >= 75, $"gap {i}: {at[i].MsSince(at[i - 1]):0} ms"));
        var otherArrival = Assert.Single(h.Sandbox.RequestLog.Entries, e => e.Path == "/v1/fbs/order/return-reasons");
        Assert.True(otherArrival.ArrivedAt < at[1].ArrivedAt,
            $"the other token arrived {otherArrival.MsSince(at[0]):0} ms after this token's first request: it waited for this token's slots");
    }
}
