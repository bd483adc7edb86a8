using System.Globalization;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (7) What telemetry costs durable kiosk ingest: two copies of the same web host with its co-hosted silo, each on its
/// own fresh copy of the district, one with telemetry as a deployment runs it (metrics scraped by Prometheus every few
/// seconds, traces sampled, Orleans' dashboard profiling grain calls, request logs) and one with all of it off, both
/// started together and then loaded <b>in short turns</b>: on, off, off, on, ... each turn the same kiosk events on both
/// sides, while the other side rests. One host after the other, restarted for every round, the two sides differed more
/// from one round to the next than telemetry costs (the off side alone read 19 to 28 ms of host CPU per 1,000 events
/// within one run, BENCHMARKS.md (1t)); in turns a few seconds apart, the machine's drift falls on both sides alike.
/// Consecutive turns of one host still differ by up to a third (BENCHMARKS.md (1u)): the cost is the median over every
/// pair of turns, and telling 5 % from 10 % takes several host pairs (<c>telemetryrounds</c>). Both at once was tried
/// too: each host then ran at a quarter of its rate, where costs paid by the second (collection, scrapes) weigh four
/// times as much per event, which is not the load the target is about.
/// </summary>
internal sealed class TelemetryCostScenario : IScenario
{
    private static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(5);

    public string Name => "telemetry";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var rounds = context.Options.Smoke ? 1 : sizes.TelemetryRounds;
        var turns = context.Options.Smoke ? 1 : sizes.TelemetryTurns;
        var population = await context.PopulationAsync();
        var run = sizes.Measure > KioskIngestScenario.MinimumRun ? sizes.Measure : KioskIngestScenario.MinimumRun;
        var on = new List<SideFigures>();
        var off = new List<SideFigures>();
        double? fixedRate = null;
        for (var round = 0; round < rounds; round++)
        {
            var sides = new List<Side>();
            try
            {
                foreach (var telemetry in new[] { true, false })
                {
                    sides.Add(await Side.StartAsync(context, population, telemetry, round));
                }

                foreach (var side in sides)
                {
                    await side.Host.WaitReadyAsync(sizes.Patience);
                    await KioskIngestScenario.SimulateAsync(context, population, side.Http, 0, sizes.LoadWarmup, 10 + round);
                }

                // Turns in the order on, off, off, on, on, off, ...: a drift of the machine within a pair of turns falls
                // on each side first as often as second. Each turn's seed is the same on both sides: the same events.
                IEnumerable<(Side Side, int Turn)> Turns() => Enumerable.Range(0, 2 * turns)
                    .Select(i => (sides[(i + i / 2) % 2], 100 * round + i / 2));
                var full = new List<(Side Side, double Rate, double Cpu)>();
                foreach (var (side, turn) in Turns())
                {
                    var cpuBefore = side.Host.Process.CpuTime();
                    var report = await KioskIngestScenario.SimulateAsync(context, population, side.Http, 0, run, 20 + turn);
                    var answered = report.Accepted + report.Rejected;
                    if (answered == 0)
                    {
                        throw new InvalidOperationException($"{side.Name}: the simulator got no events answered: {report}");
                    }

                    // CPU per event holds on a busy machine where rates do not (other work steals the cores from both sides).
                    var cpu = (side.Host.Process.CpuTime() - cpuBefore).TotalMilliseconds / (answered / 1000.0);
                    full.Add((side, report.EventsPerSecond, cpu));
                    Console.WriteLine($"   telemetry {side.Label} round {round + 1}: {report.EventsPerSecond:0} events/s, {cpu:0.0} ms host CPU per 1,000 events");
                }

                // One offered load for every acknowledged-latency turn: half the first full rate measured.
                fixedRate ??= full[0].Rate / 2;
                var p99 = new List<(Side Side, double P99)>();
                foreach (var (side, turn) in Turns())
                {
                    var report = await KioskIngestScenario.SimulateAsync(context, population, side.Http, fixedRate.Value, run, 30 + turn);
                    p99.Add((side, report.P99Ms));
                    Console.WriteLine($"   telemetry {side.Label} round {round + 1}: batch p99 {report.P99Ms:0.0} ms at {fixedRate:0} events/s");
                }

                foreach (var side in sides)
                {
                    if (side.Telemetry && await side.StopScrapingAsync() == 0)
                    {
                        throw new InvalidOperationException($"{side.Name}: the Prometheus endpoint never answered.");
                    }

                    var figures = full.Where(f => f.Side == side).Zip(p99.Where(f => f.Side == side), (f, h) => new SideFigures(f.Rate, h.P99, f.Cpu));
                    (side.Telemetry ? on : off).AddRange(figures);
                }
            }
            finally
            {
                foreach (var side in sides)
                {
                    await side.DisposeAsync();
                }
            }
        }

