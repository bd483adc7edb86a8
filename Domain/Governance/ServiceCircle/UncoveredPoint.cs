using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>A residential point beyond walking distance of every site, with the nearest site and how far it is.</summary>
public sealed record UncoveredPoint(
    string Id,
    string? GridId,
    string CenterId,
    string AreaId,
    GeoPoint Location,
    int Households,
    string? NearestSiteId,
    double? NearestSiteMeters);
