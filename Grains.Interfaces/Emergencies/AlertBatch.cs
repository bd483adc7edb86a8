namespace Lianxin.Emergencies;

/// <summary>
/// One message to many people: the alert without a token, the recipients with theirs, and whether the outbound
/// gateways carry it too (besides in-app push).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AlertBatch")]
public sealed record AlertBatch(
    [property: Id(0)] Guid BatchId,
    [property: Id(1)] VolunteerAlert Alert,
    [property: Id(2)] IReadOnlyList<AlertRecipient> Recipients,
    [property: Id(3)] bool Outbound);
