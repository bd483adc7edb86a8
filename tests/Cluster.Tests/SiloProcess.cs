using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Lianxin.TestSupport;

namespace Lianxin.Cluster.Tests;

/// <summary>
/// A real standalone silo process (<c>Lianxin.Silo.dll</c>) in a PostgreSQL-membership cluster, so a test can
/// stop it the way Kubernetes does (SIGTERM) or kill it the way a crash does (SIGKILL).
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>How many of the latest output lines are kept for a failing test's report.</summary>
    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, int httpPort)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>The silo's process id and ports, to tell the silos apart in a report.</summary>
    public string Name => $"silo pid {_process.Id}, silo port {SiloPort}, gateway {GatewayPort}";

    /// <summary>The latest lines the silo wrote to stdout and stderr.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public int GatewayPort { get; private init; }

    public int SiloPort { get; private init; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a silo on ports the OS said were free a moment ago. Another process can take such a port before
    /// the silo binds it, so a silo that dies while starting is started again on new ports (at most three times).
    /// </summary>
    public static async Task<SiloProcess> StartAsync(ClusterSettings cluster)
    {
        for (var attempt = 1; ; attempt++)
        {
            var silo = Launch(cluster);
            try
            {
                await silo.WaitReadyAsync();
                return silo;
            }
            catch (InvalidOperationException) when (attempt < 3 && silo.HasExited)
            {
                await silo.DisposeAsync();
            }
            catch
            {
                // Never leave a silo process behind a failed start.
                await silo.DisposeAsync();
                throw;
            }
        }
    }

    private static SiloProcess Launch(ClusterSettings cluster)
    {
        var httpPort = FreePort.Next();
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Lianxin.Silo.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in cluster.SiloSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start.");
        var silo = new SiloProcess(process, httpPort) { GatewayPort = gatewayPort, SiloPort = siloPort };

        // Drain the output so the process never blocks on a full pipe; keep the tail for a failing test's report.
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data is null ? null : $"stderr: {e.Data}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>Waits until the silo answers its readiness probe (it has joined the cluster).</summary>
    public Task WaitReadyAsync() => Eventually.HoldsAsync(
        async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo process exited with {_process.ExitCode}.");
            }

            try
            {
                return (await _http.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the probe's timeout.
                return false;
            }
        },
        ready => ready,
        TimeSpan.FromSeconds(90),
        "silo ready");

    /// <summary>A crash: SIGKILL, no shutdown of any kind.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>What Kubernetes does first: SIGTERM, then the host's graceful shutdown, waited for.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }
}
