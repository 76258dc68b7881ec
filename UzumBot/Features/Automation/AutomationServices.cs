using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UzumBot.Hosting;
using UzumBot.Security;
using UzumBot.Telegram;

namespace UzumBot.Features.Automation;

public static class AutomationServices
{
    /// <summary>The opt-in, the settings screen and the member preferences (no transport needed).</summary>
    public static IServiceCollection AddAutomation(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AutomationOptions>().Bind(config.GetSection(AutomationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => ServerKey.Load(sp.GetRequiredService<IOptions<SecurityOptions>>().Value));
        services.AddSingleton<AutomationAccess>();
        services.AddSingleton<MemberPreferences>();
        services.AddSingleton<IPushRecipients>(sp => sp.GetRequiredService<MemberPreferences>());
        services.AddSingleton<AutomationFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<AutomationFeature>());
        return services;
    }

    /// <summary>The jobs and the outbound queue they push through (Telegram transport only).</summary>
    public static IServiceCollection AddAutomationJobs(this IServiceCollection services)
    {
        services.AddSingleton<OutboundQueue>();
        services.AddSingleton<Pushes>();
        services.AddSingleton<NewOrderAlerts>();
        services.AddSingleton<LowStockAlerts>();
        services.AddSingleton<DailySummary>();
        services.AddSingleton<AutomationScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<AutomationScheduler>());
        return services;
    }
}
