using System.Diagnostics;
using System.Globalization;

namespace Lianxin.Bench.Harness;

/// <summary>
/// The product's web host with its co-hosted silo, started as users run it (<c>dotnet Lianxin.WebHost.dll</c>, Production
/// environment, configuration in environment variables) on a benchmark database; or, as Kubernetes runs it (k8s/), a
/// standalone silo holding the actors and a web host that calls them as a cluster client (<see cref="StartClusterAsync"/>).
/// </summary>
internal sealed class ProductHost : IAsyncDisposable
{
    public const string ServiceId = "lianxin-bench";

    private bool _disposed;
    private readonly ChildProcess _process;
    private readonly ChildProcess? _silo;
    private readonly HttpClient _probe;

    private ProductHost(ChildProcess process, Uri address, int gatewayPort, ChildProcess? silo)
    {
        _process = process;
        _silo = silo;
        Address = address;
        GatewayPort = gatewayPort;
        _probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

    public int GatewayPort { get; }

    public ChildProcess Process => _process;

    /// <summary>Starts the host; <paramref name="settings"/> override the benchmark defaults (demo off, Production).</summary>
    public static ProductHost Start(BenchContext context, string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null) =>
        Start(context, name, connectionString, settings, silo: null);

    /// <summary>
    /// Starts a standalone silo (<c>Lianxin.Silo.dll</c>), waits until it has joined its cluster (membership in the
    /// benchmark database), then the web host as its client: the actors' heap and the dashboards' connections in two
    /// processes, as in production. Disposing the host stops both.
    /// </summary>
    public static async Task<ProductHost> StartClusterAsync(BenchContext context, string name, string connectionString)
    {
        var cluster = new Dictionary<string, string>
        {
            ["Cluster:Clustering"] = "AdoNet",
            ["Cluster:ClusterId"] = $"{ServiceId}-{Guid.NewGuid():N}"[..24],
        };
        var siloAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var siloSettings = new Dictionary<string, string>(cluster)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = siloAddress.ToString(),
            ["ConnectionStrings:Lianxin"] = connectionString,
            ["Cluster:ServiceId"] = ServiceId,
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        };
        TelemetryAsAsked(context, siloSettings);
        var siloName = $"{name}-silo";
        var silo = ChildProcess.Start(siloName, context.Paths.SiloDll, [], siloSettings, context.LogPath(siloName));
        try
        {
            using var probe = new HttpClient { BaseAddress = siloAddress, Timeout = TimeSpan.FromSeconds(10) };
            await WaitReadyAsync(silo, probe, context.Sizes.Patience);
        }
        catch
        {
            await silo.StopAsync(TimeSpan.FromSeconds(10));
            await silo.DisposeAsync();
            throw;
        }

        return Start(context, name, connectionString, new Dictionary<string, string>(cluster) { ["Cluster:Mode"] = "Client" }, silo);
    }

    private static ProductHost Start(
        BenchContext context, string name, string connectionString, IReadOnlyDictionary<string, string>? settings, ChildProcess? silo)
    {
        var httpPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var all = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["ConnectionStrings:Lianxin"] = connectionString,
            ["Cluster:ServiceId"] = ServiceId,
            ["Cluster:ClusterId"] = ServiceId,
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Auth:SigningKey"] = DevToken.SigningKey,
            ["Demo:Enabled"] = "false",
            ["Demo:Simulate"] = "false",
            // The harness is one caller driving a district's worth of traffic (the memory figure reads 200,000 people
            // as fast as the host answers): per-caller rate limits would measure the limiter, not the product.
            ["Limits:UserPermitLimit"] = "100000000",
            ["Limits:KioskPermitLimit"] = "100000000",
            ["Limits:HubCallPermitLimit"] = "100000000",
        };
        TelemetryAsAsked(context, all);

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var process = ChildProcess.Start(name, context.Paths.WebHostDll, [], all, context.LogPath(name));
        return new ProductHost(process, new Uri($"http://127.0.0.1:{httpPort}"), gatewayPort, silo);
    }

    /// <summary>Telemetry and request logs stay on unless the run was asked to measure without them.</summary>
    private static void TelemetryAsAsked(BenchContext context, Dictionary<string, string> settings)
    {
        if (!context.Options.Telemetry)
        {
            settings["Telemetry:Enabled"] = "false";
            settings["Logging:Requests"] = "false";
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; returns the time since the process was started.</summary>
    public Task<TimeSpan> WaitReadyAsync(TimeSpan timeout) => WaitReadyAsync(_process, _probe, timeout);

    private static async Task<TimeSpan> WaitReadyAsync(ChildProcess process, HttpClient probe, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited with {process.ExitCode} before it was ready; see its log.");
            }

            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(process.StartedAt);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{process.Name} was not ready within {timeout}.");
    }

    /// <summary>Stops the host; again is nothing (a scenario may stop it early to drop its database).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _process.StopAsync(TimeSpan.FromSeconds(60));
        await _process.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.StopAsync(TimeSpan.FromSeconds(60));
            await _silo.DisposeAsync();
        }

        _probe.Dispose();
    }
}
