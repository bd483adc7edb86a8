using System.Globalization;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (7) What telemetry costs durable kiosk ingest: the same web host with its co-hosted silo, once with telemetry as
/// a deployment runs it (metrics scraped by Prometheus every few seconds, traces sampled, Orleans' dashboard profiling
/// grain calls, request logs) and once with all of it off, in rounds whose order alternates so that drift of a shared
/// machine falls on both sides, each on a fresh copy of the same database. Each round: full-rate ingest, then the
/// acknowledged batch at a fixed rate for its p99.
/// </summary>
internal sealed class TelemetryCostScenario : IScenario
{
    private static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(5);

    public string Name => "telemetry";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var rounds = context.Options.Smoke ? 1 : sizes.TelemetryRounds;
        var population = await context.PopulationAsync();
        var run = sizes.Measure > KioskIngestScenario.MinimumRun ? sizes.Measure : KioskIngestScenario.MinimumRun;
        var on = new List<(double Rate, double P99, double Cpu)>();
        var off = new List<(double Rate, double P99, double Cpu)>();
        double? fixedRate = null;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var telemetry in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var name = $"webhost-telemetry-{(telemetry ? "on" : "off")}-{round + 1}";
                var prometheusPort = FreePort.Next();
                // Each round on its own copy of the district as the scenario found it: on one database, the rounds that
                // came later took in what the earlier ones had added, and their cost grew with it on both sides.
                var database = await context.Postgres.CopyDatabaseAsync(population.ConnectionString, "telemetry");
                await using var host = ProductHost.Start(context, name, database, Settings(telemetry, prometheusPort));
                await host.WaitReadyAsync(sizes.Patience);
                using var http = HttpLoad.CreateClient(host.Address, sizes.HttpConnections);
                using var scraping = new CancellationTokenSource();
                var scraper = telemetry ? ScrapeAsync(prometheusPort, scraping.Token) : Task.FromResult(0);

                await KioskIngestScenario.SimulateAsync(context, population, http, eventsPerSecond: 0, sizes.LoadWarmup, seed: 10 + round);
                var cpuBefore = host.Process.CpuTime();
                var full = await KioskIngestScenario.SimulateAsync(context, population, http, eventsPerSecond: 0, run, seed: 20 + round);
                if (full.Accepted + full.Rejected == 0)
                {
                    throw new InvalidOperationException($"{name}: the simulator got no events answered: {full}");
                }

                // CPU per event holds on a busy machine where rates do not (other work steals the cores from both sides).
                var cpu = (host.Process.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, (full.Accepted + full.Rejected) / 1000.0);
                // One offered load for every acknowledged-latency run: half the first full rate measured.
                fixedRate ??= full.EventsPerSecond / 2;
                var half = await KioskIngestScenario.SimulateAsync(context, population, http, fixedRate.Value, run, seed: 30 + round);
                await scraping.CancelAsync();
                var scrapes = await scraper;
                if (telemetry && scrapes == 0)
                {
                    throw new InvalidOperationException($"{name}: the Prometheus endpoint on port {prometheusPort} never answered.");
                }

