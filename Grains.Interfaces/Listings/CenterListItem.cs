using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Listings;

/// <summary>A center as its registry list shows it.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterListItem")]
public sealed record CenterListItem(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] CenterLevel Level,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] string? Address,
    [property: Id(5)] GeoPoint Location,
    [property: Id(6)] OpeningHours OpeningHours,
    [property: Id(7)] bool SelfService24h,
    [property: Id(8)] IReadOnlyList<BasicFunction> Functions,
    [property: Id(9)] int Capacity);
