using System.Globalization;
using System.Text.Json;
using Lianxin.Bench.Workers;

namespace Lianxin.Bench.Harness;

/// <summary>What every scenario of a run shares: options and sizes, paths, the PostgreSQL server, the results.</summary>
internal sealed class BenchContext(BenchOptions options, BenchPaths paths, PostgresServer postgres, string workDirectory)
{
    private Task<Population>? _population;

    public BenchOptions Options => options;

    public BenchSizes Sizes => options.Sizes;

    public BenchPaths Paths => paths;

    public PostgresServer Postgres => postgres;

    public Results Results { get; } = new();

    /// <summary>Logs of child processes and generated files; outside the repository.</summary>
    public string WorkDirectory => workDirectory;

    public string LogPath(string name) => Path.Combine(workDirectory, "logs", $"{name}.log");

    /// <summary>
    /// The benchmark district on its own database, loaded once per run by the product itself (see
    /// <see cref="Population"/>); scenarios that need people share it.
    /// </summary>
    public Task<Population> PopulationAsync() => _population ??= Population.CreateAsync(this);

    /// <summary>Starts the ceiling web app as its own process and waits until it answers.</summary>
    public async Task<(ChildProcess Process, Uri Address, TimeSpan Ready)> StartCeilingAppAsync(string name)
    {
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        // The ceiling app keeps as many shared buffers as the product's web host sets for itself (its FanOutBuffers),
        // so a hub with no logic sends with the same buffers as the product's hub.
        var process = ChildProcess.Start(
            name, paths.HarnessDll, ["serve"],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = address.ToString(),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION"] = "1024",
            },
            LogPath(name));
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + Sizes.Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}; see {LogPath(name)}.");
            }

            try
            {
                using var response = await probe.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return (process, address, System.Diagnostics.Stopwatch.GetElapsedTime(process.StartedAt));
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        await process.DisposeAsync();
        throw new TimeoutException($"{name} did not answer within {Sizes.Patience}.");
    }

    /// <summary>Runs a grain worker process to its end and returns the numbers it printed.</summary>
    public async Task<IReadOnlyDictionary<string, double>> RunWorkerAsync(string kind, WorkerArgs args)
    {
        await using var worker = ChildProcess.Start($"worker-{kind}", paths.HarnessDll, ["worker", kind, .. args.ToArgs()], new Dictionary<string, string>(), LogPath($"worker-{kind}"));
        var line = await worker.WaitForLineAsync(l => l.StartsWith(GrainWorker.ResultPrefix, StringComparison.Ordinal), Sizes.Patience);
        await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));
        if (worker.ExitCode != 0)
        {
            throw new InvalidOperationException($"worker {kind} exited with {worker.ExitCode}; see {LogPath($"worker-{kind}")}.");
        }

        return JsonSerializer.Deserialize<Dictionary<string, double>>(line[GrainWorker.ResultPrefix.Length..])!;
    }

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
