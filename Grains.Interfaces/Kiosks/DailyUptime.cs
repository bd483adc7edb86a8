namespace Lianxin.Kiosks;

/// <summary>How long a kiosk was up (online or degraded) out of the time it was watched, on one local day.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.DailyUptime")]
public sealed record DailyUptime(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] double UpSeconds,
    [property: Id(2)] double WatchedSeconds)
{
    /// <summary>Uptime in percent; 100 when nothing was watched yet.</summary>
    public double Percent => WatchedSeconds <= 0 ? 100 : Math.Round(100 * UpSeconds / WatchedSeconds, 2);
}
