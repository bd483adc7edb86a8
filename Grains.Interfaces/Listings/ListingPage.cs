namespace Lianxin.Listings;

/// <summary>A page of listing lines in the query's order, and whether more follow the last one.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ListingPage")]
public sealed record ListingPage([property: Id(0)] IReadOnlyList<ListingEntry> Entries, [property: Id(1)] bool HasMore);
