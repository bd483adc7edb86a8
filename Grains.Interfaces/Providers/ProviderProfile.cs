using Lianxin.Common;

namespace Lianxin.Providers;

/// <summary>
/// A qualified third-party provider (资质审核) on a region's list: its licence, the functions it may run, how long the
/// licence is valid and its rating. Outsourced activities name one; party-building is never outsourced.
/// </summary>
/// <param name="Id">The provider's id.</param>
/// <param name="Name">Its registered name.</param>
/// <param name="LicenceNumber">The licence (or unified social credit) number it was vetted under.</param>
/// <param name="Services">The basic functions it may run (never party-building).</param>
/// <param name="ValidFrom">The first day the licence is valid.</param>
/// <param name="ValidUntil">The last day the licence is valid.</param>
/// <param name="Rating">The region's rating of its work, 1–5; null until rated.</param>
/// <param name="RegionId">The region whose list it is on: its operators manage it, and centers below it may engage it.</param>
/// <param name="Suspended">Taken off the list for now: it may not be named by new activities.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.ProviderProfile")]
public sealed record ProviderProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string LicenceNumber,
    [property: Id(3)] IReadOnlyList<BasicFunction> Services,
    [property: Id(4)] DateOnly ValidFrom,
    [property: Id(5)] DateOnly ValidUntil,
    [property: Id(6)] decimal? Rating,
    [property: Id(7)] string RegionId,
    [property: Id(8)] bool Suspended);
