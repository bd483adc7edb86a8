namespace Lianxin.Kiosks;

/// <summary>A fault a kiosk reported, as shown in its health.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskFault")]
public sealed record KioskFault(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] string Peripheral,
    [property: Id(3)] string Code,
    [property: Id(4)] string? Message);
