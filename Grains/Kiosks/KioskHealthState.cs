namespace Lianxin.Kiosks;

/// <summary>The persisted state of a kiosk's health. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.KioskHealthState")]
public sealed class KioskHealthState
{
    [Id(0)] public DateTimeOffset? LastBeatAt { get; set; }
    [Id(1)] public string? AppVersion { get; set; }
    [Id(2)] public Dictionary<string, PeripheralStatus> Peripherals { get; set; } = [];
    [Id(3)] public List<KioskFault> RecentFaults { get; set; } = [];
    [Id(4)] public Dictionary<DateOnly, DailyUptime> Uptime { get; set; } = [];

    /// <summary>Uptime is accounted up to here.</summary>
    [Id(5)] public DateTimeOffset? AccountedThrough { get; set; }
    [Id(6)] public KioskAlert? OpenAlert { get; set; }

    /// <summary>The last authenticated upload that was not a heartbeat: it counts as a sign of life too.</summary>
    [Id(7)] public DateTimeOffset? LastTrafficAt { get; set; }

    /// <summary>Open peripheral alerts by peripheral name.</summary>
    [Id(8)] public Dictionary<string, KioskAlert> PeripheralAlerts { get; set; } = [];

    /// <summary>The connectivity the outbound event feed last heard (online or offline); null before the first.</summary>
    [Id(9)] public KioskConnectivity? FeedConnectivity { get; set; }
}
