using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>A place where people live, with its household count: the unit of service-circle coverage.</summary>
/// <param name="Id">Unique within the district.</param>
/// <param name="GridId">The grid it lies in; null for remote places outside every grid.</param>
/// <param name="Location">Where it is.</param>
/// <param name="Households">How many households live there.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.ResidentialPoint")]
public sealed record ResidentialPoint(
    [property: Id(0)] string Id,
    [property: Id(1)] string? GridId,
    [property: Id(2)] GeoPoint Location,
    [property: Id(3)] int Households);
