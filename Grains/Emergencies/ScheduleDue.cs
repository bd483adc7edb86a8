namespace Lianxin.Emergencies;

/// <summary>
/// What a roll-call must do now: send reminder number <see cref="Reminder"/>, escalate, expire overdue asks; and
/// when to look again.
/// </summary>
internal sealed record ScheduleDue(int? Reminder, bool EscalateGridLeads, bool EscalateCommand, bool ExpireAsks, DateTimeOffset? NextAt);
