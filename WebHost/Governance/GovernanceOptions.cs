using Lianxin.Governance;

namespace Lianxin.WebHost.Governance;

/// <summary>Governance settings, bound from the <c>Governance</c> configuration section.</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>The walking distance of the 15-minute service circle, metres (<c>Governance:WalkingDistanceMeters</c>).</summary>
    public double WalkingDistanceMeters { get; set; } = ServiceCircleCalculator.DefaultWalkingDistanceMeters;
}
