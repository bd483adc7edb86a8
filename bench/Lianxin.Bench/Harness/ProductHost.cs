using System.Diagnostics;
using System.Globalization;

namespace Lianxin.Bench.Harness;

/// <summary>
/// The product's web host with its co-hosted silo, started as users run it (<c>dotnet Lianxin.WebHost.dll</c>, Production
/// environment, configuration in environment variables) on a benchmark database.
/// </summary>
internal sealed class ProductHost : IAsyncDisposable
{
    public const string ServiceId = "lianxin-bench";

    private bool _disposed;
    private readonly ChildProcess _process;
    private readonly HttpClient _probe;

    private ProductHost(ChildProcess process, Uri address, int gatewayPort)
    {
        _process = process;
        Address = address;
        GatewayPort = gatewayPort;
        _probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

    public int GatewayPort { get; }

    public ChildProcess Process => _process;

    /// <summary>Starts the host; <paramref name="settings"/> override the benchmark defaults (demo off, Production).</summary>
    public static ProductHost Start(BenchContext context, string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
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
        if (!context.Options.Telemetry)
        {
            all["Telemetry:Enabled"] = "false";
            all["Logging:Requests"] = "false";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var process = ChildProcess.Start(name, context.Paths.WebHostDll, [], all, context.LogPath(name));
        return new ProductHost(process, new Uri($"http://127.0.0.1:{httpPort}"), gatewayPort);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; returns the time since the process was started.</summary>
    public async Task<TimeSpan> WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.Name} exited with {_process.ExitCode} before it was ready; see its log.");
            }

            try
            {
                using var response = await _probe.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(_process.StartedAt);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{_process.Name} was not ready within {timeout}.");
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
        _probe.Dispose();
    }
}
