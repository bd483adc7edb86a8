namespace Lianxin.Emergencies;

/// <summary>
/// The roll-call's clock as a pure function of the launch time, the timers, what was done and now. Reminder k is
/// due at launch + k × interval, up to the cap; when several fell due while nobody was looking (a host was down),
/// only the latest is sent. Escalations are due once each. Asks expire at their deadline.
/// </summary>
internal static class RollCallSchedule
{
    public static ScheduleDue Due(RollCallTimers timers, DateTimeOffset launchedAt, ScheduleProgress progress, DateTimeOffset now, DateTimeOffset? nextAskDeadline)
    {
        var elapsed = now - launchedAt;
        var dueReminder = elapsed <= TimeSpan.Zero ? 0 : (int)Math.Min(timers.ReminderCap, Math.Floor(elapsed / timers.ReminderInterval));
        int? reminder = dueReminder > progress.LastReminder ? dueReminder : null;
        var lastReminder = Math.Max(dueReminder, progress.LastReminder);

        var escalateLeads = !progress.GridLeadsEscalated && elapsed >= timers.EscalateToGridLeadAfter;
        var escalateCommand = !progress.CommandEscalated && elapsed >= timers.EscalateToCommandAfter;
        var expireAsks = nextAskDeadline is { } deadline && deadline <= now;

        var next = new List<DateTimeOffset>();
        if (lastReminder < timers.ReminderCap)
        {
            next.Add(launchedAt + ((lastReminder + 1) * timers.ReminderInterval));
        }

        if (!progress.GridLeadsEscalated && !escalateLeads)
        {
            next.Add(launchedAt + timers.EscalateToGridLeadAfter);
        }

        if (!progress.CommandEscalated && !escalateCommand)
        {
            next.Add(launchedAt + timers.EscalateToCommandAfter);
        }

        if (nextAskDeadline is { } pending && pending > now)
        {
            next.Add(pending);
        }

        return new ScheduleDue(reminder, escalateLeads, escalateCommand, expireAsks, next.Count == 0 ? null : next.Min());
    }
}
