using Lianxin.Emergencies;
using Lianxin.Emergencies.Gateways;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Lianxin.Hosting;

/// <summary>What emergencies need in a silo: their options, the outbound gateway, and a wake-up of live ones at start.</summary>
public static partial class EmergencyServices
{
    public static ISiloBuilder AddLianxinEmergencies(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(EmergencyOptions.Section);
        silo.Services.Configure<EmergencyOptions>(section);
        silo.Services.TryAddSingleton<IAlertGateway, HttpAlertGateway>();
        // Residents' sign-in codes and the rotas' texts go out over the same SMS gateways and clients as the alerts.
        silo.Services.TryAddSingleton<Sms.ISmsSender, Sms.SmsSender>();
        silo.Services.TryAddSingleton<Residents.ISignInCodeSender, Residents.SmsSignInCodeSender>();

        // One HTTP client per gateway, each with its own retries, breaker and timeout (the rate limit is the gateway's own).
        silo.Services.AddTransient<GatewayTryRecorder>();
        foreach (var gateway in (section.Get<EmergencyOptions>() ?? new EmergencyOptions()).AllGateways())
        {
            var client = silo.Services.AddHttpClient(GatewayPipeline.ClientName(gateway.Name), client => client.Timeout = Timeout.InfiniteTimeSpan);
            client.AddResilienceHandler("gateway", builder => GatewayPipeline.Configure(builder, gateway));
            client.AddHttpMessageHandler<GatewayTryRecorder>();
        }

        silo.Services.AddHttpClient();

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
