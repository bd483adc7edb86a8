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

    public ClosedLoopTimeLimits ToLimits() => new(ToAssign, ToStart, ToResolve, ToActOnEscalation, ToRate);
}
