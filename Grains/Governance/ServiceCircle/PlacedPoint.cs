namespace Lianxin.Governance;

/// <summary>
/// A residential point with where it belongs: the center whose registry holds it and the area (the street or
/// town center above that center) coverage is reported by.
/// </summary>
public sealed record PlacedPoint(ResidentialPoint Point, string CenterId, string AreaId, string AreaName);
