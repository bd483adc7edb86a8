using Lianxin.Common;

namespace Lianxin.Listings;

/// <summary>
/// One line of a registry's listing index, written where the registry changes. <see cref="CenterId"/> is the center
/// that owns the thing (a center owns itself; a person has none and is placed through <see cref="GridId"/>), so a
/// region's lines are found through the current tree, and a moved center or grid takes its people along.
/// <see cref="SortKey"/> orders the list (name, due time, launch time); <see cref="Tags"/> are the filter values
/// (<c>level:town</c>, <c>skill:swimming</c>); <see cref="Item"/> is what the list shows, as JSON, never with personal
/// data unmasked.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ListingEntry")]
public sealed record ListingEntry(
    [property: Id(0)] ListingKind Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string? CenterId,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] string? GridId,
    [property: Id(5)] string SortKey,
    [property: Id(6)] IReadOnlyList<string> Tags,
    [property: Id(7)] GeoPoint? Location,
    [property: Id(8)] string Item);
