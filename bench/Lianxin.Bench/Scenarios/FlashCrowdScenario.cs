using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;
using Npgsql;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (8) A flash crowd on one activity: <see cref="BenchSizes.FlashPlaces"/> places, a waitlist as long, and
/// <see cref="BenchSizes.FlashAttempts"/> different people signing up as themselves through
/// <c>POST /api/v1/activities/{id}/sign-ups</c>, started on a fixed schedule within one second (open loop; latency from when
/// each attempt was due). Checked: exactly the places confirmed, answers in arrival order (the first arrivals confirmed,
/// then the waitlist by position, then full), and after the host is stopped and started again the same people hold the
/// places and every re-sent attempt gets its first answer. Also counted: how many commits the journal needed.
/// </summary>
internal sealed class FlashCrowdScenario : IScenario
{
    public const string Region = "fc";
    public const int Connections = 512;

    public string Name => "flash-crowd";

    public async Task RunAsync(BenchContext context)
    {
        if (context.Options.Smoke && context.Options.Only?.Contains(Name) != true)
        {
            // Two host starts, a PostgreSQL count and every attempt re-sent take most of a minute on 2 cores even at tiny
            // sizes: too slow for the test script's smoke run. `--smoke --only flash-crowd` runs it.
            Console.WriteLine($"   {Name}: not in smoke runs (two host starts); run it with --smoke --only {Name}");
            return;
        }

        var sizes = context.Sizes;
        var database = await context.Postgres.CreateDatabaseAsync("flash");
        var people = Enumerable.Range(0, sizes.FlashAttempts).Select(i => $"fc-p{i:D6}").ToArray();
        var tokens = people.Select(p => DevToken.Issue("volunteer", p)).ToArray();
        var activityId = $"fc-act-{Guid.NewGuid():N}"[..20];
        var answers = new JsonElement[people.Length];
        LoadResult load;
        double cpuPerAttempt;
        await using (var host = ProductHost.Start(context, "webhost-flash", database))
        {
            await host.WaitReadyAsync(sizes.Patience);
            using var http = HttpLoad.CreateClient(host.Address, Connections);
            var organiser = new AuthenticationHeaderValue("Bearer", DevToken.Issue("operator", Region));
            await SendOkAsync(http, organiser, HttpMethod.Post, "/api/v1/centers", new
            {
                id = Region, name = "压测区党群服务中心", level = "district", location = new { latitude = 27.7, longitude = 121.1 }, floorAreaSqm = 1200,
                openingHours = new { opens = "08:30", closes = "20:30" }, selfService24h = true, staff = Array.Empty<object>(), functions = new[] { "cultureSportsLeisure" },
            });

            // Warm the code paths up on another activity.
            await SendOkAsync(http, organiser, HttpMethod.Post, $"/api/v1/centers/{Region}/activities", Activity("fc-warmup", sizes.FlashPlaces));
            await Task.WhenAll(Enumerable.Range(0, Math.Min(500, people.Length)).Select(i => SignUpAsync(http, "fc-warmup", people[i], tokens[i])));

            await SendOkAsync(http, organiser, HttpMethod.Post, $"/api/v1/centers/{Region}/activities", Activity(activityId, sizes.FlashPlaces));
            await using (await HostTrace.StartAsync(host.Process, Name))
            {
                var cpu = host.Process.CpuTime();
                load = await OpenLoop.RunAsync(people.Length, TimeSpan.FromSeconds(1), async n =>
                {
                    var (ok, answer) = await SignUpAsync(http, activityId, people[n], tokens[n]);
                    answers[n] = answer;
                    return ok;
                });
                cpuPerAttempt = (host.Process.CpuTime() - cpu).TotalMicroseconds / people.Length;
            }
        }

        var check = Check(answers, people, sizes.FlashPlaces);
        var commits = await CommitsAsync(database, activityId);
        var restart = Stopwatch.GetTimestamp();
        await using (var host = ProductHost.Start(context, "webhost-flash-restarted", database))
        {
            await host.WaitReadyAsync(sizes.Patience);
            using var http = HttpLoad.CreateClient(host.Address, Connections);
            var places = await GetAsync(http, DevToken.Issue("operator", Region), $"/api/v1/activities/{activityId}/sign-ups");
            var held = places.EnumerateArray().Where(p => p.GetProperty("status").GetString() == "confirmed").Select(p => p.GetProperty("personId").GetString()!).ToHashSet();
            if (!held.SetEquals(check.Confirmed))
            {
                throw new InvalidOperationException($"After the restart {held.Count} hold places; {check.Confirmed.Count} were answered confirmed, {held.Except(check.Confirmed).Count()} of them others.");
            }

            var resent = await Task.WhenAll(Enumerable.Range(0, people.Length).Select(i => SignUpAsync(http, activityId, people[i], tokens[i])));
            var changed = resent.Select((r, i) => (r, i)).Count(x => !x.r.Ok || Outcome(x.r.Answer) != Outcome(answers[x.i]) || Arrival(x.r.Answer) != Arrival(answers[x.i]));
            if (changed > 0)
            {
                throw new InvalidOperationException($"{changed} re-sent attempts got another answer after the restart.");
            }
        }

        var title = $"{people.Length:N0} people, {sizes.FlashPlaces} places, within 1 s";
        context.Results.Product(
            "product.flash_crowd_p99", $"(8) Flash crowd sign-up answered (durable), p99, {title}", load.Latency.P99, "ms",
            [(StateWriteCeiling.P99Id, "× one durable grain state write, p99", (v, c) => v / c)],
            Target.AtMost(200, "ms"), $"p50 {Results.Number(load.Latency.P50)} ms, max {Results.Number(load.Latency.Max)} ms, {load.Errors} errors");
        context.Results.Product(
            "product.flash_crowd_rate", $"(8) Flash crowd sign-ups answered per second, {title}", load.PerSecond, "req/s",
            [(HttpPostCeiling.SmallId, "of the no-op POST ceiling", (v, c) => v / c)]);
        context.Results.Detail(
            "product.flash_crowd_host_cpu", $"(8) Web host and silo CPU per sign-up attempt, {title}", cpuPerAttempt, "µs",
            "from /proc over the load until the last answer (the sampler's own cost included when LIANXIN_BENCH_TRACE is set)");
        context.Results.Detail(
            "product.flash_crowd_confirmed", $"(8) Confirmed (exactly {sizes.FlashPlaces} expected; the same {check.Confirmed.Count} hold after a restart, re-sent attempts answered the same)",
            check.Confirmed.Count, "places", $"{check.Waitlisted} waitlisted, {check.Full} full, in arrival order");
        context.Results.Detail(
            "product.flash_crowd_commits", $"(8) Journal commits that made the {people.Length:N0} attempts durable (group commit)", commits, "commits",
            $"{people.Length / Math.Max(1.0, commits):N0} attempts per commit; restart and re-check took {Stopwatch.GetElapsedTime(restart).TotalSeconds:N1} s");
    }

