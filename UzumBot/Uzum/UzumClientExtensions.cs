using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UzumBot.Hosting;

namespace UzumBot.Uzum;

public static class UzumClientExtensions
{
    /// <summary>
    /// Reads an order back after a POST on it failed or timed out (POSTs are never retried: UZUM may have applied
    /// the action anyway). Callers compare the status with the action's target and treat "already there" as success,
    /// e.g. CANCELED (or PENDING_CANCELLATION) after a cancel, PACKING after a confirm; otherwise they report the
    /// original failure. Returns null when the order cannot be read right now (UZUM unavailable or an API error).
    /// </summary>
    public static async Task<SellerOrder?> TryReadOrderAsync(this IUzumClient client, UzumToken token, long orderId, CancellationToken ct)
    {
        try
        {
            return await client.GetOrderAsync(token, orderId, ct);
        }
        catch (Exception ex) when (ex is UzumApiException or UzumUnavailableException)
        {
            return null;
        }
    }

    /// <summary>
    /// Registers <see cref="IUzumClient"/> as a typed HttpClient (base address from <see cref="UzumOptions.BaseUrl"/>;
    /// the host binds the options section), the process-wide per-token <see cref="UzumThrottleRegistry"/>, and
    /// <see cref="TimeProvider.System"/> unless another TimeProvider is registered. The retry lives inside
    /// <see cref="UzumClient"/> (Polly.Core); no resilience handler is added to this or any other HttpClient.
    /// </summary>
    public static IServiceCollection AddUzumClient(this IServiceCollection services)
    {
        services.AddOptions<UzumOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UzumThrottleRegistry>();
        services.AddHttpClient<IUzumClient, UzumClient>((sp, http) =>
            {
                http.BaseAddress = UzumClient.NormalizeBaseUrl(sp.GetRequiredService<IOptions<UzumOptions>>().Value.BaseUrl);
                http.Timeout = Timeout.InfiniteTimeSpan; // per-attempt timeouts are the client's
            })
            .RemoveAllLoggers(); // the default handler logs full URIs; UzumClient logs method, path, status and time
        return services;
    }
}
