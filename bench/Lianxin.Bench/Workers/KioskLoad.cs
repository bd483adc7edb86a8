using System.Globalization;
using System.Text.Json;
using Lianxin.Bench.Harness;
using Lianxin.Simulator;

namespace Lianxin.Bench.Workers;

/// <summary>
/// The kiosk simulator in a process of its own (<c>simulate</c>), for a scenario that measures something else in the
/// harness while the kiosks post. In the harness, the simulator's garbage paused the push scenario's 1,000 dashboards:
/// 9-15 % of the time, up to 245 ms at once, against 1-2 % while the same dashboards received the bare hub
/// (BENCHMARKS.md (2b)). The ingest scenario's half-load phase times its batches here too, after a warm-up of the
/// child's own, so a pause of the harness's collector does not land in the product's acknowledgement latency.
/// </summary>
internal static class KioskLoad
{
    public const string Command = "simulate";

    private const string Done = "simulated: ";

    /// <summary>
    /// Plays the district's kiosks against the host at the rate for <paramref name="warmup"/> untimed, then for
    /// <paramref name="duration"/>; answers what the timed part measured.
    /// </summary>
    public static async Task<ChildReport> RunAsync(
        BenchContext context, Population population, Uri host, double eventsPerSecond, TimeSpan duration, int seed, TimeSpan warmup = default)
    {
        var sizes = context.Sizes;
        var name = $"simulator-{seed}";
        string[] args =
        [
            Command, host.ToString(), population.District.Path, population.District.RootCenterId, Text(population.District.KioskIds.Count),
            Text(eventsPerSecond), Text(duration.TotalSeconds), Text(sizes.BatchSize), Text(seed), Text(sizes.HttpConnections),
            Text(sizes.Patience.TotalSeconds), Text(warmup.TotalSeconds),
        ];
        await using var process = ChildProcess.Start(name, context.Paths.HarnessDll, args, new Dictionary<string, string>(), context.LogPath(name));
        var line = await process.WaitForLineAsync(l => l.StartsWith(Done, StringComparison.Ordinal), warmup + duration + sizes.Patience);
        return JsonSerializer.Deserialize<ChildReport>(line[Done.Length..])!;
    }

    /// <summary>The child's side: the arguments <see cref="RunAsync"/> passes.</summary>
    public static async Task<int> MainAsync(string[] args)
    {
        if (args is not [var host, var district, var root, var kiosks, var rate, var seconds, var batch, var seed, var connections, var patience, var warmup])
        {
            await Console.Error.WriteLineAsync($"{Command} takes: host district root-center kiosks events/s seconds batch seed connections patience-seconds warmup-seconds");
            return 2;
        }

        using var http = HttpLoad.CreateClient(new Uri(host), (int)Number(connections));
        // One run: its first part lets its own JIT, connections and collector settle, untimed; the timing then starts
        // on a fleet already sending, not on one registering its keys and starting all together (which, timed, put one
        // second of 130-140 slow batches in three measures of four: BENCHMARKS.md (1q)).
        var report = await PlayAsync(
            http, district, root, (int)Number(kiosks), Number(rate), TimeSpan.FromSeconds(Number(seconds)), (int)Number(batch), (int)Number(seed),
            TimeSpan.FromSeconds(Number(patience)), TimeSpan.FromSeconds(Number(warmup)));
        Console.WriteLine(Done + JsonSerializer.Serialize(new ChildReport(report.EventsPerSecond, report.P50Ms, report.P99Ms, report.FailedRequests)));
        return 0;
    }

    /// <summary>
    /// One simulator run over the district's kiosks (not the probe), timed after its first <paramref name="warmup"/>; 0 events/s
    /// sends as fast as answers come.
    /// </summary>
    public static async Task<SimulationReport> PlayAsync(
        HttpClient http, string districtPath, string rootCenterId, int kiosks, double eventsPerSecond, TimeSpan duration, int batchSize, int seed, TimeSpan patience,
        TimeSpan warmup = default)
    {
        var simulator = new KioskSimulator(new SimulatorOptions
        {
            DistrictPath = districtPath,
            Kiosks = kiosks,
            EventsPerSecond = eventsPerSecond,
            Duration = warmup + duration,
            Warmup = warmup,
            BatchSize = batchSize,
            // One batch in flight per kiosk, as kiosks upload.
            Concurrency = kiosks,
            Seed = seed,
            OperatorToken = DevToken.Issue("operator", rootCenterId, "bench"),
        });
        using var stop = new CancellationTokenSource(warmup + duration + patience);
        return await simulator.RunAsync(http, stop.Token);
    }

    /// <summary>What the child's timed run measured: events answered per second and the acknowledged batch's latency.</summary>
    public sealed record ChildReport(double EventsPerSecond, double P50Ms, double P99Ms, long FailedRequests);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
