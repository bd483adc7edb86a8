using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Lianxin.TestSupport;

namespace Lianxin.WebHost.Tests.Attacks;

/// <summary>
/// The web host started the way a deployment starts it: <c>dotnet Lianxin.WebHost.dll</c> as its own process, the
/// Production environment, the shipped <c>appsettings.json</c>, a real PostgreSQL, and only what a deployment
/// configures (connection string, signing key, ports). No test hook reaches inside it: an attacker's view.
/// </summary>
public sealed class ProductionHostProcess : IAsyncDisposable
{
    private const int KeptLines = 2000;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ProductionHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the host listens.</summary>
    public Uri Address { get; }

    /// <summary>The key its tokens are signed with, as the deployment's secret holds it.</summary>
    public required string SigningKey { get; init; }

    /// <summary>Every line the host wrote so far (the latest ones).</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>A deployment's settings: a fresh database, a strong random signing key, free ports.</summary>
    public static async Task<Dictionary<string, string>> DeploymentSettingsAsync() => new()
    {
        ["ConnectionStrings:Lianxin"] = await TestDatabase.CreateAsync(),
        ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
    };

    /// <summary>Starts the host with <paramref name="settings"/> and waits until it is ready (or has exited).</summary>
    public static async Task<ProductionHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, bool waitReady = true)
    {
        var host = Launch(settings);
        if (waitReady)
        {
            try
            {
                await host.WaitReadyAsync();
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }

        return host;
    }

    private static ProductionHostProcess Launch(IReadOnlyDictionary<string, string> settings)
    {
        var httpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Lianxin.WebHost.dll"), "--contentRoot", WebHostDirectory()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Nothing from the test runner's environment leaks in (a developer's ASPNETCORE_ENVIRONMENT or Demo__Enabled).
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        var cluster = $"attack-{Guid.NewGuid():N}";
        start.Environment["Cluster__ClusterId"] = cluster;
        start.Environment["Cluster__ServiceId"] = cluster;
        start.Environment["Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The web host process did not start.");
        var host = new ProductionHostProcess(process, new Uri($"http://127.0.0.1:{httpPort}"))
        {
            SigningKey = settings.TryGetValue("Auth:SigningKey", out var signingKey) ? signingKey : "",
        };
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data is null ? null : $"stderr: {e.Data}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>A client of the host, as anyone on the network has.</summary>
    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Waits until a line matching <paramref name="match"/> was written, and returns it.</summary>
    public Task<string?> WaitForLineAsync(Func<string, bool> match, TimeSpan? deadline = null) => Eventually.HoldsAsync(
        () => Task.FromResult(_output.FirstOrDefault(match)), line => line is not null || _process.HasExited, deadline ?? TimeSpan.FromSeconds(60), "a log line");

    /// <summary>Waits until the process has exited (a host that refuses to start).</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    private async Task WaitReadyAsync()
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The web host exited with {_process.ExitCode}:\n{string.Join('\n', Output.TakeLast(40))}");
                }

                try
                {
                    return (await probe.GetAsync("/health/ready")).IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            ready => ready,
            TimeSpan.FromSeconds(90),
            "web host ready");
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

    private static string WebHostDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lianxin.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Lianxin.slnx not found above the test binaries."), "WebHost");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }
}
