using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>What a proposed new site would add: the points it would newly cover, and the totals before and after.</summary>
public sealed record SiteProposal(
    GeoPoint Location,
    double WalkingDistanceMeters,
    CoverageTotals Before,
    CoverageTotals After,
    IReadOnlyList<AreaCoverage> AreasAfter,
    IReadOnlyList<UncoveredPoint> NewlyCovered)
{
    public int AddedHouseholds => After.CoveredHouseholds - Before.CoveredHouseholds;

    public int AddedPoints => After.CoveredPoints - Before.CoveredPoints;
}
