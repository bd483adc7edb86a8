namespace Lianxin.Activity;

/// <summary>A kiosk event whose effect a rule refused, kept for the center's staff with the reason.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.RejectedEvent")]
public sealed record RejectedEvent(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] string KioskId,
    [property: Id(2)] string? PersonId,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] string Reason);
