namespace Lianxin.Centers;

/// <summary>Where a center sits in the organisation; the level sets its floor-area and staffing standards.</summary>
public enum CenterLevel
{
    /// <summary>区: a district center, root of a command center's region.</summary>
    District = 1,
    /// <summary>镇: a town center.</summary>
    Town = 2,
    /// <summary>街道: a street (subdistrict) center, also a command-center region.</summary>
    Street = 3,
    /// <summary>管委会: a management committee center.</summary>
    ManagementCommittee = 4,
    /// <summary>村: a village center.</summary>
    Village = 5,
    /// <summary>社区: a community center.</summary>
    Community = 6,
    /// <summary>A sector site: state-owned enterprise, grade III+ hospital, industrial park, commercial building, market.</summary>
    SectorSite = 7,
    /// <summary>红帆驿站: a small service point for mobile party members.</summary>
    RedSailStation = 8,
}
