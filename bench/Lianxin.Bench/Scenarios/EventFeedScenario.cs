using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Bench.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (9) The outbound event feed: <see cref="BenchSizes.FeedEvents"/> events written to the outbound log in 500-event
/// commits, delivered by the product to one subscriber (a Kestrel receiver in this process) one request per event.
/// Measures events delivered per second, from the first arrival to the last, and the end-to-end latency from an event's
/// commit to its arrival; checks none is lost and each source's order holds. The ceiling is the same receiver answering
/// one client's POSTs one after another (what any one-at-a-time deliverer can reach here).
/// </summary>
internal sealed class EventFeedScenario : IScenario
{
    private const string Ceiling = "ceiling.sequential_post";
    private const int CommitSize = 500;
    private const int Sources = 50;

    public string Name => "event-feed";

    public async Task RunAsync(BenchContext context)
    {
        var receiver = new Receiver();
        await using var app = await receiver.StartAsync();
        await MeasureCeilingAsync(context, receiver);

        var database = await context.Postgres.CreateDatabaseAsync("event_feed");
        await using var host = ProductHost.Start(context, "webhost-event-feed", database, new Dictionary<string, string>
        {
            ["EventFeed:AllowPrivateEndpoints"] = "true",
            ["EventFeed:PageSize"] = "1000",
            ["EventFeed:PollInterval"] = "00:00:00.020",
        });
        await host.WaitReadyAsync(context.Sizes.Patience);
        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevToken.Issue("operator", "bf"));
        (await client.PostAsJsonAsync("/api/v1/centers", Center("bf", "district", null))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/centers", Center("bf-c", "community", "bf"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/event-subscriptions", new { id = "sub-bench", url = receiver.Url, regionId = "bf", startAfter = 0 })).EnsureSuccessStatusCode();

        receiver.Reset();
        var total = context.Sizes.FeedEvents;
        var committed = new ConcurrentDictionary<string, long>();
        await using (var source = NpgsqlDataSource.Create(database))
        {
            for (var from = 0; from < total; from += CommitSize)
            {
                var count = Math.Min(CommitSize, total - from);
                await InsertAsync(source, from, count);
                var at = Stopwatch.GetTimestamp();
                for (var n = from; n < from + count; n++)
                {
                    committed[$"bench-{n}"] = at;
                }
            }
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(context.Sizes.Patience.TotalSeconds * Stopwatch.Frequency);
        while (receiver.Distinct < total && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        var arrivals = receiver.Arrivals.ToArray();
        if (receiver.Distinct < total)
        {
            throw new TimeoutException($"{receiver.Distinct} of {total} events delivered within {context.Sizes.Patience}.");
        }

        var outOfOrder = arrivals.GroupBy(a => a.Source).Count(g => !g.Select(a => a.N).SequenceEqual(g.Select(a => a.N).Order()));
        var seconds = Stopwatch.GetElapsedTime(arrivals.Min(a => a.At), arrivals.Max(a => a.At)).TotalSeconds;
        var rate = total / Math.Max(seconds, 1e-6);
        var latency = new Latencies(total);
        foreach (var arrival in arrivals.GroupBy(a => a.Id).Select(g => g.First()))
        {
            latency.Add(Stopwatch.GetElapsedTime(committed[arrival.Id], arrival.At).TotalMilliseconds);
        }

        var p = latency.Summarize();
        context.Results.Product(
            "product.event_feed_rate", "(9) Outbound events delivered to one subscriber", rate, "events/s",
            [(Ceiling, "× sequential POSTs to the same receiver", (v, c) => v / c)],
            Target.AtLeast(10_000, "events/s"),
            $"{total} events, {Sources} sources, {arrivals.Length - total} delivered twice, {outOfOrder} sources out of order");
        context.Results.Product(
            "product.event_feed_latency_p99", "(9) Event commit to arrival at the subscriber, p99", p.P99, "ms", [], Target.AtMost(1000, "ms"),
            $"p50 {Harness.Results.Number(p.P50)} ms, max {Harness.Results.Number(p.Max)} ms (includes the backlog of a {total}-event burst)");
        if (outOfOrder > 0)
        {
            throw new InvalidOperationException($"{outOfOrder} sources received events out of order.");
        }
    }

    private static async Task MeasureCeilingAsync(BenchContext context, Receiver receiver)
    {
        using var client = new HttpClient();
        var body = JsonSerializer.SerializeToUtf8Bytes(new { specversion = "1.0", id = "ceiling-0", source = "/bench/s0", type = "cn.lianxin.bench", sequence = "0", data = new { n = 0 } });
        var end = Stopwatch.GetTimestamp() + (long)((context.Sizes.Warmup + context.Sizes.Measure).TotalSeconds * Stopwatch.Frequency);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(context.Sizes.Warmup.TotalSeconds * Stopwatch.Frequency);
        var counted = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/cloudevents+json");
            using var response = await client.PostAsync(receiver.Url, content);
            if (Stopwatch.GetTimestamp() >= measureFrom)
            {
                counted++;
            }
        }

        context.Results.Ceiling(Ceiling, "One client's sequential POSTs to a Kestrel receiver", counted / context.Sizes.Measure.TotalSeconds, "req/s");
    }

    private static async Task InsertAsync(NpgsqlDataSource source, int from, int count)
    {
        var numbers = Enumerable.Range(from, count).ToArray();
        await using var command = source.CreateCommand("""
            INSERT INTO lianxin_outbound_events (event_id, event_type, source, subject, occurred_at, center_id, center_path, data)
            SELECT 'bench-' || n, 'cn.lianxin.bench', '/bench/s' || (n % @sources), NULL, now(), 'bf-c', '/bf-c/bf/', jsonb_build_object('n', n)
            FROM unnest(@numbers) AS n
            ORDER BY n
            """);
        command.Parameters.Add(new NpgsqlParameter<int[]>("numbers", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = numbers });
        command.Parameters.AddWithValue("sources", Sources);
        await command.ExecuteNonQueryAsync();
    }

    private static object Center(string id, string level, string? parentId) => new
    {
        id, name = $"{id}党群服务中心", level, parentId, location = new { latitude = 27.7, longitude = 121.1 }, floorAreaSqm = 1200,
        households = level == "community" ? 1000 : (int?)null, openingHours = new { opens = "08:30", closes = "20:30" }, selfService24h = true,
        staff = new[] { new { name = "张三", role = "operationsStaff", isPartyMember = true, trainingDays = 3 } }, functions = new[] { "partyBuilding" },
    };

    private sealed record Arrival(string Id, string Source, int N, long At);

    /// <summary>The subscriber: answers 204 at once and keeps when each event arrived.</summary>
    private sealed class Receiver
    {
        private readonly ConcurrentDictionary<string, bool> _seen = new();

        public ConcurrentQueue<Arrival> Arrivals { get; private set; } = new();

        public string Url { get; private set; } = "";

        public int Distinct => _seen.Count;

        public void Reset()
        {
            Arrivals = new();
            _seen.Clear();
        }

        public async Task<WebApplication> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.MapPost("/events", async (HttpRequest request) =>
            {
                var at = Stopwatch.GetTimestamp();
                using var json = await JsonDocument.ParseAsync(request.Body);
                var root = json.RootElement;
                var id = root.GetProperty("id").GetString()!;
                if (id.StartsWith("bench-", StringComparison.Ordinal))
                {
                    Arrivals.Enqueue(new Arrival(id, root.GetProperty("source").GetString()!, root.GetProperty("data").GetProperty("n").GetInt32(), at));
                    _seen.TryAdd(id, true);
                }

                return Microsoft.AspNetCore.Http.Results.NoContent();
            });
            await app.StartAsync();
            Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/events";
            return app;
        }
    }
}
