namespace Lianxin.Governance;

/// <summary>
/// A residential point with where it belongs: the center whose registry holds it and the area (the street or
/// town center above that center) coverage is reported by.
/// </summary>
/// <param name="Point">The residential point.</param>
/// <param name="CenterId">The center whose registry holds it.</param>
/// <param name="AreaId">The street, town or management committee center coverage is reported by.</param>
/// <param name="AreaName">That area's name.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.PlacedPoint")]
public sealed record PlacedPoint(
    [property: Id(0)] ResidentialPoint Point,
    [property: Id(1)] string CenterId,
    [property: Id(2)] string AreaId,
    [property: Id(3)] string AreaName);
