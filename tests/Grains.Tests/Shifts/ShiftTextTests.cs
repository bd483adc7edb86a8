using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Live;
using Lianxin.Shifts;
using Lianxin.TestSupport;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests.Shifts;

/// <summary>
/// A rota's texts on PostgreSQL with a stub SMS gateway: the invitations and the staff alert of a watch short of people
/// and the reminders before it go to the people who have a phone, once each, across a refusing gateway and restarts;
/// the staff's screens get the alert live; a gateway that holds its answer holds up nothing of the rota; and no number
/// is ever logged.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class ShiftTextTests(ShiftClusterFixture fixture) : IClassFixture<ShiftClusterFixture>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The first Monday 18:00 local at least a week after the fixture's clock: the clock only moves forward, so each test
    /// takes a week of its own, in whatever order they run.
    /// </summary>
    private DateTimeOffset NextMonday18()
    {
        var local = fixture.Clock.GetUtcNow().ToOffset(China).AddDays(7);
        var day = local.Date.AddDays(((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7 + 7);
        return new DateTimeOffset(day.AddHours(18), China);
    }

    private static string OccurrenceOn(DateTimeOffset monday18) => $"watch-{monday18:yyyyMMdd}";

    private static readonly ShiftDefinition Watch = new("watch", "晚间值守", [DayOfWeek.Monday], new TimeOnly(18, 0), new TimeOnly(22, 0), MinPeople: 2, MaxPeople: 3);

    [Fact]
    public async Task InvitationsTheStaffAlertAndRemindersGoBySmsOnceEachAcrossARefusingGatewayAndRestarts()
    {
        var registry = new Registry(fixture.Grains);
        var center = await registry.CenterAsync("center", CenterLevel.District, null);
        var grid = await registry.GridAsync("grid", "center");
        var a = await PersonAsync(registry, "a", grid, "13900000001", available: false);
        var b = await PersonAsync(registry, "b", grid, "13900000002", available: true);
        var c = await PersonAsync(registry, "c", grid, "", available: true);
        const string staffPhone = "13900000003";
        var monday18 = NextMonday18();
        var occurrence = OccurrenceOn(monday18);
        fixture.Clock.SetUtcNow(monday18.AddDays(-3));
        var rota = fixture.Grains.GetGrain<IShiftRotaGrain>(center);
        await rota.SetStaffContactAsync(staffPhone, "staff:s1").WaitAsync(Deadline);
        await rota.DefineAsync(Watch, "staff:s1").WaitAsync(Deadline);
        await rota.SignUpAsync(occurrence, a, "a-1", a).WaitAsync(Deadline);

        // A day ahead the watch is one short: b and c are invited, the staff alerted; the gateway refuses everything.
        fixture.Sms.Mode = SmsGatewayStub.Answer.Refuse;
        fixture.Clock.SetUtcNow(monday18.AddDays(-1));
        await rota.TickAsync().WaitAsync(Deadline);
        var alert = await Eventually.HoldsAsync(() => ItemAsync(LiveScope.Region(center), ShiftShortAlert.Key(occurrence)), i => i is not null, Deadline, "alert on the region's feed");
        await Eventually.HoldsAsync(() => ItemAsync(LiveScope.Center(center), ShiftShortAlert.Key(occurrence)), i => i is not null, Deadline, "alert on the center's feed");
        await Eventually.HoldsAsync(() => Task.FromResult(RefusedFor("13900000002") + RefusedFor(staffPhone)), n => n >= 2, Deadline, "refused attempts");

        // c's invitation has nobody to go to and is done with the batch; the two refused ones stay owed. The refusals
        // reach the gateway before the batch reports back to the rota, so the rota's count is awaited, not read.
        await Eventually.HoldsAsync(async () => (await rota.GetAsync()).TextsPending, n => n == 2, Deadline, "the refused texts still owed");

        // Restarted with the texts still owed; the gateway takes them now, three minutes on.
        await fixture.RestartAsync();
        rota = fixture.Grains.GetGrain<IShiftRotaGrain>(center);
        fixture.Sms.Mode = SmsGatewayStub.Answer.Accept;
        fixture.Clock.SetUtcNow(monday18.AddDays(-1).AddMinutes(3));
        await rota.TickAsync().WaitAsync(Deadline);
        await Eventually.HoldsAsync(async () => (await rota.GetAsync()).TextsPending, n => n == 0, Deadline, "texts done");

        var invitation = Assert.Single(fixture.Sms.AcceptedFor("13900000002"));
        var staffAlert = Assert.Single(fixture.Sms.AcceptedFor(staffPhone));
        Assert.Equal(("shiftInvitation", "shiftShortOfPeople"), (Kind(invitation), Kind(staffAlert)));
        Assert.Contains("晚间值守", staffAlert.Message.GetProperty("text").GetString());
        Assert.Contains($"{monday18:M月d日} 18:00-22:00", invitation.Message.GetProperty("text").GetString());
        Assert.Equal(fixture.Sms.Attempts.Where(t => t.Message.GetProperty("recipients")[0].GetProperty("phone").GetString() == "13900000002").Select(t => t.Key).Distinct(), [invitation.Key]);
        Assert.Equal((2, 1, 2, 3), (((ShiftShortAlert)alert!).MinPeople, ((ShiftShortAlert)alert!).Taken, ((ShiftShortAlert)alert!).Invited, (await rota.GetAsync()).Occurrences.Single(o => o.Id == occurrence).MaxPeople));

        // b takes the invitation: the watch has its minimum and the alert leaves the staff's screens.
        await rota.SignUpAsync(occurrence, b, "b-1", b).WaitAsync(Deadline);
        await Eventually.HoldsAsync(() => ItemAsync(LiveScope.Region(center), ShiftShortAlert.Key(occurrence)), i => i is null, Deadline, "alert removed");

        // Two hours ahead a and b are reminded by text; b gives the place back and takes it again, and after a restart
        // the next ticks owe nobody anything.
        fixture.Clock.SetUtcNow(monday18.AddHours(-2));
        await rota.TickAsync().WaitAsync(Deadline);
        await Eventually.HoldsAsync(async () => (await rota.GetAsync()).TextsPending, n => n == 0, Deadline, "reminders done");
        await rota.CancelAsync(occurrence, b, b).WaitAsync(Deadline);
        await rota.SignUpAsync(occurrence, b, "b-2", b).WaitAsync(Deadline);
        await fixture.RestartAsync();
        rota = fixture.Grains.GetGrain<IShiftRotaGrain>(center);
        fixture.Clock.SetUtcNow(monday18.AddHours(-1));
        await rota.TickAsync().WaitAsync(Deadline);

        Assert.Equal(0, (await rota.GetAsync()).TextsPending);
        Assert.Equal(["shiftReminder"], fixture.Sms.AcceptedFor("13900000001").Select(Kind));
        Assert.Equal(["shiftInvitation", "shiftReminder"], fixture.Sms.AcceptedFor("13900000002").Select(Kind));
        Assert.DoesNotContain(fixture.Sms.Attempts, t => t.Message.GetProperty("recipients")[0].GetProperty("phone").GetString() == "");
        Assert.Equal(monday18.AddHours(-2), (await rota.GetAsync()).Occurrences.Single(o => o.Id == occurrence).PlaceOf(a)!.RemindedAt);
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains("13900000001", StringComparison.Ordinal) || l.Contains("13900000002", StringComparison.Ordinal) || l.Contains(staffPhone, StringComparison.Ordinal));
        Assert.Equal([b, c], (await rota.GetAsync()).Occurrences.Single(o => o.Id == occurrence).Invited!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AGatewayThatHoldsItsAnswerHoldsUpNeitherTheRotaNorItsSignUps()
    {
        var registry = new Registry(fixture.Grains);
        var center = await registry.CenterAsync("center", CenterLevel.District, null);
        var grid = await registry.GridAsync("grid", "center");
        var a = await PersonAsync(registry, "a", grid, "13900000011", available: false);
        var b = await PersonAsync(registry, "b", grid, "13900000012", available: false);
        var monday18 = NextMonday18();
        fixture.Clock.SetUtcNow(monday18.AddDays(-3));
        var rota = fixture.Grains.GetGrain<IShiftRotaGrain>(center);
        await rota.DefineAsync(Watch with { MinPeople = 1 }, "staff:s1").WaitAsync(Deadline);
        await rota.SignUpAsync(OccurrenceOn(monday18), a, "a-1", a).WaitAsync(Deadline);
        fixture.Sms.Mode = SmsGatewayStub.Answer.Hold;
        fixture.Clock.SetUtcNow(monday18.AddHours(-2));
        await rota.TickAsync().WaitAsync(Deadline);
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Sms.Held), n => n >= 1, Deadline, "a's reminder held at the gateway");

        var signUp = await rota.SignUpAsync(OccurrenceOn(monday18.AddDays(7)), b, "b-1", b).WaitAsync(Deadline);
        await rota.TickAsync().WaitAsync(Deadline);
        var whileHeld = await rota.GetAsync().WaitAsync(Deadline);
        fixture.Sms.Release();
        await Eventually.HoldsAsync(async () => (await rota.GetAsync()).TextsPending, n => n == 0, Deadline, "reminder done once released");

        Assert.Equal(ShiftSignUpOutcome.Confirmed, signUp.Outcome);
        Assert.Equal(1, whileHeld.TextsPending);
        Assert.Equal(["shiftReminder"], fixture.Sms.AcceptedFor("13900000011").Select(Kind));
    }

    [Fact]
    public async Task TheAlertLeavesTheStaffsScreensWhenTheShortShiftIsRetired()
    {
        var registry = new Registry(fixture.Grains);
        var center = await registry.CenterAsync("center", CenterLevel.District, null);
        var monday18 = NextMonday18();
        var key = ShiftShortAlert.Key(OccurrenceOn(monday18));
        fixture.Clock.SetUtcNow(monday18.AddDays(-3));
        var rota = fixture.Grains.GetGrain<IShiftRotaGrain>(center);
        await rota.DefineAsync(Watch, "staff:s1").WaitAsync(Deadline);
        fixture.Clock.SetUtcNow(monday18.AddDays(-1));
        await rota.TickAsync().WaitAsync(Deadline);
        await Eventually.HoldsAsync(() => ItemAsync(LiveScope.Center(center), key), i => i is not null, Deadline, "alert on the center's feed");

        await rota.RetireAsync("watch", "staff:s1").WaitAsync(Deadline);

        await Eventually.HoldsAsync(() => ItemAsync(LiveScope.Center(center), key), i => i is null, Deadline, "alert removed from the center's feed");
        await Eventually.HoldsAsync(() => ItemAsync(LiveScope.Region(center), key), i => i is null, Deadline, "alert removed from the region's feed");
    }

    private async Task<string> PersonAsync(Registry registry, string name, string gridId, string phone, bool available)
    {
        var id = registry.Id(name);
        var profile = Registry.Person(gridId) with { Phone = phone };
        Assert.Equal(RegistryOutcome.Created, (await fixture.Grains.GetGrain<IVolunteerGrain>(id).CreateAsync(profile)).Outcome);
        if (available)
        {
            await fixture.Grains.GetGrain<IShiftAvailabilityGrain>(id).SetAsync(new([new(DayOfWeek.Monday, new TimeOnly(17, 0), new TimeOnly(23, 0))]));
        }

        return id;
    }

    private int RefusedFor(string phone) =>
        fixture.Sms.Attempts.Count(t => !t.Accepted && t.Message.GetProperty("recipients")[0].GetProperty("phone").GetString() == phone);

    private static string? Kind((string Key, System.Text.Json.JsonElement Message) text) => text.Message.GetProperty("kind").GetString();

    private async Task<object?> ItemAsync(string scope, string key) =>
        (await fixture.Grains.GetGrain<ILiveFeedGrain>(scope).GetSnapshotAsync()).Items.GetValueOrDefault(key);
}
