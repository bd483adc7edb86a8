using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (3) Mobilization, end to end through the web host: a one-key launch through <c>POST /api/v1/emergencies</c> to the
/// centers that hold <see cref="BenchSizes.Mobilized"/> people, with the product's webhook channel pointed at the
/// harness's gateway stub. Notified = the stub has every recipient (each batch reaches the people's actors first).
/// Every recipient answers with its reply token through <c>POST …/responses</c> as soon as the stub has it; durable =
/// the last answer acknowledged (each is journaled before it is). A dashboard on <c>/hubs/live</c> subscribed to the
/// emergency times each acknowledged answer to the first roll-call summary that counts it.
/// </summary>
internal sealed class MobilizationScenario : IScenario
{
    /// <summary>Phones answering at once: many people, each with one request in flight.</summary>
    private const int Answerers = 512;

    public string Name => "mobilization";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var population = await context.PopulationAsync();
        var district = population.District;
        var (centers, covered) = district.CentersCovering(sizes.Mobilized);
        var token = DevToken.Issue("operator", district.RootCenterId, "bench-commander");

        await using var gateway = await AlertGatewayStub.StartAsync();
        var gateways = new Dictionary<string, string>
        {
            ["Emergencies:Gateways:0:Name"] = "bench-sms",
            ["Emergencies:Gateways:0:Url"] = gateway.Url.ToString(),
        };
        if (sizes.FirstGatewayDown == 1)
        {
            // A gateway nobody listens on comes first: its breaker opens after a few refused connections.
            gateways["Emergencies:Gateways:0:Name"] = "bench-down";
            gateways["Emergencies:Gateways:0:Url"] = $"http://127.0.0.1:{FreePort.Next()}/sms";
            gateways["Emergencies:Gateways:1:Name"] = "bench-sms";
            gateways["Emergencies:Gateways:1:Url"] = gateway.Url.ToString();
        }

        await using var host = ProductHost.Start(context, "webhost-mobilization", population.ConnectionString, gateways);
        await host.WaitReadyAsync(sizes.Patience);
        using var http = HttpLoad.CreateClient(host.Address, Answerers);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        // Answers come in as SMS replies do, through the gateway with the person's reply token and no sign-in.
        using var replies = HttpLoad.CreateClient(host.Address, Answerers);

        // Warm the code paths up on a center outside the measured audience, when there is one.
        if (district.GridCenterIds.Distinct().LastOrDefault(c => !centers.Contains(c)) is { } spare)
        {
            var warm = await LaunchAsync(http, [spare], "bench-warmup");
            await AnswerAllAsync(http, replies, gateway, warm.Id, warm.Total, null, sizes.Patience);
        }

        // The dashboard connects before the launch (so connecting costs nothing during it) and subscribes after.
        var dashboard = new SummaryWatcher();
        await using var hub = await HubClients.ConnectAsync(
            new Uri(host.Address, "/hubs/live"), 1, (c, _) => c.On<JsonElement>("DeltaReceived", dashboard.OnDelta), _ => token);
        var started = Stopwatch.GetTimestamp();
        var launch = await LaunchAsync(http, centers, "bench-mobilization");
        var accepted = Stopwatch.GetElapsedTime(started);
        await hub.Connections[0].InvokeAsync<JsonElement>("Subscribe", $"emergency:{launch.Id}").WaitAsync(TimeSpan.FromSeconds(60));

        var acknowledged = new long[launch.Total];
        var (firstSent, lastAcknowledged) = await AnswerAllAsync(http, replies, gateway, launch.Id, launch.Total, acknowledged, sizes.Patience);
        var notified = (gateway.LastReachedAt - started) / (double)Stopwatch.Frequency;
        var answering = (lastAcknowledged - firstSent) / (double)Stopwatch.Frequency;
        var lag = await dashboard.LagAsync(acknowledged, TimeSpan.FromSeconds(30));

        var title = $"{launch.Total:N0} people in {centers.Count} centers{(sizes.FirstGatewayDown == 1 ? ", first gateway down" : "")}";
        context.Results.Detail("product.mobilization_accepted", $"(3) Launch accepted (durable), {title}", accepted.TotalMilliseconds, "ms");
        context.Results.Product(
            "product.mobilization_notified", $"(3) Launch → everyone notified (actors reached, gateway has them), {title}", notified, "s",
            [(GrainCallCeiling.Id, "× the time for as many no-op grain calls", (v, c) => v / (launch.Total / c))],
            Target.AtMost(2, "s"), $"{covered:N0} people on the chosen centers' rosters");
        context.Results.Product(
            "product.mobilization_answers", $"(3) {launch.Total:N0} answers durable, first sent → last acknowledged, {Answerers} in flight", answering, "s",
            [(HttpPostCeiling.SmallId, "× the time for as many no-op POSTs of an answer's size", (v, c) => v / (launch.Total / c))],
            Target.AtMost(10, "s"), $"{launch.Total / answering:N0} answers/s");
        context.Results.Product(
            "product.mobilization_lag_p99", "(3) Answer acknowledged → roll-call summary on a dashboard, p99", lag.P99, "ms",
            [(BroadcastCeiling.P99Id, "× the plain broadcast ceiling", (v, c) => v / c)],
            Target.AtMost(500, "ms"), $"p50 {Results.Number(lag.P50)} ms over {lag.Count:N0} answers");

        using var end = await http.PostAsJsonAsync($"/api/v1/emergencies/{launch.Id}/end", new { comment = "bench" });
    }

    private static async Task<(string Id, int Total)> LaunchAsync(HttpClient http, IReadOnlyList<string> centers, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/emergencies")
        {
            Content = JsonContent.Create(new { name = "压测：台风防御", mode = "exercise", level = "red", category = "met", scope = new { kind = "centers", ids = centers } }),
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
