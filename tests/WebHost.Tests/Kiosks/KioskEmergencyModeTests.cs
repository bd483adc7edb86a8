using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Tests.Emergencies;
using Lianxin.WebHost.Tests.Registry;

namespace Lianxin.WebHost.Tests.Kiosks;

[Trait("Needs", "PostgreSQL")]
public sealed class KioskEmergencyModeTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>, IAsyncLifetime
{
    private readonly EmergencyDistrict _d = new(fixture.Host);

    public Task InitializeAsync() => _d.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> KioskAsync(string kioskId, string centerId)
    {
        (await _d.Operator.PostAsJsonAsync("/api/v1/kiosks", Requests.Kiosk(kioskId, centerId))).EnsureSuccessStatusCode();
        var key = await (await _d.Operator.PostAsync($"/api/v1/kiosks/{kioskId}/keys", null)).Content.ReadFromJsonAsync<KioskHost.KeyAnswer>();
        var client = fixture.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(key!.Authorization);
        return client;
    }

    private static async Task<JsonElement> BeatAsync(HttpClient kiosk, string kioskId)
    {
        var response = await kiosk.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/heartbeat", new { appVersion = "1.0.0", peripherals = new { printer = "ok" } });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static bool HasEmergency(JsonElement answer) => answer.TryGetProperty("emergency", out var e) && e.ValueKind == JsonValueKind.Object;

    [Fact]
    public async Task KiosksOfACoveredCenterCarryTheEmergencyUntilItEndsAndOthersNever()
    {
        var covered = await KioskAsync(_d.Id("k-a"), _d.Id("a"));
        var other = await KioskAsync(_d.Id("k-b"), _d.Id("b"));
        var before = await BeatAsync(covered, _d.Id("k-a"));
        var id = await _d.LaunchAsync(_d.Operator, new Dictionary<string, object?>
        {
            ["name"] = "台风“海葵”防御", ["mode"] = "exercise", ["level"] = "red", ["category"] = "met",
            ["scope"] = EmergencyRequests.Grids(_d.GridA), ["musterPoint"] = "村委会广场",
        });

        var during = await Eventually.HoldsAsync(() => BeatAsync(covered, _d.Id("k-a")), HasEmergency, deadline: TimeSpan.FromSeconds(30), what: "emergency on the kiosk");
        var batch = await (await covered.PostAsJsonAsync($"/api/v1/kiosks/{_d.Id("k-a")}/events", new { events = new[] { Wire.CheckIn(_d.Id("visitor"), DateTimeOffset.UtcNow.AddMinutes(-1)) } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var elsewhere = await BeatAsync(other, _d.Id("k-b"));
        (await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{id}/end", new { comment = "结束" })).EnsureSuccessStatusCode();
        var after = await Eventually.HoldsAsync(() => BeatAsync(covered, _d.Id("k-a")), a => !HasEmergency(a), deadline: TimeSpan.FromSeconds(30), what: "kiosk back to normal");

        Assert.False(HasEmergency(before));
        var notice = during.GetProperty("emergency");
        Assert.Equal((id, "exercise", "red"), (notice.GetProperty("emergencyId").GetString(), notice.GetProperty("mode").GetString(), notice.GetProperty("level").GetString()));
        Assert.StartsWith("【演练】", notice.GetProperty("headline").GetString());
        Assert.StartsWith("【演练】", notice.GetProperty("instruction").GetString());
        Assert.Equal("村委会广场", notice.GetProperty("musterPoint").GetString());
        Assert.Equal(id, batch.GetProperty("emergency").GetProperty("emergencyId").GetString());
        Assert.False(HasEmergency(elsewhere));
        Assert.False(HasEmergency(after));
    }

    [Fact]
    public async Task AnEmergencyAtATeamIsShownOnTheKiosksOfTheTeamsCenter()
    {
        (await _d.Operator.PutAsJsonAsync($"/api/v1/teams/{_d.Id("team-b")}", new { centerId = _d.Id("b"), name = "党员先锋服务队", leaderId = _d.Id("a-v1") })).EnsureSuccessStatusCode();
        var teamCenter = await KioskAsync(_d.Id("k-b"), _d.Id("b"));
        var above = await KioskAsync(_d.Id("k-d"), _d.District);

        await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(new { kind = "teams", ids = new[] { _d.Id("team-b") } }, mode: "exercise"));

        await Eventually.HoldsAsync(() => BeatAsync(teamCenter, _d.Id("k-b")), HasEmergency, deadline: TimeSpan.FromSeconds(30), what: "emergency on the team's center's kiosk");
        Assert.False(HasEmergency(await BeatAsync(above, _d.Id("k-d"))));
    }
}
