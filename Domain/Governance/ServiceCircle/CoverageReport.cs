namespace Lianxin.Governance;

/// <summary>The 15-minute service circle of a region: totals, per street or town, and the points left out.</summary>
public sealed record CoverageReport(
    double WalkingDistanceMeters,
    string DistanceMethod,
    int Sites,
    CoverageTotals Totals,
    IReadOnlyList<AreaCoverage> Areas,
    IReadOnlyList<UncoveredPoint> Uncovered);
