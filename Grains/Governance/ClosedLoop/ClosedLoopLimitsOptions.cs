namespace Lianxin.Governance;

/// <summary>
/// The help-request time limits as configuration (<c>Governance:ClosedLoop:ToAssign</c>, …, as "d.hh:mm:ss");
/// defaults are <see cref="ClosedLoopTimeLimits.Default"/>. Read by the silo (the help-request actors) and the web host.
/// </summary>
public sealed class ClosedLoopLimitsOptions
{
    public const string Section = "Governance:ClosedLoop";

    public TimeSpan ToAssign { get; set; } = ClosedLoopTimeLimits.Default.ToAssign;

    public TimeSpan ToStart { get; set; } = ClosedLoopTimeLimits.Default.ToStart;

    public TimeSpan ToResolve { get; set; } = ClosedLoopTimeLimits.Default.ToResolve;

    public TimeSpan ToActOnEscalation { get; set; } = ClosedLoopTimeLimits.Default.ToActOnEscalation;

    public TimeSpan ToRate { get; set; } = ClosedLoopTimeLimits.Default.ToRate;

    /// <summary>
    /// How often a center's order queue wakes its requests whose limit passed while no silo held their timers (after a
    /// restart or failover): the most an escalation can then be late. Also the period of the center's durable reminder.
    /// </summary>
    public TimeSpan DueSweep { get; set; } = TimeSpan.FromMinutes(1);

    public ClosedLoopTimeLimits ToLimits() => new(ToAssign, ToStart, ToResolve, ToActOnEscalation, ToRate);
}
