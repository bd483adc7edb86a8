namespace Lianxin.Emergencies;

/// <summary>What of a roll-call's schedule has been done: the last reminder number and the escalations.</summary>
internal sealed record ScheduleProgress(int LastReminder, bool GridLeadsEscalated, bool CommandEscalated);
