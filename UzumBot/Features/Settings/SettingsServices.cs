using Microsoft.Extensions.DependencyInjection;

namespace UzumBot.Features.Settings;

public static class SettingsServices
{
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddSingleton<CurrentPinCheck>();
        services.AddSingleton<DataEraser>();
        services.AddSingleton<SettingsFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<SettingsFeature>());
        services.AddSingleton<ITextInputFeature>(sp => sp.GetRequiredService<SettingsFeature>());
        return services;
    }
}
