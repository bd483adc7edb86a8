using System.Net.Http.Headers;
using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;
using Lianxin.Bench.Workers;
using Lianxin.Simulator;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (1) Durable kiosk ingest: the kiosk simulator plays the benchmark district's kiosks against a cold web host through
/// kiosk protocol v1, batches of 50, every answer durable (journaled) before it is sent. First as fast as the host
/// answers, then at half that rate for the acknowledged-batch latencies, next to a no-op POST at the same rate.
/// </summary>
internal sealed class KioskIngestScenario : IScenario
{
    public const string RateId = "product.ingest_events";

    /// <summary>Simulator runs last at least this long: a batch still unanswered when a run stops is not counted.</summary>
    internal static readonly TimeSpan MinimumRun = TimeSpan.FromSeconds(5);

    /// <summary>The half-load simulator's own warm-up before it times anything (a fresh process compiles as it goes); shorter in smoke runs.</summary>
    private static readonly TimeSpan HalfLoadWarmup = TimeSpan.FromSeconds(20);

    public string Name => "ingest";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var population = await context.PopulationAsync();
        await using var host = ProductHost.Start(context, "webhost-ingest", population.ConnectionString);
        await host.WaitReadyAsync(sizes.Patience);
        using var http = HttpLoad.CreateClient(host.Address, sizes.HttpConnections);

        // Warm-up: connection pools, the kiosks' and centers' activations, and the JIT's second tier (a host runs for days).
        var run = sizes.Measure > MinimumRun ? sizes.Measure : MinimumRun;
        await SimulateAsync(context, population, http, eventsPerSecond: 0, sizes.LoadWarmup, seed: 1);
        var statements = await StatementStats.ResetAsync(population.ConnectionString);
        var (hostCpu, databaseCpu) = (host.Process.CpuTime(), context.Postgres.CpuTime());
        var full = await SimulateAsync(context, population, http, eventsPerSecond: 0, run, seed: 2);
        if (full.Accepted + full.Rejected == 0)
        {
            throw new InvalidOperationException($"The simulator got no events answered: {full}");
        }

        // CPU per event holds on a busy machine where rates do not: it says what each event costs, and where.
        var answered = (full.Accepted + full.Rejected) / 1000.0;
        context.Results.Product(
            "product.ingest_host_cpu", "(1) Web host and silo CPU per 1,000 events", (host.Process.CpuTime() - hostCpu).TotalMilliseconds / answered, "ms",
            [], Target.AtMost(30, "ms"));
        if (context.Postgres.CpuTime() is { } databaseAfter && databaseCpu is { } databaseBefore)
        {
            context.Results.Product(
                "product.ingest_database_cpu", "(1) PostgreSQL CPU per 1,000 events", (databaseAfter - databaseBefore).TotalMilliseconds / answered, "ms",
                [], Target.AtMost(20, "ms"));
        }

        await statements.ReportAsync(context, answered * 1000);

        context.Results.Product(
            RateId, $"(1) Durable kiosk ingest, batches of {sizes.BatchSize}, {population.District.KioskIds.Count} kiosks", full.EventsPerSecond, "events/s",
            [
                (HttpPostCeiling.Id, "of the no-op POST ceiling (batches/s ÷ req/s)", (v, c) => v / sizes.BatchSize / c),
                (StateWriteCeiling.Id, "× one durable grain write per event", (v, c) => v / c),
                (JournalCeiling.Id, "× the journal ceiling", (v, c) => v / c),
                (JournalCeiling.GroupedId, "× the grouped journal ceiling", (v, c) => v / c),
                (JournalCeiling.PagesId, "× the product's bare journal", (v, c) => v / c),
            ],
            context.Results.Find(JournalCeiling.Id) is { Value: > 0 } journalCeiling
                ? Target.AtLeast(0.5 * journalCeiling.Value, "events/s (0.5 × the journal ceiling)")
                : Target.AtLeast(30_000, "events/s"),
            $"{full.Accepted:N0} accepted, {full.Rejected:N0} rejected, {full.DuplicateAnswers:N0} duplicate answers, {full.FailedRequests} failed requests; "
            + $"batch p99 at full load {Results.Number(full.P99Ms)} ms");

        // The half-load phase is timed by a simulator in a process of its own that warms up first: in this process, the
        // harness's collector paused for 50-191 ms at a time while it simulated full load, and a pause of the process
        // that times the batches lands in their latency (BENCHMARKS.md (2b)).
        var halfRate = sizes.HalfLoadEventsPerSecond > 0 ? sizes.HalfLoadEventsPerSecond : full.EventsPerSecond / 2;
        var half = await KioskLoad.RunAsync(context, population, host.Address, halfRate, run, seed: 3, warmup: sizes.LoadWarmup < HalfLoadWarmup ? sizes.LoadWarmup : HalfLoadWarmup);
        var floor = await NoOpAtRateAsync(context, halfRate / sizes.BatchSize, run);
        context.Results.Ceiling(
            "ceiling.http_post_at_half_p99", "Ceiling: no-op POST of a batch at the same batch rate, p99", floor.Latency.P99, "ms",
            $"p50 {Results.Number(floor.Latency.P50)} ms at {Results.Number(floor.PerSecond)} req/s (open loop)");
        context.Results.Ceiling("ceiling.http_post_at_half_p50", "Ceiling: no-op POST of a batch at the same batch rate, p50", floor.Latency.P50, "ms");
        var note = $"at {Results.Number(half.EventsPerSecond)} events/s"
            + (context.Results.Find(JournalCeiling.Id) is { Value: > 0 } ceiling ? $" [{Results.Number(half.EventsPerSecond / ceiling.Value)} × the journal ceiling]" : "");
        context.Results.Product(
            "product.ingest_batch_p50", "(1) Acknowledged batch at half load, p50", half.P50Ms, "ms",
            [("ceiling.http_post_at_half_p50", "× a no-op POST at that rate", (v, c) => v / c), (StateWriteCeiling.P50Id, "× one durable grain write", (v, c) => v / c)],
            note: note);
        context.Results.Product(
            "product.ingest_batch_p99", "(1) Acknowledged batch at half load, p99", half.P99Ms, "ms",
            [("ceiling.http_post_at_half_p99", "× a no-op POST at that rate", (v, c) => v / c), (StateWriteCeiling.P99Id, "× one durable grain write", (v, c) => v / c)],
            Target.AtMost(50, "ms"),
            note);
    }

    /// <summary>One simulator run over the district's kiosks in this process (see <see cref="KioskLoad.PlayAsync"/>).</summary>
    internal static Task<SimulationReport> SimulateAsync(
        BenchContext context, Population population, HttpClient http, double eventsPerSecond, TimeSpan duration, int seed) =>
        KioskLoad.PlayAsync(
            http, population.District.Path, population.District.RootCenterId, population.District.KioskIds.Count, eventsPerSecond, duration,
            context.Sizes.BatchSize, seed, context.Sizes.Patience);

    /// <summary>The floor of an acknowledged batch: the same body to the no-op endpoint at the same rate.</summary>
    private static async Task<LoadResult> NoOpAtRateAsync(BenchContext context, double batchesPerSecond, TimeSpan duration)
    {
        var body = KioskBatchBody.Create(context.Sizes.BatchSize);
        var (process, address, _) = await context.StartCeilingAppAsync("ceiling-http-at-rate");
        await using (process)
        {
            using var client = HttpLoad.CreateClient(address, context.Sizes.HttpConnections);
            return await OpenLoop.RunAsync(batchesPerSecond, duration, _ =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return HttpLoad.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/ingest") { Content = content });
            });
        }
    }
}
