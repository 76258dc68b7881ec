using System.Net;
using System.Text.Json;
using UzumBot.Uzum;

namespace UzumBot.Tests.Uzum;

/// <summary>Request shape, envelopes, paging and errors, over real HTTP against <see cref="ScriptedUzumServer"/>.</summary>
public class UzumClientWireTests
{
    private static readonly UzumToken Token = UzumHarness.Token;
    private static readonly long[] OneShop = [70412];

    internal static string Order(long id, string status = "CREATED", long shopId = 70412) =>
        $$"""{"id":{{id}},"status":"{{status}}","scheme":"FBS","shopId":{{shopId}},"price":"249000","dateCreated":1786516200000,"identifierRequired":null,"orderItems":[]}""";

    private static string Envelope(string payload) => $$"""{"payload":{{payload}},"timestamp":"2026-08-12T09:14:03.118204551"}""";

    private static string Error(string code, string trace = "3f9c0b7e21d44a58b6e0c1a2d3e4f567") =>
        $$"""{"payload":null,"errors":[{"code":"{{code}}","message":"Неподходящий статус заказа"}],"timestamp":"2026-08-12T09:14:03.1","trace":"{{trace}}","error":"Bad request"}""";

    [Fact]
    public async Task U1_pasted_bearer_token_goes_out_raw_in_Authorization()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json("""[{"id":54951,"name":"Bahor"}]"""));
        var token = UzumToken.TryNormalize("Bearer " + UzumHarness.RawToken + "\n")!.Value;

        var shops = await h.Client.GetShopsAsync(token, CancellationToken.None);

        var req = Assert.Single(h.Server.Requests);
        Assert.Equal(UzumHarness.RawToken, req.Authorization);
        Assert.Equal("GET", req.Method);
        Assert.Equal("v1/shops", req.Path);
        Assert.Equal("application/json", req.Accept);
        Assert.Equal(54951, Assert.Single(shops).Id);
    }

    [Fact]
    public async Task U1_token_rejected_403_empty_body_and_forbidden_001_are_not_retried()
    {
        await using var h = await UzumHarness.StartAsync(r => r.Index == 0 ? Reply.Empty(403) : Reply.Json(Error("forbidden-001"), 403));

        var empty = await Assert.ThrowsAsync<UzumApiException>(() => h.Client.GetShopsAsync(Token, CancellationToken.None));
        var coded = await Assert.ThrowsAsync<UzumApiException>(() => h.Client.GetShopsAsync(Token, CancellationToken.None));

        Assert.True(empty.IsTokenRejected);
        Assert.Empty(empty.Errors);
        Assert.True(coded.IsTokenRejected);
        Assert.Equal(UzumErrorCodes.TokenNotFound, coded.Code);
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Base_url_with_or_without_trailing_slash_reaches_the_same_path()
    {
        await using var server = await ScriptedUzumServer.StartAsync(_ => Reply.Json("[]"));
        var bare = server.BaseUrl.ToString().TrimEnd('/');
        foreach (var url in new[] { bare, bare + "/", bare + "//" })
        {
            await using var h = await UzumHarness.StartAsync(_ => Reply.Empty(500), o => o.BaseUrl = url);
            await h.Client.GetShopsAsync(Token, CancellationToken.None);
        }
        Assert.Equal(["v1/shops", "v1/shops", "v1/shops"], server.Sorted.Select(r => r.Path));
    }

    [Fact]
    public async Task U3_status_is_a_single_value_and_misspellings_never_leave_the_process()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json(Envelope("""{"orders":[],"totalAmount":0}""")));

        await h.Client.GetOrdersAsync(Token, OneShop, OrderStatuses.Canceled, 0, 50, CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.GetOrdersAsync(Token, OneShop, "CANCELLED", 0, 50, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.GetOrdersAsync(Token, OneShop, "CREATED,PACKING", 0, 50, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Client.GetOrdersAsync(Token, OneShop, "CREATED", 0, 100, CancellationToken.None));

        var req = Assert.Single(h.Server.Requests);
        Assert.Equal("v2/fbs/orders", req.Path);
        Assert.Equal(["CANCELED"], req.All("status"));
        Assert.False(req.Query.ContainsKey("scheme"));
    }

    [Fact]
    public async Task U3_unknown_status_from_the_api_is_kept_as_is()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json(Envelope(Order(1, "SOMETHING_NEW"))));
        var order = await h.Client.GetOrderAsync(Token, 1, CancellationToken.None);
        Assert.Equal("SOMETHING_NEW", order.Status);
        Assert.Equal(249000, order.Price); // "249000" as a string is accepted
        Assert.False(order.IdentifierRequired); // null in a bool is false, not an exception
    }

    [Fact]
    public async Task Dbs_order_reads_delivery_info_and_iso_dates()
    {
        const string dbs = """
            {"payload":{"id":124499950,"status":"DELIVERING","scheme":"DBS","shopId":70412,"price":185000,
            "dateCreated":"2026-08-10T08:58:39Z","deliverUntil":1786501800000,"invoiceNumber":null,
            "deliveryInfo":{"deliveryAddress":"Toshkent sh., Yunusobod","customerFullname":"Madina Rahimova","customerPhone":"+998901234567","deliveryComment":null},
            "orderItems":[{"id":240108001,"sellPrice":185000,"amount":1,"commission":null,"dateIssued":null}]},"timestamp":"x"}
            """;
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json(dbs));

        var order = await h.Client.GetOrderAsync(Token, 124499950, CancellationToken.None);

        Assert.True(order.IsDbs);
        Assert.Equal("Madina Rahimova", order.DeliveryInfo!.CustomerFullname);
        Assert.Equal(new DateTimeOffset(2026, 8, 10, 8, 58, 39, TimeSpan.Zero), order.DateCreated);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1786501800000), order.DeliverUntil);
        Assert.Equal(185000, Assert.Single(order.Items).UnitPrice);
        Assert.Null(order.InvoiceNumber);
    }

    private static Func<Recorded, Reply> OrdersOf(int total) => r =>
    {
        var page = int.Parse(r.Q("page")!);
        var size = int.Parse(r.Q("size")!);
        if (size > 50) return Reply.Json(Error("bad-request-001"), 400);
        var orders = Enumerable.Range(page * size, Math.Max(0, Math.Min(size, total - page * size))).Select(i => Order(1000 + i));
        return Reply.Json(Envelope($$"""{"orders":[{{string.Join(",", orders)}}],"totalAmount":{{total}}}"""));
    };

    [Fact]
    public async Task U4_130_new_orders_come_from_pages_0_1_2_of_size_50()
    {
        await using var h = await UzumHarness.StartAsync(OrdersOf(130));

        var all = await h.Client.GetAllOrdersAsync(Token, [101, 202], OrderStatuses.Created, 500, CancellationToken.None);

        Assert.Equal(130, all.Items.Count);
        Assert.False(all.Truncated);
        Assert.Equal(130, all.Items.Select(o => o.Id).Distinct().Count());
        var reqs = h.Server.Sorted;
        Assert.Equal(["0", "1", "2"], reqs.Select(r => r.Q("page")));
        Assert.All(reqs, r => Assert.Equal("50", r.Q("size")));
        Assert.All(reqs, r => Assert.Equal(["101", "202"], r.All("shopIds")));
    }

    [Fact]
    public async Task U4_hard_cap_cuts_the_list_and_says_so()
    {
        await using var h = await UzumHarness.StartAsync(OrdersOf(130));

        var capped = await h.Client.GetAllOrdersAsync(Token, OneShop, OrderStatuses.Created, 100, CancellationToken.None);

        Assert.Equal(100, capped.Items.Count);
        Assert.True(capped.Truncated);
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task U4_exactly_cap_orders_is_not_reported_as_truncated()
    {
        await using var h = await UzumHarness.StartAsync(OrdersOf(100));
        var all = await h.Client.GetAllOrdersAsync(Token, OneShop, OrderStatuses.Created, 100, CancellationToken.None);
        Assert.Equal(100, all.Items.Count);
        Assert.False(all.Truncated);
    }

    [Fact]
    public async Task U5_two_shops_go_out_as_repeated_keys_on_the_wire()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json(Envelope("3")));

        var count = await h.Client.CountOrdersAsync(Token, [101, 202], OrderStatuses.Packing, CancellationToken.None);

        Assert.Equal(3, count);
        var req = Assert.Single(h.Server.Requests);
        Assert.Equal("v2/fbs/orders/count", req.Path);
        Assert.Contains("shopIds=101&shopIds=202", req.RawQuery);
        Assert.DoesNotContain("%2C", req.RawQuery);
        Assert.DoesNotContain("%5B", req.RawQuery);
    }

    [Theory]
    [InlineData("""[{"id":70412,"name":"Bahor Textile"},{"id":70413,"name":"Ширин Уй"}]""")]
    [InlineData("""{"payload":[{"id":70412,"name":"Bahor Textile"},{"id":70413,"name":"Ширин Уй"}],"timestamp":"x"}""")]
    [InlineData("""{"shops":[{"id":70412,"name":"Bahor Textile"},{"id":70413,"name":"Ширин Уй"}]}""")]
    public async Task U6_shops_bare_enveloped_or_nested(string body)
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json(body));
        var shops = await h.Client.GetShopsAsync(Token, CancellationToken.None);
        Assert.Equal([70412L, 70413L], shops.Select(s => s.Id));
        Assert.Equal("Ширин Уй", shops[1].Name);
    }

    private const string ProductsBody =
        """{"productList":[{"productId":2811045,"title":"Atlas ko‘ylak","rating":4.8,"commission":null,"price":249000,"skuList":[{"skuId":10734101,"barcode":1000107341014,"purchasePrice":null,"commission":25,"quantityFbs":"3"}]}],"totalProductsAmount":1}""";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task U6_products_bare_or_enveloped(bool enveloped)
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json(enveloped ? Envelope(ProductsBody) : ProductsBody));

        var page = await h.Client.GetProductsAsync(Token, 70412, 0, 100, "Футболка & co", CancellationToken.None);

        var product = Assert.Single(page.Products);
        Assert.Equal("4.8", product.Rating);
        var sku = Assert.Single(product.SkuList!);
        Assert.Equal("1000107341014", sku.Barcode);
        Assert.Equal(3, sku.QuantityFbs);
        var req = Assert.Single(h.Server.Requests);
        Assert.Equal("v1/product/shop/70412", req.Path);
        Assert.Equal("Футболка & co", req.Q("searchQuery"));
        Assert.Equal("100", req.Q("size"));
    }

    [Fact]
    public async Task U6_new_shop_empty_lists_are_empty_not_errors()
    {
        await using var h = await UzumHarness.StartAsync(r => r.Path switch
        {
            "v1/shops" => Reply.Json("[]"),
            "v1/product/shop/1" => Reply.Json("""{"productList":[],"totalProductsAmount":0}"""),
            "v1/finance/expenses" => Reply.Json("""{"payload":{"payments":[],"totalElements":0}}"""),
            "v1/finance/orders" => Reply.Json("""{"orderItems":[],"totalElements":0}"""),
            "v3/fbs/sku/stocks" => Reply.Json("""{"payload":{"skuAmountList":null}}"""),
            "v1/fbs/order/return-reasons" => Reply.Json("""{"payload":null}"""),
            _ => Reply.Empty(404),
        });
        var from = DateTimeOffset.UtcNow.AddDays(-7);

        Assert.Empty(await h.Client.GetShopsAsync(Token, CancellationToken.None));
        Assert.Empty((await h.Client.GetProductsAsync(Token, 1, 0, 100, null, CancellationToken.None)).Products);
        Assert.Empty(await h.Client.GetExpensesAsync(Token, [1], from, DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Empty(await h.Client.GetFinanceOrdersAsync(Token, [1], from, DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Empty(await h.Client.GetFbsStocksAsync(Token, CancellationToken.None));
        Assert.Empty(await h.Client.GetReturnReasonsAsync(Token, CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"payload":{"payments":[{"id":1,"paymentPrice":6000,"code":"logistics-volume","type":"OUTCOME","dateCreated":1786516200000}],"totalElements":0}}""")]
    [InlineData("""{"payments":[{"id":1,"paymentPrice":6000,"code":"logistics-volume","type":"OUTCOME","dateCreated":1786516200000}],"totalElements":0}""")]
    public async Task U6_expenses_enveloped_or_bare(string body)
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json(body));
        var list = await h.Client.GetExpensesAsync(Token, [1], DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow, CancellationToken.None);
        var e = Assert.Single(list);
        Assert.Equal(6000, e.PaymentPrice);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1786516200000), e.DateCreated);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(200)] // errors[] wins over a success status
    public async Task U6_errors_in_an_envelope_become_a_typed_exception_with_code_and_trace(int status)
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json(Error("seller-order-02"), status));

        var ex = await Assert.ThrowsAsync<UzumApiException>(() => h.Client.GetOrderAsync(Token, 5, CancellationToken.None));

        Assert.Equal(UzumErrorCodes.WrongOrderStatus, ex.Code);
        Assert.Equal("Неподходящий статус заказа", ex.Errors[0].Message);
        Assert.Equal("3f9c0b7e21d44a58b6e0c1a2d3e4f567", ex.Trace);
        Assert.Equal((HttpStatusCode)status, ex.Status);
        Assert.Single(h.Server.Requests); // a 4xx is not retried
    }

    [Fact]
    public async Task Success_that_is_not_json_is_an_invalid_response()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json("<html>maintenance</html>"));
        var ex = await Assert.ThrowsAsync<UzumInvalidResponseException>(() => h.Client.GetShopsAsync(Token, CancellationToken.None));
        Assert.Contains("not JSON", ex.Message);
    }

    [Fact]
    public async Task U7_label_string_and_array_over_the_wire_and_non_pdf_rejected()
    {
        var one = LabelDocumentsTests.Pdf("one");
        var two = LabelDocumentsTests.Pdf("two");
        await using var h = await UzumHarness.StartAsync(r => r.Path switch
        {
            "v1/fbs/order/1/labels/print" => Reply.Json(Envelope($"{{\"document\":\"{one}\"}}")),
            "v1/fbs/order/2/labels/print" => Reply.Json(Envelope($"{{\"document\":[\"{one}\",\"{two}\"]}}")),
            "v1/fbs/order/3/labels/print" => Reply.Json(Envelope("""{"document":"PGh0bWw+"}""")),
            _ => Reply.Json(Error("seller-order-14"), 400),
        });

        Assert.Single(await h.Client.GetLabelAsync(Token, 1, LabelSize.Large, CancellationToken.None));
        Assert.Equal(2, (await h.Client.GetLabelAsync(Token, 2, LabelSize.Big, CancellationToken.None)).Count);
        await Assert.ThrowsAsync<UzumInvalidResponseException>(() => h.Client.GetLabelAsync(Token, 3, LabelSize.Large, CancellationToken.None));
        var busy = await Assert.ThrowsAsync<UzumApiException>(() => h.Client.GetLabelAsync(Token, 4, LabelSize.Large, CancellationToken.None));
        Assert.Equal(UzumErrorCodes.LabelServiceUnavailable, busy.Code);

        var sizes = h.Server.Sorted.Select(r => r.Q("size")).ToList();
        Assert.Equal(["LARGE", "BIG", "LARGE", "LARGE"], sizes);
    }

    [Fact]
    public async Task Finance_query_dates_are_unix_seconds_and_pages_run_until_a_short_page()
    {
        // Like UZUM: milliseconds give a silent empty result; totalElements is useless.
        await using var h = await UzumHarness.StartAsync(r =>
        {
            if (long.Parse(r.Q("dateFrom")!) >= EpochTime.MillisecondsThreshold) return Reply.Json("""{"orderItems":[],"totalElements":0}""");
            var page = int.Parse(r.Q("page")!);
            var n = page < 2 ? 50 : 7;
            var items = Enumerable.Range(0, n).Select(i => $$"""{"id":{{page * 100 + i}},"sellPrice":139000,"amount":1}""");
            return Reply.Json($$"""{"orderItems":[{{string.Join(",", items)}}],"totalElements":0}""");
        });
        var from = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(5));
        var to = from.AddDays(7);

        var lines = await h.Client.GetFinanceOrdersAsync(Token, [101, 202], from, to, CancellationToken.None);

        Assert.Equal(107, lines.Count);
        var reqs = h.Server.Sorted;
        Assert.Equal(["0", "1", "2"], reqs.Select(r => r.Q("page")));
        Assert.All(reqs, r =>
        {
            Assert.Equal("v1/finance/orders", r.Path);
            Assert.Equal(from.ToUnixTimeSeconds().ToString(), r.Q("dateFrom"));
            Assert.Equal(to.ToUnixTimeSeconds().ToString(), r.Q("dateTo"));
            Assert.Equal("50", r.Q("size"));
            Assert.Equal("false", r.Q("group"));
            Assert.Equal(["101", "202"], r.All("shopIds"));
        });
    }

    [Fact]
    public async Task Expenses_page_past_a_zero_totalElements()
    {
        await using var h = await UzumHarness.StartAsync(r =>
        {
            var n = r.Q("page") == "0" ? 50 : 3;
            var items = Enumerable.Range(0, n).Select(i => $$"""{"id":{{i}},"paymentPrice":100}""");
            return Reply.Json(Envelope($$"""{"payments":[{{string.Join(",", items)}}],"totalElements":0}"""));
        });
        var list = await h.Client.GetExpensesAsync(Token, [1], DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(53, list.Count);
        Assert.Equal(["0", "1"], h.Server.Sorted.Select(r => r.Q("page")));
        Assert.True(long.Parse(h.Server.Sorted[0].Q("dateFrom")!) < EpochTime.MillisecondsThreshold);
    }

    [Fact]
    public async Task Stocks_v3_pages_of_100_until_a_short_page_and_updates_in_batches_of_100()
    {
        await using var h = await UzumHarness.StartAsync(r =>
        {
            if (r.Method == "POST") return Reply.Json(Envelope("{}"));
            var n = r.Q("page") == "0" ? 100 : 20;
            var rows = Enumerable.Range(0, n).Select(i => $$"""{"skuId":{{i}},"barcode":"10001073{{i}}","amount":{{i}}}""");
            return Reply.Json(Envelope($$"""{"skuAmountList":[{{string.Join(",", rows)}}]}"""));
        });

        var stocks = await h.Client.GetFbsStocksAsync(Token, CancellationToken.None);
        await h.Client.UpdateFbsStocksAsync(Token, stocks.Select(s => s with { Amount = 7 }).ToList(), CancellationToken.None);

        Assert.Equal(120, stocks.Count);
        var gets = h.Server.Sorted.Where(r => r.Method == "GET").ToList();
        Assert.Equal(["0", "1"], gets.Select(r => r.Q("page")));
        Assert.All(gets, r => Assert.Equal("100", r.Q("size")));
        var posts = h.Server.Sorted.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("v2/fbs/sku/stocks", p.Path));
        using var first = JsonDocument.Parse(posts[0].Body);
        var rowsSent = first.RootElement.GetProperty("skuAmountList");
        Assert.Equal(100, rowsSent.GetArrayLength());
        Assert.Equal("100010730", rowsSent[0].GetProperty("barcode").GetString());
        Assert.Equal(7, rowsSent[0].GetProperty("amount").GetInt32());
    }

    [Fact]
    public async Task Cancel_already_cancelled_is_success_and_other_codes_are_not()
    {
        await using var h = await UzumHarness.StartAsync(r => r.Path == "v1/fbs/order/1/cancel"
            ? Reply.Json(Error("seller-order-13"), 400)
            : Reply.Json(Error("seller-order-02"), 400));

        await h.Client.CancelOrderAsync(Token, 1, "OUT_OF_STOCK", "Omborda qolmadi", CancellationToken.None);
        var ex = await Assert.ThrowsAsync<UzumApiException>(() => h.Client.CancelOrderAsync(Token, 2, "OUT_OF_STOCK", null, CancellationToken.None));

        Assert.Equal(UzumErrorCodes.WrongOrderStatus, ex.Code);
        var first = h.Server.Sorted[0];
        Assert.Equal("POST", first.Method);
        using var body = JsonDocument.Parse(first.Body);
        Assert.Equal("OUT_OF_STOCK", body.RootElement.GetProperty("reason").GetString());
        Assert.Equal("Omborda qolmadi", body.RootElement.GetProperty("comment").GetString());
        Assert.False(JsonDocument.Parse(h.Server.Sorted[1].Body).RootElement.TryGetProperty("comment", out _));
    }

    [Fact]
    public async Task Confirm_returns_the_updated_order_or_null_for_an_empty_payload()
    {
        await using var h = await UzumHarness.StartAsync(r => r.Path == "v1/fbs/order/1/confirm"
            ? Reply.Json(Envelope(Order(1, "PACKING")))
            : Reply.Json("""{"payload":null,"timestamp":"x"}"""));

        var confirmed = await h.Client.ConfirmOrderAsync(Token, 1, CancellationToken.None);
        var empty = await h.Client.ConfirmOrderAsync(Token, 2, CancellationToken.None);

        Assert.Equal("PACKING", confirmed!.Status);
        Assert.Null(empty);
        Assert.All(h.Server.Requests, r => Assert.Equal("POST", r.Method));
    }

    [Fact]
    public async Task Prices_are_posted_once_with_the_product_and_sku_list()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Empty(200));
        await h.Client.UpdatePricesAsync(Token, 70412, 2811045, [new SkuPrice(10734101, "ЗЕЛЕН-M", 299000, 249000)], CancellationToken.None);

        var req = Assert.Single(h.Server.Requests);
        Assert.Equal("v1/product/70412/sendPriceData", req.Path);
        using var body = JsonDocument.Parse(req.Body);
        Assert.Equal(2811045, body.RootElement.GetProperty("productId").GetInt64());
        var sku = body.RootElement.GetProperty("skuList")[0];
        Assert.Equal(10734101, sku.GetProperty("skuId").GetInt64());
        Assert.Equal(249000, sku.GetProperty("sellPrice").GetInt64());
        Assert.Equal(299000, sku.GetProperty("fullPrice").GetInt64());
    }

    [Fact]
    public async Task Returns_list_is_bare_and_single_return_is_enveloped()
    {
        await using var h = await UzumHarness.StartAsync(r => r.Path switch
        {
            "v1/shop/7/return" => Reply.Json("""[{"id":11,"status":"COMPLETED","dateCreated":1786516200000}]"""),
            "v1/shop/7/return/11" => Reply.Json(Envelope("""{"id":11,"returnItems":[{"id":1,"skuId":5,"amount":2}]}""")),
            "v1/shop/7/invoice" => Reply.Json("""[{"id":3,"invoiceNumber":12345,"dateCreated":"2026-08-01"}]"""),
            "v1/shop/7/invoice/products" => Reply.Json("""[{"id":1,"quantityToStock":10}]"""),
            _ => Reply.Empty(404),
        });

        Assert.Equal(11, Assert.Single(await h.Client.GetReturnsAsync(Token, 7, 0, 50, CancellationToken.None)).Id);
        Assert.Equal(2, Assert.Single((await h.Client.GetReturnAsync(Token, 7, 11, CancellationToken.None)).ReturnItems!).Amount);
        Assert.Equal("12345", Assert.Single(await h.Client.GetSupplyInvoicesAsync(Token, 7, 0, 50, CancellationToken.None)).InvoiceNumber);
        Assert.Equal(10, Assert.Single(await h.Client.GetSupplyInvoiceLinesAsync(Token, 7, 3, CancellationToken.None)).QuantityToStock);
        Assert.Equal("3", h.Server.Sorted[3].Q("invoiceId"));
    }
}
