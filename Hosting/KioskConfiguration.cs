using Lianxin.Common;
using Lianxin.Kiosks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lianxin.Hosting;

/// <summary>
/// What the kiosk actors need: their rules (the <c>Kiosks</c> section) and the clocks, the host's
/// <see cref="TimeProvider"/> and the centers' (<see cref="CentersClock"/>), both the system clock unless a test
/// registers its own.
/// </summary>
public static class KioskConfiguration
{
    public static IServiceCollection AddLianxinKiosks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KioskOptions>(configuration.GetSection(KioskOptions.Section));
        services.Configure<Ledger.LedgerOptions>(configuration.GetSection(Ledger.LedgerOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(CentersClock.Key, TimeProvider.System);
        return services;
    }
}
