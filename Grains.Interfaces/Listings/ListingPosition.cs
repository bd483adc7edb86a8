namespace Lianxin.Listings;

/// <summary>The last line a page showed: the next page starts strictly after it in the page's order.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ListingPosition")]
public sealed record ListingPosition([property: Id(0)] string SortKey, [property: Id(1)] string Id);