    public static object Activity(string id, int places) => new
    {
        id,
        title = "热门课程抢报",
        function = "cultureSportsLeisure",
        startsAt = DateTimeOffset.UtcNow.AddDays(1),
        endsAt = DateTimeOffset.UtcNow.AddDays(1).AddHours(2),
        room = "多功能厅",
        capacity = places,
        audience = "everyone",
        waitlist = true,
        waitlistLimit = places,
    };

    public static async Task<(bool Ok, JsonElement Answer)> SignUpAsync(HttpClient http, string activityId, string personId, string token)
    {
        // With its length, as a browser's fetch sends a string body (JsonContent streams it chunked, which costs the
        // host a body pump the ceiling's POST does not pay).
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { personId }));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/activities/{activityId}/sign-ups") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", $"{personId}-first");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.IsSuccessStatusCode, JsonDocument.Parse(body.Length == 0 ? "{}" : body).RootElement.Clone());
    }

    /// <summary>Exactly the places confirmed, and outcomes in arrival order: confirmed, then waitlisted by position, then full.</summary>
    public static (HashSet<string> Confirmed, int Waitlisted, int Full) Check(IReadOnlyList<JsonElement> answers, IReadOnlyList<string> people, int places)
    {
        var byArrival = answers.Select((a, i) => (a, i)).OrderBy(x => Arrival(x.a)).ToList();
        var expected = 0;
        var confirmed = new HashSet<string>();
        var (waitlisted, full) = (0, 0);
        foreach (var (answer, i) in byArrival)
        {
            expected++;
            var (outcome, inOrder) = (Outcome(answer), expected <= places ? "confirmed" : expected <= 2 * places ? "waitlisted" : "full");
            if (Arrival(answer) != expected || outcome != inOrder
                || (outcome == "waitlisted" && answer.GetProperty("position").GetInt32() != expected - places))
            {
                throw new InvalidOperationException($"Arrival {expected} answered {answer}: not in arrival order.");
            }

            switch (outcome)
            {
                case "confirmed":
                    confirmed.Add(people[i]);
                    break;
                case "waitlisted":
                    waitlisted++;
                    break;
                default:
                    full++;
                    break;
            }
        }

        return confirmed.Count == places ? (confirmed, waitlisted, full) : throw new InvalidOperationException($"{confirmed.Count} confirmed for {places} places.");
    }

    private static string? Outcome(JsonElement answer) => answer.TryGetProperty("outcome", out var o) ? o.GetString() : null;

    private static long Arrival(JsonElement answer) => answer.TryGetProperty("arrival", out var a) ? a.GetInt64() : -1;

    /// <summary>Each commit stamps its rows with its own transaction time: distinct stamps are commits.</summary>
    private static async Task<long> CommitsAsync(string database, string activityId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(DISTINCT recorded_at) FROM lianxin_event_journal WHERE stream = @stream AND event_type = 'activity.attempt'", connection);
        command.Parameters.AddWithValue("stream", $"activity:{activityId}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task SendOkAsync(HttpClient http, AuthenticationHeaderValue auth, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = auth;
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
