using Lianxin.Activity;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.Live;
using Lianxin.Shifts;
using Lianxin.TestSupport;

namespace Lianxin.Grains.Tests.Shifts;

/// <summary>
/// A center's evening watch over one week, on PostgreSQL with the centers' clock set step by step: short of people a day
/// ahead (available people of its grids invited), the same after a restart, reminded two hours ahead, a kiosk check-in
/// credits the shift and the one who never came is a no-show.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class ShiftRotaTests(ShiftClusterFixture fixture) : IClassFixture<ShiftClusterFixture>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>The watch's start: 18:00 local on a Monday two to three weeks after the fixture's clock (which moves forward only).</summary>
    private readonly DateTimeOffset _monday18 = MondayAfter(fixture.Clock.GetUtcNow().AddDays(14));

    private static DateTimeOffset MondayAfter(DateTimeOffset instant)
    {
        var local = instant.ToOffset(China);
        var day = local.Date.AddDays(((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7);
        return new DateTimeOffset(day.AddHours(18), China);
    }

    [Fact]
    public async Task TheWatchIsFlaggedAndInvitesADayAheadRemindsTwoHoursAheadAndCreditsTheKioskCheckInAcrossARestart()
    {
        var registry = new Registry(fixture.Grains);
        var center = await registry.CenterAsync("center", CenterLevel.District, null);
        await registry.GridAsync("grid", "center");
        var (a, b, c) = (await registry.PersonAsync("a", "grid"), await registry.PersonAsync("b", "grid"), await registry.PersonAsync("c", "grid"));
        await fixture.Grains.GetGrain<IShiftAvailabilityGrain>(b).SetAsync(new([new(DayOfWeek.Monday, new TimeOnly(17, 0), new TimeOnly(23, 0))]));
        await fixture.Grains.GetGrain<IShiftAvailabilityGrain>(c).SetAsync(new([new(DayOfWeek.Tuesday, new TimeOnly(17, 0), new TimeOnly(23, 0))]));
        var kiosk = registry.Id("kiosk");
        await fixture.Grains.GetGrain<IKioskGrain>(kiosk).CreateAsync(new KioskProfile(center, "一号机"));
        var occurrence = $"watch-{_monday18:yyyyMMdd}";
        fixture.Clock.SetUtcNow(_monday18.AddDays(-3)); // Friday

        // Defined on Friday; a takes a place at once and again (re-sent).
        var rota = fixture.Grains.GetGrain<IShiftRotaGrain>(center);
        var watch = new ShiftDefinition("watch", "晚间值守", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            new TimeOnly(18, 0), new TimeOnly(22, 0), MinPeople: 2, MaxPeople: 2);
        Assert.Equal(ShiftStepOutcome.Done, (await rota.DefineAsync(watch, "staff:s1").WaitAsync(Deadline)).Outcome);
        var first = await rota.SignUpAsync(occurrence, a, "a-1", a).WaitAsync(Deadline);
        var resent = await rota.SignUpAsync(occurrence, a, "a-1", a).WaitAsync(Deadline);
        Assert.Equal((ShiftSignUpOutcome.Confirmed, false, ShiftSignUpOutcome.Confirmed, true, 1), (first.Outcome, first.Repeated, resent.Outcome, resent.Repeated, resent.Taken));

        // A minute before the day ahead nothing is due; at it, the watch is short of people and b (available) is invited.
        fixture.Clock.SetUtcNow(_monday18.AddDays(-1).AddMinutes(-1));
        await rota.TickAsync().WaitAsync(Deadline);
        Assert.Empty(await rota.GetAtRiskAsync());
        fixture.Clock.SetUtcNow(_monday18.AddDays(-1));
        await rota.TickAsync().WaitAsync(Deadline);
        var atRisk = Assert.Single(await rota.GetAtRiskAsync());
        Assert.Equal(occurrence, atRisk.Id);
        Assert.Equal([b], atRisk.Invited!);
        await Eventually.HoldsAsync(() => ShiftNoticeAsync(b, occurrence), n => n?.Kind == ShiftNoticeKind.Invitation, Deadline, "invitation on b's feed");

        // b takes the invitation; everything is read again from the database after a restart.
        await rota.SignUpAsync(occurrence, b, "b-1", b).WaitAsync(Deadline);
        await fixture.RestartAsync();
        rota = fixture.Grains.GetGrain<IShiftRotaGrain>(center);
        var restored = (await rota.GetAsync().WaitAsync(Deadline)).Occurrences.Single(o => o.Id == occurrence);
        Assert.Equal([a, b], restored.Places.Select(p => p.PersonId));
        Assert.Equal(_monday18.AddDays(-1), restored.AtRiskAt);
        Assert.Empty(await rota.GetAtRiskAsync());
        Assert.Equal(ShiftSignUpOutcome.Full, (await rota.SignUpAsync(occurrence, c, "c-1", c).WaitAsync(Deadline)).Outcome);

        // Two hours ahead both are reminded, once.
        fixture.Clock.SetUtcNow(_monday18.AddHours(-2));
        await rota.TickAsync().WaitAsync(Deadline);
        await rota.TickAsync().WaitAsync(Deadline);
        var reminded = (await rota.GetAsync()).Occurrences.Single(o => o.Id == occurrence);
        Assert.All(reminded.Places, p => Assert.Equal(_monday18.AddHours(-2), p.RemindedAt));
        await Eventually.HoldsAsync(() => ShiftNoticeAsync(a, occurrence), n => n?.Kind == ShiftNoticeKind.Reminder, Deadline, "reminder on a's feed");

        // a checks in at the center's kiosk ten minutes before the start: the center's presence starts a's duty, which credits the watch.
        fixture.Clock.SetUtcNow(_monday18.AddMinutes(-10));
        await fixture.Grains.GetGrain<ICenterActivityGrain>(center).ApplyAsync(kiosk,
            [new JournaledKioskEvent(1, kiosk, center, new KioskEvent(Guid.NewGuid(), fixture.Clock.GetUtcNow(), new CheckIn(a, PersonRole.Volunteer, BasicFunction.VolunteerService)))],
            sentThrough: 0).WaitAsync(Deadline);
        await Eventually.HoldsAsync(() => PlaceAsync(rota, occurrence, a), p => p.Attendance == ShiftAttendance.Attended, Deadline, "a's attendance credited");

        // After the end, b who never came is a no-show.
        fixture.Clock.SetUtcNow(_monday18.AddHours(4));
        await rota.TickAsync().WaitAsync(Deadline);
        Assert.Equal(ShiftAttendance.Attended, (await PlaceAsync(rota, occurrence, a)).Attendance);
        Assert.Equal(ShiftAttendance.NoShow, (await PlaceAsync(rota, occurrence, b)).Attendance);
    }

    private async Task<ShiftNotice?> ShiftNoticeAsync(string personId, string occurrenceId) =>
        (await fixture.Grains.GetGrain<ILiveFeedGrain>(LiveScope.Volunteer(personId)).GetSnapshotAsync()).Items.GetValueOrDefault($"shift:{occurrenceId}") as ShiftNotice;

    private static async Task<ShiftPlace> PlaceAsync(IShiftRotaGrain rota, string occurrenceId, string personId) =>
        (await rota.GetAsync()).Occurrences.Single(o => o.Id == occurrenceId).PlaceOf(personId)!;
}
