using System.Globalization;
using UzumBot.Features.Dashboard;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Finance;

/// <summary>💰 Finance: money of a period (chips or typed), top and loss-making SKUs, the owner's cost prices.</summary>
public sealed class FinanceFeature(FinanceReader reader, CatalogueReader catalogue, CostPriceStore costs, TimeProvider time) : IFeature, ITextInputFeature
{
    public const string Home = "f";
    public const string Custom = "fp";
    public const string Top = "ft";
    public const string Loss = "fl";
    public const string Costs = "fc";
    public const string CostPrice = "fcp";
    /// <summary>Cost prices are the owner's figures (there is no narrower permission for them).</summary>
    public const Permission CostPricePermission = Permission.ManageToken;
    public const string PeriodInputName = "finance/period";
    private const string CostInputPrefix = "finance/cost/";

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new Dictionary<string, Permission>
    {
        [Home] = Permission.ViewMoney,
        [Custom] = Permission.ViewMoney,
        [Top] = Permission.ViewMoney,
        [Loss] = Permission.ViewMoney,
        // typing a cost price is the owner's
        [Costs] = CostPricePermission,
        [CostPrice] = CostPricePermission,
    };

    public string InputPrefix => "finance/";

    public Permission RequiredFor(string input) => input.StartsWith(CostInputPrefix, StringComparison.Ordinal) ? Permission.ManageToken : Permission.ViewMoney;

