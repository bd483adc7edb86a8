using Lianxin.Kiosks;

namespace Lianxin.Shifts;

/// <summary>Whether a person's weekly availability covers a whole shift occurrence, in local time.</summary>
public static class AvailabilityRule
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public static bool Covers(ShiftAvailability availability, DateTimeOffset startsAt, DateTimeOffset endsAt, LocalCalendar calendar)
    {
        var start = calendar.ToLocal(startsAt);
        var length = endsAt - startsAt;
        var startTime = start.TimeOfDay;
        return availability.Windows.Any(w =>
        {
            var from = w.From.ToTimeSpan();
            var to = w.To > w.From ? w.To.ToTimeSpan() : w.To.ToTimeSpan() + Day;
            return w.Day == start.DayOfWeek && from <= startTime && startTime + length <= to;
        });
    }
}
