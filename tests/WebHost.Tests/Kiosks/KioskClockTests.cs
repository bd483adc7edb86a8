using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.WebHost.Tests.Residents;

namespace Lianxin.WebHost.Tests.Kiosks;

/// <summary>
/// The kiosk protocol keeps time by the centers' clock, the one the actors' rules read, not by the host's: a kiosk
/// checks its own clock against the heartbeat's <c>serverTime</c>, and its events' times are checked against the same
/// clock. The resident host's centers' clock is moved an hour ahead of the host's, so either answer would differ.
/// </summary>
[Collection(ResidentHostCollection.Name)]
public sealed class KioskClockTests(ResidentHost host)
{
    [Fact]
    public async Task TheHeartbeatAnswersWithTheCentersClock()
    {
        host.Clock.Advance(TimeSpan.FromHours(1));
        var before = host.Clock.GetUtcNow();

        var response = await host.Kiosk.PostAsJsonAsync($"/api/v1/kiosks/{ResidentHost.KioskId}/heartbeat", new { appVersion = "2.3.1" });
        var after = host.Clock.GetUtcNow();

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var serverTime = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("serverTime").GetDateTimeOffset();
        Assert.InRange(serverTime, before, after);
    }

    [Fact]
    public async Task AnEventAheadOfTheHostsClockButNotOfTheCentersIsTaken()
    {
        host.Clock.Advance(TimeSpan.FromHours(1));
        var checkIn = Wire.CheckIn("kiosk-clock-visitor", host.Clock.GetUtcNow());

        var answer = await Wire.PostAsync(host.Kiosk, ResidentHost.KioskId, checkIn);

        Assert.Equal((string)checkIn["eventId"]!, Assert.Single(answer.Results).EventId.ToString());
    }
}
