using Lianxin.Common;
using Lianxin.Kiosks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lianxin.Hosting;

/// <summary>
/// What the kiosk actors need: their rules (the <c>Kiosks</c> section) and the clock, <see cref="TimeProvider"/>
/// (<see cref="DomainClock"/> wraps it for the code that still asks for that).
/// </summary>
public static class KioskConfiguration
{
    public static IServiceCollection AddLianxinKiosks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KioskOptions>(configuration.GetSection(KioskOptions.Section));
        services.Configure<Ledger.LedgerOptions>(configuration.GetSection(Ledger.LedgerOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DomainClock(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
