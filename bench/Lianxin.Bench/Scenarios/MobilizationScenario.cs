using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (3) Mobilization, end to end through the web host, each case on a freshly started host (no person's actor
/// active): a one-key launch through <c>POST /api/v1/emergencies</c> to the centers that hold the case's people, with
/// the product's outbound channel pointed at the harness's gateway stub. Notified = the stub has every recipient. Every
/// recipient answers with its reply token through <c>POST …/responses</c> as soon as the stub has it; durable = the
/// last answer acknowledged (each is journaled before it is). A dashboard on <c>/hubs/live</c> subscribed to the
/// emergency times each acknowledged answer to the first roll-call summary that counts it. The cases:
/// <see cref="BenchSizes.Mobilized"/> people; the whole district (<see cref="BenchSizes.Volunteers"/>); and the first
/// again with the first of two gateways down (nothing listens on it).
/// </summary>
internal sealed class MobilizationScenario : IScenario
{
    /// <summary>Phones answering at once: many people, each with one request in flight.</summary>
    private const int Answerers = 512;

    /// <summary>The stub gateway's configured rate: more than any launch here sends in a second.</summary>
    private const int StubMessagesPerSecond = 1_000_000;

    public string Name => "mobilization";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var population = await context.PopulationAsync();
        await RunCaseAsync(context, population, sizes.Mobilized, firstGatewayDown: false, "", notifiedWithin: 2);
        await RunCaseAsync(context, population, sizes.Volunteers, firstGatewayDown: false, "_district", notifiedWithin: 8);
        await RunCaseAsync(context, population, sizes.Mobilized, firstGatewayDown: true, "_gateway_down", notifiedWithin: 5);
    }

    private async Task RunCaseAsync(BenchContext context, Population population, int people, bool firstGatewayDown, string idSuffix, double notifiedWithin)
    {
        var sizes = context.Sizes;
        var district = population.District;
        var (centers, covered) = district.CentersCovering(people);
        var token = DevToken.Issue("operator", district.RootCenterId, "bench-commander");

        await using var gateway = await AlertGatewayStub.StartAsync();
        // The stub takes whatever it is sent at once, so it is configured without a rate of its own: a real gateway's
        // contracted rate bounds this figure at people ÷ rate (the product's default, 20,000 messages/s, would take
        // 200,000 people 9 s after its first second's burst).
        var gateways = new Dictionary<string, string>();
        var order = firstGatewayDown
            // A gateway nobody listens on comes first: its breaker opens after a few refused connections.
            ? new[] { ("bench-down", $"http://127.0.0.1:{FreePort.Next()}/sms"), ("bench-sms", gateway.Url.ToString()) }
            : [("bench-sms", gateway.Url.ToString())];
        foreach (var (i, (name, url)) in order.Index())
        {
            gateways[$"Emergencies:Gateways:{i}:Name"] = name;
            gateways[$"Emergencies:Gateways:{i}:Url"] = url;
            gateways[$"Emergencies:Gateways:{i}:MessagesPerSecond"] = StubMessagesPerSecond.ToString(CultureInfo.InvariantCulture);
        }

        await using var host = ProductHost.Start(context, $"webhost-mobilization{idSuffix}", population.ConnectionString, gateways);
        // A silo reads every grid into memory after it starts (in the background): the launch comes after that, as
        // it would on a host that has run for a while.
        var gridsResident = host.Process.WaitForLineAsync(l => l.Contains("Grids resident: ", StringComparison.Ordinal), sizes.Patience);
        await host.WaitReadyAsync(sizes.Patience);
        await gridsResident;
        using var http = HttpLoad.CreateClient(host.Address, Answerers);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        // Answers come in as SMS replies do, through the gateway with the person's reply token and no sign-in.
        using var replies = HttpLoad.CreateClient(host.Address, Answerers);

        // Warm up for the load warm-up, as the other scenarios do (see BenchSizes.LoadWarmup): launches to the district's
        // last hundredth of grids (the whole district leaves no center spare), each answered by everyone and ended.
        // No person's actor is read; the measured launch finds its people as cold as before.
        var warmGrids = district.GridIds.TakeLast(Math.Max(1, district.GridIds.Count / 100)).ToArray();
        var warming = Stopwatch.GetTimestamp();
        do
        {
            var warm = await LaunchAsync(http, new { kind = "grids", ids = warmGrids }, "bench-warmup");
            await AnswerAllAsync(http, replies, gateway, warm.Id, warm.Total, null, sizes.Patience);
            using var ended = await http.PostAsJsonAsync($"/api/v1/emergencies/{warm.Id}/end", new { comment = "bench warm-up" });
        }
        while (Stopwatch.GetElapsedTime(warming) < sizes.LoadWarmup);

        // The dashboard connects before the launch (so connecting costs nothing during it) and subscribes after.
        var dashboard = new SummaryWatcher();
        await using var hub = await HubClients.ConnectAsync(
            new Uri(host.Address, "/hubs/live"), 1, (c, _) => c.On<JsonElement>("DeltaReceived", dashboard.OnDelta), _ => token);
        long started, firstSent, lastAcknowledged;
        TimeSpan accepted;
        (string Id, int Total) launch;
        long[] acknowledged;
        await using (await HostTrace.StartAsync(host.Process, Name + idSuffix))
        {
            started = Stopwatch.GetTimestamp();
            launch = await LaunchAsync(http, new { kind = "centers", ids = centers }, "bench-mobilization");
            accepted = Stopwatch.GetElapsedTime(started);
            await hub.Connections[0].InvokeAsync<JsonElement>("Subscribe", $"emergency:{launch.Id}").WaitAsync(TimeSpan.FromSeconds(60));

            acknowledged = new long[launch.Total];
            (firstSent, lastAcknowledged) = await AnswerAllAsync(http, replies, gateway, launch.Id, launch.Total, acknowledged, sizes.Patience);
        }

        var notified = (gateway.LastReachedAt - started) / (double)Stopwatch.Frequency;
        var answering = (lastAcknowledged - firstSent) / (double)Stopwatch.Frequency;
        var lag = await dashboard.LagAsync(acknowledged, TimeSpan.FromSeconds(30));

        var title = $"{launch.Total:N0} people in {centers.Count} centers{(firstGatewayDown ? ", first of two gateways down" : "")}";
        context.Results.Detail($"product.mobilization_accepted{idSuffix}", $"(3) Launch accepted (durable), {title}", accepted.TotalMilliseconds, "ms");
        context.Results.Product(
            $"product.mobilization_notified{idSuffix}", $"(3) Launch → everyone notified (gateway has them), {title}", notified, "s",
            [(GrainCallCeiling.Id, "× the time for as many no-op grain calls", (v, c) => v / (launch.Total / c))],
            Target.AtMost(notifiedWithin, "s"), $"{covered:N0} people on the chosen centers' rosters");
        var answers = $"(3) {launch.Total:N0} answers durable, first sent → last acknowledged, {Answerers} in flight{(firstGatewayDown ? ", first gateway down" : "")}";
        var rate = $"{launch.Total / answering:N0} answers/s; answer → roll-call on a dashboard p50 {Results.Number(lag.P50)} / p99 {Results.Number(lag.P99)} ms";
        if (idSuffix.Length == 0)
        {
            // The issue's answer targets are for the 50,000-person launch; the other cases report theirs as details.
            context.Results.Product(
                "product.mobilization_answers", answers, answering, "s",
                [(HttpPostCeiling.SmallId, "× the time for as many no-op POSTs of an answer's size", (v, c) => v / (launch.Total / c))],
                Target.AtMost(10, "s"), rate);
            context.Results.Product(
                "product.mobilization_lag_p99", "(3) Answer acknowledged → roll-call summary on a dashboard, p99", lag.P99, "ms",
                [(BroadcastCeiling.P99Id, "× the plain broadcast ceiling", (v, c) => v / c)],
                Target.AtMost(300, "ms"), $"p50 {Results.Number(lag.P50)} ms over {lag.Count:N0} answers");
        }
        else
        {
            context.Results.Detail($"product.mobilization_answers{idSuffix}", answers, answering, "s", rate);
        }

        using var end = await http.PostAsJsonAsync($"/api/v1/emergencies/{launch.Id}/end", new { comment = "bench" });
    }

    private static async Task<(string Id, int Total)> LaunchAsync(HttpClient http, object scope, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/emergencies")
        {
            Content = JsonContent.Create(new { name = "压测：台风防御", mode = "exercise", level = "red", category = "met", scope }),
        };
        request.Headers.Add("Idempotency-Key", $"{key}-{Guid.NewGuid():N}");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Launch answered {(int)response.StatusCode}: {body}");
        }

        var view = JsonDocument.Parse(body).RootElement;
        return (view.GetProperty("definition").GetProperty("id").GetString()!, view.GetProperty("total").GetInt32());
    }

    /// <summary>Answers for every recipient the gateway receives, until <paramref name="total"/> are acknowledged.</summary>
    private static async Task<(long FirstSent, long LastAcknowledged)> AnswerAllAsync(
        HttpClient http, HttpClient replies, AlertGatewayStub gateway, string emergencyId, int total, long[]? acknowledged, TimeSpan patience)
    {
        long firstSent = 0, last = 0;
        var done = 0;
        using var timeout = new CancellationTokenSource(patience);
        using var finished = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Answerers).Select(_ => AnswerWhileAnyAsync()));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var deliveries = await http.GetStringAsync($"/api/v1/emergencies/{emergencyId}/deliveries");
            throw new TimeoutException(
                $"{done} of {total} answers acknowledged within {patience}; the gateway has {gateway.Reached} recipients. Deliveries: {deliveries[..Math.Min(600, deliveries.Length)]}");
        }

        return (firstSent, last);

        async Task AnswerWhileAnyAsync()
        {
            while (true)
            {
                (string VolunteerId, string Token) recipient;
                try
                {
                    recipient = await gateway.Recipients.ReadAsync(finished.Token);
                }
                catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.CompareExchange(ref firstSent, Stopwatch.GetTimestamp(), 0);
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/emergencies/{emergencyId}/responses")
                {
                    Content = JsonContent.Create(new { token = recipient.Token, status = "1", channel = "sms" }),
                };
                using (request)
                {
                    using var response = await replies.SendAsync(request);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException(
                            $"An answer of {recipient.VolunteerId} was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }

                var at = Stopwatch.GetTimestamp();
                var n = Interlocked.Increment(ref done);
                if (acknowledged is not null && n <= acknowledged.Length)
                {
                    acknowledged[n - 1] = at;
                }

                InterlockedMax(ref last, at);
                if (n == total)
                {
                    // The last answer is in: release the answerers still waiting for a recipient.
                    await finished.CancelAsync();
                }
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
