using Lianxin.Centers;

namespace Lianxin.Kiosks;

/// <summary>
/// Heartbeat states, uptime accounting and the sustained-outage rule: pure functions of times, unit-tested. "Last beat"
/// is the last sign of life (<see cref="LastSign"/>): a heartbeat or any other authenticated upload.
/// </summary>
public sealed class KioskHealthRules(KioskOptions options, LocalCalendar calendar)
{
    /// <summary>
    /// The last time the kiosk was heard from: its last heartbeat or its last authenticated upload, whichever is later.
    /// A kiosk that uploads events but sends no heartbeats is alive.
    /// </summary>
    public static DateTimeOffset? LastSign(DateTimeOffset? lastBeat, DateTimeOffset? lastTraffic) =>
        lastBeat is null ? lastTraffic : lastTraffic is null ? lastBeat : (lastBeat > lastTraffic ? lastBeat : lastTraffic);

    public KioskConnectivity Connectivity(DateTimeOffset? lastBeat, DateTimeOffset now) => lastBeat switch
    {
        null => KioskConnectivity.Unknown,
        { } beat when now - beat < options.DegradedAfter => KioskConnectivity.Online,
        { } beat when now - beat < options.OfflineAfter => KioskConnectivity.Degraded,
        _ => KioskConnectivity.Offline,
    };

    /// <summary>When the kiosk went offline: <see cref="KioskOptions.OfflineAfter"/> after its last beat.</summary>
    public DateTimeOffset? OfflineSince(DateTimeOffset? lastBeat) => lastBeat + options.OfflineAfter;

    /// <summary>
    /// Adds [<paramref name="from"/>, <paramref name="to"/>) to the watched time of each local day it touches, and the
    /// part of it within <see cref="KioskOptions.OfflineAfter"/> of the last beat to the up time (online or degraded).
    /// </summary>
    public void Account(Dictionary<DateOnly, DailyUptime> days, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? lastBeat)
    {
        var upUntil = lastBeat is { } beat ? beat + options.OfflineAfter : from;
        var cursor = from;
        while (cursor < to)
        {
            var day = calendar.Day(cursor);
            var end = Min(to, calendar.StartOf(day.AddDays(1)));
            var up = Min(end, upUntil) - cursor;
            var current = days.GetValueOrDefault(day) ?? new DailyUptime(day, 0, 0);
            days[day] = current with
            {
                UpSeconds = current.UpSeconds + Math.Max(0, up.TotalSeconds),
                WatchedSeconds = current.WatchedSeconds + (end - cursor).TotalSeconds,
            };
            cursor = end;
        }
    }

    /// <summary>
    /// True when the kiosk has been offline for at least <see cref="KioskOptions.OutageAlertAfter"/> of the current
    /// opening period: kiosks run around the clock, but people are alerted only while the center is staffed.
    /// </summary>
    public bool OutageAlertDue(DateTimeOffset? lastBeat, DateTimeOffset now, OpeningHours? hours)
    {
        if (OfflineSince(lastBeat) is not { } since || since > now || hours is null || calendar.OpeningPeriodAt(hours, now) is not { } period)
        {
            return false;
        }

        return now - Max(since, period.Opens) >= options.OutageAlertAfter;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
