namespace Lianxin.Governance;

/// <summary>How many residential points and households there are, and how many lie within walking distance of a site.</summary>
public sealed record CoverageTotals(int Points, int CoveredPoints, int Households, int CoveredHouseholds)
{
    public static CoverageTotals Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Covered households as a share of all households, 0–1; 1 when there are none.</summary>
    public double HouseholdShare => Households == 0 ? 1 : CoveredHouseholds / (double)Households;

    /// <summary>Covered points as a share of all points, 0–1; 1 when there are none.</summary>
    public double PointShare => Points == 0 ? 1 : CoveredPoints / (double)Points;

    public CoverageTotals Add(ResidentialPoint point, bool covered) => new(
        Points + 1, CoveredPoints + (covered ? 1 : 0), Households + point.Households, CoveredHouseholds + (covered ? point.Households : 0));
}
