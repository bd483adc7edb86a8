namespace Lianxin.WebHost.Apis.Providers;

/// <summary>
/// A qualified provider: name, licence number, the basic functions it may run (never <c>partyBuilding</c>), the licence's
/// first and last valid day, an optional rating 1–5, the region whose list it is on (default: the caller's; fixed once
/// listed) and whether it is suspended. <c>id</c> is required when listing, taken from the path when changing.
/// </summary>
public sealed record ProviderRequest(
    string? Id,
    string? Name,
    string? LicenceNumber,
    IReadOnlyList<string>? Services,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    decimal? Rating,
    string? RegionId,
    bool? Suspended);
