using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (9) Orders claimed by a crowd: <see cref="Rounds"/> orders for <see cref="PeopleNeeded"/> people each, every one
/// claimed by <see cref="Claimers"/> people of the center's grid at the same moment through
/// <c>POST /api/v1/help-requests/{id}/claim</c>. Checked: each order has exactly the people it needs, every other claimer
/// was answered 409 <c>full</c>. Measured: the claim answers (accepted ones are durable before they are answered) and how
/// long the last of each crowd waited.
/// </summary>
internal sealed class OrderClaimScenario : IScenario
{
    private const string Region = "oc";
    private const string Grid = "oc-g";
    private const int Claimers = 50;
    private const int PeopleNeeded = 5;

    private int Rounds { get; set; } = 20;

    public string Name => "order-claims";

    public async Task RunAsync(BenchContext context)
    {
        Rounds = context.Options.Smoke ? 2 : 20;
        var database = await context.Postgres.CreateDatabaseAsync("orders");
        await using var host = ProductHost.Start(context, "webhost-orders", database);
        await host.WaitReadyAsync(context.Sizes.Patience);
        using var http = HttpLoad.CreateClient(host.Address, Claimers * 2);
        var staff = new AuthenticationHeaderValue("Bearer", DevToken.Issue("operator", Region));
        await SendAsync(http, staff, HttpMethod.Post, "/api/v1/centers", new
        {
            id = Region, name = "派单压测社区党群服务中心", level = "community", location = new { latitude = 27.7, longitude = 121.1 }, floorAreaSqm = 600,
            openingHours = new { opens = "08:30", closes = "20:30" }, selfService24h = false, staff = Array.Empty<object>(), functions = new[] { "careAssistance" },
        });
        await SendAsync(http, staff, HttpMethod.Post, "/api/v1/grids", new
        {
            id = Grid, centerId = Region, name = "派单压测网格",
            boundary = new { type = "Polygon", coordinates = new[] { new[] { new[] { 121.099, 27.699 }, new[] { 121.101, 27.699 }, new[] { 121.101, 27.701 }, new[] { 121.099, 27.701 }, new[] { 121.099, 27.699 } } } },
        });
        var people = Enumerable.Range(0, Claimers).Select(i => $"oc-v{i:D3}").ToArray();
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            await SendAsync(http, staff, HttpMethod.Post, "/api/v1/volunteers", new
            {
                id = person, name = $"志愿者{i}", phone = $"1390000{i:D4}", isPartyMember = i % 2 == 0, isMobilePartyMember = false, isInServicePartyMember = false,
                homeGridId = Grid, gridRole = "member", skills = Array.Empty<string>(), location = new { latitude = 27.7, longitude = 121.1 },
            });
        }

        var tokens = people.Select(p => new AuthenticationHeaderValue("Bearer", DevToken.Issue("volunteer", p))).ToArray();
        var latencies = new Latencies(Rounds * Claimers);
        var lastAnswers = new Latencies(Rounds);
        for (var round = -1; round < Rounds; round++)
        {
            // Round -1 warms the code paths up and is not counted.
            var opened = await SendAsync(http, staff, HttpMethod.Post, "/api/v1/help-requests", new { centerId = Region, function = "careAssistance", description = "需要多人协助搬运物资" });
            var id = opened.GetProperty("id").GetString()!;
            await SendAsync(http, staff, HttpMethod.Post, $"/api/v1/help-requests/{id}/order", new { peopleNeeded = PeopleNeeded, timeLimitMinutes = 120 });
            var start = Stopwatch.GetTimestamp();
            var answers = await Task.WhenAll(people.Select(async (p, i) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/help-requests/{id}/claim") { Content = JsonContent.Create(new { personId = p }) };
                request.Headers.Authorization = tokens[i];
                using var response = await http.SendAsync(request);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                return (response.StatusCode, Refusal: body.TryGetProperty("refusal", out var r) ? r.GetString() : null, Elapsed: elapsed);
            }));
            var claimed = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
            var full = answers.Count(a => a.StatusCode == HttpStatusCode.Conflict && a.Refusal == "full");
            if (claimed != PeopleNeeded || full != Claimers - PeopleNeeded)
            {
                throw new InvalidOperationException($"Order {id}: {claimed} claims accepted and {full} told 'full'; expected {PeopleNeeded} and {Claimers - PeopleNeeded}.");
            }

            if (round >= 0)
            {
                foreach (var answer in answers)
                {
                    latencies.Add(answer.Elapsed);
                }

                lastAnswers.Add(answers.Max(a => a.Elapsed));
            }
        }

        var all = latencies.Summarize();
        var last = lastAnswers.Summarize();
        var title = $"{Rounds} orders for {PeopleNeeded} people, each claimed by {Claimers} people at once";
        context.Results.Product(
            "product.order_claim_p99", $"(9) Order claim answered (accepted ones durable), p99, {title}", all.P99, "ms",
            [(StateWriteCeiling.P99Id, "× one durable grain state write, p99", (v, c) => v / c)],
            null, $"p50 {Results.Number(all.P50)} ms, max {Results.Number(all.Max)} ms; exactly {PeopleNeeded} accepted and {Claimers - PeopleNeeded} told 'full' every time");
        context.Results.Detail(
            "product.order_claim_crowd_done", $"(9) Until the last of the {Claimers} claimers of an order was answered, p99 over {Rounds} orders", last.P99, "ms",
            $"p50 {Results.Number(last.P50)} ms, max {Results.Number(last.Max)} ms");
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, AuthenticationHeaderValue auth, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = auth;
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
