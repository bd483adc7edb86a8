using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lianxin.Centers;
using Lianxin.Live;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>Live protocol version 2 over the web host with real SignalR clients, next to version 1 clients.</summary>
[Collection(LiveHostCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class LiveProtocolVersionTests(LiveHostFixture fixture)
{
    private static readonly string[] StaticMembers = ["id", "name", "level", "parentId", "location", "openingHours", "selfService24h"];

    private LianxinWebFactory Host => fixture.Host;

    [Fact]
    public async Task Version2SnapshotHoldsTheWholeCardAndNumberedDeltasCarryOnlyTheChangedFields()
    {
        var data = await LiveData.CreateAsync(Host.Grains);
        var scope = await SettledRegionAsync(data);
        await using var screen = await PatchingDashboard.ConnectAsync(Host, Host.TokenFor(Role.Operator, data.District));

        var snapshot = await screen.SubscribeAsync(scope);
        await Host.Grains.GetGrain<ICenterGrain>(data.Community).AddPeopleOnDutyAsync(1);

        var card = snapshot["items"]![$"center:{data.Community}"]!.AsObject();
        Assert.All(StaticMembers, member => Assert.True(card.ContainsKey(member), member));
        await Eventually.HoldsAsync(() => Task.FromResult(OnDuty(screen.Item($"center:{data.Community}"))), n => n == 1, LianxinWebFactory.Timeout, "change shown");
        await Eventually.HoldsAsync(() => Task.FromResult(screen.Item("summary")?["subtree"]?["volunteersOnDuty"]?.GetValue<int>()), n => n == 1, LianxinWebFactory.Timeout, "totals shown");
        Assert.Equal(Enumerable.Range(0, screen.Numbers.Count).Select(i => screen.Numbers[0] + i), screen.Numbers);
        var patches = screen.Applied.Select(d => d["patches"]![$"center:{data.Community}"]).OfType<JsonObject>().ToList();
        Assert.True(patches.Any(p => JsonNode.DeepEquals(p, JsonNode.Parse("""{"live":{"volunteersOnDuty":1}}"""))),
            string.Join(" | ", screen.Applied.Select(d => d.ToJsonString())));
        Assert.All(screen.Applied, d => Assert.True(d["items"]!.AsObject().Count == 0, d.ToJsonString()));
        Assert.All(patches, p => Assert.Equal(["live"], p.Select(m => m.Key)));
    }

    [Fact]
    public async Task KioskCheckInReachesAVersion2ScreenAsAPatchOfTheCentersFigures()
    {
        var data = await LiveData.CreateAsync(Host.Grains);
        var (kiosk, kioskId, center) = await KioskAsync(data.District);
        var scope = await SettledRegionAsync(data, center);
        await using var screen = await PatchingDashboard.ConnectAsync(Host, Host.TokenFor(Role.Operator, data.District));
        await screen.SubscribeAsync(scope);

        var answer = await kiosk.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/events", CheckIn());

        answer.EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(
            () => Task.FromResult(screen.Item($"center:{center}")?["live"]?["checkInsTodayByFunction"]?["convenienceServices"]?.GetValue<int>()),
            n => n == 1, LianxinWebFactory.Timeout, "check-in shown");
        Assert.Equal(1, screen.Item($"center:{center}")!["live"]!["peopleInside"]!.GetValue<int>());
        var patch = screen.Applied.Select(d => d["patches"]![$"center:{center}"]).OfType<JsonObject>().First(p => p["live"]?["peopleInside"] is not null);
        Assert.Equal(["live"], patch.Select(m => m.Key));
        Assert.True(patch.ToJsonString().Length < 200, patch.ToJsonString());
    }

    [Fact]
    public async Task Version2ScreenThatLosesADeltaResyncsAndEndsWithTheSamePictureAsAVersion1Screen()
    {
        var data = await LiveData.CreateAsync(Host.Grains);
        var scope = await SettledRegionAsync(data);
        var token = Host.TokenFor(Role.Operator, data.District);
        await using var patching = await PatchingDashboard.ConnectAsync(Host, token);
        await using var whole = await LiveDashboard.ConnectAsync(Host, token);
        await patching.SubscribeAsync(scope);
        await whole.SubscribeAsync(scope);
        patching.Lose(1);

        var centers = Host.Grains.GetGrain<ICenterGrain>(data.Community);
        for (var n = 1; n <= 3; n++)
        {
            await centers.AddPeopleOnDutyAsync(1);
            var want = n;
            await Eventually.HoldsAsync(() => Task.FromResult(whole.VolunteersOnDuty(data.Community)), v => v == want, LianxinWebFactory.Timeout, $"version 1 shows {n}");
        }

        await Eventually.HoldsAsync(() => Task.FromResult(OnDuty(patching.Item($"center:{data.Community}"))), v => v == 3, LianxinWebFactory.Timeout, "version 2 shows 3");
        // The two versions are numbered apart and go out at different rates: they meet once the last change is in both.
        await Eventually.HoldsAsync(() => Task.FromResult(FirstDifference(whole, patching)), d => d is null, LianxinWebFactory.Timeout, "the same picture in both");
        Assert.True(patching.Resyncs >= 1);
        Assert.Equal(whole.Current("summary")!.Value.GetProperty("subtree").GetProperty("volunteersOnDuty").GetInt32(), patching.Item("summary")!["subtree"]!["volunteersOnDuty"]!.GetValue<int>());
    }

    /// <summary>The first item a version-1 and a version-2 screen show differently (apart from its time), or null.</summary>
    private static string? FirstDifference(LiveDashboard whole, PatchingDashboard patching)
    {
        foreach (var key in patching.Keys)
        {
            if (whole.Current(key) is not { } held)
            {
                return $"{key}: missing in version 1";
            }

            var v1 = JsonNode.Parse(held.GetRawText())!.AsObject();
            var v2 = patching.Item(key)!.AsObject();
            v1.Remove("asOf");
            v2.Remove("asOf");
            if (!JsonNode.DeepEquals(v1, v2))
            {
                return $"{key}: {v1.ToJsonString()} ≠ {v2.ToJsonString()}";
            }
        }

        return null;
    }

    [Fact]
    public async Task UnknownVersionIsRefusedAndAVersion1SubscriptionStillGetsWholeCards()
    {
        var data = await LiveData.CreateAsync(Host.Grains);
        var scope = await SettledRegionAsync(data);
        await using var dashboard = await LiveDashboard.ConnectAsync(Host, Host.TokenFor(Role.Operator, data.District));

        var refusal = await Assert.ThrowsAsync<HubException>(() => dashboard.Connection.InvokeAsync<JsonElement>("SubscribeWithVersion", scope, 3));
        await dashboard.SubscribeAsync(scope);
        await Host.Grains.GetGrain<ICenterGrain>(data.Community).AddPeopleOnDutyAsync(1);

        Assert.Contains("version 3", refusal.Message, StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => Task.FromResult(dashboard.VolunteersOnDuty(data.Community)), n => n == 1, LianxinWebFactory.Timeout, "change shown");
        var card = dashboard.Deltas.Select(d => d.Items.GetValueOrDefault($"center:{data.Community}")).Last(c => c.ValueKind == JsonValueKind.Object);
        Assert.All(StaticMembers, member => Assert.True(card.TryGetProperty(member, out _), member));
    }

    [Fact]
    public async Task Version2SubscriptionFollowsTheSameAccessRulesAsVersion1()
    {
        var data = await LiveData.CreateAsync(Host.Grains);
        await using var staff = await PatchingDashboard.ConnectAsync(Host, Host.TokenFor(Role.Staff, data.Community));

        var refusal = await Assert.ThrowsAsync<HubException>(() => staff.SubscribeAsync(LiveScope.Region(data.District)));
        var own = await staff.SubscribeAsync(LiveScope.Center(data.Community));

        Assert.Contains("outside your scope", refusal.Message, StringComparison.Ordinal);
        Assert.NotNull(own["items"]![$"center:{data.Community}"]);
    }

    private static int? OnDuty(JsonNode? card) => card?["live"]?["volunteersOnDuty"]?.GetValue<int>();

    /// <summary>The region's feed once it shows every center made (so later deltas are changes, not arrivals).</summary>
    private async Task<string> SettledRegionAsync(LiveData data, string? extraCenter = null)
    {
        var scope = LiveScope.Region(data.District);
        string[] centers = [data.District, data.Street, data.Community, .. extraCenter is null ? [] : new[] { extraCenter }];
        await Eventually.HoldsAsync(
            () => Host.Grains.GetGrain<ILiveFeedGrain>(scope).GetSnapshotAsync(),
            // A card learns of its grid and its kiosk after they are registered: settled means those changes are in
            // too, so that what follows on the screen is only the test's own change.
            s => centers.All(c => s.Items.ContainsKey(LiveItemKeys.Center(c))) && s.Items.ContainsKey(LiveItemKeys.Summary)
                && s.Items[LiveItemKeys.Center(data.Community)] is CenterCard { Grids: 1 }
                && (extraCenter is null || s.Items[LiveItemKeys.Center(extraCenter)] is CenterCard { KiosksRegistered: 1 }),
            LianxinWebFactory.Timeout, "region feed shows every center, the community's grid and the kiosk");
        return scope;
    }

    /// <summary>A community center open all day under the district, and a client speaking for its kiosk.</summary>
    private async Task<(HttpClient Kiosk, string KioskId, string CenterId)> KioskAsync(string district)
    {
        var tag = $"{Guid.NewGuid():N}"[..8];
        var (center, kioskId) = ($"c-{tag}", $"k-{tag}");
        using var staff = Host.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new("Bearer", Host.TokenFor(Role.Operator, district));
        (await staff.PostAsJsonAsync("/api/v1/centers", new
        {
            id = center, name = $"{center}党群服务中心", level = "community", parentId = district,
            location = new { latitude = 27.7, longitude = 121.1 }, floorAreaSqm = 1500, households = 1000,
            openingHours = new { opens = "00:00", closes = "23:59:59" }, selfService24h = true,
            staff = new[] { new { name = "张三", role = "operationsStaff", isPartyMember = true, trainingDays = 3 } },
            functions = new[] { "partyBuilding", "convenienceServices" },
        })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync("/api/v1/kiosks", new { id = kioskId, centerId = center, name = "一楼大厅自助终端" })).EnsureSuccessStatusCode();
        var key = await (await staff.PostAsync($"/api/v1/kiosks/{kioskId}/keys", null)).Content.ReadFromJsonAsync<JsonElement>();
        var kiosk = Host.CreateClient();
        kiosk.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key.GetProperty("authorization").GetString());
        return (kiosk, kioskId, center);
    }

    private static object CheckIn() => new
    {
        events = new[]
        {
            new { eventId = Guid.NewGuid(), occurredAt = DateTimeOffset.UtcNow, type = "checkIn", personId = $"r-{Guid.NewGuid():N}", role = "visitor", purpose = "convenienceServices" },
        },
    };
}
