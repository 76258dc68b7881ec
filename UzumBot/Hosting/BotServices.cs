using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using UzumBot.Caching;
using UzumBot.Conversation;
using UzumBot.Features;
using UzumBot.Features.Admin;
using UzumBot.Features.Automation;
using UzumBot.Features.Catalog;
using UzumBot.Features.Finance;
using UzumBot.Features.Invoices;
using UzumBot.Features.Menu;
using UzumBot.Features.Orders;
using UzumBot.Features.Reports;
using UzumBot.Features.Settings;
using UzumBot.Features.Team;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Telegram;
using UzumBot.Uzum;

namespace UzumBot.Hosting;

/// <summary>Composition: every service of the bot in one visible place. Transports (Telegram, terminal) are added on top.</summary>
public static class BotServices
{
    private const string DemoClientName = "uzum-demo";

    public static IServiceCollection AddUzumBotCore(this IServiceCollection services, IConfiguration config, bool demo)
    {
        services.AddOptions<TelegramOptions>().Bind(config.GetSection(TelegramOptions.Section));
        services.AddOptions<UzumOptions>().Bind(config.GetSection(UzumOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(config.GetSection(StorageOptions.Section));
        services.AddOptions<SecurityOptions>().Bind(config.GetSection(SecurityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotOptions>().Bind(config.GetSection(BotOptions.Section));
        services.AddOptions<SandboxOptions>().Bind(config.GetSection(SandboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Database>();
        services.AddSingleton(sp => ServerPepper.Load(sp.GetRequiredService<IOptions<SecurityOptions>>().Value));
        services.AddSingleton(sp => new TokenVault(sp.GetRequiredService<ServerPepper>()));
        services.AddSingleton(sp => new TokenFingerprint(sp.GetRequiredService<ServerPepper>()));
        services.AddSingleton<AccessCodeStore>();
        services.AddSingleton<AuditLog>();

        services.AddUzumClient();
        services.AddSingleton<LocalSandbox>();
        services.AddTransient<LocalSandboxHandler>();
        services.AddHttpClient(DemoClientName, http =>
            {
                http.BaseAddress = LocalSandboxHandler.Placeholder;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<LocalSandboxHandler>()
            .RemoveAllLoggers();
        services.AddSingleton(sp =>
        {
            var demoClient = new UzumClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(DemoClientName),
                sp.GetRequiredService<IOptions<UzumOptions>>(),
                sp.GetRequiredService<UzumThrottleRegistry>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<UzumClient>>());
            // In --demo nothing leaves the machine: "UZUM Market" is the sandbox too.
            return new UzumClients(demo ? demoClient : sp.GetRequiredService<IUzumClient>(), demoClient);
        });

        services.AddSingleton<ShortCache>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<PendingSecrets>();
        services.AddSingleton<UnlockedSessions>();
        services.AddSingleton<OrdersReader>();
        services.AddSingleton<OrderCancellation>();
        services.AddSingleton<DbsDelivery>();
        services.AddSingleton<MenuFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<MenuFeature>());
        services.AddSingleton<IFeature, Features.Help.HelpFeature>();
        services.AddSingleton<OrdersFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<OrdersFeature>());
        services.AddSingleton<ITextInputFeature>(sp => sp.GetRequiredService<OrdersFeature>());
        services.AddSingleton<CatalogReader>();
        services.AddSingleton<CatalogFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<CatalogFeature>());
        services.AddSingleton<ITextInputFeature>(sp => sp.GetRequiredService<CatalogFeature>());
        services.AddSingleton(new MenuEntry(MenuSlot.Products, "menu.products", CatalogFeature.Home, Permission.ViewProducts));
        services.AddFinanceAndDashboard(config);
        services.AddInvoices();
        services.AddReports();
        services.AddSettings();
        services.AddTeam();
        services.AddAdmin();
        services.AddAutomation(config);
        services.AddSingleton<TenantRekey>();
        services.AddSingleton<Onboarding>();
        services.AddSingleton<PinDoor>();
        services.AddSingleton<ChatEngine>();
        return services;
    }

    public static IServiceCollection AddTelegramTransport(this IServiceCollection services)
    {
        // No resilience handler here: its attempt timeout would cut long-poll getUpdates.
        services.AddHttpClient("telegram", http => http.Timeout = TimeSpan.FromSeconds(90)).RemoveAllLoggers();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram");
            // RetryThreshold 0: Telegram.Bot would otherwise sleep through 429s itself; the renderer waits per chat.
            var clientOptions = new TelegramBotClientOptions(options.BotToken!, baseUrl: options.ApiBaseUrl.TrimEnd('/')) { RetryThreshold = 0 };
            return new TelegramBotClient(clientOptions, http);
        });
        services.AddSingleton(sp => new OutboundGate(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.MessagesPerSecond));
        services.AddSingleton<ChatQueues>();
        services.AddSingleton<TelegramRenderer>();
        services.AddHostedService<UpdatePump>();
        services.AddAutomationJobs();
        return services;
    }
}
