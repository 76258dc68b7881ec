using Microsoft.Extensions.DependencyInjection;

namespace UzumBot.Features.Admin;

public static class AdminServices
{
    /// <summary>The operator's /admin: registered as itself (for tests) and as the engine's <see cref="IOperatorFeature"/>.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<AdminFeature>();
        services.AddSingleton<IOperatorFeature>(sp => sp.GetRequiredService<AdminFeature>());
        return services;
    }
}
