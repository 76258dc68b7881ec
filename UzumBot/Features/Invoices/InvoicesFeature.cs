using Microsoft.Extensions.DependencyInjection;
using UzumBot.Features.Menu;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Features.Invoices;

/// <summary>📄 Invoices: supply invoices (goods sent to UZUM warehouses) and return invoices, paged newest first, each card with its composition and an XLSX of it.</summary>
public sealed class InvoicesFeature(InvoicesReader reader, TimeProvider time) : IFeature
{
    public const string Home = "i";
    public const string Supplies = "is";
    public const string Returns = "ir";
    public const string Supply = "ic";
    public const string Return = "ik";
    public const string SupplyXlsx = "ix";
    public const string ReturnXlsx = "iy";

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new Dictionary<string, Permission>
    {
        [Home] = Permission.ViewInvoices,
        [Supplies] = Permission.ViewInvoices,
        [Returns] = Permission.ViewInvoices,
        [Supply] = Permission.ViewInvoices,
        [Return] = Permission.ViewInvoices,
        [SupplyXlsx] = Permission.ViewInvoices,
        [ReturnXlsx] = Permission.ViewInvoices,
    };

    public async Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct)
    {
        var screens = new InvoicesScreens(session, time.GetUtcNow());
        switch (command.Name)
        {
            case Home:
                var supplies = Counted(reader.SuppliesAsync(session, ct));
                var returns = Counted(reader.ReturnsAsync(session, ct));
                return Reply.Of(screens.Home(await supplies, await returns));
            case Supplies:
                return Reply.Of(screens.Supplies(await reader.SuppliesAsync(session, ct), command.IntArg(0) ?? 0));
            case Returns:
                return Reply.Of(screens.Returns(await reader.ReturnsAsync(session, ct), command.IntArg(0) ?? 0));
            case Supply or SupplyXlsx when command.LongArg(0) is { } shopId && command.LongArg(1) is { } invoiceId:
                var invoice = await reader.FindSupplyAsync(session, shopId, invoiceId, ct);
                var lines = invoice is null ? null : await reader.SupplyLinesAsync(session, shopId, invoiceId, ct);
                if (invoice is null || lines is null) return Reply.Of(screens.NotFound());
                var rows = InvoiceComposition.Of(lines);
                return command.Name == SupplyXlsx
                    ? new Reply { Documents = [screens.SupplyWorkbook(invoice, rows)], ShowsUploadAction = true }
                    : Reply.Of(screens.SupplyCard(invoice, rows, command.IntArg(2) ?? 0, command.IntArg(3) ?? 0));
            case Return or ReturnXlsx when command.LongArg(0) is { } shopId && command.LongArg(1) is { } returnId:
                var item = await reader.FindReturnAsync(session, shopId, returnId, ct);
                if (item is null) return Reply.Of(screens.NotFound());
                return command.Name == ReturnXlsx
                    ? new Reply { Documents = [screens.ReturnWorkbook(item)], ShowsUploadAction = true }
                    : Reply.Of(screens.ReturnCard(item, command.IntArg(2) ?? 0, command.IntArg(3) ?? 0));
            default:
                return Reply.Of(screens.NotFound());
        }
    }

    /// <summary>A count for the home buttons; an unavailable UZUM shows "?" rather than failing the screen.</summary>
    private static async Task<int?> Counted<T>(Task<CappedList<T>> list)
    {
        try
        {
            return (await list).Items.Count;
        }
        catch (UzumUnavailableException)
        {
            return null;
        }
    }
}

public static class InvoicesServices
{
    public static IServiceCollection AddInvoices(this IServiceCollection services)
    {
        services.AddSingleton<InvoicesReader>();
        services.AddSingleton<InvoicesFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<InvoicesFeature>());
        services.AddSingleton(new MenuEntry(MenuSlot.Invoices, "menu.invoices", InvoicesFeature.Home, Permission.ViewInvoices));
        return services;
    }
}
