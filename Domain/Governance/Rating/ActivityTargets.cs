namespace Lianxin.Governance;

/// <summary>A year's activity at which a center of one level earns full marks.</summary>
public sealed record ActivityTargets(int CheckIns, double VolunteerHours);
