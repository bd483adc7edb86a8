namespace Lianxin.Governance;

/// <summary>The numbers of the implementation plan that centers are checked against (see docs/star-rating.md).</summary>
public static class CenterStandards
{
    /// <summary>Town (镇) centers: at least 500 m².</summary>
    public const double TownMinAreaSqm = 500;

    /// <summary>Street (街道) centers: at least 1,000 m².</summary>
    public const double StreetMinAreaSqm = 1000;

    /// <summary>Village (村) centers: at least 200 m².</summary>
    public const double VillageMinAreaSqm = 200;

    /// <summary>Community (社区) centers: at least 30 m² per 100 households.</summary>
    public const double CommunitySqmPer100Households = 30;

    /// <summary>Community centers should strive for 40 m² per 100 households (力争); reported, never failed.</summary>
    public const double CommunityTargetSqmPer100Households = 40;

    /// <summary>Centers run at a level of government: at least 3 operations staff.</summary>
    public const int MinOperationsStaff = 3;

    /// <summary>Every staff member: at least 3 days of training a year.</summary>
    public const int MinTrainingDays = 3;

    /// <summary>The ten basic functions.</summary>
    public const int BasicFunctionCount = 10;

    /// <summary>
    /// Extended hours (延时服务): staffed hours must reach past the end of an office day. The plan names the rule
    /// without a clock time; 18:00 is this product's reading of it.
    /// </summary>
    public static readonly TimeOnly ExtendedHoursUntil = new(18, 0);
}
