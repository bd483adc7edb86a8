namespace Lianxin.Emergencies;

/// <summary>One line of the emergency directory: enough to list emergencies and to find the live ones.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.EmergencyEntry")]
public sealed record EmergencyEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] EmergencyMode Mode,
    [property: Id(3)] EmergencyLevel Level,
    [property: Id(4)] EmergencyPhase Phase,
    [property: Id(5)] string HomeCenterId,
    [property: Id(6)] string? HomeGridId,
    [property: Id(7)] DateTimeOffset LaunchedAt,
    [property: Id(8)] DateTimeOffset? ClosedAt = null);
