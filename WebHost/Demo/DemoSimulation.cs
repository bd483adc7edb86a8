using Lianxin.Simulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Lianxin.WebHost.Demo;

/// <summary>
/// Demo mode's kiosk traffic (<c>Demo:Simulate</c>, on by default): once the demo district is loaded, the kiosk
/// simulator plays it against this host's own address through the real protocol, so the dashboard is alive.
/// </summary>
internal sealed partial class DemoSimulation(
    DemoDistrictLoader loader, IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<DemoSimulation> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            await loader.Loaded.WaitAsync(stoppingToken);
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null)
            {
                LogNoAddress();
                return;
            }

            using var http = new HttpClient { BaseAddress = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost")) };
            var simulator = new KioskSimulator(new SimulatorOptions
            {
                DistrictPath = configuration["Demo:DataFile"] ?? DemoDistrict.DefaultPath,
                EventsPerSecond = configuration.GetValue("Demo:SimulationEventsPerSecond", 5.0),
                BatchSize = 10,
                Concurrency = 4,
            });
            LogStarting(address);
            var report = await simulator.RunAsync(http, stoppingToken);
            LogStopped(report.ToString());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception e)
        {
            LogFailed(e);
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo kiosk simulator playing the demo district against {Address}")]
    private partial void LogStarting(string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo kiosk simulator stopped: {Report}")]
    private partial void LogStopped(string report);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo kiosk simulator not started: the host listens on no address")]
    private partial void LogNoAddress();

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo kiosk simulator failed")]
    private partial void LogFailed(Exception exception);
}
