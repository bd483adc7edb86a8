using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Emergencies;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Xunit.Abstractions;

namespace Lianxin.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RollCallFailoverTests(ClusterFixture cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const int People = 200;
    private const int KillAfter = People / 3;
    private const int Senders = 8;
    private static readonly string[] Answers = ["acknowledged", "enRoute", "unavailable"];

    public Task InitializeAsync() => cluster.EnsureFullAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task ARollCallKeepsEveryAcknowledgedAnswerAndFinishesWhenTheSiloHostingItIsKilledMidStream() => cluster.ReportingAsync(output, async () =>
    {
        var web = cluster.WebA;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var district = $"rc{Guid.NewGuid():N}"[..10];
        var op = web.ClientAs(Role.Operator, district);
        var people = Enumerable.Range(0, People).Select(i => $"{district}-v{i:D3}").ToArray();
        await CreateDistrictAsync(op, district, people);

        // The previous test's dead silo may not be declared dead yet: the launch is re-sent with its key, as a client does.
        var key = Guid.NewGuid().ToString();
        var (launched, _) = await Resend.UntilAnsweredAsync(op, () =>
        {
            var launch = new HttpRequestMessage(HttpMethod.Post, "/api/v1/emergencies") { Content = JsonContent.Create(Bodies.Emergency($"{district}-g")) };
            launch.Headers.Add("Idempotency-Key", key);
            return launch;
        }, "launch");
        Assert.True(launched.IsSuccessStatusCode, await launched.Content.ReadAsStringAsync());
        var id = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition").GetProperty("id").GetString()!;
        output.WriteLine($"{clock.Elapsed}: district of {People} people made, emergency launched");
        var tokens = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (person, _) =>
            tokens[person] = await TokenAsync(web, person, id));

        output.WriteLine($"{clock.Elapsed}: every alert with its token reached its person");

        // The silo that holds the roll-call dies without any shutdown while answers stream in.
        var victim = await cluster.HostOfAsync(web.Grains.GetGrain<IEmergencyGrain>(id));
        var acknowledged = new ConcurrentDictionary<string, string>();
        var resent = 0;
        var killed = 0;
        Task replaced = Task.CompletedTask;
        var answer = web.CreateClient();
        await Parallel.ForEachAsync(people.Select((person, i) => (person, i)), new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (p, _) =>
        {
            if (acknowledged.Count >= KillAfter && Interlocked.Exchange(ref killed, 1) == 0)
            {
                await cluster.Silos[victim].KillAsync();

                // As Kubernetes restarts a crashed pod: a new silo starts while the answers go on.
                replaced = cluster.ReplaceAsync(victim);
            }

            var status = Answers[p.i % Answers.Length];
            var (response, attempts) = await Resend.PostUntilAnsweredAsync(
                answer, $"/api/v1/emergencies/{id}/responses", Bodies.Reply(tokens[p.person], status, Guid.NewGuid()), $"answer of {p.person}");
            Assert.True(response.IsSuccessStatusCode, $"{p.person}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            acknowledged[p.person] = status;
            Interlocked.Add(ref resent, attempts - 1);
        });
        output.WriteLine($"{clock.Elapsed}: {People} answers acknowledged, {resent} sends repeated after failures; silo {victim} killed.");

        Assert.Equal(1, killed);
        var rollCall = await Eventually.HoldsAsync(
            () => op.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}/rollcall"),
            r => r.GetProperty("accounted").GetInt32() == People,
            ClusterFixture.Recovery,
            "everyone accounted for");
        output.WriteLine($"{clock.Elapsed}: everyone accounted for");
        var counts = rollCall.GetProperty("counts");
        Assert.Equal(100.0, rollCall.GetProperty("accountedPercent").GetDouble());
        Assert.Equal(People, rollCall.GetProperty("total").GetInt32());
        Assert.Equal(People, rollCall.GetProperty("selfUpdates").GetInt32());
        foreach (var status in Answers)
        {
            Assert.Equal(acknowledged.Values.Count(s => s == status), counts.GetProperty(status).GetInt32());
        }

        // Each person's answer is in their history once, however often it was sent.
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (person, _) =>
        {
            var line = await op.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}/people/{person}");
            Assert.Equal(acknowledged[person], line.GetProperty("status").GetString());
            Assert.Single(line.GetProperty("history").EnumerateArray(), h => h.GetProperty("status").GetString() == acknowledged[person]);
        });
        await replaced;
    });

    /// <summary>
    /// The registry as an operator's client builds it. The test before may have killed a silo moments ago, and the
    /// actors of its directory range answer 503 (with Retry-After) until they have a new home: a client sends again.
    /// </summary>
    private static async Task CreateDistrictAsync(HttpClient op, string district, string[] people)
    {
        await CreateAsync(op, "/api/v1/centers", Bodies.Center(district, "district", null), district);
        await CreateAsync(op, "/api/v1/centers", Bodies.Center($"{district}-c", "community", district), $"{district}-c");
        await CreateAsync(op, "/api/v1/grids", Bodies.Grid($"{district}-g", $"{district}-c"), $"{district}-g");
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (person, _) =>
            await CreateAsync(op, "/api/v1/volunteers", Bodies.Volunteer(person, $"{district}-g"), person));
    }

    private static async Task CreateAsync(HttpClient op, string path, object body, string id)
    {
        var (response, attempts) = await Resend.PostUntilAnsweredAsync(op, path, body, $"creating {id}");
        // A first attempt that was stored before its answer was lost makes the resend meet the record it created.
        if (!(attempts > 1 && response.StatusCode == System.Net.HttpStatusCode.Conflict))
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>A person's reply token, from their own alerts page once the alert reached it.</summary>
    private static async Task<string> TokenAsync(LianxinWebFactory web, string person, string emergencyId)
    {
        var client = web.ClientAs(Role.Volunteer, person);
        var alerts = await Eventually.HoldsAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{person}/alerts"),
            a => a.EnumerateArray().Any(x => x.GetProperty("emergencyId").GetString() == emergencyId && x.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String),
            TimeSpan.FromSeconds(60),
            $"alert for {person}");
        return alerts.EnumerateArray().First(x => x.GetProperty("emergencyId").GetString() == emergencyId).GetProperty("token").GetString()!;
    }
}
