using Lianxin.Emergencies;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>A roll-call's schedule in seconds; what is left out keeps its default (or the scenario's value).</summary>
public sealed record TimersRequest(
    int? AskTimeoutSeconds, int? ReminderIntervalSeconds, int? ReminderCap, int? EscalateToGridLeadAfterSeconds, int? EscalateToCommandAfterSeconds)
{
    private const int MaxSeconds = 7 * 24 * 3600;
    private const int MaxReminders = 20;

    internal static RollCallTimers ToDomain(TimersRequest? request, RollCallTimers defaults, Validation v, string field)
    {
        if (request is null)
        {
            return defaults;
        }

        var timers = new RollCallTimers(
            Seconds(v, $"{field}.askTimeoutSeconds", request.AskTimeoutSeconds, defaults.AskTimeout),
            Seconds(v, $"{field}.reminderIntervalSeconds", request.ReminderIntervalSeconds, defaults.ReminderInterval),
            request.ReminderCap ?? defaults.ReminderCap,
            Seconds(v, $"{field}.escalateToGridLeadAfterSeconds", request.EscalateToGridLeadAfterSeconds, defaults.EscalateToGridLeadAfter),
            Seconds(v, $"{field}.escalateToCommandAfterSeconds", request.EscalateToCommandAfterSeconds, defaults.EscalateToCommandAfter));
        if (timers.ReminderCap is < 0 or > MaxReminders)
        {
            v.Add($"{field}.reminderCap", $"Must be 0 to {MaxReminders}.");
        }

        if (timers.EscalateToCommandAfter < timers.EscalateToGridLeadAfter)
        {
            v.Add($"{field}.escalateToCommandAfterSeconds", "The command center is escalated to after the grid leads, not before.");
        }

        return timers;
    }

    private static TimeSpan Seconds(Validation v, string field, int? seconds, TimeSpan fallback)
    {
        if (seconds is null)
        {
            return fallback;
        }

        if (seconds is < 1 or > MaxSeconds)
        {
            v.Add(field, $"Must be 1 to {MaxSeconds} seconds.");
        }

        return TimeSpan.FromSeconds(Math.Max(1, seconds.Value));
    }
}
