namespace Lianxin.EventFeed;

/// <summary>One line of the subscription directory: which subscription serves which region.</summary>
/// <param name="Id">The subscription's id.</param>
/// <param name="RegionPath">Its region and every center above it, the region first.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.SubscriptionEntry")]
public sealed record SubscriptionEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<string> RegionPath);