                (telemetry ? on : off).Add((full.EventsPerSecond, half.P99Ms, cpu));
                await host.DisposeAsync();
                await context.Postgres.DropDatabaseAsync(database);
                Console.WriteLine($"   telemetry {(telemetry ? "on " : "off")} round {round + 1}: {full.EventsPerSecond:0} events/s, "
                    + $"{cpu:0} ms host CPU per 1,000 events, batch p99 {half.P99Ms:0.0} ms at {fixedRate:0} events/s{(telemetry ? $", {scrapes} scrapes" : "")}");
            }
        }

        Report(context, on, off, fixedRate ?? 0);
    }

    private static void Report(BenchContext context, List<(double Rate, double P99, double Cpu)> on, List<(double Rate, double P99, double Cpu)> off, double fixedRate)
    {
        string List(IEnumerable<double> values, string format) => string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));
        var rateOn = Median(on.Select(r => r.Rate));
        var rateOff = Median(off.Select(r => r.Rate));
        var p99On = Median(on.Select(r => r.P99));
        var p99Off = Median(off.Select(r => r.P99));
        context.Results.Product("telemetry.ingest_on", "(7) Durable ingest with telemetry on, median of rounds", rateOn, "events/s",
            [(Ceilings.JournalCeiling.Id, "× the journal ceiling", (v, c) => v / c)], note: $"rounds: {List(on.Select(r => r.Rate), "0")}");
        context.Results.Product("telemetry.ingest_off", "(7) Durable ingest with telemetry off, median of rounds", rateOff, "events/s",
            [(Ceilings.JournalCeiling.Id, "× the journal ceiling", (v, c) => v / c)], note: $"rounds: {List(off.Select(r => r.Rate), "0")}");
        var pairs = on.Zip(off, (a, b) => (b.Rate - a.Rate) / b.Rate * 100).ToList();
        context.Results.Product("product.telemetry_ingest_cost", "(7) Durable ingest lost to telemetry (median off − median on) ÷ off", (rateOff - rateOn) / rateOff * 100, "%",
            [], Target.AtMost(5, "%"), $"per round: {List(pairs, "0.0")} %");
        var cpuOn = Median(on.Select(r => r.Cpu));
        var cpuOff = Median(off.Select(r => r.Cpu));
        context.Results.Detail("telemetry.cpu_on", "(7) Host CPU per 1,000 events with telemetry on, median of rounds", cpuOn, "ms",
            $"rounds: {List(on.Select(r => r.Cpu), "0")}");
        context.Results.Detail("telemetry.cpu_off", "(7) Host CPU per 1,000 events with telemetry off, median of rounds", cpuOff, "ms",
            $"rounds: {List(off.Select(r => r.Cpu), "0")}");
        context.Results.Product("product.telemetry_cpu_cost", "(7) Host CPU per event added by telemetry (median on − median off) ÷ off", (cpuOn - cpuOff) / cpuOff * 100, "%",
            [], Target.AtMost(5, "%"), $"per round: {List(on.Zip(off, (a, b) => (a.Cpu - b.Cpu) / b.Cpu * 100), "0.0")} %; on a CPU-bound host this is the throughput it costs");
        context.Results.Detail("telemetry.batch_p99_on", "(7) Acknowledged batch p99 with telemetry on, median of rounds", p99On, "ms",
            $"at {fixedRate:0} events/s; rounds: {List(on.Select(r => r.P99), "0.0")}");
        context.Results.Detail("telemetry.batch_p99_off", "(7) Acknowledged batch p99 with telemetry off, median of rounds", p99Off, "ms",
            $"at {fixedRate:0} events/s; rounds: {List(off.Select(r => r.P99), "0.0")}");
        context.Results.Product("product.telemetry_p99_added", "(7) Acknowledged batch p99 added by telemetry (median on − median off)", p99On - p99Off, "ms",
            [], Target.AtMost(2, "ms"), $"per round: {List(on.Zip(off, (a, b) => a.P99 - b.P99), "0.0")} ms");
    }

    /// <summary>
    /// The two sides. <c>LIANXIN_BENCH_TELEMETRY_ON</c> (<c>key=value;key=value</c>) changes the "on" side, to find which
    /// part of telemetry costs what (e.g. <c>Telemetry:Tracing=false</c>).
    /// </summary>
    private static Dictionary<string, string> Settings(bool telemetry, int prometheusPort) => telemetry
        ? new Dictionary<string, string>
        {
            ["Telemetry:Enabled"] = "true",
            ["Telemetry:PrometheusPort"] = prometheusPort.ToString(CultureInfo.InvariantCulture),
            ["Telemetry:PrometheusHost"] = "127.0.0.1",
            ["Telemetry:Tracing"] = "true",
            ["Logging:Requests"] = "true",
        }.Concat(OnSideChanges()).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value)
        : new()
        {
            ["Telemetry:Enabled"] = "false",
            ["Logging:Requests"] = "false",
        };

    private static IEnumerable<KeyValuePair<string, string>> OnSideChanges() =>
        (Environment.GetEnvironmentVariable("LIANXIN_BENCH_TELEMETRY_ON") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(kv[0], kv[1]));

    /// <summary>Scrapes as Prometheus would, for the whole run; the count proves the endpoint answered.</summary>
    private static async Task<int> ScrapeAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var scrapes = 0;
        using var timer = new PeriodicTimer(ScrapeInterval);
        try
        {
            do
            {
                try
                {
                    using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"), cancellationToken);
                    scrapes += response.IsSuccessStatusCode ? 1 : 0;
                }
                catch (HttpRequestException)
                {
                    // The listener may not be up in the first instant; the next tick tries again.
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }

        return scrapes;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
