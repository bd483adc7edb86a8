namespace Lianxin.Emergencies;

/// <summary>What a gateway receives: one message and its recipients, each with the reply token for their answer.</summary>
public sealed record WebhookPayload(
    Guid BatchId,
    string EmergencyId,
    int MessageNumber,
    AlertKind Kind,
    EmergencyMode Mode,
    EmergencyLevel Level,
    string Headline,
    string Text,
    IReadOnlyList<WebhookRecipient> Recipients);

/// <summary>One recipient of a gateway message.</summary>
public sealed record WebhookRecipient(string VolunteerId, string Name, string Phone, string? Token);
