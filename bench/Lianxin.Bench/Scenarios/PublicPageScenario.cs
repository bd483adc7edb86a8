using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (9) The public center page under a crowd of phones while the kiosks post: the simulator ingests at
/// <see cref="BenchSizes.PublicIngestEventsPerSecond"/> events per second on the benchmark district, and anonymous
/// clients read the public pages of the district's centers in turn (closed loop, every connection busy). Meanwhile the
/// probe kiosk checks a visitor in at its own center every 200 ms, and a watcher reads that center's public page every
/// 100 ms: the time from a check-in's acknowledgement to the first page whose crowd (people inside, as today's peak of
/// the hour) shows it is how far the crowd level is behind the kiosks.
/// </summary>
internal sealed class PublicPageScenario : IScenario
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    public string Name => "public-page";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var population = await context.PopulationAsync();
        var root = population.District.RootCenterId;
        await using var host = ProductHost.Start(context, "webhost-public", population.ConnectionString, new Dictionary<string, string>
        {
            ["Limits:PublicPermitLimit"] = "100000000",
            ["Limits:AnonymousPermitLimit"] = "100000000",
        });
        await host.WaitReadyAsync(sizes.Patience);
        // One client each for the kiosks, the phones, the probe and the watcher: a shared pool would queue the phones'
        // requests behind the kiosks' batches and measure the harness.
        using var http = HttpLoad.CreateClient(host.Address, population.District.KioskIds.Count + 4);
        using var phones = HttpLoad.CreateClient(host.Address, sizes.HttpConnections);
        using var probeHttp = HttpLoad.CreateClient(host.Address, 2);
        using var watcherHttp = HttpLoad.CreateClient(host.Address, 2);
        var probe = await PushProbe.ProvisionAsync(probeHttp, BenchDistrict.ProbeKioskId, DevToken.Issue("operator", root, "bench-public"));
        string[] centers = [.. population.District.GridCenterIds.Distinct().Prepend(root).Append(BenchDistrict.ProbeCenterId)];
        var baseInside = await InsideAsync(watcherHttp) ?? throw new InvalidOperationException("The probe center has no public page.");

        // The kiosks post and the phones read for the load warm-up before anything is timed, as in the push scenario: a
        // fresh host spends its first minute compiling and activating, which is not what a center's visitors meet.
        var warmup = sizes.LoadWarmup > TimeSpan.FromSeconds(2) ? sizes.LoadWarmup : TimeSpan.FromSeconds(2);
        foreach (var center in centers)
        {
            // Every center's first page is built once before the phones arrive, as the first visitor of the day does.
            await HttpLoad.SendAsync(phones, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/centers/{center}"));
        }

        var ingest = KioskIngestScenario.SimulateAsync(
            context, population, http, sizes.PublicIngestEventsPerSecond, warmup + sizes.Measure + KioskIngestScenario.MinimumRun, seed: 9);
        var reading = ClosedLoop.RunAsync(sizes.HttpConnections, async n =>
            await HttpLoad.SendAsync(phones, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/centers/{centers[n % centers.Length]}")), warmup, sizes.Measure);
        await Task.Delay(warmup);
        using var stopWatching = new CancellationTokenSource();
        var seen = new List<(int Inside, long At)>();
        var watching = WatchAsync(watcherHttp, seen, stopWatching.Token);
        var probing = probe.RunAsync(ProbeInterval, sizes.Measure);
        var pages = await reading;
        await probing;
        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && (seen.Count == 0 || seen[^1].Inside < baseInside + probe.Probes.Count))
        {
            await Task.Delay(50);
        }

        await stopWatching.CancelAsync();
        await watching;
        var report = await ingest;

        var lag = new Latencies(probe.Probes.Count);
        var missed = 0;
        for (var n = 1; n <= probe.Probes.Count; n++)
        {
            var first = seen.FirstOrDefault(s => s.Inside >= baseInside + n);
            if (first.At == 0)
            {
                missed++;
                continue;
            }

            lag.Add(Math.Max(0, Stopwatch.GetElapsedTime(probe.Probes[n - 1].Acknowledged, first.At).TotalMilliseconds));
        }

        var behind = lag.Summarize();
        var during = $"kiosks posting {Results.Number(report.EventsPerSecond)} events/s";
        context.Results.Product(
            "product.public_page_loaded_rate", $"(9) Public center pages answered per second, {centers.Length} centers in turn, {during}", pages.PerSecond, "req/s",
            [(HttpPostCeiling.SmallId, "of the no-op POST ceiling", (v, c) => v / c)], Target.AtLeast(5_000, "req/s"),
            $"{sizes.HttpConnections} connections, {pages.Errors} errors");
        context.Results.Product(
            "product.public_page_loaded_p99", $"(9) Public center page, p99, {during}", pages.Latency.P99, "ms", [], Target.AtMost(50, "ms"),
            $"p50 {Results.Number(pages.Latency.P50)} ms");
        context.Results.Product(
            "product.public_crowd_behind_p99", "(9) Crowd on the public page behind the kiosk's acknowledged check-in, p99", behind.P99, "ms", [], Target.AtMost(5_000, "ms"),
            $"p50 {Results.Number(behind.P50)} ms, max {Results.Number(behind.Max)} ms, {probe.Probes.Count} check-ins, {missed} never shown; page read every {WatchInterval.TotalMilliseconds} ms");
    }

    private static async Task WatchAsync(HttpClient http, List<(int Inside, long At)> seen, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(WatchInterval);
        while (!stop.IsCancellationRequested)
        {
            if (await InsideAsync(http) is { } inside)
            {
                lock (seen)
                {
                    seen.Add((inside, Stopwatch.GetTimestamp()));
                }
            }

            try
            {
                await timer.WaitForNextTickAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>People inside the probe center as its public page shows them: the highest of today's hourly peaks (the current hour's is the count now).</summary>
    private static async Task<int?> InsideAsync(HttpClient http)
    {
        using var response = await http.GetAsync($"/api/v1/public/centers/{BenchDistrict.ProbeCenterId}");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("crowd").GetProperty("peakByHour").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetInt32()).DefaultIfEmpty(0).Max();
    }
}
