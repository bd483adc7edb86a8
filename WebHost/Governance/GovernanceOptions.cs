using Lianxin.Governance;

namespace Lianxin.WebHost.Governance;

/// <summary>Governance settings, bound from the <c>Governance</c> configuration section.</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>The walking distance of the 15-minute service circle, metres (<c>Governance:WalkingDistanceMeters</c>).</summary>
    public double WalkingDistanceMeters { get; set; } = ServiceCircleCalculator.DefaultWalkingDistanceMeters;

    /// <summary>Time limits of the help-request closed loop (<c>Governance:ClosedLoop:ToAssign</c>, …, as "d.hh:mm:ss").</summary>
    public ClosedLoopLimitsOptions ClosedLoop { get; set; } = new();
}

/// <summary>The help-request time limits as configuration; defaults are <see cref="ClosedLoopTimeLimits.Default"/>.</summary>
public sealed class ClosedLoopLimitsOptions
{
    public TimeSpan ToAssign { get; set; } = ClosedLoopTimeLimits.Default.ToAssign;

    public TimeSpan ToStart { get; set; } = ClosedLoopTimeLimits.Default.ToStart;

    public TimeSpan ToResolve { get; set; } = ClosedLoopTimeLimits.Default.ToResolve;

    public TimeSpan ToActOnEscalation { get; set; } = ClosedLoopTimeLimits.Default.ToActOnEscalation;

    public TimeSpan ToRate { get; set; } = ClosedLoopTimeLimits.Default.ToRate;

    public ClosedLoopTimeLimits ToLimits() => new(ToAssign, ToStart, ToResolve, ToActOnEscalation, ToRate);
}
