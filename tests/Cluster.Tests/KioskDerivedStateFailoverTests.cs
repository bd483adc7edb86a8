using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Activity;
using Lianxin.Kiosks;
using Lianxin.TestSupport;
using Xunit.Abstractions;

namespace Lianxin.Cluster.Tests;

/// <summary>
/// What a kiosk batch sets going after its answer, derived from the journal rather than written before it: a
/// volunteer's duty, the hours of a closed volunteer visit, and a help request opened from the kiosk. Killing the
/// silos of the kiosk's ingest and of the center's activity right after the answer loses none of them, and the
/// batch re-sent afterwards changes no count.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class KioskDerivedStateFailoverTests(ClusterFixture cluster, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => cluster.EnsureFullAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task DutyHoursAndAHelpRequestSetGoingByABatchSurviveTheKillOfTheirSilosAndAReSendChangesNothing() => cluster.ReportingAsync(output, async () =>
    {
        var fleet = await KioskFleet.CreateAsync(cluster.WebA, 1);
        var kioskId = fleet.KioskIds.Single();
        var grid = $"{fleet.District}-g";
        (await fleet.Staff.PostAsJsonAsync("/api/v1/grids", Bodies.Grid(grid, fleet.Center))).EnsureSuccessStatusCode();
        var (served, serving) = ($"{fleet.District}-va", $"{fleet.District}-vb");
        foreach (var person in new[] { served, serving })
        {
            (await fleet.Staff.PostAsJsonAsync("/api/v1/volunteers", Bodies.Volunteer(person, grid))).EnsureSuccessStatusCode();
        }

        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var help = KioskFleet.Event("helpRequest", DateTimeOffset.UtcNow, new() { ["purpose"] = "convenienceServices", ["description"] = "独居老人需要上门看望" });
        Dictionary<string, object?>[] batch =
        [
            KioskFleet.Event("checkIn", start, new() { ["personId"] = served, ["role"] = "volunteer" }),
            KioskFleet.Event("checkOut", start.AddHours(1), new() { ["personId"] = served }),
            KioskFleet.Event("checkIn", DateTimeOffset.UtcNow.AddMinutes(-5), new() { ["personId"] = serving, ["role"] = "volunteer" }),
            help,
        ];
        var first = await fleet.SendAsync(0, batch);

        // Right after the answer, before the actors it concerns have caught up: no shutdown, one silo at a time.
        var ingestHost = await cluster.HostOfAsync(cluster.WebA.Grains.GetGrain<IKioskIngestGrain>(kioskId));
        var activityHost = await cluster.HostOfAsync(cluster.WebA.Grains.GetGrain<ICenterActivityGrain>(fleet.Center));
        foreach (var victim in new[] { ingestHost, activityHost }.Distinct())
        {
            await cluster.Silos[victim].KillAsync();
            output.WriteLine($"silo {victim} killed (kiosk ingest on {ingestHost}, center activity on {activityHost})");
            await cluster.ReplaceAsync(victim);
        }

        // The kiosk keeps uploading, as kiosks do: its next batch wakes what the kills took.
        var visitor = KioskFleet.Event("checkIn", DateTimeOffset.UtcNow, new() { ["personId"] = $"p{Guid.NewGuid():N}"[..16], ["role"] = "visitor", ["purpose"] = "convenienceServices" });
        var visited = (await fleet.SendAsync(0, visitor)).Single().Status;
        // An attempt that met the failover (503 while the dead silo's actors wait for their new home) may have stored the
        // event before its answer was lost: the kiosk's re-send is then told "duplicate", as protocol v1 says, and the
        // count of people inside below shows it was counted, once.
        string[] expected = fleet.LastAttempts == 1 ? ["accepted"] : ["accepted", "duplicate"];
        Assert.Contains(visited, expected);
        var helpId = $"hr-{(Guid)help["eventId"]!:D}";
        var settled = await Eventually.HoldsAsync(
            () => StateAsync(fleet, served, serving, helpId),
            s => s.Ledger == 1 && s.OnDuty == 1 && s.OpenHelpRequests == 1 && s.Serving == "onDuty" && s.HelpRequest == "open" && s.Inside == 2,
            ClusterFixture.Recovery,
            "the duty, the hours and the help request are derived again, and the visitor is counted");

        var again = await fleet.SendAsync(0, batch);
        var after = await StateAsync(fleet, served, serving, helpId);

        Assert.Equal(["accepted", "accepted", "accepted", "accepted"], first.Select(r => r.Status));
        Assert.Equal(["duplicate", "duplicate", "duplicate", "duplicate"], again.Select(r => r.Status));
        Assert.Equal(settled, after);
        Assert.Equal(2, after.Inside);
    });

    /// <summary>What staff see: the served volunteer's hours entries, the center's live figures, the serving volunteer's status, the help request's stage.</summary>
    private static async Task<Observed> StateAsync(KioskFleet fleet, string served, string serving, string helpId)
    {
        var ledger = await fleet.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/people/{served}/ledger");
        var live = (await fleet.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/centers/{fleet.Center}")).GetProperty("live");
        var person = await fleet.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{serving}");
        var help = await fleet.Staff.GetAsync($"/api/v1/help-requests/{helpId}");
        return new Observed(
            ledger.GetProperty("hours").GetArrayLength(),
            live.GetProperty("volunteersOnDuty").GetInt32(),
            live.GetProperty("openHelpRequests").GetInt32(),
            live.GetProperty("peopleInside").GetInt32(),
            person.GetProperty("live").GetProperty("status").GetString(),
            help.IsSuccessStatusCode ? (await help.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString() : null);
    }

    private sealed record Observed(int Ledger, int OnDuty, int OpenHelpRequests, int Inside, string? Serving, string? HelpRequest);
}
