namespace Lianxin.Shifts;

/// <summary>Shift rules and their defaults, bound from the <c>Shifts</c> configuration section.</summary>
public sealed class ShiftOptions
{
    public const string Section = "Shifts";

    /// <summary>How far ahead occurrences are made (and can be signed up for).</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long before a shift its people are reminded.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long before a shift one short of its minimum alerts the center's staff and invites available people.</summary>
    public TimeSpan RiskWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How early before the start a check-in still credits the shift.</summary>
    public TimeSpan CheckInGrace { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long settled occurrences stay in the rota (a person's recent shifts).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
