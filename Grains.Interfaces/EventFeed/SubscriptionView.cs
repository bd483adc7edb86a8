namespace Lianxin.EventFeed;

/// <summary>
/// A subscription as operators see it (never its secret): its phase, the durable cursor (everything up to it was
/// answered 2xx by the receiver), how many events it delivered, the failure being retried, and its dead letters.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SubscriptionView")]
public sealed record SubscriptionView(
    [property: Id(0)] EventSubscriptionDefinition Definition,
    [property: Id(1)] SubscriptionPhase Phase,
    [property: Id(2)] long Cursor,
    [property: Id(3)] long Delivered,
    [property: Id(4)] int FailedAttempts,
    [property: Id(5)] string? LastError,
    [property: Id(6)] DateTimeOffset? NextAttemptAt,
    [property: Id(7)] IReadOnlyList<DeadLetter> DeadLetters);
