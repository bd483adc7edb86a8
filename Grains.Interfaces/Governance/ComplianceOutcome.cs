namespace Lianxin.Governance;

/// <summary>How a center fares against one standard.</summary>
public enum ComplianceOutcome
{
    /// <summary>Meets the standard.</summary>
    Pass = 1,
    /// <summary>Misses the standard.</summary>
    Fail = 2,
    /// <summary>Misses the number but holds a recorded exemption with a reason; counts as meeting it.</summary>
    Exempt = 3,
    /// <summary>The plan sets no such standard for the center's level (e.g. floor area of a Red Sail station).</summary>
    NotApplicable = 4,
}
