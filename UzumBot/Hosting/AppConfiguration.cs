using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace UzumBot.Hosting;

/// <summary>
/// Configuration sources, lowest first: appsettings.json beside the binary, environment variables (Section__Key),
/// then --Section:Key=value arguments. Relative data paths (Storage:Path, Security:PepperPath) are relative to
/// the working directory.
/// </summary>
public static class AppConfiguration
{
    public static HostApplicationBuilder CreateHostBuilder(string[] configArgs, IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        return builder;
    }

    public static IConfiguration Build(string[] configArgs) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(configArgs)
        .Build();
}
