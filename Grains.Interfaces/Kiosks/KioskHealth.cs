namespace Lianxin.Kiosks;

/// <summary>
/// A kiosk's health: connectivity (from its last heartbeat or upload, whichever is later), peripherals, recent faults,
/// uptime per day, any open outage alert and the open peripheral alerts.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskHealth")]
public sealed record KioskHealth(
    [property: Id(0)] string KioskId,
    [property: Id(1)] KioskConnectivity Connectivity,
    [property: Id(2)] DateTimeOffset? LastHeartbeatAt,
    [property: Id(3)] string? AppVersion,
    [property: Id(4)] IReadOnlyDictionary<string, PeripheralStatus> Peripherals,
    [property: Id(5)] IReadOnlyList<KioskFault> RecentFaults,
    [property: Id(6)] IReadOnlyList<DailyUptime> Uptime,
    [property: Id(7)] KioskAlert? OpenAlert,
    [property: Id(8)] DateTimeOffset? LastSeenAt = null,
    [property: Id(9)] IReadOnlyList<KioskAlert>? PeripheralAlerts = null);
