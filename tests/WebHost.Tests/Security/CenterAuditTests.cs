using System.Net;
using System.Net.Http.Json;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.TestSupport;
using Lianxin.Volunteers;
using Lianxin.WebHost.Tests.Kiosks;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>Kiosk keys, hours decisions and check-out corrections are in the audit log, found by an auditor of the region.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class CenterAuditTests(KioskHostFixture fixture) : IClassFixture<KioskHostFixture>
{
    private LianxinWebFactory Host => fixture.Host;

    [Fact]
    public async Task KioskKeyIssueRotationAndRevocationAreAudited()
    {
        var (_, kioskId, centerId, staff) = await Host.KioskAsync();
        var rotated = await staff.PostAsync($"/api/v1/kiosks/{kioskId}/keys", null);
        var revoked = await staff.DeleteAsync($"/api/v1/kiosks/{kioskId}/keys");
        var district = await DistrictOfAsync(centerId);

        var entries = await AuditQuery.EntriesAsync(await Host.StaffAsync(district, "auditor"), subject: $"kiosk:{kioskId}");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.NoContent), (rotated.StatusCode, revoked.StatusCode));
        Assert.Equal(["kiosk.keyRevoked", "kiosk.keyRotated", "kiosk.keyIssued", "kiosk.created"], AuditQuery.Actions(entries));
        Assert.All(entries, e => Assert.Equal(district, AuditQuery.Get(e, "actor")));
        Assert.All(entries, e => Assert.Equal($"/{district}/{centerId}/", AuditQuery.Get(e, "centerPath")));
        var key = (await (await staff.PostAsync($"/api/v1/kiosks/{kioskId}/keys", null)).Content.ReadFromJsonAsync<KioskKey>())!;
        Assert.DoesNotContain(await AuditQuery.EntriesAsync(await Host.StaffAsync(district, "auditor")), e => e.GetRawText().Contains(key.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HoursApprovalsAndDeclinesAreAuditedWithTheReason()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        var personId = await VolunteerAsync(centerId);
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-4).ToUnixTimeSeconds());
        await Wire.PostAsync(kiosk, kioskId, Wire.CheckIn(personId, start, "volunteer"), Wire.CheckOut(personId, start.AddMinutes(60)));
        await Wire.PostAsync(kiosk, kioskId, Wire.CheckIn(personId, start.AddHours(2), "volunteer"), Wire.CheckOut(personId, start.AddHours(3)));
        var pending = await Eventually.HoldsAsync(() => Wire.GetAsync(staff, $"/api/v1/people/{personId}/ledger"), l => l.GetProperty("hours").GetArrayLength() == 2);
        var (first, second) = (pending.GetProperty("hours")[0].GetProperty("id").GetString(), pending.GetProperty("hours")[1].GetProperty("id").GetString());

        var approve = await staff.PostAsJsonAsync($"/api/v1/people/{personId}/hours/{first}/decision", new { decision = "approved" });
        var decline = await staff.PostAsJsonAsync($"/api/v1/people/{personId}/hours/{second}/decision", new { decision = "declined", reason = "未在岗" });
        var again = await staff.PostAsJsonAsync($"/api/v1/people/{personId}/hours/{second}/decision", new { decision = "approved" });
        var entries = await AuditQuery.EntriesAsync(await Host.StaffAsync(await DistrictOfAsync(centerId), "auditor"), subject: $"person:{personId}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict), (approve.StatusCode, decline.StatusCode, again.StatusCode));
        Assert.Equal(["hours.declined", "hours.approved"], AuditQuery.Actions(entries));
        Assert.Equal("未在岗", AuditQuery.Get(entries[0], "reason"));
        Assert.Equal((second, first), (AuditQuery.Get(entries[0], "details")![6..], AuditQuery.Get(entries[1], "details")![6..]));
    }

    [Fact]
    public async Task CheckOutCorrectionsAreAuditedWithTheReason()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        // The visit begins today in the centers' time zone (UTC+8), up to an hour ago: a visit begun before local midnight
        // is closed automatically at the end of its day, and there would be nothing open to correct.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var localMidnight = new DateTimeOffset(now.ToOffset(TimeSpan.FromHours(8)).Date, TimeSpan.FromHours(8));
        var at = now.AddHours(-1) > localMidnight ? now.AddHours(-1) : localMidnight;
        await Wire.PostAsync(kiosk, kioskId, Wire.CheckIn("p-audit-1", at));
        var activity = await Eventually.HoldsAsync(() => Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity"), a => a.GetProperty("inside").GetArrayLength() == 1);
        var visitId = activity.GetProperty("inside")[0].GetProperty("id").GetString();
        var since = DateTimeOffset.UtcNow;

        var corrected = await staff.PostAsJsonAsync($"/api/v1/centers/{centerId}/visits/{visitId}/check-out", new { checkedOutAt = at + ((now - at) / 2), reason = "忘记签退" });
        var district = await DistrictOfAsync(centerId);
        var entries = await AuditQuery.EntriesAsync(await Host.StaffAsync(district, "auditor"), actor: district, from: since);

        Assert.Equal(HttpStatusCode.NoContent, corrected.StatusCode);
        var entry = Assert.Single(entries);
        Assert.Equal(("checkout.corrected", $"visit:{visitId}", "忘记签退"), (AuditQuery.Get(entry, "action"), AuditQuery.Get(entry, "subject"), AuditQuery.Get(entry, "reason")));
    }

    private async Task<string> DistrictOfAsync(string centerId) =>
        (await Host.Grains.GetGrain<ICenterGrain>(centerId).GetAsync())!.Profile.ParentId!;

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

    private sealed record KioskKey(string Key);
}
