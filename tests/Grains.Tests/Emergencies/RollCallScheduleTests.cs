using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class RollCallScheduleTests
{
    private static readonly DateTimeOffset Launch = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly RollCallTimers Timers = new(
        AskTimeout: TimeSpan.FromMinutes(10), ReminderInterval: TimeSpan.FromMinutes(5), ReminderCap: 3,
        EscalateToGridLeadAfter: TimeSpan.FromMinutes(15), EscalateToCommandAfter: TimeSpan.FromMinutes(30));

    private static ScheduleDue Due(int minutes, ScheduleProgress? progress = null, DateTimeOffset? deadline = null) =>
        RollCallSchedule.Due(Timers, Launch, progress ?? new ScheduleProgress(0, false, false), Launch.AddMinutes(minutes), deadline);

    [Fact]
    public void NothingIsDueAtLaunchAndTheFirstReminderIsNext()
    {
        var due = Due(0);

        Assert.Equal(new ScheduleDue(null, false, false, false, Launch.AddMinutes(5)), due);
    }

    [Fact]
    public void ReminderKIsDueAfterKIntervals()
    {
        Assert.Equal(1, Due(5).Reminder);
        Assert.Null(Due(7, new ScheduleProgress(1, false, false)).Reminder);
        Assert.Equal(Launch.AddMinutes(10), Due(7, new ScheduleProgress(1, false, false)).NextAt);
    }

    [Fact]
    public void OnlyTheLatestOfSeveralMissedRemindersIsSent() => Assert.Equal(2, Due(12).Reminder);

    [Fact]
    public void RemindersStopAtTheCap()
    {
        var due = Due(60, new ScheduleProgress(3, true, true));

        Assert.Null(due.Reminder);
        Assert.Null(due.NextAt);
    }

    [Fact]
    public void TheGridLeadsAreEscalatedToFirstAndTheCommandCenterLater()
    {
        var atLeads = Due(15, new ScheduleProgress(3, false, false));
        var atCommand = Due(30, new ScheduleProgress(3, true, false));

        Assert.True(atLeads.EscalateGridLeads);
        Assert.False(atLeads.EscalateCommand);
        Assert.Equal(Launch.AddMinutes(30), atLeads.NextAt);
        Assert.True(atCommand.EscalateCommand);
        Assert.False(atCommand.EscalateGridLeads);
    }

    [Fact]
    public void AnEscalationIsDueOnce() => Assert.False(Due(20, new ScheduleProgress(3, true, false)).EscalateGridLeads);

    [Fact]
    public void AnAskDeadlineIsDueWhenPassedAndWakesTheClockBefore()
    {
        var deadline = Launch.AddMinutes(2);

        Assert.Equal(deadline, Due(1, deadline: deadline).NextAt);
        Assert.True(Due(2, deadline: deadline).ExpireAsks);
        Assert.False(Due(1, deadline: deadline).ExpireAsks);
    }
}
