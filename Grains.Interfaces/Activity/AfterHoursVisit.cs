namespace Lianxin.Activity;

/// <summary>A door opened by ID card outside opening hours.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AfterHoursVisit")]
public sealed record AfterHoursVisit(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] string KioskId,
    [property: Id(2)] string PersonId,
    [property: Id(3)] string? Door,
    [property: Id(4)] DateTimeOffset OccurredAt);
