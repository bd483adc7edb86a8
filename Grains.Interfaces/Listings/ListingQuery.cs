namespace Lianxin.Listings;

/// <summary>
/// A page of one listing. The scope is at most one of: <see cref="WithinCenterId"/> (that center's subtree, itself
/// included), <see cref="GridId"/>, <see cref="OnlyId"/>; <see cref="AncestorsOf"/> adds the lines owned by the
/// centers above that center (an emergency launched above a street is the street's too). Every tag in
/// <see cref="Tags"/> must be on a line for it to show.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ListingQuery")]
public sealed record ListingQuery(
    [property: Id(0)] ListingKind Kind,
    [property: Id(1)] string? WithinCenterId,
    [property: Id(2)] string? GridId,
    [property: Id(3)] string? OnlyId,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] ListingSort Sort,
    [property: Id(6)] bool Descending,
    [property: Id(7)] ListingPosition? After,
    [property: Id(8)] int Limit,
    [property: Id(9)] string? AncestorsOf = null);
