using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;

namespace Lianxin.WebHost.Tests.Kiosks;

[Trait("Needs", "PostgreSQL")]
public sealed class KioskIngestTests(KioskHostFixture fixture) : IClassFixture<KioskHostFixture>
{
    private LianxinWebFactory Host => fixture.Host;

    [Fact]
    public async Task SameBatchSentTwiceIsAcceptedOnceThenAnsweredDuplicate()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        var now = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, 20).Select(i => Wire.CheckIn($"p{i}", now.AddSeconds(-i))).ToList();

        var first = await Wire.PostAsync(kiosk, kioskId, batch);
        var second = await Wire.PostAsync(kiosk, kioskId, batch);

        Assert.Equal((20, 0, 0), (first.Accepted, first.Duplicates, first.Rejected));
        Assert.Equal((0, 20, 0), (second.Accepted, second.Duplicates, second.Rejected));
        Assert.All(second.Results, r => Assert.Equal("duplicate", r.Status));
        var activity = await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity");
        Assert.Equal(20, activity.GetProperty("inside").GetArrayLength());
        Assert.Equal(20, await Wire.JournalRowsAsync(Host.ConnectionString, kioskId));
    }

    [Fact]
    public async Task OverlappingBatchesCountEachEventOnce()
    {
        var (kiosk, kioskId, _, staff) = await Host.KioskAsync();
        var now = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(0, 30).Select(i => Wire.Event("selfService", now, new() { ["service"] = "certificatePrint" })).ToList();

        var first = await Wire.PostAsync(kiosk, kioskId, events.Take(20));
        var second = await Wire.PostAsync(kiosk, kioskId, events.Skip(10));

        Assert.Equal(20, first.Accepted);
        Assert.Equal((10, 10), (second.Accepted, second.Duplicates));
        Assert.Equal(["duplicate", "accepted"], second.Results.Select(r => r.Status).Distinct());
        var stats = await Wire.GetAsync(staff, $"/api/v1/kiosks/{kioskId}/ingest");
        Assert.Equal((30, 10), (stats.GetProperty("accepted").GetInt64(), stats.GetProperty("duplicates").GetInt64()));
    }

    [Fact]
    public async Task ConcurrentDuplicatesFromTwoConnectionsAreAcceptedExactlyOnce()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        var second = Host.CreateClient();
        foreach (var header in kiosk.DefaultRequestHeaders.GetValues("Authorization"))
        {
            second.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        }

        var now = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, 50).Select(i => Wire.CheckIn($"c{i}", now)).ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Wire.PostAsync(i % 2 == 0 ? kiosk : second, kioskId, batch)));

        Assert.Equal(50, answers.Sum(a => a.Accepted));
        Assert.Equal(250, answers.Sum(a => a.Duplicates));
        Assert.All(batch, e => Assert.Single(answers.SelectMany(a => a.Results), r => r.EventId == Guid.Parse((string)e["eventId"]!) && r.Status == "accepted"));
        var activity = await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity");
        Assert.Equal(50, activity.GetProperty("inside").GetArrayLength());
    }

    [Fact]
    public async Task CheckOutUploadedBeforeItsCheckInPairsWithIt()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        var checkedIn = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds());
        var checkIn = Wire.CheckIn("late", checkedIn);

        var outFirst = await Wire.PostAsync(kiosk, kioskId, Wire.CheckOut("late", checkedIn.AddMinutes(40)));
        var inAfter = await Wire.PostAsync(kiosk, kioskId, checkIn);

        Assert.Equal(1, outFirst.Accepted);
        Assert.Equal(1, inAfter.Accepted);
        var activity = await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity");
        Assert.Equal(0, activity.GetProperty("inside").GetArrayLength());
        var visit = activity.GetProperty("recentlyClosed").EnumerateArray().Single(v => v.GetProperty("personId").GetString() == "late");
        Assert.Equal("kiosk", visit.GetProperty("checkOutKind").GetString());
        Assert.Equal(checkedIn.AddMinutes(40), visit.GetProperty("checkedOutAt").GetDateTimeOffset());
        Assert.Equal(0, activity.GetProperty("unpairedCheckOuts").GetInt32());
    }

    [Fact]
    public async Task SecondOpenCheckInIsRejectedWithTheReasonAndAReSendKeepsTheAnswer()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        var now = DateTimeOffset.UtcNow;
        var again = Wire.CheckIn("twice", now);

        await Wire.PostAsync(kiosk, kioskId, Wire.CheckIn("twice", now.AddMinutes(-10)));
        var answer = await Wire.PostAsync(kiosk, kioskId, again);
        var resent = await Wire.PostAsync(kiosk, kioskId, again);

        var rejected = Assert.Single(answer.Results);
        Assert.Equal("rejected", rejected.Status);
        Assert.Contains("already checked in", rejected.Reason);
        Assert.Equal(rejected.Reason, Assert.Single(resent.Results).Reason);
        var activity = await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity");
        Assert.Equal(1, activity.GetProperty("inside").GetArrayLength());
        Assert.Single(activity.GetProperty("rejected").EnumerateArray());
    }

    [Fact]
    public async Task ForgottenCheckOutIsClosedAutomaticallyAndStaffCorrectItWithAReason()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        var checkIn = Wire.CheckIn("forgetful", DateTimeOffset.UtcNow.AddHours(-13));

        await Wire.PostAsync(kiosk, kioskId, checkIn);
        var visitId = (string)checkIn["eventId"]!;
        var closed = (await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity")).GetProperty("recentlyClosed").EnumerateArray().Single();
        var correction = await staff.PostAsJsonAsync($"/api/v1/centers/{centerId}/visits/{visitId}/check-out",
            new { checkedOutAt = DateTimeOffset.UtcNow.AddHours(-11), reason = "值班记录：两小时后离开" });
        var corrected = (await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity")).GetProperty("recentlyClosed").EnumerateArray().Single();

        Assert.Equal("automatic", closed.GetProperty("checkOutKind").GetString());
        Assert.True(correction.IsSuccessStatusCode, await correction.Content.ReadAsStringAsync());
        Assert.Equal("corrected", corrected.GetProperty("checkOutKind").GetString());
        Assert.StartsWith("值班记录", corrected.GetProperty("correction").GetString());
    }

    [Fact]
    public async Task HelpRequestOpensATicketCountedOpenAtTheCenterAndUpTheTree()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        var help = Wire.Event("helpRequest", DateTimeOffset.UtcNow, new() { ["purpose"] = "careAssistance", ["description"] = "独居老人需要上门看望" });

        await Wire.PostAsync(kiosk, kioskId, help);
        // The answer comes once the event is journaled; the ticket opens right after.
        var ticket = await Eventually.HoldsAsync(
            async () => await staff.GetAsync($"/api/v1/help-requests/hr-{help["eventId"]}") is { IsSuccessStatusCode: true } found
                ? await found.Content.ReadFromJsonAsync<JsonElement>()
                : default,
            t => t.ValueKind == JsonValueKind.Object);
        var district = await Eventually.HoldsAsync(
            () => Wire.GetAsync(staff, $"/api/v1/centers/{centerId.Replace("c-", "d-")}"),
            d => d.GetProperty("subtree").GetProperty("openHelpRequests").GetInt32() == 1);

        Assert.Equal(("open", centerId, "careAssistance"), (ticket.GetProperty("state").GetString(), ticket.GetProperty("centerId").GetString(), ticket.GetProperty("function").GetString()));
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("owner").ValueKind);
        Assert.Equal(1, district.GetProperty("subtree").GetProperty("openHelpRequests").GetInt32());
    }

    [Fact]
    public async Task HeartbeatsKeepTheKioskOnlineAndFaultsShowInItsHealth()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();

        var beat = await kiosk.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/heartbeat", new { appVersion = "2.3.1", peripherals = new { printer = "ok", cardReader = "warning" } });
        await Wire.PostAsync(kiosk, kioskId, Wire.Event("fault", DateTimeOffset.UtcNow.AddSeconds(1), new() { ["peripheral"] = "printer", ["code"] = "paperOut" }));
        var health = await Wire.GetAsync(staff, $"/api/v1/kiosks/{kioskId}/health");
        var center = await Eventually.HoldsAsync(() => Wire.GetAsync(staff, $"/api/v1/centers/{centerId}"), c => c.GetProperty("live").GetProperty("kiosksOnline").GetInt32() == 1);

        Assert.Equal("online", (await beat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectivity").GetString());
        Assert.Equal("online", health.GetProperty("connectivity").GetString());
        Assert.Equal(("fault", "warning"), (health.GetProperty("peripherals").GetProperty("printer").GetString(), health.GetProperty("peripherals").GetProperty("cardReader").GetString()));
        Assert.Equal("paperOut", health.GetProperty("recentFaults")[0].GetProperty("code").GetString());
        Assert.Equal(100, health.GetProperty("uptime")[0].GetProperty("percent").GetDouble());
        Assert.Equal(1, center.GetProperty("live").GetProperty("kiosksOnline").GetInt32());
    }

    [Fact]
    public async Task AKioskThatOnlyUploadsEventsIsOnlineAndAPrinterOutOfPaperRaisesAMajorAlert()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();

        await Wire.PostAsync(kiosk, kioskId, Wire.Event("fault", DateTimeOffset.UtcNow, new() { ["peripheral"] = "printer", ["code"] = "paperOut" }));
        var health = await Wire.GetAsync(staff, $"/api/v1/kiosks/{kioskId}/health");
        var activity = await Eventually.HoldsAsync(
            () => Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity"),
            a => a.GetProperty("alerts").EnumerateArray().Any(x => x.GetProperty("kind").GetString() == "peripheral"));

        Assert.Equal("online", health.GetProperty("connectivity").GetString());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("lastHeartbeatAt").ValueKind);
        var alert = activity.GetProperty("alerts").EnumerateArray().Single(x => x.GetProperty("kind").GetString() == "peripheral");
        Assert.Equal(("printer", "major", "fault"), (alert.GetProperty("peripheral").GetString(), alert.GetProperty("severity").GetString(), alert.GetProperty("peripheralStatus").GetString()));
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("resolvedAt").ValueKind);
    }

    [Fact]
    public async Task ARegisteredNonMemberCannotCheckInAsAMobilePartyMemberButAnUnregisteredPersonCan()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        var grid = $"{centerId}-g";
        (await staff.PostAsJsonAsync("/api/v1/grids", Registry.Requests.Grid(grid, centerId))).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync("/api/v1/volunteers", new
        {
            id = $"{centerId}-resident", name = "赵群众", phone = "13912345678", isPartyMember = false, homeGridId = grid, gridRole = "member", skills = Array.Empty<string>(),
        })).EnsureSuccessStatusCode();
        var now = DateTimeOffset.UtcNow;

        var answer = await Wire.PostAsync(
            kiosk, kioskId, Wire.CheckIn($"{centerId}-resident", now, "mobilePartyMember"), Wire.CheckIn($"{centerId}-from-elsewhere", now, "mobilePartyMember"));
        var activity = await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity");

        Assert.Equal(("rejected", "accepted"), (answer.Results[0].Status, answer.Results[1].Status));
        Assert.Contains("not a party member", answer.Results[0].Reason, StringComparison.Ordinal);
        Assert.Equal([$"{centerId}-from-elsewhere"], activity.GetProperty("inside").EnumerateArray().Select(v => v.GetProperty("personId").GetString()));
    }
}
