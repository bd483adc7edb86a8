using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Bench.Harness;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (9) The outbound event feed to one subscriber in batch mode (CloudEvents batched content mode, the product's default
/// batch size): events committed straight into the outbound log, delivered by the product to a Kestrel receiver in this
/// process. Three phases on one subscription: a burst of <see cref="BenchSizes.FeedEvents"/> events (500 per commit) for
/// the delivery rate; <see cref="BenchSizes.FeedRate"/> events per second for <see cref="BenchSizes.Measure"/> for the
/// commit-to-arrival latency; then the receiver refuses everything for <see cref="BenchSizes.FeedOutage"/> while events
/// keep coming at that rate, and the time to catch up once it answers again. Checks none is lost (the scenario fails
/// otherwise) and each source's order holds. Ceilings: the same receiver answering one client's POSTs one after another,
/// single events and 500-event batches.
/// </summary>
internal sealed class EventFeedScenario : IScenario
{
    private const string Ceiling = "ceiling.sequential_post";
    private const string BatchCeiling = "ceiling.sequential_batch_post";
    private const int CommitSize = 500;
    private const int Sources = 50;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<int, long> _committed = [];
    private int _next;

    public string Name => "event-feed";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var receiver = new FeedReceiver();
        await using var app = await receiver.StartAsync();
        await MeasureCeilingAsync(context, receiver, 1, Ceiling, "One client's sequential POSTs to a Kestrel receiver, one event each", "req/s");
        await MeasureCeilingAsync(context, receiver, CommitSize, BatchCeiling, $"One client's sequential POSTs of {CommitSize}-event batches to the same receiver", "events/s");

        var database = await context.Postgres.CreateDatabaseAsync("event_feed");
        await using var host = ProductHost.Start(context, "webhost-event-feed", database, new Dictionary<string, string> { ["EventFeed:AllowPrivateEndpoints"] = "true" });
        await host.WaitReadyAsync(sizes.Patience);
        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevToken.Issue("operator", "bf"));
        (await client.PostAsJsonAsync("/api/v1/centers", Center("bf", "district", null))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/centers", Center("bf-c", "community", "bf"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/event-subscriptions", new { id = "sub-bench", url = receiver.Url, regionId = "bf", startAfter = 0, delivery = "batch" }))
            .EnsureSuccessStatusCode();
        await using var source = NpgsqlDataSource.Create(database);

        // Burst: the delivery rate through a backlog.
        var burstFrom = _next;
        for (var left = sizes.FeedEvents; left > 0; left -= CommitSize)
        {
            await InsertAsync(source, Math.Min(CommitSize, left));
        }

        await WaitForAsync(receiver, _next, sizes.Patience);
        var burst = receiver.Arrivals.Where(a => a.N >= burstFrom).ToList();
        var rate = sizes.FeedEvents / Math.Max(Stopwatch.GetElapsedTime(burst.Min(a => a.At), burst.Max(a => a.At)).TotalSeconds, 1e-6);
        var burstLatency = Latency(burst, burstFrom, _next);

        // Steady: the latency at the target rate.
        var steadyFrom = _next;
        await PaceAsync(source, sizes.FeedRate, sizes.Measure, () => false);
        await WaitForAsync(receiver, _next, sizes.Patience);
        var steady = Latency(receiver.Arrivals, steadyFrom, _next);
        var steadyRate = (_next - steadyFrom) / sizes.Measure.TotalSeconds;

        // Outage: the receiver refuses everything while events keep coming; then the time until it holds all of them.
        receiver.Down = true;
        var outageFrom = _next;
        await PaceAsync(source, sizes.FeedRate, sizes.FeedOutage, () => false);
        var outageTo = _next;
        receiver.Down = false;
        var recovered = Stopwatch.GetTimestamp();
        await PaceAsync(source, sizes.FeedRate, sizes.Patience, () => receiver.Holds($"bench-{outageTo - 1}"));
        var catchUp = Stopwatch.GetElapsedTime(recovered).TotalSeconds;
        await WaitForAsync(receiver, _next, sizes.Patience);

        var arrivals = receiver.Arrivals.ToArray();
        var lost = Enumerable.Range(0, _next).Count(n => !receiver.Holds($"bench-{n}"));
        var outOfOrder = arrivals.GroupBy(a => a.Source).Count(g => !IsIncreasing(g.Select(a => a.N)));
        var twice = arrivals.Length - receiver.Distinct;
        context.Results.Product(
            "product.event_feed_rate", "(9) Outbound events delivered to one subscriber (batch mode, a backlog)", rate, "events/s",
            [(BatchCeiling, "× sequential 500-event batch POSTs to the same receiver", (v, c) => v / c), (Ceiling, "× sequential one-event POSTs", (v, c) => v / c)],
            Target.AtLeast(10_000, "events/s"),
            $"{sizes.FeedEvents} events, {Sources} sources; burst commit-to-arrival p99 {Results.Number(burstLatency.P99)} ms (the backlog's wait)");
        context.Results.Product(
            "product.event_feed_latency_p99", $"(9) Event commit to arrival at the subscriber, p99, at {Results.Number(sizes.FeedRate)} events/s", steady.P99, "ms", [],
            Target.AtMost(1000, "ms"), $"p50 {Results.Number(steady.P50)} ms, max {Results.Number(steady.Max)} ms; committed {Results.Number(steadyRate)} events/s for {sizes.Measure.TotalSeconds} s");
        context.Results.Product(
            "product.event_feed_catch_up", $"(9) Catch-up after a {sizes.FeedOutage.TotalSeconds:0} s outage of the subscriber ({outageTo - outageFrom:N0} events held back), events still coming",
            catchUp, "s", [], null,
            $"{lost} lost of {_next:N0}, {twice:N0} delivered twice (a receiver de-duplicates by id), {outOfOrder} sources out of order, {receiver.Refused:N0} requests refused");
        if (lost > 0 || outOfOrder > 0)
        {
            throw new InvalidOperationException($"{lost} events lost, {outOfOrder} sources received events out of order.");
        }
    }

    private static bool IsIncreasing(IEnumerable<int> numbers)
    {
        // At least once: a batch sent again repeats numbers already seen; the first arrivals must increase.
        var last = -1;
        var seen = new HashSet<int>();
        foreach (var n in numbers)
        {
            if (seen.Add(n))
            {
                if (n < last)
                {
                    return false;
                }

                last = n;
            }
        }

        return true;
    }

    private Percentiles Latency(IEnumerable<FeedArrival> arrivals, int from, int to)
    {
        var latency = new Latencies(to - from);
        foreach (var first in arrivals.Where(a => a.N >= from && a.N < to).GroupBy(a => a.N).Select(g => g.First()))
        {
            latency.Add(Stopwatch.GetElapsedTime(_committed[first.N], first.At).TotalMilliseconds);
        }

        return latency.Summarize();
    }

    /// <summary>Commits events at <paramref name="rate"/> per second, a commit per 50 ms tick, for <paramref name="duration"/> or until <paramref name="done"/>.</summary>
    private async Task PaceAsync(NpgsqlDataSource source, double rate, TimeSpan duration, Func<bool> done)
    {
        var start = Stopwatch.GetTimestamp();
        var sent = 0L;
        while (!done() && Stopwatch.GetElapsedTime(start) < duration)
        {
            var due = (long)(rate * Stopwatch.GetElapsedTime(start).TotalSeconds) - sent;
            if (due > 0)
            {
                var count = (int)Math.Min(due, 5 * CommitSize);
                await InsertAsync(source, count);
                sent += count;
            }

            await Task.Delay(Tick);
        }
    }

    private static async Task WaitForAsync(FeedReceiver receiver, int total, TimeSpan patience)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (receiver.Distinct < total && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }

        if (receiver.Distinct < total)
        {
            throw new TimeoutException($"{receiver.Distinct} of {total} events delivered within {patience}.");
        }
    }

    private static async Task MeasureCeilingAsync(BenchContext context, FeedReceiver receiver, int events, string id, string title, string unit)
    {
        using var client = new HttpClient();
        object One(int n) => new { specversion = "1.0", id = $"ceiling-{n}", source = $"/bench/s{n % Sources}", type = "cn.lianxin.bench", sequence = $"{n}", centerid = "bf-c", data = new { n } };
        var body = events == 1 ? JsonSerializer.SerializeToUtf8Bytes(One(0)) : JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(0, events).Select(One).ToArray());
        var end = Stopwatch.GetTimestamp() + (long)((context.Sizes.Warmup + context.Sizes.Measure).TotalSeconds * Stopwatch.Frequency);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(context.Sizes.Warmup.TotalSeconds * Stopwatch.Frequency);
        var counted = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new(events == 1 ? "application/cloudevents+json" : "application/cloudevents-batch+json");
            using var response = await client.PostAsync(receiver.Url, content);
            if (Stopwatch.GetTimestamp() >= measureFrom)
            {
                counted++;
            }
        }

        context.Results.Ceiling(id, title, counted * events / context.Sizes.Measure.TotalSeconds, unit);
    }

    private async Task InsertAsync(NpgsqlDataSource source, int count)
    {
        var numbers = Enumerable.Range(_next, count).ToArray();
        await using var command = source.CreateCommand("""
            INSERT INTO lianxin_outbound_events (event_id, event_type, source, subject, occurred_at, center_id, center_path, data)
            SELECT 'bench-' || n, 'cn.lianxin.bench', '/bench/s' || (n % @sources), NULL, now(), 'bf-c', '/bf-c/bf/', jsonb_build_object('n', n)
            FROM unnest(@numbers) AS n
            ORDER BY n
            """);
        command.Parameters.Add(new NpgsqlParameter<int[]>("numbers", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = numbers });
        command.Parameters.AddWithValue("sources", Sources);
        await command.ExecuteNonQueryAsync();
        var at = Stopwatch.GetTimestamp();
        foreach (var n in numbers)
        {
            _committed[n] = at;
        }

        _next += count;
    }

    private static object Center(string id, string level, string? parentId) => new
    {
        id, name = $"{id}党群服务中心", level, parentId, location = new { latitude = 27.7, longitude = 121.1 }, floorAreaSqm = 1200,
        households = level == "community" ? 1000 : (int?)null, openingHours = new { opens = "08:30", closes = "20:30" }, selfService24h = true,
        staff = new[] { new { name = "张三", role = "operationsStaff", isPartyMember = true, trainingDays = 3 } }, functions = new[] { "partyBuilding" },
    };
}