    public async Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct)
    {
        var screens = new FinanceScreens(session);
        if (command.Name == Custom)
        {
            session.AwaitText(PeriodInputName);
            return Reply.Of(screens.AskPeriod(null, Home));
        }
        if (command.Name == CostPrice && command.LongArg(0) is { } skuId)
            return await AskCostAsync(session, screens, skuId, command.Arg(1) ?? PeriodArg.Default, ct);

        var arg = command.Arg(0) ?? PeriodArg.Default;
        if (PeriodArg.Resolve(arg, time.GetUtcNow()) is not { } period) return Reply.Of(screens.NotFound());
        try
        {
            return command.Name switch
            {
                Top => Reply.Of(await TopAsync(session, screens, arg, period, ct)),
                Loss => Reply.Of(await LossAsync(session, screens, arg, period, command.IntArg(1) ?? 0, ct)),
                Costs => Reply.Of(await CostsAsync(session, screens, arg, period, command.IntArg(1) ?? 0, ct)),
                _ => Reply.Of(await SummaryAsync(session, screens, arg, period, ct)),
            };
        }
        catch (Exception ex) when (ex is UzumUnavailableException or UzumApiException)
        {
            return Reply.Of(screens.Unavailable(CallbackData.Encode(command.Name, [.. command.Args])));
        }
    }

    public async Task<Reply> HandleTextAsync(SessionContext session, string input, string text, CancellationToken ct)
    {
        var screens = new FinanceScreens(session);
        if (input == PeriodInputName)
        {
            var parsed = PeriodInput.Parse(text, FinancePeriod.DayOf(time.GetUtcNow()));
            if (parsed.Period is not { } period)
            {
                session.AwaitText(PeriodInputName);
                return Reply.Of(screens.AskPeriod(parsed.ErrorKey, Home));
            }
            return await HandleAsync(session, new CallbackCommand(Home, [PeriodArg.Of(period)]), ct);
        }
        if (input.StartsWith(CostInputPrefix, StringComparison.Ordinal) && input[CostInputPrefix.Length..].Split('/') is [var id, var arg]
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var skuId))
            return await SaveCostAsync(session, screens, skuId, arg, text, ct);
        return Reply.Of(screens.NotFound());
    }

    private async Task<Screen> SummaryAsync(SessionContext session, FinanceScreens screens, string arg, FinancePeriod period, CancellationToken ct)
    {
        var data = await reader.ReadAsync(session, period, ct);
        var owned = reader.CostPrices(session);
        var summary = FinanceRules.Summarize(data.Lines, data.Expenses, owned);
        var loss = FinanceRules.LossMaking(FinanceRules.BySku(data.Lines, data.Expenses, owned)).Count;
        return screens.Summary(arg, period, summary, loss);
    }

    private async Task<Screen> TopAsync(SessionContext session, FinanceScreens screens, string arg, FinancePeriod period, CancellationToken ct)
    {
        var data = await reader.ReadAsync(session, period, ct);
        var skus = FinanceRules.BySku(data.Lines, data.Expenses, reader.CostPrices(session));
        return screens.Top(arg, period, FinanceRules.TopByProfit(skus), skus.Count(s => s.Units > 0 && s.Profit is null));
    }

    private async Task<Screen> LossAsync(SessionContext session, FinanceScreens screens, string arg, FinancePeriod period, int page, CancellationToken ct)
    {
        var data = await reader.ReadAsync(session, period, ct);
        return screens.Loss(arg, period, FinanceRules.LossMaking(FinanceRules.BySku(data.Lines, data.Expenses, reader.CostPrices(session))), page);
    }

    /// <summary>SKUs sold in the period, those without any cost price first, then by revenue.</summary>
    private async Task<Screen> CostsAsync(SessionContext session, FinanceScreens screens, string arg, FinancePeriod period, int page, CancellationToken ct)
    {
        var data = await reader.ReadAsync(session, period, ct);
        var skuIds = (await catalogue.ReadAsync(session, ct)).SelectMany(p => p.SkuList ?? [])
            .Where(s => s.SkuFullTitle is not null).GroupBy(s => s.SkuFullTitle!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().SkuId, StringComparer.Ordinal);
        var owned = reader.CostPrices(session);
        var rows = data.Lines.Where(FinanceRules.IsSold).GroupBy(l => l.SkuTitle ?? "", StringComparer.Ordinal).Where(g => g.Key.Length > 0)
            .Select(g => new CostRow(g.Key, skuIds.TryGetValue(g.Key, out var id) ? id : null,
                g.Where(l => l.PurchasePrice > 0).Select(l => (long?)l.PurchasePrice).LastOrDefault(),
                owned.TryGetValue(g.Key, out var typed) ? typed : null, g.Sum(FinanceRules.Revenue)))
            .OrderBy(r => r.UzumPrice is not null || r.Typed is not null).ThenByDescending(r => r.Revenue).ThenBy(r => r.SkuCode, StringComparer.Ordinal)
            .ToList();
        return screens.Costs(arg, period, rows, page);
    }

    private async Task<Reply> AskCostAsync(SessionContext session, FinanceScreens screens, long skuId, string arg, CancellationToken ct)
    {
        ProductSku? sku;
        try
        {
            sku = await catalogue.FindSkuAsync(session, skuId, ct);
        }
        catch (Exception ex) when (ex is UzumUnavailableException or UzumApiException)
        {
            return Reply.Of(screens.Unavailable(CallbackData.Encode(CostPrice, skuId, arg)));
        }
        if (sku?.SkuFullTitle is not { } code) return Reply.Of(screens.NotFound());
        session.AwaitText($"{CostInputPrefix}{skuId}/{arg}");
        return Reply.Of(screens.AskCost(sku, costs.Find(session.Tenant.Id, code)?.Price, arg, null));
    }

    private async Task<Reply> SaveCostAsync(SessionContext session, FinanceScreens screens, long skuId, string arg, string text, CancellationToken ct)
    {
        var sku = await catalogue.FindSkuAsync(session, skuId, ct);
        if (sku?.SkuFullTitle is not { } code) return Reply.Of(screens.NotFound());
        var digits = new string(Conversation.PinInput.Normalize(Localization.Formats.WithoutCurrency(text)).Where(c => !char.IsWhiteSpace(c) && c != '\u00A0').ToArray());
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var price) || price > 10_000_000_000)
        {
            session.AwaitText($"{CostInputPrefix}{skuId}/{arg}");
            return Reply.Of(screens.AskCost(sku, costs.Find(session.Tenant.Id, code)?.Price, arg, "finance.cost_bad"));
        }
        string notice;
        if (price == 0)
        {
            costs.Remove(session.Tenant.Id, code);
            notice = session.F("finance.cost_removed", code);
        }
        else
        {
            costs.Set(session.Tenant.Id, code, skuId, price, session.Member.UserId, time.GetUtcNow());
            notice = session.F("finance.cost_saved", code, Localization.Formats.Money(price, session.Lang));
        }
        var reply = await HandleAsync(session, new CallbackCommand(Costs, [arg, "0"]), ct);
        return reply.Screen is { } screen ? Reply.Of(screen with { Html = Localization.Html.Encode(notice) + "\n\n" + screen.Html }) : reply;
    }
}
