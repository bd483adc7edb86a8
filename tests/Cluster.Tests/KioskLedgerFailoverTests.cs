using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Kiosks;
using Lianxin.Ledger;
using Lianxin.TestSupport;
using Xunit.Abstractions;

namespace Lianxin.Cluster.Tests;

/// <summary>
/// Points redemptions and kiosk faults answered "accepted" belong to actors of their own (the person's ledger, the
/// kiosk's health). Killing the silo that holds each must lose neither: a redeemed point cannot be spent twice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class KioskLedgerFailoverTests(ClusterFixture cluster, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => cluster.EnsureFullAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task ARedemptionAndAFaultAcceptedBeforeTheirSiloIsKilledAreKeptAndThePointsCannotBeSpentTwice() => cluster.ReportingAsync(output, async () =>
    {
        var fleet = await KioskFleet.CreateAsync(cluster.WebA, 1);
        var kioskId = fleet.KioskIds.Single();
        var person = $"p{Guid.NewGuid():N}"[..16];
        var start = DateTimeOffset.UtcNow.AddHours(-3);

        // One hour of volunteer service, approved by staff: 10 points.
        await fleet.SendAsync(0,
            KioskFleet.Event("checkIn", start, new() { ["personId"] = person, ["role"] = "volunteer" }),
            KioskFleet.Event("checkOut", start.AddHours(1), new() { ["personId"] = person }));
        var pending = await Eventually.HoldsAsync(() => LedgerAsync(fleet, person), l => l.GetProperty("hours").GetArrayLength() == 1, ClusterFixture.Recovery, "the hours reach the ledger");
        var hoursId = pending.GetProperty("hours")[0].GetProperty("id").GetString();
        (await fleet.Staff.PostAsJsonAsync($"/api/v1/people/{person}/hours/{hoursId}/decision", new { decision = "approved" })).EnsureSuccessStatusCode();

        var redemption = KioskFleet.Event("pointsRedemption", DateTimeOffset.UtcNow, new() { ["personId"] = person, ["points"] = 10, ["goods"] = "大米" });
        var fault = KioskFleet.Event("fault", DateTimeOffset.UtcNow, new() { ["peripheral"] = "printer", ["code"] = "E101", ["message"] = "缺纸" });
        var first = await fleet.SendAsync(0, redemption, fault);

        // Each actor's silo dies without any shutdown, right after the answer (one at a time: the cluster keeps a majority).
        var ledgerHost = await cluster.HostOfAsync(cluster.WebA.Grains.GetGrain<IPersonLedgerGrain>(person));
        var healthHost = await cluster.HostOfAsync(cluster.WebA.Grains.GetGrain<IKioskHealthGrain>(kioskId));
        foreach (var victim in new[] { ledgerHost, healthHost }.Distinct())
        {
            await cluster.Silos[victim].KillAsync();
            output.WriteLine($"silo {victim} killed (ledger on {ledgerHost}, kiosk health on {healthHost})");
            await cluster.ReplaceAsync(victim);
        }

        var again = await fleet.SendAsync(0, redemption, KioskFleet.Event("pointsRedemption", DateTimeOffset.UtcNow, new() { ["personId"] = person, ["points"] = 10, ["goods"] = "食用油" }));
        var ledger = await LedgerAsync(fleet, person);
        var health = await fleet.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/kiosks/{kioskId}/health");

        Assert.Equal(["accepted", "accepted"], first.Select(r => r.Status));
        Assert.Equal(["duplicate", "rejected"], again.Select(r => r.Status));
        Assert.Equal(0, ledger.GetProperty("balance").GetInt32());
        Assert.Equal([10, -10], ledger.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("points").GetInt32()));
        Assert.Contains(health.GetProperty("recentFaults").EnumerateArray(), f => f.GetProperty("eventId").GetGuid() == (Guid)fault["eventId"]!);
    });

    private static Task<JsonElement> LedgerAsync(KioskFleet fleet, string person) =>
        fleet.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}/ledger");
}
