namespace Lianxin.EventFeed;

/// <summary>An event as stored in the outbound log: its place in the global order and the path of its center.</summary>
/// <param name="Position">The global cursor: strictly increasing in the order events became durable.</param>
/// <param name="Event">The event.</param>
/// <param name="CenterPath">The event's center and every center above it, as <c>/center/parent/…/root/</c>.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.FeedRecord")]
public sealed record FeedRecord(
    [property: Id(0)] long Position,
    [property: Id(1)] FeedEvent Event,
    [property: Id(2)] string CenterPath);
