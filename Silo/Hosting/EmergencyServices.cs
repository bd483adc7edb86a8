using Lianxin.Emergencies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Lianxin.Silo.Hosting;

/// <summary>What emergencies need in a silo: their options, the outbound gateway, and a wake-up of live ones at start.</summary>
public static partial class EmergencyServices
{
    public static ISiloBuilder AddLianxinEmergencies(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.Configure<EmergencyOptions>(configuration.GetSection(EmergencyOptions.Section));
        silo.Services.TryAddSingleton<IAlertGateway, WebhookGateway>();

        // A live emergency resumes its reminders, asks and escalations as soon as a silo starts, instead of at the
        // next tick of its one-minute Orleans reminder.
        silo.AddStartupTask(WakeLiveEmergenciesAsync);
        return silo;
    }

    private static async Task WakeLiveEmergenciesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EmergencyServices));
        try
        {
            var live = (await grains.GetGrain<IEmergencyDirectoryGrain>(0).ListAsync()).Where(e => e.Phase == EmergencyPhase.Running).ToList();
            foreach (var entry in live)
            {
                grains.GetGrain<IEmergencyGrain>(entry.Id).WakeAsync().Ignore();
            }

            LogWoken(logger, live.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWakeFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke {Count} live emergencies")]
    private static partial void LogWoken(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live emergencies could not be woken at start; their reminders will wake them")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception);
}
