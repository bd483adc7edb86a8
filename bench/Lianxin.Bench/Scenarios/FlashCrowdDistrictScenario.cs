using System.Net.Http.Headers;
using System.Text.Json;
using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (8b) The district's flash crowd: <see cref="BenchSizes.DistrictActivities"/> activities of
/// <see cref="BenchSizes.FlashPlaces"/> places each (a waitlist as long) open at the same minute, and
/// <see cref="BenchSizes.DistrictAttempts"/> different people sign up as themselves within
/// <see cref="BenchSizes.DistrictSeconds"/> seconds, each for one of them in turn (open loop; latency from when each attempt
/// was due). Checked per activity, or the run reports a problem: exactly its places confirmed, answers in its arrival
/// order, and the places it lists afterwards are the ones it answered confirmed (no oversell anywhere).
/// </summary>
internal sealed class FlashCrowdDistrictScenario : IScenario
{
    public string Name => "flash-crowd-district";

    public async Task RunAsync(BenchContext context)
    {
        if (context.Options.Smoke && context.Options.Only?.Contains(Name) != true)
        {
            Console.WriteLine($"   {Name}: not in smoke runs (a host start on its own database); run it with --smoke --only {Name}");
            return;
        }

        var sizes = context.Sizes;
        var activities = Enumerable.Range(0, sizes.DistrictActivities).Select(a => $"fd-{a:D3}-{Guid.NewGuid():N}"[..20]).ToArray();
        if (sizes.DistrictAttempts / activities.Length < sizes.FlashPlaces)
        {
            throw new ArgumentException($"DistrictAttempts must give each of the {activities.Length} activities at least its {sizes.FlashPlaces} places' attempts.");
        }

        var database = await context.Postgres.CreateDatabaseAsync("flashdistrict");
        var people = Enumerable.Range(0, sizes.DistrictAttempts).Select(i => $"fd-p{i:D6}").ToArray();
        var tokens = people.Select(p => DevToken.Issue("volunteer", p)).ToArray();
        var answers = new JsonElement[people.Length];
        LoadResult load;
        double cpuPerAttempt;
        await using var host = ProductHost.Start(context, "webhost-flash-district", database);
        await host.WaitReadyAsync(sizes.Patience);
        using var http = HttpLoad.CreateClient(host.Address, FlashCrowdScenario.Connections);
        var organiser = new AuthenticationHeaderValue("Bearer", DevToken.Issue("operator", FlashCrowdScenario.Region));
        await FlashCrowdScenario.SendOkAsync(http, organiser, HttpMethod.Post, "/api/v1/centers", new
        {
            id = FlashCrowdScenario.Region, name = "压测区党群服务中心", level = "district", location = new { latitude = 27.7, longitude = 121.1 }, floorAreaSqm = 1200,
            openingHours = new { opens = "08:30", closes = "20:30" }, selfService24h = true, staff = Array.Empty<object>(), functions = new[] { "cultureSportsLeisure" },
        });

        // Warm the code paths up on another activity, then publish the district's activities before they open.
        await FlashCrowdScenario.SendOkAsync(http, organiser, HttpMethod.Post, $"/api/v1/centers/{FlashCrowdScenario.Region}/activities", FlashCrowdScenario.Activity("fd-warmup", sizes.FlashPlaces));
        await Task.WhenAll(Enumerable.Range(0, Math.Min(500, people.Length)).Select(i => FlashCrowdScenario.SignUpAsync(http, "fd-warmup", people[i], tokens[i])));
        foreach (var activity in activities)
        {
            await FlashCrowdScenario.SendOkAsync(http, organiser, HttpMethod.Post, $"/api/v1/centers/{FlashCrowdScenario.Region}/activities", FlashCrowdScenario.Activity(activity, sizes.FlashPlaces));
        }

        await using (await HostTrace.StartAsync(host.Process, Name))
        {
            var cpu = host.Process.CpuTime();
            load = await OpenLoop.RunAsync(people.Length / (double)sizes.DistrictSeconds, TimeSpan.FromSeconds(sizes.DistrictSeconds), async n =>
            {
                var (ok, answer) = await FlashCrowdScenario.SignUpAsync(http, activities[n % activities.Length], people[n], tokens[n]);
                answers[n] = answer;
                return ok;
            });
            cpuPerAttempt = (host.Process.CpuTime() - cpu).TotalMicroseconds / people.Length;
        }

        var confirmed = 0;
        for (var a = 0; a < activities.Length; a++)
        {
            var mine = Enumerable.Range(0, people.Length).Where(i => i % activities.Length == a).ToArray();
            var check = FlashCrowdScenario.Check([.. mine.Select(i => answers[i])], [.. mine.Select(i => people[i])], sizes.FlashPlaces);
            var places = await FlashCrowdScenario.GetAsync(http, DevToken.Issue("operator", FlashCrowdScenario.Region), $"/api/v1/activities/{activities[a]}/sign-ups");
            var held = places.EnumerateArray().Where(p => p.GetProperty("status").GetString() == "confirmed").Select(p => p.GetProperty("personId").GetString()!).ToHashSet();
            if (!held.SetEquals(check.Confirmed))
            {
                throw new InvalidOperationException($"Activity {activities[a]} lists {held.Count} confirmed places; {check.Confirmed.Count} were answered confirmed, {held.Except(check.Confirmed).Count()} of them others.");
            }

            confirmed += check.Confirmed.Count;
        }

        var title = $"{people.Length:N0} people, {activities.Length} activities of {sizes.FlashPlaces} places, within {sizes.DistrictSeconds} s";
        context.Results.Product(
            "product.flash_district_p99", $"(8b) District flash crowd sign-up answered (durable), p99, {title}", load.Latency.P99, "ms",
            [(StateWriteCeiling.P99Id, "× one durable grain state write, p99", (v, c) => v / c)],
            Target.AtMost(250, "ms"), $"p50 {Results.Number(load.Latency.P50)} ms, max {Results.Number(load.Latency.Max)} ms, {load.Errors} errors");
        context.Results.Product(
            "product.flash_district_rate", $"(8b) District flash crowd sign-ups answered per second, {title}", load.PerSecond, "req/s",
            [(HttpPostCeiling.SmallId, "of the no-op POST ceiling", (v, c) => v / c)]);
        context.Results.Detail(
            "product.flash_district_host_cpu", $"(8b) Web host and silo CPU per sign-up attempt, {title}", cpuPerAttempt, "µs",
            "from /proc over the load until the last answer (the sampler's own cost included when LIANXIN_BENCH_TRACE is set)");
        context.Results.Detail(
            "product.flash_district_confirmed", $"(8b) Confirmed across the district (exactly {sizes.FlashPlaces} per activity expected, each activity's list the same)",
            confirmed, "places", $"{activities.Length} activities, every one in its own arrival order, none oversold");
    }
}
