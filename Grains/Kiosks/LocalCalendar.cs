using Lianxin.Centers;

namespace Lianxin.Kiosks;

/// <summary>Local days and opening hours in the configured time zone.</summary>
public sealed class LocalCalendar(TimeZoneInfo zone)
{
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    public DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant a local day starts.</summary>
    public DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>The instant of a local wall-clock time on a local day.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The opening period that contains <paramref name="instant"/>, or null when the center is closed then.
    /// Hours whose closing time is not after the opening time run past midnight.
    /// </summary>
    public (DateTimeOffset Opens, DateTimeOffset Closes)? OpeningPeriodAt(OpeningHours hours, DateTimeOffset instant)
    {
        var day = Day(instant);
        foreach (var start in new[] { day.AddDays(-1), day })
        {
            var opens = At(start, hours.Opens);
            var closes = hours.Closes > hours.Opens ? At(start, hours.Closes) : At(start.AddDays(1), hours.Closes);
            if (instant >= opens && instant < closes)
            {
                return (opens, closes);
            }
        }

        return null;
    }
}