        Report(context, on, off, fixedRate ?? 0);
    }

    /// <summary>What one side measured in one turn: its full rate, its CPU per 1,000 events, and its p99 at the fixed rate.</summary>
    private sealed record SideFigures(double Rate, double P99, double Cpu);

    /// <summary>One side of a round: its host on its own copy of the district, its client, and its scraper.</summary>
    private sealed class Side : IAsyncDisposable
    {
        private readonly BenchContext _context;
        private readonly string _database;
        private readonly CancellationTokenSource _scraping = new();
        private readonly Task<int> _scraper;

        private Side(BenchContext context, string name, bool telemetry, string database, ProductHost host, int prometheusPort)
        {
            _context = context;
            Name = name;
            Telemetry = telemetry;
            _database = database;
            Host = host;
            Http = HttpLoad.CreateClient(host.Address, context.Sizes.HttpConnections);
            _scraper = telemetry ? ScrapeAsync(prometheusPort, _scraping.Token) : Task.FromResult(0);
        }

        public string Name { get; }

        public string Label => Telemetry ? "on " : "off";

        public bool Telemetry { get; }

        public ProductHost Host { get; }

        public HttpClient Http { get; }

        public static async Task<Side> StartAsync(BenchContext context, Population population, bool telemetry, int round)
        {
            var name = $"webhost-telemetry-{(telemetry ? "on" : "off")}-{round + 1}";
            var prometheusPort = FreePort.Next();
            // Each side on its own copy of the district as the scenario found it: on one database, what one side (or an
            // earlier round) added would weigh on the other.
            var database = await context.Postgres.CopyDatabaseAsync(population.ConnectionString, "telemetry");
            var host = ProductHost.Start(context, name, database, Settings(telemetry, prometheusPort));
            return new Side(context, name, telemetry, database, host, prometheusPort);
        }

        public async Task<int> StopScrapingAsync()
        {
            await _scraping.CancelAsync();
            return await _scraper;
        }

        public async ValueTask DisposeAsync()
        {
            await StopScrapingAsync();
            _scraping.Dispose();
            Http.Dispose();
            await Host.DisposeAsync();
            await _context.Postgres.DropDatabaseAsync(_database);
        }
    }

    private static void Report(BenchContext context, List<SideFigures> on, List<SideFigures> off, double fixedRate)
    {
        string List(IEnumerable<double> values, string format) => string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));
        void BothSides(string id, string what, Func<SideFigures, double> value, string note)
        {
            foreach (var (side, figures) in new[] { ("on", on), ("off", off) })
            {
                context.Results.Detail($"telemetry.{id}_{side}", $"(7) {what} with telemetry {side}, median of turns", Median(figures.Select(value)), "ms",
                    $"{note}turns: {List(figures.Select(value), "0.0")}");
            }
        }

        // Each turn on is paired with the turn off that ran next to it on the same events; the cost is the median of the
        // pairs' differences, so that a drift of the machine between pairs drops out.
        var pairs = on.Zip(off).ToList();
        var lost = pairs.Select(p => (p.Second.Rate - p.First.Rate) / p.Second.Rate * 100).ToList();
        var cpuAdded = pairs.Select(p => (p.First.Cpu - p.Second.Cpu) / p.Second.Cpu * 100).ToList();
        var p99Added = pairs.Select(p => p.First.P99 - p.Second.P99).ToList();
        context.Results.Product("telemetry.ingest_on", "(7) Durable ingest with telemetry on, median of turns", Median(on.Select(r => r.Rate)), "events/s",
            [(Ceilings.JournalCeiling.Id, "× the journal ceiling", (v, c) => v / c)], note: $"turns: {List(on.Select(r => r.Rate), "0")}");
        context.Results.Product("telemetry.ingest_off", "(7) Durable ingest with telemetry off, median of turns", Median(off.Select(r => r.Rate)), "events/s",
            [(Ceilings.JournalCeiling.Id, "× the journal ceiling", (v, c) => v / c)], note: $"turns: {List(off.Select(r => r.Rate), "0")}");
        context.Results.Product("product.telemetry_ingest_cost", "(7) Durable ingest lost to telemetry, median of pairs of turns (off − on) ÷ off", Median(lost), "%",
            [], Target.AtMost(5, "%"), $"per pair: {List(lost, "0.0")} %");
        BothSides("cpu", "Host CPU per 1,000 events", r => r.Cpu, "");
        context.Results.Product("product.telemetry_cpu_cost", "(7) Host CPU per event added by telemetry, median of pairs of turns (on − off) ÷ off", Median(cpuAdded), "%",
            [], Target.AtMost(5, "%"), $"per pair: {List(cpuAdded, "0.0")} %; on a CPU-bound host this is the throughput it costs");
        BothSides("batch_p99", "Acknowledged batch p99", r => r.P99, $"at {fixedRate:0} events/s; ");
        context.Results.Product("product.telemetry_p99_added", "(7) Acknowledged batch p99 added by telemetry, median of pairs of turns (on − off)", Median(p99Added), "ms",
            [], Target.AtMost(2, "ms"), $"per pair: {List(p99Added, "0.0")} ms");
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
