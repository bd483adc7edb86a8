using Lianxin.Kiosks;
using Lianxin.Shifts;

namespace Lianxin.Grains.Tests.Shifts;

/// <summary>The rota's rules in local time (Asia/Shanghai, UTC+8): recurrence, places, and the time-based steps.</summary>
public sealed class RotaBookTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly LocalCalendar Calendar = new(TimeZoneInfo.CreateCustomTimeZone("cst", China, "cst", "cst"));
    private static readonly ShiftOptions Options = new();

    /// <summary>Friday 4 June 2027, 09:00 local.</summary>
    private static readonly DateTimeOffset Friday = new(2027, 6, 4, 9, 0, 0, China);

    private static readonly ShiftDefinition EveningWatch = new(
        "evening", "自助服务间晚间值守", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(18, 0), new TimeOnly(22, 0), MinPeople: 2, MaxPeople: 3);

    private static RotaBook Book(ShiftRotaState? state = null, DateTimeOffset? at = null)
    {
        var book = new RotaBook(state ?? new ShiftRotaState(), Calendar, Options);
        book.Define(EveningWatch, at ?? Friday);
        return book;
    }

    [Fact]
    public void AWeekdayEveningShiftRunsOnWeekdaysFrom18To22LocalTimeUpToTheHorizon()
    {
        var rota = Book().View("c");

        var first = rota.Occurrences[0];
        Assert.Equal("evening-20270604", first.Id);
        Assert.Equal(new DateTimeOffset(2027, 6, 4, 10, 0, 0, TimeSpan.Zero), first.StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 6, 4, 14, 0, 0, TimeSpan.Zero), first.EndsAt);
        Assert.Equal(10, rota.Occurrences.Count); // two weeks of weekdays
        Assert.DoesNotContain(rota.Occurrences, o => Calendar.ToLocal(o.StartsAt).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal("evening-20270607", rota.Occurrences[1].Id); // Monday
    }

    [Fact]
    public void ANightShiftPastMidnightEndsOnTheNextDay()
    {
        var night = EveningWatch with { Id = "night", Starts = new TimeOnly(22, 0), Ends = new TimeOnly(6, 0) };

        var (startsAt, endsAt) = ShiftRecurrence.On(night, new DateOnly(2027, 6, 4), Calendar);

        Assert.Equal(TimeSpan.FromHours(8), endsAt - startsAt);
        Assert.Equal(new DateOnly(2027, 6, 5), Calendar.Day(endsAt));
    }

    [Fact]
    public void PlacesGoFirstComeUpToTheMaximumOnePerPersonAndReSendsAreAnsweredTheSame()
    {
        var book = Book();
        const string id = "evening-20270607";

        var answers = new[] { "a", "b", "c", "d" }.Select(p => book.SignUp(id, p, $"{p}-k", p, Friday)).ToList();
        var again = book.SignUp(id, "a", "a-k", "a", Friday.AddMinutes(1));

        Assert.Equal([ShiftSignUpOutcome.Confirmed, ShiftSignUpOutcome.Confirmed, ShiftSignUpOutcome.Confirmed, ShiftSignUpOutcome.Full], answers.Select(a => a.Outcome));
        Assert.Equal([1, 2, 3, 3], answers.Select(a => a.Taken));
        Assert.Equal((ShiftSignUpOutcome.Confirmed, true, 3), (again.Outcome, again.Repeated, again.Taken));
        Assert.Equal(ShiftStepOutcome.Done, book.Cancel(id, "b", Friday).Outcome);
        Assert.Equal(ShiftSignUpOutcome.Cancelled, book.SignUp(id, "b", "b-k", "b", Friday).Outcome); // the old request, re-sent late
        Assert.Equal(ShiftSignUpOutcome.Confirmed, book.SignUp(id, "d", "d-k2", "d", Friday).Outcome);
        Assert.Equal(ShiftSignUpOutcome.Closed, book.SignUp(id, "e", "e-k", "e", new DateTimeOffset(2027, 6, 7, 18, 0, 0, China)).Outcome);
        Assert.Equal(ShiftSignUpOutcome.NotFound, book.SignUp("evening-20270605", "e", null, "e", Friday).Outcome); // a Saturday
    }

    [Fact]
    public void RemindersGoOutTheLeadTimeAheadAndAShiftShortOfItsMinimumIsFlaggedADayAhead()
    {
        var book = Book();
        const string id = "evening-20270607";
        book.SignUp(id, "a", null, "a", Friday);
        var monday18 = new DateTimeOffset(2027, 6, 7, 18, 0, 0, China);

        var early = book.Tick(monday18.AddHours(-24).AddMinutes(-1));
        var dayAhead = book.Tick(monday18.AddHours(-24));
        var beforeReminder = book.Tick(monday18.AddHours(-2).AddMinutes(-1));
        var reminder = book.Tick(monday18.AddHours(-2));
        var twice = book.Tick(monday18.AddHours(-1));

        Assert.DoesNotContain(early.NewlyAtRisk, o => o.Id == id);
        Assert.Contains(dayAhead.NewlyAtRisk, o => o.Id == id);
        Assert.Empty(beforeReminder.Reminders);
        Assert.Equal(["a"], reminder.Reminders.Single().People);
        Assert.Empty(twice.Reminders);
        Assert.Empty(twice.NewlyAtRisk);
        Assert.Contains(book.AtRisk(monday18.AddHours(-1)), o => o.Id == id);
    }

    [Fact]
    public void DutyAtTheCenterCreditsTheShiftItFallsInAndTheRestAreNoShowsWhenItEnds()
    {
        var book = Book();
        const string id = "evening-20270607";
        book.SignUp(id, "a", null, "a", Friday);
        book.SignUp(id, "b", null, "b", Friday);
        var monday18 = new DateTimeOffset(2027, 6, 7, 18, 0, 0, China);

        var tooEarly = book.Credit("a", monday18.AddHours(-1));
        var onTime = book.Credit("a", monday18.AddMinutes(-10));
        var notSignedUp = book.Credit("z", monday18);
        var started = book.Tick(monday18.AddMinutes(1));
        book.Tick(monday18.AddHours(4));

        Assert.Equal((false, true, false), (tooEarly, onTime, notSignedUp));
        Assert.Equal(["b"], started.DutyChecks.Single().People);
        var settled = book.View("c").Occurrences.Single(o => o.Id == id);
        Assert.True(settled.Settled);
        Assert.Equal(ShiftAttendance.Attended, settled.PlaceOf("a")!.Attendance);
        Assert.Equal(ShiftAttendance.NoShow, settled.PlaceOf("b")!.Attendance);
    }

    [Fact]
    public void AChangeKeepsPlacesOnDaysTheShiftStillRunsAndRetiringDropsTheFutureOnes()
    {
        var book = Book();
        book.SignUp("evening-20270607", "a", null, "a", Friday); // Monday
        book.SignUp("evening-20270608", "b", null, "b", Friday); // Tuesday

        var (_, dropped) = book.Define(EveningWatch with { Days = [DayOfWeek.Monday], Starts = new TimeOnly(18, 30), MaxPeople = 1 }, Friday);
        var monday = book.View("c").Occurrences.Single(o => o.Id == "evening-20270607");
        var (_, retired) = book.Retire("evening", Friday);

        Assert.Equal(("evening-20270608", "b"), (dropped.Single().Occurrence.Id, dropped.Single().PersonId));
        Assert.Equal((new DateTimeOffset(2027, 6, 7, 18, 30, 0, China), 1, 1), (monday.StartsAt, monday.MaxPeople, monday.Taken));
        Assert.Equal("a", retired.Single().PersonId);
        Assert.Empty(book.View("c").Occurrences);
        Assert.Equal(ShiftStepOutcome.Conflict, book.Define(EveningWatch, Friday).Result.Outcome);
    }

    [Fact]
    public void AvailabilityCoversAShiftOnlyWhenAWindowOfItsDayHoldsAllOfIt()
    {
        var startsAt = new DateTimeOffset(2027, 6, 7, 18, 0, 0, China);
        var endsAt = startsAt.AddHours(4);
        ShiftAvailability Window(DayOfWeek day, int from, int to) => new([new AvailabilityWindow(day, new TimeOnly(from, 0), new TimeOnly(to, 0))]);

        Assert.True(AvailabilityRule.Covers(Window(DayOfWeek.Monday, 17, 23), startsAt, endsAt, Calendar));
        Assert.True(AvailabilityRule.Covers(Window(DayOfWeek.Monday, 18, 0), startsAt, endsAt, Calendar)); // to midnight
        Assert.False(AvailabilityRule.Covers(Window(DayOfWeek.Monday, 19, 23), startsAt, endsAt, Calendar));
        Assert.False(AvailabilityRule.Covers(Window(DayOfWeek.Tuesday, 17, 23), startsAt, endsAt, Calendar));
        Assert.False(AvailabilityRule.Covers(ShiftAvailability.None, startsAt, endsAt, Calendar));
    }
}
