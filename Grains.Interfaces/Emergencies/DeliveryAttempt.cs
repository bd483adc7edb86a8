namespace Lianxin.Emergencies;

/// <summary>
/// One try of one outbound gateway for one batch: kept whatever its result. <see cref="Attempt"/> counts the tries
/// of this batch on this channel (retries of one gateway and the failover to the next).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.DeliveryAttempt")]
public sealed record DeliveryAttempt(
    [property: Id(0)] Guid BatchId,
    [property: Id(1)] AlertKind Kind,
    [property: Id(2)] int MessageNumber,
    [property: Id(3)] string Gateway,
    [property: Id(4)] int Attempt,
    [property: Id(5)] bool Succeeded,
    [property: Id(6)] int? StatusCode,
    [property: Id(7)] string? Error,
    [property: Id(8)] int Recipients,
    [property: Id(9)] DateTimeOffset At,
    [property: Id(10)] double DurationMs,
    [property: Id(11)] AlertChannel Channel = AlertChannel.Sms,
    [property: Id(12)] string? IdempotencyKey = null);
