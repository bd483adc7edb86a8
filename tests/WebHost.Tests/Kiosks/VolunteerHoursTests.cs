using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.TestSupport;
using Lianxin.Volunteers;

namespace Lianxin.WebHost.Tests.Kiosks;

[Trait("Needs", "PostgreSQL")]
public sealed class VolunteerHoursTests(KioskHostFixture fixture) : IClassFixture<KioskHostFixture>
{
    private LianxinWebFactory Host => fixture.Host;

    [Fact]
    public async Task VolunteerDutyFromTheKioskBecomesHoursThatStaffApproveIntoPointsSpentAtRedemption()
    {
        // The visit begins two hours ago and is open until its check-out, whatever the time of the run (the center's
        // day turns twelve hours from now).
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds());
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        var personId = await VolunteerAsync(centerId);
        var person = Host.Grains.GetGrain<IVolunteerGrain>(personId);
        var checkIn = Wire.CheckIn(personId, start, "volunteer");

        await Wire.PostAsync(kiosk, kioskId, checkIn);
        var onDuty = await Eventually.HoldsAsync(() => person.GetAsync(), p => p!.Live.Status == VolunteerStatus.OnDuty);
        await Wire.PostAsync(kiosk, kioskId, Wire.CheckOut(personId, start.AddMinutes(90)));
        var offDuty = await Eventually.HoldsAsync(() => person.GetAsync(), p => p!.Live.Status == VolunteerStatus.OffDuty);
        var pending = await Eventually.HoldsAsync(() => Wire.GetAsync(staff, $"/api/v1/people/{personId}/ledger"), l => l.GetProperty("hours").GetArrayLength() == 1);
        var hoursId = pending.GetProperty("hours")[0].GetProperty("id").GetString();
        var declineWithoutReason = await staff.PostAsJsonAsync($"/api/v1/people/{personId}/hours/{hoursId}/decision", new { decision = "declined" });
        var approval = await staff.PostAsJsonAsync($"/api/v1/people/{personId}/hours/{hoursId}/decision", new { decision = "approved" });
        var approvedAgain = await staff.PostAsJsonAsync($"/api/v1/people/{personId}/hours/{hoursId}/decision", new { decision = "declined", reason = "改主意" });
        var spend = await Wire.PostAsync(kiosk, kioskId,
            Wire.Event("pointsRedemption", DateTimeOffset.UtcNow, new() { ["personId"] = personId, ["points"] = 10, ["goods"] = "洗衣液" }),
            Wire.Event("pointsRedemption", DateTimeOffset.UtcNow, new() { ["personId"] = personId, ["points"] = 10, ["goods"] = "大米" }));
        var ledger = await Wire.GetAsync(staff, $"/api/v1/people/{personId}/ledger");

        Assert.Equal(centerId, onDuty!.Live.CenterId);
        Assert.Equal(VolunteerStatus.OffDuty, offDuty!.Live.Status);
        Assert.Equal(("pending", (string?)checkIn["eventId"]), (pending.GetProperty("hours")[0].GetProperty("state").GetString(), hoursId));
        Assert.Equal(HttpStatusCode.BadRequest, declineWithoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approvedAgain.StatusCode);
        Assert.Equal(["accepted", "rejected"], spend.Results.Select(r => r.Status));
        Assert.Contains("balance is 5", spend.Results[1].Reason);
        Assert.Equal(5, ledger.GetProperty("balance").GetInt32());
        var entries = ledger.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal((15, "volunteerHours:10/h", hoursId), (entries[0].GetProperty("points").GetInt32(), entries[0].GetProperty("rule").GetString(), entries[0].GetProperty("sourceEventId").GetString()));
        Assert.Equal((-10, "redemption", (string?)spend.Results[0].EventId.ToString()), (entries[1].GetProperty("points").GetInt32(), entries[1].GetProperty("rule").GetString(), entries[1].GetProperty("sourceEventId").GetString()));
        Assert.Equal("approved", ledger.GetProperty("hours")[0].GetProperty("state").GetString());
        var activity = await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity");
        Assert.Equal(0, activity.GetProperty("hoursAwaitingDecision").GetArrayLength());

        // The export of the district: the center's approved hours and the points they earned in the period.
        var period = $"from={start.AddDays(-2):yyyy-MM-dd}&to={start.AddDays(2):yyyy-MM-dd}";
        var district = centerId.Replace("c-", "d-", StringComparison.Ordinal);
        var export = await Wire.GetAsync(staff, $"/api/v1/governance/regions/{district}/volunteer-hours?{period}");
        var csv = await staff.GetByteArrayAsync($"/api/v1/governance/regions/{district}/volunteer-hours.csv?{period}");
        var row = export.GetProperty("centers").EnumerateArray().Single(c => c.GetProperty("centerId").GetString() == centerId).GetProperty("totals");
        Assert.Equal((1, 1, 1.5, 15), (row.GetProperty("entries").GetInt32(), row.GetProperty("volunteers").GetInt32(), row.GetProperty("hours").GetDouble(), row.GetProperty("points").GetInt32()));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        Assert.Contains($"{centerId},{centerId}党群服务中心,community,", System.Text.Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
    }

    private async Task<string> VolunteerAsync(string centerId)
    {
        var gridId = $"g-{centerId}";
        var personId = $"v-{centerId}";
        var square = new GeoPolygon([new(27.7, 121.1), new(27.7, 121.11), new(27.71, 121.11), new(27.71, 121.1), new(27.7, 121.1)]);
        Assert.True((await Host.Grains.GetGrain<IGridGrain>(gridId).CreateAsync(new GridProfile(centerId, "一网格", square))).Succeeded);
        var profile = new VolunteerProfile("王五", "13900000000", true, false, false, gridId, GridRole.Member, [], null);
        Assert.True((await Host.Grains.GetGrain<IVolunteerGrain>(personId).CreateAsync(profile)).Succeeded);
        return personId;
    }
}
