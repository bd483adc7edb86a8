using System.Diagnostics;
using System.Text.Json;
using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;
using Lianxin.Bench.Workers;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (2) Push latency: dashboards connected to <c>/hubs/live</c>, each subscribed to the district's region feed as the
/// command-center dashboard is, while the simulator ingests at a steady rate. A probe kiosk's check-ins are timed from
/// their acknowledgement to the first delta on each dashboard that shows them. The same number of clients then gets
/// a no-logic hub's broadcasts at the rate and size of the deltas they received: the matched ceiling. As
/// <c>push-cluster</c> the product runs as Kubernetes runs it: the actors in a standalone silo, the dashboards'
/// connections in a web host that is the silo's client, so the fan-out no longer shares a heap with the actors' state.
/// </summary>
internal sealed class PushLatencyScenario(bool cluster = false) : IScenario
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    public string Name => cluster ? "push-cluster" : "push";

    /// <summary>The figures' ids and titles: the co-hosted product's as they always were, the cluster's apart.</summary>
    private string Id(string figure) => cluster ? figure + "_cluster" : figure;

    private string Label => cluster ? "(2) Push, silo and web host apart" : "(2) Push";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var population = await context.PopulationAsync();
        var measured = await MeasureProductAsync(context, population);
        var latencies = Latencies(measured.Clients, measured.Probes, measured.BaseCount, out var fromSend, out var missed);
        var (deltasPerSecond, deltaBytes) = (measured.DeltasPerSecond, measured.DeltaBytes);

        var matched = await BroadcastCeiling.MeasureAsync(context, $"ceiling-signalr-matched{(cluster ? "-cluster" : "")}", sizes.DashboardClients, Math.Max(1, deltasPerSecond), Math.Max(1, deltaBytes));
        var matchedTitle = $"{sizes.DashboardClients:N0} clients, {Results.Number(deltasPerSecond)} broadcasts/s of {deltaBytes:N0} B (as the {Name} deltas)";
        context.Results.Ceiling(Id("ceiling.broadcast_matched_p50"), $"Ceiling: SignalR broadcast to {matchedTitle}, p50", matched.Latency.P50, "ms");
        context.Results.Ceiling(Id("ceiling.broadcast_matched_p99"), $"Ceiling: SignalR broadcast to {matchedTitle}, p99", matched.Latency.P99, "ms", matched.Note);

        var title = $"{sizes.DashboardClients:N0} dashboards, ingest at {Results.Number(measured.IngestRate)} events/s";
        var note = $"{latencies.Count:N0} receipts of {measured.Probes.Count} probes; {missed} never received; from the probe's send: p99 {Results.Number(fromSend.P99)} ms";
        context.Results.Product(
            Id("product.push_p50"), $"{Label}, acceptance to dashboard, {title}, p50", latencies.P50, "ms",
            [(Id("ceiling.broadcast_matched_p50"), "× a no-logic broadcast of the same traffic", (v, c) => v / c), (BroadcastCeiling.P50Id, "× the plain broadcast ceiling", (v, c) => v / c)],
            note: note);
        context.Results.Product(
            Id("product.push_p99"), $"{Label}, acceptance to dashboard, {title}, p99", latencies.P99, "ms",
            [(Id("ceiling.broadcast_matched_p99"), "× a no-logic broadcast of the same traffic", (v, c) => v / c), (BroadcastCeiling.P99Id, "× the plain broadcast ceiling", (v, c) => v / c)],
            Target.AtMost(150, "ms"),
            note);
        var ratio = latencies.P99 / matched.Latency.P99;
        context.Results.Detail(
            Id("product.push_p99_ratio"), $"{Label} p99 ÷ the matched no-logic hub's p99 (same run)", ratio, "×",
            $"target <= 2: {(ratio <= 2 ? "met" : "missed")}; load average {MachineLoad()}");
        var (toCut, toScreen) = Hops(measured.Clients, measured.AcknowledgedAt, measured.BaseCount);
        context.Results.Detail(Id("product.push_hop_feed"), $"{Label} hop: acceptance → the feed cuts the delta, p50 / p99", toCut.P50, "ms", $"p99 {Results.Number(toCut.P99)} ms (wall clock; event applied, published, coalescing window)");
        context.Results.Detail(Id("product.push_hop_fanout"), $"{Label} hop: feed cut → dashboard, p50 / p99", toScreen.P50, "ms", $"p99 {Results.Number(toScreen.P99)} ms (observer, SignalR group send to every connection, client)");
        context.Results.Detail(Id("product.push_deltas"), $"{Label}: deltas per second each dashboard received", deltasPerSecond, "deltas/s", $"about {deltaBytes:N0} B each");
    }

    private async Task<Measured> MeasureProductAsync(BenchContext context, Population population)
    {
        var sizes = context.Sizes;
        var root = population.District.RootCenterId;
        var token = DevToken.Issue("operator", root, "bench-dashboard");
        await using var host = cluster
            ? await ProductHost.StartClusterAsync(context, "webhost-push-cluster", population.ConnectionString)
            : ProductHost.Start(context, "webhost-push", population.ConnectionString);
        await host.WaitReadyAsync(sizes.Patience);
        using var http = HttpLoad.CreateClient(host.Address, sizes.HttpConnections);
        var probe = await PushProbe.ProvisionAsync(http, BenchDistrict.ProbeKioskId, token);

        var probeKey = $"center:{BenchDistrict.ProbeCenterId}";
        var clients = Enumerable.Range(0, sizes.DashboardClients).Select(_ => new DashboardClient(probeKey)).ToArray();
        await using var hub = await HubClients.ConnectAsync(
            new Uri(host.Address, "/hubs/live"), sizes.DashboardClients,
            (connection, i) => connection.On<JsonElement>("PatchReceived", delta => clients[i].OnDelta(delta, measureSize: i == 0)),
            _ => token);
        var baseCount = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < hub.Connections.Count)
            {
                var snapshot = await hub.Connections[i].InvokeAsync<JsonElement>("SubscribeWithVersion", $"region:{root}", 2).WaitAsync(TimeSpan.FromSeconds(60));
                clients[i].OnSnapshot(snapshot);
                if (i == 0)
                {
                    baseCount = DashboardClient.ProbeCount(snapshot.GetProperty("items"), probeKey) ?? 0;
                }
            }
        }));

        // Warm-up at the measured rate with the dashboards connected: the activations, and the JIT's second tier for
        // ingest, the feeds and the fan-out alike (see BenchSizes.LoadWarmup); a fresh host's compiler thread alone took
        // a seventh of its CPU in a window measured 3 s after start.
        var warmup = sizes.LoadWarmup > TimeSpan.FromSeconds(2) ? sizes.LoadWarmup : TimeSpan.FromSeconds(2);
        // The kiosks post from a process of their own: the simulator's garbage would pause the dashboards' receipts here.
        var ingest = KioskLoad.RunAsync(
            context, population, host.Address, sizes.PushIngestEventsPerSecond, warmup + sizes.Measure + KioskIngestScenario.MinimumRun, seed: 4);
        await Task.Delay(warmup);
        foreach (var client in clients)
        {
            client.StartCounting();
        }

        var started = Stopwatch.GetTimestamp();
        await probe.RunAsync(ProbeInterval, sizes.Measure);
        var elapsed = Stopwatch.GetElapsedTime(started);
        // The traffic of the measured window, read before the simulator's last seconds add to it.
        var deltasPerSecond = clients.Average(c => c.Deltas) / elapsed.TotalSeconds;
        var deltaBytes = clients[0].Deltas == 0 ? 0 : (int)(clients[0].Bytes / clients[0].Deltas);
        var ingestRate = (await ingest).EventsPerSecond;

        // Let the last probes arrive before the counts are read.
        var want = baseCount + probe.Probes.Count;
        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && clients.Any(c => c.Counts is not [.., var last] || last.Count < want))
        {
            await Task.Delay(50);
        }

        return new Measured(clients, probe.Probes, probe.AcknowledgedAt, baseCount, deltasPerSecond, deltaBytes, ingestRate);
    }

    /// <summary>Per dashboard and probe: the first receipt showing the probe, counted from the probe's acknowledgement.</summary>
    private static Percentiles Latencies(
        DashboardClient[] clients, IReadOnlyList<(long Sent, long Acknowledged)> probes, int baseCount, out Percentiles fromSend, out int missed)
    {
        var fromAck = new List<double>(clients.Length * probes.Count);
        var sendSamples = new List<double>(clients.Length * probes.Count);
        missed = 0;
        foreach (var client in clients)
        {
            var counts = client.Counts;
            var at = 0;
            for (var n = 1; n <= probes.Count; n++)
            {
                while (at < counts.Count && counts[at].Count < baseCount + n)
                {
                    at++;
                }

                if (at == counts.Count)
                {
                    missed += probes.Count - n + 1;
                    break;
                }

                var received = counts[at].ReceivedAt;
                // A push can overtake the acknowledgement's way back to the kiosk: it then counts as 0 from acceptance.
                fromAck.Add(Math.Max(0, Milliseconds(probes[n - 1].Acknowledged, received)));
                sendSamples.Add(Milliseconds(probes[n - 1].Sent, received));
            }
        }

        fromSend = Percentiles.Of([.. sendSamples.Order()]);
        return Percentiles.Of([.. fromAck.Order()]);
    }

    /// <summary>Each probe's first receipt split at the feed's cut: acceptance → cut, and cut → the dashboard.</summary>
    private static (Percentiles ToCut, Percentiles ToScreen) Hops(DashboardClient[] clients, IReadOnlyList<DateTimeOffset> acknowledged, int baseCount)
    {
        var toCut = new List<double>();
        var toScreen = new List<double>();
        foreach (var client in clients)
        {
            foreach (var (count, cutAt, receivedAt) in client.Cuts)
            {
                var n = count - baseCount;
                if (n >= 1 && n <= acknowledged.Count)
                {
                    toCut.Add(Math.Max(0, (cutAt - acknowledged[n - 1]).TotalMilliseconds));
                    toScreen.Add((receivedAt - cutAt).TotalMilliseconds);
                }
            }
        }

        return (Percentiles.Of([.. toCut.Order()]), Percentiles.Of([.. toScreen.Order()]));
    }

    private static string MachineLoad() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private sealed record Measured(
        DashboardClient[] Clients,
        IReadOnlyList<(long Sent, long Acknowledged)> Probes,
        IReadOnlyList<DateTimeOffset> AcknowledgedAt,
        int BaseCount,
        double DeltasPerSecond,
        int DeltaBytes,
        double IngestRate);
}
