using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UzumBot.Features.Dashboard;
using UzumBot.Features.Menu;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Features.Finance;

public static class FinanceServices
{
    /// <summary>💰 Finance and 🏠 Dashboard, their readers, cost prices and menu buttons.</summary>
    public static IServiceCollection AddFinanceAndDashboard(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<FinanceOptions>().Bind(config.GetSection(FinanceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CostPriceStore>();
        services.AddSingleton<FinanceReader>();
        services.AddSingleton<CatalogueReader>();
        services.AddSingleton<DashboardReader>();
        services.AddSingleton<MenuRevenue>();
        services.AddSingleton<FinanceFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<FinanceFeature>());
        services.AddSingleton<ITextInputFeature>(sp => sp.GetRequiredService<FinanceFeature>());
        services.AddSingleton<DashboardFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<DashboardFeature>());
        services.AddSingleton<ITextInputFeature>(sp => sp.GetRequiredService<DashboardFeature>());
        services.AddSingleton(new MenuEntry(MenuSlot.Dashboard, "menu.dashboard", DashboardFeature.Home, Permission.ViewDashboard));
        services.AddSingleton(new MenuEntry(MenuSlot.Finance, "menu.finance", FinanceFeature.Home, Permission.ViewMoney));
        return services;
    }
}
