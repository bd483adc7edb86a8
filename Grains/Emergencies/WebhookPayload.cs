namespace Lianxin.Emergencies;

/// <summary>
/// What a gateway receives: one message on one channel and its recipients, each with the reply token for their
/// answer. <see cref="IdempotencyKey"/> (also sent as the <c>Idempotency-Key</c> header) is the same on every retry
/// of the batch: a gateway that has seen it must not deliver it again.
/// </summary>
public sealed record WebhookPayload(
    Guid BatchId,
    string EmergencyId,
    int MessageNumber,
    AlertKind Kind,
    EmergencyMode Mode,
    EmergencyLevel Level,
    string Headline,
    string Text,
    IReadOnlyList<WebhookRecipient> Recipients,
    AlertChannel Channel = AlertChannel.Sms,
    string? IdempotencyKey = null);

/// <summary>One recipient of a gateway message.</summary>
public sealed record WebhookRecipient(string VolunteerId, string Name, string Phone, string? Token);
