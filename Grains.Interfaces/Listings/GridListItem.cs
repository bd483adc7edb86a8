namespace Lianxin.Listings;

/// <summary>A grid as its registry list shows it.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.GridListItem")]
public sealed record GridListItem([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string CenterId);
