namespace Lianxin.Kiosks;

/// <summary>Kiosk rules and their defaults, bound from the <c>Kiosks</c> configuration section.</summary>
public sealed class KioskOptions
{
    public const string Section = "Kiosks";

    /// <summary>The longest a visit stays open without a check-out before it is closed automatically.</summary>
    public TimeSpan MaxVisit { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A kiosk silent this long is degraded.</summary>
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A kiosk silent this long is offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A kiosk offline this long during opening hours raises an alert.</summary>
    public TimeSpan OutageAlertAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far ahead of the server clock an event's occurredAt may be (device clocks drift).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old an event may be when it arrives: older ones come from a kiosk whose clock was reset.</summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The IANA time zone of opening hours and of "today".</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How often a kiosk records how far its journal has been applied durably.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How soon a kiosk's acknowledged events are applied after the silo that held its ingest died before they were
    /// applied durably, when the kiosk sends nothing more (its next batch applies them at once). The period of a durable
    /// reminder that each kiosk holds while it has such events; Orleans allows no less than a minute by default.
    /// </summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often kiosk health and center activity are re-evaluated while nothing else happens.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often at most a center's activity writes its snapshot. Between snapshots the kiosks' journal holds what
    /// changed (a replay re-applies it), so this bounds the replay after a crash, not what is kept: longer means fewer
    /// and larger-interval writes of the whole state on the live path.
    /// </summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Points earned per approved service hour (Qufu: 10).</summary>
    public int PointsPerServiceHour { get; set; } = 10;

    /// <summary>How long closed visits and unpaired check-outs are kept for late events to pair with.</summary>
    public TimeSpan VisitRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// At most this many closed visits are kept per center (the most recent): the center's state is written whole,
    /// so it must stay small however busy the center is. Hours and counts do not depend on them.
    /// </summary>
    public int ClosedVisitsKept { get; set; } = 2000;

    /// <summary>The time zone, falling back to China Standard Time (UTC+8, no daylight saving) where the zone database is missing.</summary>
    public TimeZoneInfo Zone => _zone ??= ResolveZone(TimeZone);

    private TimeZoneInfo? _zone;

    /// <summary>The centers' local day at an instant: "today" and "this year" for everyone, whatever the server's own zone.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static TimeZoneInfo ResolveZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
