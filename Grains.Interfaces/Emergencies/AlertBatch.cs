namespace Lianxin.Emergencies;

/// <summary>
/// One message to many people on one outbound channel: the alert without a token, the recipients with theirs. The
/// idempotency key is the same however often the batch is sent (retries, a resumed fan-out), so a gateway that
/// honours it delivers it once.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AlertBatch")]
public sealed record AlertBatch(
    [property: Id(0)] Guid BatchId,
    [property: Id(1)] VolunteerAlert Alert,
    [property: Id(2)] IReadOnlyList<AlertRecipient> Recipients,
    [property: Id(3)] AlertChannel Channel,
    [property: Id(4)] string IdempotencyKey);
