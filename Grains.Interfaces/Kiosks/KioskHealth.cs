namespace Lianxin.Kiosks;

/// <summary>A kiosk's health: heartbeat state, peripherals, recent faults, uptime per day and any open outage alert.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskHealth")]
public sealed record KioskHealth(
    [property: Id(0)] string KioskId,
    [property: Id(1)] KioskConnectivity Connectivity,
    [property: Id(2)] DateTimeOffset? LastHeartbeatAt,
    [property: Id(3)] string? AppVersion,
    [property: Id(4)] IReadOnlyDictionary<string, PeripheralStatus> Peripherals,
    [property: Id(5)] IReadOnlyList<KioskFault> RecentFaults,
    [property: Id(6)] IReadOnlyList<DailyUptime> Uptime,
    [property: Id(7)] KioskAlert? OpenAlert);
