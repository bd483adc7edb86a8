namespace Lianxin.EventFeed;

/// <summary>One page of the feed of a region: its events in cursor order, and the cursor to ask after next.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] IReadOnlyList<FeedRecord> Records,
    [property: Id(1)] long Next);
