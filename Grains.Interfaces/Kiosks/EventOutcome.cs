namespace Lianxin.Kiosks;

/// <summary>The answer for one event: its status and, when rejected, why.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.EventOutcome")]
public sealed record EventOutcome(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] EventStatus Status,
    [property: Id(2)] string? Reason = null)
{
    /// <summary>The event was accepted.</summary>
    public static EventOutcome Accepted(Guid eventId) => new(eventId, EventStatus.Accepted);

    /// <summary>The event was refused, with the reason the kiosk is told.</summary>
    public static EventOutcome Rejected(Guid eventId, string reason) => new(eventId, EventStatus.Rejected, reason);
}
