namespace Lianxin.EventFeed;

/// <summary>A push subscription: where the events of a region go, who made it and when.</summary>
/// <param name="Id">The subscription's id.</param>
/// <param name="Url">The receiving endpoint (https outside Development).</param>
/// <param name="RegionId">The center whose subtree's events are delivered.</param>
/// <param name="CreatedBy">Who created it (role and token subject).</param>
/// <param name="CreatedAt">When.</param>
/// <param name="StartAfter">The cursor delivery starts after: the log's end when it was created, unless asked otherwise.</param>
/// <param name="Mode">One event per request (as subscriptions made before batches existed) or batches.</param>
/// <param name="BatchSize">At most this many events per request in <see cref="DeliveryMode.Batch"/> mode.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.EventSubscriptionDefinition")]
public sealed record EventSubscriptionDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string RegionId,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] long StartAfter,
    [property: Id(6)] DeliveryMode Mode = DeliveryMode.Single,
    [property: Id(7)] int BatchSize = 1);
