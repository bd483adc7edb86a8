namespace Lianxin.Emergencies;

/// <summary>
/// The schedule of a roll-call: how long an asked person has to answer before the next on the reserve list is
/// asked, how often non-responders are reminded and how many times at most, and when the unaccounted are
/// escalated to their grid lead and then to the command center.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.RollCallTimers")]
public sealed record RollCallTimers(
    [property: Id(0)] TimeSpan AskTimeout,
    [property: Id(1)] TimeSpan ReminderInterval,
    [property: Id(2)] int ReminderCap,
    [property: Id(3)] TimeSpan EscalateToGridLeadAfter,
    [property: Id(4)] TimeSpan EscalateToCommandAfter)
{
    /// <summary>
    /// How long a person has to confirm receipt (answer) before their next outbound channel is tried; null: the
    /// deployment's default.
    /// </summary>
    [Id(5)]
    public TimeSpan? ChannelWindow { get; init; }

    /// <summary>Defaults when neither the scenario nor the launch sets them.</summary>
    public static RollCallTimers Default { get; } = new(
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), 3, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30));
}
