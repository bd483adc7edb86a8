namespace Lianxin.Kiosks;

/// <summary>One kiosk event: the kiosk's own id for it (what makes a re-send harmless), the device time, and what happened.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskEvent")]
public sealed record KioskEvent(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] KioskEventBody Body);
