using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>A place residents can walk to for service.</summary>
/// <param name="Id">The center's id (or <c>proposed</c> for a what-if site).</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What kind of place it is.</param>
/// <param name="Location">Where it is.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.ServiceSite")]
public sealed record ServiceSite(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ServiceSiteKind Kind,
    [property: Id(3)] GeoPoint Location);
